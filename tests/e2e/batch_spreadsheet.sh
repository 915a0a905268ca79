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
