# A claim that negates with a verb ("refused to concede", "failed to
# concede") says what "did not concede" says: the passage's negation is
# no opposite of it, so nothing is listed negated; a claim that concedes
# is.
. "$(dirname "$0")/lib.sh"
mkdir docs
cat > docs/a.txt <<'TXT'
Election Night

The opposition leader, Zoë Çela, did not concede defeat and said the count would be challenged in court.
TXT
settle docs
"$CITESEARCH" index --quiet docs

for claim in 'Zoe Cela refused to concede defeat' 'Zoe Cela failed to concede defeat' \
             'Zoe Cela declined to concede defeat'; do
    cs query --format jsonl -n 1 --mode claim "$claim" > out.jsonl
    [ "$(jq_py 'rs[0].get("negated", [])' < out.jsonl)" = "[]" ] || fail "$claim: $(cat out.jsonl)"
done
cs query --format jsonl -n 1 --mode claim 'Zoe Cela conceded defeat' > out.jsonl
[ "$(jq_py 'rs[0].get("negated", [])' < out.jsonl)" = "['conceded', 'defeat']" ] ||
    fail "conceded: $(cat out.jsonl)"
