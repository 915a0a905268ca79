# Many shards under a low soft limit of open files: index, query, stats
# and a served batch open every shard at once, and the program raises the
# soft limit to the hard one rather than failing with "Too many open
# files" on an index of a size `--shards` accepts.
. "$(dirname "$0")/lib.sh"
cp -r "$CS_SOURCE_DIR/corpus" corpus
settle corpus

hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt 2048 ]; then
    echo "skip: hard limit of open files $hard"
    exit 0
fi
ulimit -Sn 256

cs index --quiet --shards 150 corpus 2> err.txt
[ "$status" -eq 0 ] || fail "index --shards 150 under ulimit -n 256: $(cat err.txt)"
cs query -n 1 --format csv Rama > out.txt 2> err.txt
[ "$status" -eq 0 ] || fail "query: $(cat err.txt)"
cs stats > out.txt 2> err.txt
[ "$status" -eq 0 ] && grep -q '^files: *5$' out.txt || fail "stats: $(cat err.txt)"

start_server
timeout 60 python3 - "$url" <<'PY' || fail "a served batch over 150 shards"
import json, sys, urllib.error, urllib.request
req = urllib.request.Request(sys.argv[1] + "api/batch?n=1",
                             data=b"id,query\nr1,Rama\nr2,Iran\n")
try:
    with urllib.request.urlopen(req, timeout=50) as r:
        lines = [json.loads(l) for l in r.read().splitlines()]
except urllib.error.HTTPError as e:
    sys.exit("status %d: %s" % (e.code, e.read()[:300]))
assert [l.get("query_id") for l in lines] == ["r1", "r2"], lines
assert all("rank" in l for l in lines), lines
PY
echo ok
