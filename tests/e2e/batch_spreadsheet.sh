# A batch of claims as spreadsheets export it (Excel, LibreOffice Calc,
# Google Sheets): each good row answered, the others reported by line.
. "$(dirname "$0")/lib.sh"
setup_corpus

# Rows of empty cells (",,,"), which Excel writes for the cleared rows of
# a sheet's used range, are skipped as blank lines are: they once failed
# as "no id" and the batch exited 2.
printf 'id,query,notes,,\r\nq1,Kreshnik Spahiu,,,\r\n,,,,\r\nq2,Rama,x,,\r\n,,,,\r\n,,,,\r\n' > empty_rows.csv
cs query --format jsonl -n 1 --batch empty_rows.csv > out.jsonl 2> err.txt
[ "$status" -eq 0 ] || fail "empty rows: exit status $status: $(cat err.txt)"
python3 - out.jsonl <<'PY' || fail "empty rows: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["query_id"] for r in rs] == ["q1", "q2"], rs
assert all("error" not in r for r in rs), rs
PY
# A row with a cell but no id still fails.
printf 'id,query,notes\n,,a note\nq1,Rama,\n' > note_row.csv
cs query --format jsonl -n 1 --batch note_row.csv > out.jsonl 2> err.txt
[ "$status" -eq 2 ] || fail "note row: exit status $status"
grep -q '"note_row.csv: line 2: no id"' out.jsonl || fail "note row: $(cat out.jsonl)"

# A mode in any case (a spreadsheet's autocorrect writes "Claim"), once
# an unknown mode.
printf 'id,query,mode\nq1,Kreshnik Spahiu,Claim\nq2,Kreshnik Spahiu,QUOTE\nq3,Rama,Auto\nq4,Rama,claims\n' > modes.csv
cs query --format jsonl -n 1 --batch modes.csv > out.jsonl 2> err.txt
[ "$status" -eq 2 ] || fail "modes: exit status $status"
python3 - out.jsonl <<'PY' || fail "modes: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["query_id"] for r in rs] == ["q1", "q2", "q3", "q4"], rs
errors = {r["query_id"]: r["error"] for r in rs if "error" in r}
assert errors == {"q4": "modes.csv: line 5: unknown mode 'claims' "
                        "(auto, claim or quote)"}, errors
PY

# Semicolons, as Excel writes "CSV" where the comma is the decimal mark,
# and tabs (its "Text"), read from the header: such a file was refused
# as having no id and query columns.  A comma in a cell (and in a header
# name) is then text; a row still fails where it is bad.
printf 'id;query;limit;notes, misc\r\nq1;Kreshnik Spahiu;1;\r\nq2;"MEMEX; ""system""";1;a, b\r\nq3;;;\r\nq4;Rama, Tirana;1;\r\n' > semi.csv
printf 'id\tquery\tmode\tlimit\r\nq1\tKreshnik Spahiu\t\t1\r\nq2\t"MEMEX\t""system"""\t\t1\r\nq3\t\t\t\r\nq4\tRama, Tirana\t\t1\r\n' > tabs.txt
for f in semi.csv tabs.txt; do
    cs query --format jsonl -n 1 --batch "$f" > out.jsonl 2> err.txt
    [ "$status" -eq 2 ] || fail "$f: exit status $status: $(cat err.txt)"
    python3 - out.jsonl "$f" <<'PY' || fail "$f: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["query_id"] for r in rs] == ["q1", "q2", "q3", "q4"], rs
by_id = {r["query_id"]: r for r in rs}
assert by_id["q1"]["cite"].endswith(":33"), by_id["q1"]
sep = "; " if sys.argv[2] == "semi.csv" else "\t"
assert by_id["q2"]["query"] == 'MEMEX' + sep + '"system"', by_id["q2"]
assert by_id["q3"]["error"] == sys.argv[2] + ": line 4: empty query", by_id["q3"]
assert by_id["q4"]["query"] == "Rama, Tirana" and "cite" in by_id["q4"], by_id["q4"]
PY
done
# A header that names no id and query with any of them says which
# separators are read.
printf 'claim;text\nq1;Rama\n' > no_header.csv
cs query --batch no_header.csv > out.txt 2> err.txt
[ "$status" -eq 2 ] || fail "no header: exit status $status"
grep -q "no_header.csv: line 1: .*separated by commas, semicolons or tabs" err.txt ||
    fail "no header: $(cat err.txt)"

