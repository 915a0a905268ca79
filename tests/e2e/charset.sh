# E-mail parts in the charset they declare (KOI8-R, windows-1251 under
# quoted-printable, Big5): their words are searched as the letters they
# stand for, and cited as the file's bytes (highlights, exact quotations);
# the text output and a misquotation's diff show the letters.  A part
# whose bytes are UTF-8 is read as UTF-8 whatever it declares, and only
# bytes read as Windows-1252 (a Latin-1 file) are warned about.  Files
# that declare nothing are read in the charset they look to be in, when
# it is not Western European (windows-1251, windows-1250).
. "$(dirname "$0")/lib.sh"

mkdir in
python3 - <<'PY'
import quopri
def mail(subject, head, body):
    return (('From: Reporter <r@example.org>\nSubject: %s\n'
             'Date: Mon, 05 Sep 2022 10:00:00 +0000\nMIME-Version: 1.0\n'
             % subject) + head + '\n').encode() + body
open('in/koi8.eml', 'wb').write(mail(
    'koi8', 'Content-Type: text/plain; charset="KOI8-R"\n'
    'Content-Transfer-Encoding: 8bit\n',
    'Хакеры атаковали правительственные серверы Албании в июле.\n'
    .encode('koi8-r')))
qp = quopri.encodestring(
    'Министерство финансов сообщило о кибератаке на систему TIMS, '
    'которая обслуживает пограничный контроль страны.\n'.encode('cp1251'))
open('in/qp1251.eml', 'wb').write(mail(
    'qp', 'Content-Type: multipart/alternative; boundary="b"\n',
    b'--b\nContent-Type: text/plain; charset=windows-1251\n'
    b'Content-Transfer-Encoding: quoted-printable\n\n' + qp +
    b'\n--b--\n'))
open('in/big5.eml', 'wb').write(mail(
    'big5', 'Content-Type: text/plain; charset=big5\n',
    '網絡攻擊影響了政府的電子服務。\n'.encode('big5')))
# An unencoded Subject and From in the message's charset (an old mailer),
# the body multipart: read in the charset its text part declares.
open('in/rawsubject.eml', 'wb').write(
    'From: Иван <ivan@example.ru>\nSubject: Утечка данных\n'
    'Date: Mon, 05 Sep 2022 10:00:00 +0000\nMIME-Version: 1.0\n'
    'Content-Type: multipart/alternative; boundary="b"\n\n'
    '--b\nContent-Type: text/plain; charset=koi8-r\n\n'
    'Пограничная служба сообщила о сбое.\n--b--\n'.encode('koi8-r'))
# A paragraph long enough to be indexed as overlapping windows, in
# quoted-printable windows-1251.
long = ' '.join('слово%d' % i for i in range(300)) + '.\n'
open('in/long.eml', 'wb').write(mail(
    'long', 'Content-Type: text/plain; charset=windows-1251\n'
    'Content-Transfer-Encoding: quoted-printable\n',
    quopri.encodestring(long.encode('cp1251'))))
open('long.txt', 'w').write(long)
# Declared KOI8-R, written in UTF-8 (a mislabelled part).
open('in/mislabelled.eml', 'wb').write(mail(
    'utf8', 'Content-Type: text/plain; charset=koi8-r\n',
    'Тирана подтвердила атаку.\n'.encode()))
# A text file in windows-1251, its charset said nowhere: read in the
# charset it looks to be in.
open('in/ru1251.txt', 'wb').write(
    'Заявление\n\nМинистерство внутренних дел подтвердило, что хакеры '
    'получили доступ к базе данных пограничной полиции.\n'.encode('cp1251'))
# ISO-2022-JP (7 bits, escape sequences switch charsets), its Subject
# unencoded as old Japanese mailers wrote it, and a paragraph long enough
# to be cut into windows that start in the middle of a line in JIS X 0208.
jp = ('政府の発表によると、サイバー攻撃は七月に始まった。\n\n' +
      ''.join('第%d段落の文章です。' % i for i in range(120)) + '\n')
