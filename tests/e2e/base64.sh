# E-mail parts in base64 (as most mailers send text that is not ASCII,
# and HTML): read decoded, their words found, quotations exact; a passage
# cites the bytes that encode it (whole groups of four characters, which
# decode to its text with at most two bytes more at either end), its
# highlights decode to the words; the text output, `show`, a
# misquotation's diff and JSON's `shown` give the letters.  A long
# paragraph's overlapping windows each decode to their own text, and the
# web API's show puts them together without a byte lost or repeated.
. "$(dirname "$0")/lib.sh"

mkdir in
python3 - <<'PY'
import base64
body = ('Përshëndetje,\n\n'
        'Ministria e Brendshme konfirmoi se sulmi kibernetik goditi sistemin TIMS në shtator.\n\n'
        'Zëdhënësi tha: "Të dhënat e policisë nuk janë prekur."\n\n' +
        ' '.join('fjala%d' % i for i in range(260)) + '.\n')
html = ('<html><body><p>The <b>border</b> police said the intruders left a note.</p>'
        '<p>Second&nbsp;paragraph here.</p></body></html>\n')
def part(kind, text):
    return ('--b\nContent-Type: %s; charset=utf-8\nContent-Transfer-Encoding: base64\n\n'
            % kind) + base64.encodebytes(text.encode()).decode()
open('in/m.eml', 'w').write(
    'From: Reporter <r@example.org>\nSubject: Raport\n'
    'Date: Mon, 05 Sep 2022 10:00:00 +0000\nMIME-Version: 1.0\n'
    'Content-Type: multipart/mixed; boundary="b"\n\n' +
    part('text/plain', body) + part('text/html', html) + '--b--\n')
# A reply in base64 (its path first in order) quoting the message it
# answers, whose words match alike.
open('in/a_reply.eml', 'w').write(
    'From: Dana <dana@example.org>\nSubject: Re: the count\n'
    'Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n' +
    base64.encodebytes('> The heron colony counted thirty nests.\n\nGood news.\n'.encode()).decode())
open('in/b_original.eml', 'w').write(
    'From: Eli <eli@example.org>\nSubject: the count\n\n'
    'The heron colony counted thirty nests.\n')
# HTML not encoded, its paragraphs on lines of their own.
open('in/h.eml', 'w').write(
    'From: Press <p@example.org>\nSubject: Outage\nMIME-Version: 1.0\n'
    'Content-Type: text/html\n\n'
    '<html><body>\n<p>The spokesman confirmed the <b>outage</b>.</p>\n\n'
    '<p>Services returned by noon.</p>\n</body></html>\n')
PY
cs index in 2> index.err
[ "$status" -eq 0 ] || fail "index: status $status: $(cat index.err)"

# check RESULTS_FILE: each result's cited bytes decode to its shown text
# (HTML aside), its highlights to the words the shown highlights hold.
check() {
    python3 - "$1" <<'PY'
import base64, json, re, sys
data = open('in/m.eml', 'rb').read()
def decode(b):
    b = re.sub(rb'[^A-Za-z0-9+/]', b'', b)
    return base64.b64decode(b[:len(b) - len(b) % 4]) if len(b) >= 4 else b''
for line in open(sys.argv[1]):
    r = json.loads(line)
    shown = r['shown']['text']
    cited = decode(data[r['byte_start']:r['byte_end']]).decode('utf-8', 'replace')
    if '<' not in cited:
        assert shown in cited and len(cited) - len(shown) <= 4, (shown, cited)
    # Each highlight ends at the last character holding the word's bits:
    # the passage's bytes up to it (and the rest of its group) hold the
    # word, those up to its start do not.
    for (s, e), (ss, se) in zip(r['highlights'], r['shown']['highlights']):
        want = shown.encode()[ss:se]
        assert r['byte_start'] <= s < e <= r['byte_end'], (s, e, r)
        assert want in decode(data[r['byte_start']:e + 3]), (want, r)
        assert want not in decode(data[r['byte_start']:s]), (want, r)
PY
}
cs query --format jsonl -n 1 '"sulmi kibernetik goditi sistemin TIMS"' > out.jsonl
[ "$(jq_py '(rs[0]["match"], [rs[0]["shown"]["text"].encode()[s:e].decode() for s, e in rs[0]["shown"]["highlights"]])' < out.jsonl)" = "('exact', ['sulmi kibernetik goditi sistemin TIMS'])" ] ||
    fail "quotation in base64: $(cat out.jsonl)"
check out.jsonl || fail "cited bytes of the quotation: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"Të dhënat e policisë nuk janë prekur"' > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" = "exact" ] || fail "quotation with letters: $(cat out.jsonl)"
check out.jsonl || fail "cited bytes of letters: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"intruders left a note"' > out.jsonl
[ "$(jq_py '(rs[0]["match"], rs[0]["shown"]["text"])' < out.jsonl)" = "('exact', 'The border police said the intruders left a note.')" ] ||
    fail "HTML in base64: $(cat out.jsonl)"
