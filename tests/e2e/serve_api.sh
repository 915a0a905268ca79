# serve: the JSON API over loopback answers as the command line does, and
# refuses bad requests with a 4xx and a JSON error, never a crash.
. "$(dirname "$0")/lib.sh"
setup_corpus

# The kernel picks a free port (--listen 127.0.0.1:0); serve prints it.
start_server
case "$url" in http://127.0.0.1:[0-9]*/) ;; *) fail "serve printed '$url'" ;; esac

timeout 120 python3 - "$url" <<'PY' || fail "API checks"
import json, sys, threading, urllib.error, urllib.parse, urllib.request

base = sys.argv[1]

def call(path, data=None, headers=None, method=None):
    """(status, headers, body bytes) of a request; 4xx/5xx do not raise."""
    req = urllib.request.Request(base + path.lstrip("/"), data=data,
                                 headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()

def get(path, **params):
    return call(path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else ""))

def error_of(status, headers, body, want):
    assert status == want, (status, want, body[:300])
    assert headers["Content-Type"].startswith("application/json"), headers["Content-Type"]
    e = json.loads(body)
    assert isinstance(e.get("error"), str) and e["error"], e
    return e["error"]

# A claim: the supporting passage at rank 1, as `query` finds it.
st, h, body = get("/api/query", q="Albanian government digital services were attacked in July and September")
assert st == 200 and h["Content-Type"].startswith("application/json"), (st, h)
rs = json.loads(body)
assert isinstance(rs, list) and rs, rs
assert rs[0]["cite"] == "corpus/000_e2b09c51e93f98b0.txt:17", rs[0]["cite"]
assert [r["rank"] for r in rs] == list(range(1, len(rs) + 1))
for r in rs:
    data = open(r["path"], "rb").read()
    assert data[r["byte_start"]:r["byte_end"]].decode() == r["text"], r["cite"]
    for k in ("query_id", "query", "score", "match", "title", "highlights", "line_start"):
        assert k in r, k

# n, and a mode given explicitly; '+' in a form-encoded query is a space.
st, _, body = call("/api/query?q=Kreshnik+Spahiu&n=1&mode=claim")
rs = json.loads(body)
assert st == 200 and len(rs) == 1 and rs[0]["query"] == "Kreshnik Spahiu", rs
assert rs[0]["cite"] == "corpus/004_ea823e42dca6d0bc.txt:33", rs[0]["cite"]

# A quote: verbatim, its first highlight the quote itself.
quote = "The systems will be out of service until the risk is completely removed"
st, _, body = get("/api/query", q='"%s"' % quote, n=3)
r = json.loads(body)[0]
assert st == 200 and r["match"] == "exact", r
assert r["cite"] == "corpus/001_ad6093775fdf0074.txt:14", r["cite"]
s, e = r["highlights"][0]
assert open(r["path"], "rb").read()[s:e].decode() == quote

# Filters add up, as --filter does.
st, _, body = get("/api/query", q="cyberattack", filter=["path:corpus/003", "date:2023"])
rs = json.loads(body)
assert st == 200 and rs and all(r["path"].startswith("corpus/003") for r in rs), rs

# A query without result is an empty array.
st, _, body = get("/api/query", q="xylophonequartet")
assert st == 200 and json.loads(body) == [], body