open('in/jp.eml', 'wb').write(
    b'From: Kenji <k@example.jp>\nSubject: ' + '報告書'.encode('iso-2022-jp') +
    b'\nMIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\n\n' +
    jp.encode('iso-2022-jp'))
# The same in base64 (as some webmail sends it): its windows too.
import base64
jp64 = ''.join('第%d節の記録です。' % i for i in range(120)) + '\n'
open('in/jp64.eml', 'w').write(
    'From: Kenji <k@example.jp>\nSubject: =?ISO-2022-JP?B?GyRCSnM5cD1xGyhC?=\n'
    'MIME-Version: 1.0\nContent-Type: text/plain; charset=ISO-2022-JP\n'
    'Content-Transfer-Encoding: base64\n\n' +
    base64.encodebytes(jp64.encode('iso-2022-jp')).decode())
# No e-mail: bytes that are not UTF-8 read as Windows-1252.
open('in/latin1.txt', 'wb').write('Notes\n\nLe café de Tirana.\n'.encode('latin-1'))
open('in/latin1-said.txt', 'wb').write(
    'Notes\n\n«We will answer the hackers in our own time,» said José Ramírez.\n'
    .encode('latin-1'))
# A Serbian article in windows-1250, its charset said nowhere: read in it
# (as Windows-1252, "Vučić" would be "Vuèiæ").
open('in/sr1250.txt', 'wb').write(
    ('Izjava\n\nPredsednik Srbije Aleksandar Vučić izjavio je da će Srbija '
     'nastaviti saradnju sa Albanijom uprkos sajber napadu. Ministarstvo '
     'spoljnih poslova saopštilo je da je šteta velika, a građani su '
     'zabrinuti zbog curenja ličnih podataka.\n').encode('cp1250'))
PY
cs index in 2> index.err
[ "$status" -eq 0 ] || fail "index: status $status: $(cat index.err)"
grep -q 'latin1.txt: invalid UTF-8 at byte 13' index.err ||
    fail "no warning for the Latin-1 file: $(cat index.err)"
if grep -q 'eml' index.err; then
    fail "a part read in its charset was warned about: $(cat index.err)"
fi
grep -q 'ru1251.txt: not UTF-8, read as windows-1251' index.err ||
    fail "no word of the guessed charset: $(cat index.err)"
grep -q 'sr1250.txt: not UTF-8, read as windows-1250' index.err ||
    fail "no word of the guessed Central European charset: $(cat index.err)"

# check RESULTS_FILE PATH WORDS CHARSET plain|qp: the first result is PATH,
# and its first highlight the bytes of WORDS in CHARSET as the file has
# them (quoted-printable: decoded).
check() {
    python3 - "$@" <<'PY'
import json, quopri, sys
out, path, words, charset, qp = sys.argv[1:6]
r = json.loads(open(out).readline())
data = open(path, 'rb').read()
assert r['path'] == path, r
assert data[r['byte_start']:r['byte_end']] == r.get('raw_bytes', r['text']).encode('latin-1' if 'raw_bytes' in r else 'utf-8'), r
s, e = r['highlights'][0]
want = words.encode(charset)
got = quopri.decodestring(data[s:e]) if qp == 'qp' else data[s:e]
assert got == want, (got, want)
PY
}
cs query --format jsonl -n 3 правительственные > out.jsonl
check out.jsonl in/koi8.eml правительственные koi8-r plain || fail "KOI8-R word: $(cat out.jsonl)"
# JSON keeps the cited bytes in `text` and gives the letters in `shown`.
python3 - <<'PY' || fail "KOI8-R shown: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
shown = r['shown']['text']
assert shown == 'Хакеры атаковали правительственные серверы Албании в июле.', shown
s, e = r['shown']['highlights'][0]
assert shown.encode()[s:e].decode() == 'правительственные', (s, e)
PY
# A misquotation of it: the diff says the source's word in its letters.
cs query --format jsonl -n 1 '"Хакеры атаковали правительственные серверы Албании в августе"' > out.jsonl
[ "$(jq_py '[(d["query"], d["source"]) for d in rs[0]["diff"] if d["op"] != "="]' < out.jsonl)" = "[('августе', 'июле')]" ] ||
    fail "KOI8-R misquotation diff: $(cat out.jsonl)"
