# --batch with the development set: every row answered, citations exact,
# and rank-1 recall over the bar of the foundation (R@1 >= 0.95).
. "$(dirname "$0")/lib.sh"
setup_corpus

cs query --format jsonl -n 10 --batch "$CS_SOURCE_DIR/tests/data/dev_seeds.csv" > out.jsonl
[ "$status" -eq 0 ] || fail "exit status $status"
python3 - "$CS_SOURCE_DIR/tests/data/dev_seeds.csv" out.jsonl <<'PY'
import csv, json, os, sys
qs = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
res = {}
for line in open(sys.argv[2]):
    r = json.loads(line)
    assert "error" not in r, r
    res.setdefault(r["query_id"], []).append(r)
    data = open(r["path"], "rb").read()
    assert data[r["byte_start"]:r["byte_end"]].decode() == r["text"], r["cite"]
hits = 0
for q in qs:
    gold = [g.split(":") for g in q["gold"].split(";")]
    top = sorted(res.get(q["id"], []), key=lambda r: r["rank"])[:1]
    ok = any(os.path.basename(r["path"]).startswith(f + "_") and
             r["line_start"] <= int(l) <= r["line_end"] for r in top for f, l in gold)
    hits += ok
    if not ok:
        print("miss", q["id"], q["query"], [r["cite"] for r in top])
    if q["category"] == "quote":
        assert top and top[0]["match"] == "exact", (q["id"], top)
r1 = hits / len(qs)
print("R@1 %.3f over %d queries" % (r1, len(qs)))
assert r1 >= 0.95, r1
PY

# A bad row is an error record naming its line; the others are answered.
printf 'id,query\nok1,Kreshnik Spahiu\n,no id here\nok2,\nok3,MEMEX system\n' > bad.csv
cs query --format jsonl --batch bad.csv > out.jsonl 2> err.txt
[ "$status" -eq 2 ] || fail "a failed row: exit status $status"
python3 - out.jsonl <<'PY'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
errors = [r for r in rs if "error" in r]
assert len(errors) == 2, errors
assert "line 3" in errors[0]["error"], errors[0]
assert "line 4" in errors[1]["error"] and errors[1]["query_id"] == "ok2", errors[1]
ids = {r["query_id"] for r in rs if "error" not in r}
assert ids == {"ok1", "ok3"}, ids
PY

# A header without a query column is refused at once.
printf 'id,text\n1,x\n' > nohead.csv
cs query --batch nohead.csv > out.jsonl 2> err.txt
[ "$status" -eq 2 ] && grep -q "query" err.txt || fail "header check: $(cat err.txt)"
echo ok