# Excel's "CSV" in Windows-1252 (curly quotes and an e acute as single
# bytes): each such row fails with a message saying how to save UTF-8,
# and the others are answered.
printf 'id,query\r\nq1,\223Kreshnik Spahiu\224 warned\r\nq2,Rama\r\nq\3513,Caf\351 Rama\r\n' > cp1252.csv
cs query --format jsonl -n 1 --batch cp1252.csv > out.jsonl 2> err.txt
[ "$status" -eq 2 ] || fail "cp1252: exit status $status"
python3 - out.jsonl <<'PY' || fail "cp1252: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
hint = "save the file as UTF-8: in Excel, CSV UTF-8; in LibreOffice, " \
       "character set Unicode (UTF-8))"
assert rs[0]["error"] == "cp1252.csv: line 2: the query is not valid UTF-8 " \
                         "(byte 0; " + hint, rs[0]
assert rs[1]["query_id"] == "q2" and "cite" in rs[1], rs[1]
assert rs[2]["error"] == "cp1252.csv: line 4: the id is not valid UTF-8 " \
                         "(byte 1; " + hint, rs[2]
assert len(rs) == 3, rs
PY

# Excel's "Unicode Text": UTF-16 with a byte order mark, tab-separated,
# read through ICU (it was refused as having no id and query columns);
# so is UTF-16BE, from standard input.  A character whose UTF-16 holds
# the byte of a line feed (U+010A, U+0A0A) ends no line.
printf 'id\tquery\tmode\r\nq1\tKreshnik Spahiu\t\r\nq2\t"\304\212ela ""Rama""\nmulti"\tClaim\r\n\t\t\r\nq\340\250\2123\tRama' |
    iconv -f UTF-8 -t UTF-16LE > body.txt
{ printf '\377\376'; cat body.txt; } > le.txt
printf 'id,query\nq1,Kreshnik Spahiu\nq2,"\304\212ela ""Rama""\nmulti"\n,\nq\340\250\2123,Rama\n' |
    iconv -f UTF-8 -t UTF-16BE > body.txt
{ printf '\376\377'; cat body.txt; } > be.csv
for f in le.txt be.csv; do
    cs query --format jsonl -n 1 --batch - < "$f" > out.jsonl 2> err.txt
    [ "$status" -eq 0 ] || fail "$f: exit status $status: $(cat err.txt)"
    python3 - out.jsonl <<'PY' || fail "$f: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["query_id"] for r in rs] == ["q1", "q2", "q\u0a0a3"], rs
assert rs[0]["cite"].endswith(":33"), rs[0]
assert rs[1]["query"] == '\u010aela "Rama"\nmulti', rs[1]
PY
done

