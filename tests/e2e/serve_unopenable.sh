# serve: when the index cannot be opened any more (removed, or a shard
# gone), every API request says so alike: 503 and a JSON error naming the
# index, a batch too (not 404, which says the address is wrong).
. "$(dirname "$0")/lib.sh"
setup_corpus
start_server
mv .citesearch gone
timeout 60 python3 - "$url" <<'PY' || fail "requests on a removed index"
import json, sys, urllib.error, urllib.request
base = sys.argv[1]
def call(path, data=None):
    req = urllib.request.Request(base + path, data=data)
    try:
        with urllib.request.urlopen(req, timeout=50) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
for path, data in [("api/query?q=Rama", None), ("api/stats", None),
                   ("api/show?cite=corpus/000_e2b09c51e93f98b0.txt:1", None),
                   ("api/batch", b"id,query\nr1,Rama\n")]:
    st, body = call(path, data)
    e = json.loads(body)
    assert st == 503, (path, st, body[:300])
    assert "cannot be opened" in e["error"] and ".citesearch" in e["error"], (path, e)
PY
mv gone .citesearch
echo ok
