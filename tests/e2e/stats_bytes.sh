# stats in a folder whose name is not UTF-8 (Latin-1, as old archives name
# them): the text gives the path's bytes as they are, the JSON (of stats
# and of serve's /api/stats) U+FFFD for each byte that is not UTF-8,
# for a plain index and for the shards of a sharded one.
. "$(dirname "$0")/lib.sh"
dir=$(printf 'caf\351')
mkdir "$dir"
cp -r "$CS_SOURCE_DIR/corpus" "$dir/corpus"
cd "$dir"
"$CITESEARCH" index --quiet corpus

cs stats > out.txt 2> err.txt
[ "$status" -eq 0 ] || fail "stats: status $status: $(cat err.txt)"
grep -aq "^root: .*/$dir\$" out.txt || fail "stats text: $(cat out.txt)"
cs stats --format json > out.json 2> err.txt
[ "$status" -eq 0 ] || fail "stats --format json: $(cat err.txt)"
python3 - <<'PY' || fail "stats json: $(cat out.json)"
import json
s = json.load(open("out.json", encoding="utf-8"))
assert s["root"].endswith("/caf\ufffd") and s["files"] == 5, s
PY

start_server
timeout 60 python3 - "$url" <<'PY' || fail "/api/stats"
import json, sys, urllib.error, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1] + "api/stats", timeout=50) as r:
        s = json.load(r)
except urllib.error.HTTPError as e:
    sys.exit("status %d: %s" % (e.code, e.read()[:300]))
assert s["root"].endswith("/caf\ufffd") and s["files"] == 5, s
PY

"$CITESEARCH" index --quiet --db "$PWD/sharded" --shards 2 corpus
cs stats --db "$PWD/sharded" > out.txt 2> err.txt
[ "$status" -eq 0 ] && grep -aq "^shard: .*/$dir/sharded/shard-1: " out.txt ||
    fail "sharded stats: $(cat out.txt err.txt)"
cs stats --db "$PWD/sharded" --format json > out.json 2> err.txt
[ "$status" -eq 0 ] || fail "sharded stats json: $(cat err.txt)"
python3 - <<'PY' || fail "sharded stats json: $(cat out.json)"
import json
s = json.load(open("out.json", encoding="utf-8"))
assert [x["shard"].rsplit("/", 1)[1] for x in s["shards"]] == ["shard-0", "shard-1"], s
PY
echo ok