# --batch - streams UTF-16 too: each row answered as it comes, the input
# still open.  In UTF-16LE a line feed is 0A 00, and getline stops between
# its bytes: each line read then ran on to the next line feed, and no row
# was answered before the input was closed.
for enc in utf-16-le utf-16-be; do
timeout 60 python3 - "$CITESEARCH" "$enc" <<'PY' || fail "streaming $enc"
import json, select, subprocess, sys
enc = sys.argv[2]
p = subprocess.Popen([sys.argv[1], "query", "--batch", "-", "--format", "jsonl",
                      "-n", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write((b"\xff\xfe" if enc == "utf-16-le" else b"\xfe\xff") +
              "id\tquery\r\n".encode(enc))
for i in range(2):
    p.stdin.write(("s%d\tKreshnik Spahiu\r\n" % i).encode(enc))
    p.stdin.flush()
    ready, _, _ = select.select([p.stdout], [], [], 20)
    assert ready, "no answer within 20 s for row %d" % i
    assert json.loads(p.stdout.readline())["query_id"] == "s%d" % i
p.stdin.close()
assert p.stdout.read() == b""
assert p.wait() == 0
PY
done

# A cell as long as Excel's limit, 32,767 characters, in any script (3
# bytes each in Chinese, 4 for an emoji) is read: it failed as over
# 64 KB.
python3 - <<'PY'
import csv
w = csv.writer(open("long.csv", "w", newline="", encoding="utf-8"))
w.writerow(["id", "query"])
w.writerow(["zh", ("\u62c9\u9a6c\u603b\u7406" * 8200)[:32767]])
w.writerow(["emoji", "Rama " + "\U0001F600" * 32762])
w.writerow(["q3", "Rama"])
PY
cs query --format jsonl -n 1 --batch long.csv > out.jsonl 2> err.txt
[ "$status" -eq 0 ] || fail "long cells: exit status $status: $(cat err.txt)"
python3 - out.jsonl <<'PY' || fail "long cells: $(head -c 300 out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert all("error" not in r for r in rs), [r.get("error") for r in rs]
assert [r["query_id"] for r in rs] == ["emoji", "q3"], [r["query_id"] for r in rs]
PY

# A limit as a spreadsheet formats a whole number ("2.0", "2,00" where
# the comma is the decimal mark) is read: it failed as not a number.  A
# fraction or an empty cell is as before.  Three zeros are a thousands
# group ("2,000" with a 1000 separator, "1.000" in German): refused, not
# read as 2 or 1.
printf 'id;query;limit\nq1;Rama;2.0\nq2;Rama;"2,00"\nq3;Rama;\nq4;Rama;2.5\nq5;Rama;2.\nq6;Rama;"2,000"\nq7;Rama;1.000\nq8;Rama;02.0000\n' > limits.csv
cs query --format jsonl -n 3 --batch limits.csv > out.jsonl 2> err.txt
[ "$status" -eq 2 ] || fail "limits: exit status $status"
python3 - out.jsonl <<'PY' || fail "limits: $(cat out.jsonl)"
import json, sys, collections
rs = [json.loads(l) for l in open(sys.argv[1])]
n = collections.Counter(r["query_id"] for r in rs if "error" not in r)
assert n == {"q1": 2, "q2": 2, "q3": 3, "q8": 2}, n
errors = {r["query_id"]: r["error"] for r in rs if "error" in r}
assert errors == {
    "q4": "limits.csv: line 5: limit '2.5' is not a number from 1 to 10000",
    "q5": "limits.csv: line 6: limit '2.' is not a number from 1 to 10000",
    "q6": "limits.csv: line 7: limit '2,000' is not a number from 1 to 10000",
    "q7": "limits.csv: line 8: limit '1.000' is not a number from 1 to 10000"}, errors
PY

# A semicolon file whose every cell is quoted (LibreOffice's "quote all
# text cells"): its header, malformed split at commas, was refused.
printf '\357\273\277"id";"query";"mode"\r\n"q1";"Rama; ""Tirana""";"claim"\r\n"q2";"Kreshnik\nSpahiu";""\r\n' > quoted_semi.csv
cs query --format jsonl -n 1 --batch quoted_semi.csv > out.jsonl 2> err.txt
[ "$status" -eq 0 ] || fail "quoted semicolons: exit status $status: $(cat err.txt)"
python3 - out.jsonl <<'PY' || fail "quoted semicolons: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["query"] for r in rs] == ['Rama; "Tirana"', "Kreshnik\nSpahiu"], rs
assert rs[1]["cite"].endswith(":33"), rs[1]
PY
# A header malformed whatever the separator is still refused, naming
# where.
printf '"id","query"x\nq1,Rama\n' > bad_header.csv
cs query --batch bad_header.csv > out.txt 2> err.txt
[ "$status" -eq 2 ] || fail "bad header: exit status $status"
grep -q 'bad_header.csv: line 1: text after the closing quote of a quoted cell (column 13;' err.txt ||
    fail "bad header: $(cat err.txt)"

# Header names in any case, with spaces around them, quoted or not.
printf '"ID ",\t" Query "\t,Mode\nq1,Kreshnik Spahiu,claim\n' > names.csv
cs query --format jsonl -n 1 --batch names.csv > out.jsonl 2> err.txt
[ "$status" -eq 0 ] || fail "header names: exit status $status: $(cat err.txt)"
grep -q '"query_id":"q1","query":"Kreshnik Spahiu"' out.jsonl || fail "header names: $(cat out.jsonl)"
