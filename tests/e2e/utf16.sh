# Text files saved as UTF-16 ("Unicode" in Windows' Notepad and Word),
# little- and big-endian, with the byte order mark that says so: read as
# the text they are, not skipped as binary.  Words are found, cited in
# the file's bytes (highlights, exact quotations, lines counted by the
# text's line breaks, not by 0x0A bytes, which the character 上 has too);
# the title is the first line without its mark; a misquotation's diff,
# the text and CSV output show the letters.
. "$(dirname "$0")/lib.sh"

mkdir in
python3 - <<'PY'
text = ('Raporti për sulmin\r\n\r\n'
        '上海 上上 Ċ line two\r\n'
        'Ministria tha se sulmi filloi në korrik.\r\n\r\n'
        'Paragrafi i tretë flet për Zerbinettën.\r\n')
open('in/le.txt', 'wb').write(b'\xff\xfe' + text.encode('utf-16-le'))
open('in/be.txt', 'wb').write(b'\xfe\xff' + text.encode('utf-16-be'))
# A UTF-8 byte order mark is no part of the title either.
open('in/bom8.txt', 'wb').write('\ufeffNotes on the outage\n\nThe portal went dark.\n'.encode())
PY
cs index in 2> index.err
[ "$status" -eq 0 ] || fail "index: status $status: $(cat index.err)"
if grep -q 'binary\|invalid UTF-8' index.err; then
    fail "a UTF-16 file was skipped or warned about: $(cat index.err)"
fi

# check RESULTS_FILE WORDS LINES: each result is in/le.txt or in/be.txt,
# both are there, their first highlight is WORDS in their bytes and their
# lines are LINES.
check() {
    python3 - "$@" <<'PY'
import json, sys
out, words, lines = sys.argv[1:4]
rs = [json.loads(l) for l in open(out)]
assert sorted(r['path'] for r in rs) == ['in/be.txt', 'in/le.txt'], rs
for r in rs:
    enc = 'utf-16-le' if r['path'] == 'in/le.txt' else 'utf-16-be'
    data = open(r['path'], 'rb').read()
    s, e = r['highlights'][0]
    assert data[s:e].decode(enc) == words, (data[s:e], words)
    assert '%d-%d' % (r['line_start'], r['line_end']) == lines, r
    assert r['title'] == 'Raporti për sulmin', r['title']
    assert r['byte_start'] % 2 == 0 and r['byte_end'] % 2 == 0, r
    assert words in r['shown']['text'], r['shown']
PY
}
cs query --format jsonl -n 5 Zerbinettën > out.jsonl
check out.jsonl Zerbinettën 6-6 || fail "a word: $(cat out.jsonl)"
cs query --format jsonl -n 5 上海 > out.jsonl
check out.jsonl 上海 3-4 || fail "a word in Chinese: $(cat out.jsonl)"
cs query --format jsonl -n 5 '"sulmi filloi në korrik"' > out.jsonl
check out.jsonl 'sulmi filloi në korrik' 3-4 || fail "a quotation: $(cat out.jsonl)"
[ "$(jq_py '[r["match"] for r in rs]' < out.jsonl)" = "['exact', 'exact']" ] ||
    fail "quotation not exact: $(cat out.jsonl)"

# A misquotation: the diff says the source's word as written.
cs query --format jsonl -n 1 '"sulmi filloi në gusht"' > out.jsonl
[ "$(jq_py '[(d["op"], d["query"], d["source"]) for d in rs[0]["diff"] if d["op"] != "="]' < out.jsonl)" = "[('~', 'gusht', 'korrik')]" ] ||
    fail "misquotation diff: $(cat out.jsonl)"

# Text and CSV show the letters.
cs query --format text -n 1 Zerbinettën > out.txt
grep -q '^   Paragrafi i tretë flet për Zerbinettën\.$' out.txt ||
    fail "text output: $(cat out.txt)"
cs query --format csv -n 1 Zerbinettën > out.csv
python3 - <<'PY' || fail "CSV output: $(cat -v out.csv)"
import csv
rows = list(csv.DictReader(open('out.csv', newline='', encoding='utf-8')))
assert rows[0]['text'] == 'Paragrafi i tretë flet për Zerbinettën.', rows
assert rows[0]['title'] == 'Raporti për sulmin', rows
PY

# A web page saved as UTF-16 is cited by its own lines: its blocks are
# paragraphs of its text, not lines of the file (the page below is two
# lines; its second paragraph was cited as line 24).
python3 - <<'PY'
page = ('<html><head><title>Vala</title></head><body><h1>Vala</h1><p>One.</p>\r\n'
        '<p>The flotilla of kayaks reached the reef.</p></body></html>\r\n')
open('in/page.html', 'wb').write(b'\xff\xfe' + page.encode('utf-16-le'))
PY
cs index in 2> index.err
[ "$status" -eq 0 ] || fail "index: status $status: $(cat index.err)"
cs query --format jsonl -n 1 flotilla > out.jsonl
[ "$(jq_py '(rs[0]["cite"], rs[0]["shown"]["text"])' < out.jsonl)" = "('in/page.html:2', 'The flotilla of kayaks reached the reef.')" ] ||
    fail "a UTF-16 page's lines: $(cat out.jsonl)"

cs query --format jsonl -n 1 portal > out.jsonl
[ "$(jq_py 'rs[0]["title"]' < out.jsonl)" = "Notes on the outage" ] ||
    fail "title with a UTF-8 byte order mark: $(cat out.jsonl)"
echo ok
