# serve: /api/show finds the passages of a file whose name is not UTF-8
# (Latin-1), asked for by its name's bytes (the result's raw_path), as
# `citesearch show` does; a cite with U+FFFD in its place is not one.
. "$(dirname "$0")/lib.sh"
mkdir docs
printf 'Title line\n\nThe zebracorn statement was made in Tirana.\n' > "docs/$(printf 'caf\351').txt"
"$CITESEARCH" index --quiet docs
cs show "$(printf 'docs/caf\351.txt:3')" > out.txt 2> err.txt
[ "$status" -eq 0 ] || fail "show: $(cat err.txt)"
start_server
timeout 60 python3 - "$url" <<'PY' || fail "/api/show of a Latin-1 name"
import json, sys, urllib.error, urllib.parse, urllib.request
base = sys.argv[1]
def get(query):
    try:
        with urllib.request.urlopen(base + "api/show?" + query, timeout=50) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())
with urllib.request.urlopen(base + "api/query?q=zebracorn", timeout=50) as r:
    res = json.load(r)[0]
raw = res["raw_path"].encode("latin-1") + res["cite"][len(res["path"]):].encode()
assert raw == b"docs/caf\xe9.txt:3", raw
st, doc = get("cite=" + urllib.parse.quote_from_bytes(raw))
assert st == 200, (st, doc)
assert doc["raw_path"] == "docs/caf\xe9.txt", doc
assert any("zebracorn" in p["text"] and p["cited"] for p in doc["passages"]), doc
st, e = get("cite=" + urllib.parse.quote(res["cite"]))
assert st == 404 and "error" in e, (st, e)
PY
echo ok