# A word of a long paragraph: each window holding it decodes to itself.
cs query --format jsonl -n 3 fjala150 > out.jsonl
[ "$(jq_py 'len(rs)' < out.jsonl)" -ge 1 ] || fail "word of a long paragraph: $(cat out.jsonl)"
check out.jsonl || fail "windows of a long paragraph: $(cat out.jsonl)"
# A quotation across a paragraph break: one span, in base64 (the two
# passages share the group of four that holds the break) and in HTML
# (markup between them).
cs query --format jsonl -n 1 '"goditi sistemin TIMS në shtator. Zëdhënësi tha"' > out.jsonl
[ "$(jq_py '(rs[0]["match"], [rs[0]["shown"]["text"].encode()[s:e].decode() for s, e in rs[0]["shown"]["highlights"]])' < out.jsonl)" = "('exact', ['goditi sistemin TIMS në shtator.\n\nZëdhënësi tha'])" ] ||
    fail "quotation across a break in base64: $(cat out.jsonl)"
check out.jsonl || fail "cited bytes across a break: $(cat out.jsonl)"
[ "$(jq_py 'rs[0]["shown"]["text"]' < out.jsonl)" = 'Ministria e Brendshme konfirmoi se sulmi kibernetik goditi sistemin TIMS në shtator.

Zëdhënësi tha: "Të dhënat e policisë nuk janë prekur."' ] || fail "text across a break in base64: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"goditi sistemin TIMS në gusht. Zëdhënësi tha"' > out.jsonl
[ "$(jq_py '(rs[0]["match"], [(d["op"], d["query"], d["source"]) for d in rs[0]["diff"] if d["op"] != "="])' < out.jsonl)" = "('near', [('~', 'gusht', 'shtator')])" ] ||
    fail "misquotation across a break in base64: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"confirmed the outage. Services returned"' > out.jsonl
[ "$(jq_py '(rs[0]["cite"], rs[0]["match"])' < out.jsonl)" = "('in/h.eml:7-9', 'exact')" ] ||
    fail "quotation across a break in HTML: $(cat out.jsonl)"

# Who said it first before the reply that quotes it in base64.
cs query --format jsonl -n 5 'heron colony thirty nests' > out.jsonl
[ "$(jq_py '[r["path"] for r in rs][:2]' < out.jsonl)" = "['in/b_original.eml', 'in/a_reply.eml']" ] ||
    fail "the quoting reply in base64 before the original: $(cat out.jsonl)"

# A misquotation: the diff says the source's word.
cs query --format jsonl -n 1 '"sulmi kibernetik goditi sistemin TIMS në gusht"' > out.jsonl
[ "$(jq_py '[(d["op"], d["query"], d["source"]) for d in rs[0]["diff"] if d["op"] != "="]' < out.jsonl)" = "[('~', 'gusht', 'shtator')]" ] ||
    fail "misquotation diff: $(cat out.jsonl)"
cs query --format csv -n 1 kibernetik > out.csv
python3 - <<'PY' || fail "base64 as CSV: $(cat out.csv)"
import csv
rows = list(csv.DictReader(open('out.csv', newline='', encoding='utf-8')))
assert rows[0]['text'] == 'Ministria e Brendshme konfirmoi se sulmi kibernetik goditi sistemin TIMS në shtator.', rows
PY
cs query --format text -n 1 kibernetik > out.txt
grep -q '^   Ministria e Brendshme konfirmoi se sulmi kibernetik goditi sistemin TIMS në shtator\.$' out.txt ||
    fail "text output: $(cat out.txt)"
cite=$(jq_py 'rs[0]["cite"]' < out.jsonl)
cs show "$cite" > show.txt
grep -q '^> Ministria e Brendshme konfirmoi' show.txt || fail "show: $(cat show.txt)"
# The web API's show lists the long paragraph's overlapping windows, each
# with the text it adds to the ones before it: together, the paragraph.
python3 - <<'PY'
words = ' '.join('fjala%d' % i for i in range(260)) + '.'
open('long.txt', 'w').write(words)
PY
start_server
timeout 60 python3 - "$url" <<'PY' || fail "API show of a long paragraph in base64"
import json, sys, urllib.parse, urllib.request
base = sys.argv[1]
q = urllib.request.urlopen(base + 'api/query?' + urllib.parse.urlencode({'q': 'fjala150'}))
r = json.loads(q.read())[0]
s = urllib.request.urlopen(base + 'api/show?' + urllib.parse.urlencode({'cite': r['cite'], 'context': 20}))
ps = [p for p in json.loads(s.read())['passages'] if p['paragraph'] == r['paragraph']]
assert len(ps) > 1, len(ps)
text = ''.join(p['shown']['text'] for p in ps)
assert text.strip() == open('long.txt').read(), text
PY
echo ok
