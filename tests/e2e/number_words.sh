# A number written out in several words as English says it ("three
# hundred and twelve", "two thousand five hundred") is the number in
# digits: a misquotation's diff says it is the same number, one change,
# and a claim's words are supported by it; another value is a number
# changed.
. "$(dirname "$0")/lib.sh"
mkdir docs
cat > docs/a.txt <<'TXT'
Harbor Fire

The harbor fire on 7th September 2021 destroyed 2,500 homes and left the town without power for a week.

The inquiry's report was published on 14 March 2020 and runs to 312 pages, with many photographs.
TXT
settle docs
"$CITESEARCH" index --quiet docs

diff_of() { # diff_of QUOTATION: the text output's differs line
    cs query --format text -n 1 "\"$1\"" | grep 'differs:' | sed 's/^ *//'
}
got=$(diff_of "The inquiry's report was published on 14 March 2020 and runs to three hundred and twelve pages, with many photographs")
[ "$got" = "differs: three hundred and twelve -> 312 (same number)" ] || fail "312: $got"
got=$(diff_of "The harbor fire on 7th September 2021 destroyed two thousand five hundred homes and left the town without power for a week")
[ "$got" = "differs: two thousand five hundred -> 2,500 (same number)" ] || fail "2,500: $got"
got=$(diff_of "The harbor fire on 7th September 2021 destroyed two thousand six hundred homes and left the town without power for a week")
[ "$got" = "differs: two thousand six hundred -> 2,500 (number)" ] || fail "2,600: $got"

cs query --format jsonl -n 1 --mode claim 'harbor fire destroyed two thousand five hundred homes' > out.jsonl
[ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "[]" ] || fail "claim 2,500: $(cat out.jsonl)"
cs query --format jsonl -n 1 --mode claim 'harbor fire destroyed two thousand six hundred homes' > out.jsonl
[ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "['two', 'thousand', 'six', 'hundred']" ] ||
    fail "claim 2,600: $(cat out.jsonl)"