# Bad requests: 4xx with a JSON error.
error_of(*get("/api/query"), 400)
error_of(*get("/api/query", q=""), 400)
assert "mode" in error_of(*get("/api/query", q="Iran", mode="poem"), 400)
assert "n must" in error_of(*get("/api/query", q="Iran", n="0"), 400)
error_of(*get("/api/query", q="Iran", n="1e3"), 400)
error_of(*get("/api/query", q="Iran", n="101"), 400)
error_of(*get("/api/query", q="Iran", per_doc="-1"), 400)
assert "date:" in error_of(*get("/api/query", q="date:yesterday"), 400)
error_of(*call("/api/query?q=%FF%FEabc"), 400)           # not UTF-8
error_of(*call("/api/query?q=a%00b"), 400)               # a NUL byte
error_of(*get("/api/query", q="x" * (64 * 1024 + 1)), 414)
st, _, body = get("/api/query", q="Iran " * (64 * 1024 // 5), n=1)
assert st == 200, (st, body[:200])                       # 64 KB is still fine
error_of(*get("/api/query", q="Iran", filter=["lang:en"] * 17), 400)
error_of(*get("/nowhere"), 404)
error_of(*get("/api/query/../../etc/passwd"), 404)
st, h, body = call("/api/query?q=Iran", data=b"x", method="POST")
error_of(st, h, body, 405)
assert "GET" in h["Allow"], h["Allow"]
error_of(*call("/api/batch"), 405)

# show: the cited passage with context, from the index only.
st, _, body = get("/api/show", cite="corpus/001_ad6093775fdf0074.txt:14", context=1)
assert st == 200, (st, body)
doc = json.loads(body)
assert doc["changed"] is False and doc["title"].startswith("Albania announces"), doc
assert [p["cited"] for p in doc["passages"]] == [False, True, False], doc["passages"]
cited = doc["passages"][1]
assert cited["cite"] == "corpus/001_ad6093775fdf0074.txt:14", cited
data = open(doc["path"], "rb").read()
for p in doc["passages"]:
    assert data[p["byte_start"]:p["byte_end"]].decode() == p["text"], p["cite"]
assert quote in cited["text"]
assert "no indexed passage" in error_of(*get("/api/show", cite="corpus/nothing_here.txt:1"), 404)
error_of(*get("/api/show", cite="corpus/001_ad6093775fdf0074.txt:99999"), 404)
error_of(*get("/api/show", cite="../../../etc/passwd:1"), 404)
error_of(*get("/api/show", cite="/etc/passwd:1"), 404)
error_of(*get("/api/show", cite="no citation"), 400)
error_of(*get("/api/show"), 400)
error_of(*get("/api/show", cite="corpus/001_ad6093775fdf0074.txt:14", context="many"), 400)

# stats
st, _, body = get("/api/stats")
s = json.loads(body)
assert st == 200 and s["files"] == 5 and s["passages"] > 100, s

# batch: one JSON line per row (n=1), in row order, with the error record
# of a bad row, streamed as JSON lines.
csv = ("id,query\n"
       "r1,Kreshnik Spahiu\n"
       ",no id here\n"
       'r3,"""did not originate from Albanian IP addresses"""\n'
       "r4,xylophonequartet\n"
       "r5,MEMEX system\n").encode()
st, h, body = call("/api/batch?n=1", data=csv, headers={"Content-Type": "text/csv"})
assert st == 200 and h["Content-Type"].startswith("application/x-ndjson"), (st, h)
lines = [json.loads(l) for l in body.decode().splitlines()]
assert [l.get("query_id") for l in lines] == ["r1", None, "r3", "r5"], lines
assert lines[0]["cite"] == "corpus/004_ea823e42dca6d0bc.txt:33", lines[0]
assert "error" in lines[1] and "line 3" in lines[1]["error"], lines[1]
assert lines[2]["match"] == "exact", lines[2]
# Rows keep their order when many are answered in parallel.
many = "id,query\n" + "".join("q%d,%s\n" % (i, w) for i, w in
                              enumerate(["Iran", "Albania", "Rama", "parliament"] * 25))
st, _, body = call("/api/batch?n=1", data=many.encode())
ids = [json.loads(l)["query_id"] for l in body.decode().splitlines()]
assert st == 200 and ids == ["q%d" % i for i in range(100)], ids
# A batch refused as a whole: 400, not a stream.
assert "header" in error_of(*call("/api/batch", data=b"id,text\n1,x\n"), 400)
error_of(*call("/api/batch", data=b""), 400)
error_of(*call("/api/batch?mode=poem", data=csv), 400)
# Over 8 MB: refused by its Content-Length before it is sent, or, sent in
# chunks, once read.
import http.client
hostport = urllib.parse.urlsplit(base).netloc
c = http.client.HTTPConnection(hostport, timeout=60)
c.putrequest("POST", "/api/batch")
c.putheader("Content-Length", str(9 * 1024 * 1024))
c.endheaders()
r = c.getresponse()
error_of(r.status, r.headers, r.read(), 413)
c.close()
c = http.client.HTTPConnection(hostport, timeout=60)
c.request("POST", "/api/batch", body=iter([b"id,query\n"] + [b"x" * 65536] * 140),
          encode_chunked=True)
r = c.getresponse()
error_of(r.status, r.headers, r.read(), 413)
c.close()

# Requests naming another host (DNS rebinding) or from another site.
error_of(*call("/api/stats", headers={"Host": "attacker.example:80"}), 403)
error_of(*call("/api/batch", data=csv, headers={"Origin": "http://attacker.example"}), 403)
st, _, _ = call("/api/stats", headers={"Host": "localhost"})
assert st == 200, st

# The page: its own inline script and style only, by a fresh nonce.
st, h, body = get("/")
page = body.decode()
assert st == 200 and h["Content-Type"].startswith("text/html"), (st, h)
csp = h["Content-Security-Policy"]
nonce = csp.split("'nonce-")[1].split("'")[0]
assert len(nonce) >= 32 and "default-src 'none'" in csp, csp
assert page.count('nonce="%s"' % nonce) == 2 and "CS_NONCE" not in page
assert get("/")[1]["Content-Security-Policy"] != csp   # a new nonce each time
assert h["X-Content-Type-Options"] == "nosniff"

# Requests at once, each with its own engine.
errors = []
def worker(i):
    try:
        st, _, body = get("/api/query", q="Albania Iran", n=2)
        assert st == 200 and len(json.loads(body)) == 2
    except Exception as e:
        errors.append(repr(e))
threads = [threading.Thread(target=worker, args=(i,)) for i in range(16)]
for t in threads: t.start()
for t in threads: t.join()
assert not errors, errors
print("api ok")
PY

# A clean stop on SIGTERM (under ASan, also without leaks).
kill -TERM $server
set +e
wait $server
status=$?
set -e
[ "$status" -eq 0 ] || fail "serve exit status $status after SIGTERM: $(cat serve.err)"
grep -q "stopping" serve.err || fail "no stop message: $(cat serve.err)"

# Bad command lines.
cs serve --listen nowhere 2> err.txt
[ "$status" -eq 2 ] && grep -q "HOST:PORT" err.txt || fail "--listen nowhere: $(cat err.txt)"
cs serve --listen 127.0.0.1:99999 2> err.txt
[ "$status" -eq 2 ] || fail "--listen port 99999: status $status"
cs serve --db "$WORK/no-index-here" --listen 127.0.0.1:0 2> err.txt
[ "$status" -eq 2 ] || fail "serve without an index: status $status"
echo ok