cs query --format jsonl -n 3 '"финансов сообщило о кибератаке"' > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" = "exact" ] || fail "quotation not exact: $(cat out.jsonl)"
check out.jsonl in/qp1251.eml 'финансов сообщило о кибератаке' cp1251 qp ||
    fail "windows-1251 quotation: $(cat out.jsonl)"
cs query --format jsonl -n 3 '"政府的電子服務"' > out.jsonl
check out.jsonl in/big5.eml '政府的電子服務' big5 plain || fail "Big5 quotation: $(cat out.jsonl)"
cs query --format jsonl -n 3 подтвердила > out.jsonl
check out.jsonl in/mislabelled.eml подтвердила utf-8 plain || fail "mislabelled part: $(cat out.jsonl)"
cs query --format jsonl -n 3 '"базе данных пограничной полиции"' > out.jsonl
check out.jsonl in/ru1251.txt 'базе данных пограничной полиции' cp1251 plain ||
    fail "guessed windows-1251: $(cat out.jsonl)"
[ "$(jq_py 'rs[0]["title"]' < out.jsonl)" = "Заявление" ] || fail "guessed title: $(cat out.jsonl)"
cs query --format jsonl -n 3 café > out.jsonl
check out.jsonl in/latin1.txt café latin-1 plain || fail "Latin-1 file: $(cat out.jsonl)"
# Who said it, in a Latin-1 file: the name as the letters it stands for,
# its bytes the file's.
cs query --format jsonl -n 1 '"We will answer the hackers in our own time"' > out.jsonl
[ "$(jq_py 'rs[0]["said_by"]["name"], rs[0]["said_by"]["byte_end"] - rs[0]["said_by"]["byte_start"]' < out.jsonl)" = "José Ramírez 12" ] ||
    fail "said by, Latin-1: $(cat out.jsonl)"
# ... and in a file whose lines end in a lone CR, the line that names him
# as the passage numbers its lines.
mkdir cr
printf 'Notes\r\rOfficials met on Friday in Tirana.\r\342\200\234The hackers were caught,\342\200\235 said Bledar Cuci.\r' > cr/a.txt
"$CITESEARCH" index --quiet --db cr.db cr
cs query --db cr.db --format jsonl -n 1 '"The hackers were caught"' > out.jsonl
[ "$(jq_py 'rs[0]["cite"], rs[0]["said_by"]["name"], rs[0]["said_by"]["cite"]' < out.jsonl)" = "cr/a.txt:3-4 Bledar Cuci cr/a.txt:4" ] ||
    fail "said by, lines ending in CR: $(cat out.jsonl)"
# The Serbian article: its names found as written and without their marks.
for q in Vučić Vucic 'građani'; do
    cs query --format jsonl -n 3 "$q" > out.jsonl
    [ "$(jq_py 'rs[0]["path"]' < out.jsonl)" = "in/sr1250.txt" ] ||
        fail "guessed windows-1250: $q: $(cat out.jsonl)"
done
cs query --format jsonl -n 3 '"Aleksandar Vučić izjavio"' > out.jsonl
check out.jsonl in/sr1250.txt 'Aleksandar Vučić izjavio' cp1250 plain ||
    fail "a quotation in guessed windows-1250: $(cat out.jsonl)"

cs query --format jsonl -n 3 'сбое title:утечка' > out.jsonl
[ "$(jq_py '[(r["path"], r["title"], r["source"]) for r in rs]' < out.jsonl)" = "[('in/rawsubject.eml', 'Утечка данных', 'Иван <ivan@example.ru>')]" ] ||
    fail "unencoded fields in the message's charset: $(cat out.jsonl)"

# ISO-2022-JP: words and quotations found, shown as the letters, each
# highlight the bytes of its words in the charset in effect there.
for q in '"サイバー攻撃は七月に始まった"' '第77段落'; do
    cs query --format jsonl -n 1 "$q" > out.jsonl
    python3 - "$q" <<'PY' || fail "ISO-2022-JP: $q: $(cat out.jsonl)"
