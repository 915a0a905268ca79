# A stub whose shards hold the same files (two indexes of one folder
# listed together, an old index beside its copy): each passage is found
# in each shard, and the answer lists it once, also when it has no
# highlight to compare (a query of stop words only).
. "$(dirname "$0")/lib.sh"

cp -r "$CS_SOURCE_DIR/corpus" corpus
settle corpus
"$CITESEARCH" index --quiet --db one corpus
"$CITESEARCH" index --quiet --db copy corpus
printf 'auto one\nauto copy\n' > both.stub
for q in the "Rama Iran"; do
    cs query --db both.stub --format jsonl -n 10 "$q" > out.jsonl
    [ "$status" -eq 0 ] || fail "query '$q': exit status $status"
    python3 - out.jsonl <<'PY' || fail "query '$q': a passage listed twice: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
spans = [(r["path"], r["byte_start"], r["byte_end"]) for r in rs]
assert len(rs) >= 5, len(rs)
assert len(set(spans)) == len(spans), spans
PY
done
echo ok
