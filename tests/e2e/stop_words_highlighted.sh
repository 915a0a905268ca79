# A query of stop words alone asks for them (they count then), and the
# results highlight them, as they highlight any word they matched on; in
# a query with other words they need not match and are not highlighted.
. "$(dirname "$0")/lib.sh"
mkdir docs
printf 'Notes\n\nWhat it was about, and where it was.\n\nNothing else: a heron.\n' > docs/a.txt
settle docs
"$CITESEARCH" index --quiet docs

# words QUERY: the words the first result highlights, joined by spaces.
words() {
    cs query --format jsonl -n 1 "$1" > out.jsonl
    [ "$status" -eq 0 ] || fail "$1: status $status"
    python3 -c "
import json
r = json.loads(open('out.jsonl').readline())
data = open(r['path'], 'rb').read()
print(' '.join(data[s:e].decode() for s, e in r['highlights']))"
}

got=$(words "it was")
[ "$got" = "it was it was" ] || fail "it was: highlighted [$got]"
got=$(words "+it heron")
[ "$got" = "it it" ] || fail "+it heron: highlighted [$got]"
got=$(words "it heron")
[ "$got" = "heron" ] || fail "it heron: highlighted [$got]"
echo ok
