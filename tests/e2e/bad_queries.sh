# Every query a person or a script can type ends in an answer or a clear
# error: never a crash or a hang.
. "$(dirname "$0")/lib.sh"
setup_corpus

expect() { # expect STATUS QUERY...
    local want=$1
    shift
    set +e
    timeout 60 "$CITESEARCH" query --format jsonl -n 3 -- "$@" > out.jsonl 2> err.txt
    status=$?
    set -e
    [ "$status" -eq "$want" ] || fail "query [$*]: status $status, expected $want ($(cat err.txt))"
}

expect 2 ""
grep -q "empty query" err.txt || fail "empty query message: $(cat err.txt)"
expect 2 "   "
expect 0 "the of and"                      # only stop words: they count then
expect 0 '"unbalanced quote runs to the end of the query'
expect 1 "+(+(-(+zzzzqqq)))"               # nesting is punctuation
expect 0 "((((((Rama))))))"
expect 0 "$(printf 'Rama \001\002\033[31m \177')"  # control characters
expect 1 "Rama date:1800..1801"            # a date range before every date
expect 2 "Rama date:2023-02-31x"
grep -q "date:2023-02-31x" err.txt || fail "bad date message: $(cat err.txt)"
expect 2 "$(printf 'bad \303( utf8')"
grep -q "invalid UTF-8 at byte 4" err.txt || fail "utf-8 message: $(cat err.txt)"

# 10,000 words: answered, in bounded time.
python3 -c "
import random
random.seed(1)
w = open('corpus/004_ea823e42dca6d0bc.txt').read().split()
print(' '.join(random.choice(w) for _ in range(10000)))" > long.txt
expect 0 "$(cat long.txt)"

# NUL bytes and control characters in batch cells: an error record for the
# bad row, answers for the others.
printf 'id,query\n1,"a\000b"\n2,Rama\n3,"\001\002"\n' > nul.csv
set +e
timeout 60 "$CITESEARCH" query --format jsonl --batch nul.csv > out.jsonl 2> err.txt
status=$?
set -e
[ "$status" -eq 2 ] || fail "NUL batch: status $status"
jq_py '[r.get("query_id") for r in rs if "error" in r]' < out.jsonl | grep -q "'1'" ||
    fail "NUL row not reported: $(cat out.jsonl)"
jq_py 'any(r.get("query_id") == "2" and "rank" in r for r in rs)' < out.jsonl | grep -qx True ||
    fail "the good row was dropped"
echo ok
