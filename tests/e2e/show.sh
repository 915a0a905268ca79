# show prints the cited passage from the file, with context, and warns when
# the file changed.
. "$(dirname "$0")/lib.sh"
setup_corpus

cs query --format jsonl -n 1 "Iranian Intelligence Ministry spokesman Nasser Kanani" > out.jsonl
cite=$(jq_py 'rs[0]["cite"]' < out.jsonl)
text=$(jq_py 'rs[0]["text"]' < out.jsonl)
cs show "$cite" > shown.txt
[ "$status" -eq 0 ] || fail "show exit status $status"
grep -qF "> $text" shown.txt || fail "show does not print the passage: $(cat shown.txt)"
[ "$(grep -c '^> corpus/' shown.txt)" -eq 1 ] || fail "show without context prints one passage"

cs show --context 1 "$cite" > shown.txt
[ "$(grep -c '^  corpus/' shown.txt)" -eq 2 ] || fail "--context 1: $(cat shown.txt)"

cs show corpus/000_e2b09c51e93f98b0.txt:99999 2> err.txt
[ "$status" -eq 2 ] || fail "missing line: status $status"
grep -q "no indexed passage" err.txt || fail "message: $(cat err.txt)"

printf 'appended\n' >> "${cite%%:*}"
cs show "$cite" > shown.txt
grep -q "changed since it was indexed" shown.txt || fail "no change warning"

cs stats --format json > stats.json
python3 -c "
import json; s = json.load(open('stats.json'))
assert s['files'] == 5 and s['passages'] > 100, s" || fail "stats"
echo ok
