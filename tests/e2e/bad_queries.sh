# Every query a person or a script can type ends in an answer or a clear
# error: never a crash or a hang.
. "$(dirname "$0")/lib.sh"
setup_corpus

# The longest a query may take, in seconds: any query is answered in far
# less (the long ones below in a fraction of a second); valgrind is slower.
# `fast` guards the queries that once took quadratic time (tens of seconds
# for a repeated word): generous, since a sanitizer build on a loaded
# machine is many times slower; speed itself is measured in bench/.
limit=60
fast=30
[ "$CS_SANITIZED" = 1 ] && fast=120
[ "${CS_VALGRIND:-0}" = 1 ] && fast=120

expect() { # expect STATUS QUERY...
    local want=$1
    shift
    set +e
    timeout "$limit" "$CITESEARCH" query --format jsonl -n 3 -- "$@" > out.jsonl 2> err.txt
    status=$?
    set -e
    [ "$status" -eq "$want" ] ||
        fail "query [$(printf '%s' "$*" | head -c 80)]: status $status, expected $want ($(head -c 300 err.txt))"
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

# Deep nesting, runs of operators, a 100 KB word and one word 20,000
# times: answered at once (a long word and repeated words once took time
# growing with the square of their length).
limit=$fast
expect 0 "$(python3 -c "print('(' * 10000 + 'Rama' + ')' * 10000)")"
expect 0 "$(python3 -c "print('+-' * 5000 + 'Rama')")"
expect 0 "$(python3 -c "print('\"' * 10001 + 'Rama')")"
expect 2 '+ - " : ( )'
grep -q "empty query" err.txt || fail "operators only: $(cat err.txt)"
expect 1 "$(python3 -c "print('w' * 100000)")"
expect 0 "$(python3 -c "print('Rama ' * 20000)")"
limit=60

# Dates out of range: a range no article falls in answers nothing; a date
# that is not one, or a range that ends before it starts, is an error
# naming it.
expect 1 "Rama date:9000..9999"
expect 2 "Rama date:2024..2023"                # reversed
grep -q "date:2024..2023: the range ends before it starts" err.txt ||
    fail "reversed range: $(cat err.txt)"
expect 2 "Rama date:2023-13"
grep -q "date:2023-13: expected YYYY" err.txt || fail "month 13: $(cat err.txt)"
expect 2 "Rama date:2023-02-29"              # not a leap year
grep -q "date:2023-02-29: expected YYYY" err.txt || fail "Feb 29: $(cat err.txt)"
expect 1 "Rama date:2024-02-29"
expect 2 "Rama date:.."
expect 2 "Rama date:99999999"

# Options out of range: one message that says what is expected.
for opt in "-n 4000000000" "-n x" "-n 0" "--jobs x"; do
    # shellcheck disable=SC2086
    cs query $opt Rama 2> err.txt > /dev/null
    [ "$status" -eq 2 ] || fail "query $opt: status $status"
    [ "$(wc -l < err.txt)" -eq 1 ] || fail "query $opt: $(cat err.txt)"
    case $opt in -n*) range="1 to 100000" ;; *) range="0 to 100000" ;; esac
    grep -q "is not a number from $range" err.txt || fail "query $opt: $(cat err.txt)"
done

# A mistyped long option is an error, not query words that would run with
# the default format or limit; an option's unique start is the option, and
# a query word that starts with "--" goes after "--".
for opt in "--json" "--formt csv" "--limt 1"; do
    # shellcheck disable=SC2086
    cs query $opt Rama 2> err.txt > out.txt
    [ "$status" -eq 2 ] || fail "query $opt: status $status"
    grep -q "^citesearch query: unrecognized option '${opt%% *}'" err.txt || fail "query $opt: $(cat err.txt)"
    [ ! -s out.txt ] || fail "query $opt answered: $(head -c 200 out.txt)"
done
cs query --batch a.csv --batch b.csv 2> err.txt > out.txt
[ "$status" -eq 2 ] || fail "--batch twice: status $status"
grep -q "batch given twice ('a.csv', 'b.csv')" err.txt || fail "--batch twice: $(cat err.txt)"
cs query --form csv -n 1 Rama > out.csv
[ "$status" -eq 0 ] || fail "query --form csv: status $status"
head -1 out.csv | grep -q '^query_id,rank,' || fail "--form csv: $(head -c 200 out.csv)"
cs query --format jsonl -n 1 -- --json > out.jsonl
[ "$status" -le 1 ] || fail "query -- --json: status $status"

# 10,000 words: answered, in bounded time.
python3 -c "
import random
random.seed(1)
w = open('corpus/004_ea823e42dca6d0bc.txt').read().split()
print(' '.join(random.choice(w) for _ in range(10000)))" > long.txt
limit=$fast
expect 0 "$(cat long.txt)"
limit=60

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

# Usage errors are named by the subcommand, --format's as --mode's.
for opt in "--format xml" "--mode x"; do
    cs query $opt Rama > /dev/null 2> err.txt
    [ "$status" -eq 2 ] || fail "$opt: status $status"
    grep -q "^citesearch query: unknown ${opt%% *} 'x\{0,1\}[a-z]*'" err.txt || fail "$opt: $(cat err.txt)"
done
echo ok
