# A file's title is its first line that holds more than white space, as
# passages read white space: a line of a no-break, ideographic or zero
# width space is blank, and such spaces around the title are no part of it.
. "$(dirname "$0")/lib.sh"

mkdir docs
printf '\342\200\213\n\302\240\343\200\200\n\316\244\316\257\317\204\316\273\316\277\317\202 \316\261\316\274\316\254\316\262\316\277\342\200\213\302\240\n\nLemurs of Athens.\n' > docs/invisible.txt
printf '\357\273\277\343\200\200\345\205\250\350\247\222 title\n\nLemurs of Tokyo.\n' > docs/bom.txt
printf '  Plain title \t\n\nLemurs of Rome.\n' > docs/plain.txt
cs index docs 2> log.txt
[ "$status" -eq 0 ] || fail "index: status $status: $(cat log.txt)"
cs query --format jsonl -n 20 lemurs > out.jsonl
python3 - out.jsonl <<'PY' || fail "titles: $(cat out.jsonl)"
import json, sys
titles = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    titles[r["path"]] = r["title"]
want = {"docs/invisible.txt": "Τίτλος αμάβο",
        "docs/bom.txt": "全角 title",
        "docs/plain.txt": "Plain title"}
for path, title in want.items():
    if titles.get(path) != title:
        sys.exit("%s: title %r, expected %r" % (path, titles.get(path), title))
PY
echo ok
