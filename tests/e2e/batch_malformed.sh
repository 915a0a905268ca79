# A malformed batch row (a quoted cell followed by text, or a quote left
# open at the end of the input) is an error record naming its line; the
# rows after it are still answered, and the batch exits 2.  Read leniently,
# such a cell ran to the end of the input and the batch exited 0.
. "$(dirname "$0")/lib.sh"
setup_corpus

# A byte order mark, CRLF lines, a quoted cell with a comma and doubled
# quotes, and a quote inside an unquoted cell are fine.
printf '\357\273\277id,query\r\n%s\r\n%s\r\n%s\r\n%s\r\n%s\r\n%s' \
    'q1,"Kreshnik Spahiu" said' \
    'q2,Kreshnik Spahiu' \
    'q3,"MEMEX, ""system"""' \
    'q4,"MEMEX" "system"' \
    'q5,Kreshnik "Spahiu"' \
    'q6,"Rama' > bad.csv

for jobs in 1 2; do
    cs query --format jsonl -n 1 --jobs "$jobs" --batch bad.csv > out.jsonl 2> err.txt
    [ "$status" -eq 2 ] || fail "jsonl, --jobs $jobs: exit status $status"
    grep -q "3 of 6 rows failed" err.txt || fail "jsonl: $(cat err.txt)"
    python3 - out.jsonl <<'PY' || fail "jsonl, --jobs $jobs: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["query_id"] for r in rs] == ["q1", "q2", "q3", "q4", "q5", "q6"], rs
errors = {r["query_id"]: r["error"] for r in rs if "error" in r}
assert errors == {
    "q1": "bad.csv: line 2: text after the closing quote of a quoted cell "
          '(column 22; a quote inside a quoted cell is written "")',
    "q4": "bad.csv: line 5: text after the closing quote of a quoted cell "
          '(column 12; a quote inside a quoted cell is written "")',
    "q6": "bad.csv: line 7: a quoted cell is never closed "
          "(it runs to the end of the input, line 7)"}, errors
by_id = {r["query_id"]: r for r in rs}
assert by_id["q2"]["cite"].endswith(":33"), by_id["q2"]
assert by_id["q3"]["query"] == 'MEMEX, "system"', by_id["q3"]
assert by_id["q5"]["query"] == 'Kreshnik "Spahiu"', by_id["q5"]
PY
done

# The same in csv output: the error column of the bad rows, results for
# the others.
cs query --format csv -n 1 --batch bad.csv > out.csv 2> err.txt
[ "$status" -eq 2 ] || fail "csv: exit status $status"
python3 - out.csv <<'PY' || fail "csv: $(cat out.csv)"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
assert [r["query_id"] for r in rows] == ["q1", "q2", "q3", "q4", "q5", "q6"], rows
for r in rows:
    bad = {"q1": "line 2:", "q4": "line 5:", "q6": "line 7:"}.get(r["query_id"])
    if bad:
        assert r["error"].startswith("bad.csv: " + bad) and not r["cite"], r
    else:
        assert not r["error"] and r["rank"] == "1" and r["cite"], r
PY

# A quote left open to the end fails its row, the error naming where the
# row starts and where the input ends, and the lines after it are read as
# rows, not as its cell (RFC 4180 would have them all one cell).
printf 'id,query\nq1,"Kreshnik Spahiu\nq2,Rama\n' > open.csv
cs query --format jsonl -n 1 --batch open.csv > out.jsonl 2> err.txt
[ "$status" -eq 2 ] || fail "open quote: exit status $status"
grep -qF '"error":"open.csv: line 2: a quoted cell is never closed (it runs to the end of the input, line 3)"' out.jsonl ||
    fail "open quote: $(cat out.jsonl)"
grep -q '"query_id":"q2","query":"Rama","rank":1' out.jsonl ||
    fail "open quote: the row after it: $(cat out.jsonl)"

# From a pipe, the bad row's error comes as soon as its line is read, and
# the rows after it are answered while the pipe stays open.
timeout 30 python3 - "$CITESEARCH" <<'PY' || fail "streaming"
import json, select, subprocess, sys
p = subprocess.Popen([sys.argv[1], "query", "--batch", "-", "--format", "jsonl",
                      "-n", "1", "--jobs", "1"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def ask(line):
    p.stdin.write(line.encode())
    p.stdin.flush()
    ready, _, _ = select.select([p.stdout], [], [], 10)
    assert ready, "no answer within 10 s for " + line
    return json.loads(p.stdout.readline())

p.stdin.write(b"id,query\n")
a = ask('s1,"Kreshnik Spahiu" said\n')
assert a["query_id"] == "s1" and "<stdin>: line 2: text after" in a["error"], a
b = ask("s2,Kreshnik Spahiu\n")
assert b["query_id"] == "s2" and b["cite"].endswith(":33"), b
p.stdin.close()
assert p.stdout.read() == b""
assert p.wait() == 2
PY
echo ok