import json, sys
q = sys.argv[1].strip('"')
r = json.loads(open('out.jsonl').readline())
assert (r['path'], r['title']) == ('in/jp.eml', '報告書'), r
shown = r['shown']['text']
words = [shown.encode()[s:e].decode() for s, e in r['shown']['highlights']]
assert ''.join(words) == q or q in words or '77' in words, words
data = open('in/jp.eml', 'rb').read()
for s, e in r['highlights']:
    esc = data.rfind(b'\x1b', 0, s + 1)
    state = data[esc:esc + 3] if esc >= 0 else b''
    assert (state + data[s:e]).decode('iso-2022-jp') in q, (state, data[s:e])
PY
done

# CSV gives the letters too (the bytes are not UTF-8).
cs query --format csv -n 1 правительственные > out.csv
python3 - <<'PY' || fail "KOI8-R as CSV: $(cat -v out.csv)"
import csv
rows = list(csv.DictReader(open('out.csv', newline='', encoding='utf-8')))
assert rows[0]['text'] == 'Хакеры атаковали правительственные серверы Албании в июле.', rows
PY

# ... and a Latin-1 file's letters, in UTF-8 as its title is, in CSV and
# TSV alike (one row in one encoding).
for fmt in csv tsv; do
    cs query --format "$fmt" -n 1 café > out.$fmt
    python3 - "$fmt" <<'PY' || fail "Latin-1 as $fmt: $(cat -v out.$fmt)"
import csv, sys
fmt = sys.argv[1]
rows = list(csv.DictReader(open('out.' + fmt, newline='', encoding='utf-8'),
                           delimiter=',' if fmt == 'csv' else '\t'))
assert (rows[0]['path'], rows[0]['text']) == ('in/latin1.txt', 'Le café de Tirana.'), rows
PY
done

cs query --format jsonl -n 1 '"第77節の記録です"' > out.jsonl
python3 - <<'PY' || fail "ISO-2022-JP in base64: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert (r['path'], r['title'], r['match']) == ('in/jp64.eml', '報告書', 'exact'), r
t = r['shown']['text']
assert [t.encode()[s:e].decode() for s, e in r['shown']['highlights']] == ['第77節の記録です'], r
assert not t.startswith('第0節'), t[:20]  # a window that starts mid-line
PY

# The text output shows the letters, not the bytes.
cs query --format text -n 1 атаковали > out.txt
grep -q "^   Хакеры атаковали правительственные серверы Албании в июле\.\$" out.txt ||
    fail "KOI8-R as text: $(cat out.txt)"
cs query --format text -n 1 пограничный > out.txt
grep -q "^   Министерство финансов сообщило о кибератаке на систему TIMS," out.txt ||
    fail "quoted-printable windows-1251 as text: $(cat out.txt)"
# show prints the letters; the web API's show lists a long paragraph's
# overlapping windows, each with the text it adds to the ones before it.
cs show in/koi8.eml:8 > show.txt
grep -q "^> Хакеры атаковали правительственные серверы Албании в июле\.\$" show.txt ||
    fail "show of a KOI8-R part: $(cat show.txt)"
start_server
timeout 60 python3 - "$url" <<'PY' || fail "API show of a windowed paragraph"
import json, sys, urllib.parse, urllib.request
base = sys.argv[1]
q = urllib.request.urlopen(base + 'api/query?' + urllib.parse.urlencode({'q': 'слово150'}))
r = json.loads(q.read())[0]
assert r['path'] == 'in/long.eml', r
s = urllib.request.urlopen(base + 'api/show?' + urllib.parse.urlencode({'cite': r['cite'], 'context': 20}))
doc = json.loads(s.read())
ps = doc['passages']
assert len(ps) > 1, len(ps)
text = ''.join(p['shown']['text'] for p in ps if 'shown' in p)
assert text == open('long.txt').read().rstrip('\n'), text[:200]
PY
echo ok
