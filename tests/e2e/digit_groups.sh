# Digit groups meet however a text sets them apart (SPEC: 2,500 = 2500):
# a comma, an apostrophe as Switzerland writes it, and a no-break or thin
# space as French and SI texts do; a plain space between two numbers is
# two numbers.
. "$(dirname "$0")/lib.sh"
mkdir docs
printf 'Budget\n\nThe ministry paid 8\302\240500 euros for the audit.\n\nSome 10\342\200\211000 people marched in Tirana.\n\nThe fee was 7\047500 francs.\n\nIn 2019 500 people left.\n' > docs/a.txt
"$CITESEARCH" index --quiet docs

# expect QUERY LINE BYTES: the first result of QUERY is on LINE and its
# first highlight is BYTES of the file.
expect() {
    cs query --format jsonl -n 1 "$1" > out.jsonl
    [ "$status" -eq 0 ] || fail "$1: no result"
    python3 - "$2" "$3" <<'PY' || fail "$1: $(cat out.jsonl)"
import ast, json, sys
r = json.loads(open("out.jsonl").readline())
assert r["line_start"] == int(sys.argv[1]), r["line_start"]
s, e = r["highlights"][0]
assert open("docs/a.txt", "rb").read()[s:e] == ast.literal_eval(sys.argv[2]), (s, e)
PY
}
expect 8500 3 "b'8\xc2\xa0500'"
expect '8,500 euros' 3 "b'8\xc2\xa0500'"
expect 10000 5 "b'10\xe2\x80\x89000'"
expect 7500 7 "b\"7'500\""
expect '"8 500 euros"' 3 "b'8\xc2\xa0500 euros'"
cs query --format jsonl 2019500 > out.jsonl
[ "$status" -eq 1 ] || fail "2019 500 joined: $(cat out.jsonl)"
echo ok
