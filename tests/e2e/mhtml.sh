# Web pages saved as one file (.mhtml, .mht: a MIME message, as Chrome,
# Edge and Internet Explorer write them): the page, its first part, is
# read as a saved page is; its style sheets, images and frames are not
# text; its title, site, date and address come from the page's head (the
# address from the snapshot's header when the page names none), not from
# the browser that saved it.  Citations are the file's bytes, in
# quoted-printable as written.
. "$(dirname "$0")/lib.sh"

mkdir in
python3 - <<'PY'
import base64, quopri

def crlf(t):
    return t.replace('\r\n', '\n').replace('\n', '\r\n')

page = '''<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Albania severs ties with Iran | Balkan Wire</title>
<meta property="og:site_name" content="Balkan Wire">
<meta property="article:published_time" content="2022-09-07T10:00:00Z">
<link rel="canonical" href="https://balkanwire.example/albania-iran-ties">
<link rel="stylesheet" href="cid:css-1@mhtml.blink">
</head><body><nav><a href="/">Home</a> <a href="/stars">Horoscopes</a></nav>
<article><h1>Albania severs ties with Iran</h1>
<p>Prime Minister Edi Rama said on Wednesday that Albania was cutting diplomatic ties with Iran after an investigation found that Tehran had orchestrated the July cyberattack on government servers in Tirana.</p>
<p>The Iranian embassy staff were given 24 hours to leave the country. Rama called the decision &ldquo;extreme but entirely forced&rdquo; in a video statement from Tiran\u00eb.</p>
</article><iframe src="cid:frame-2@mhtml.blink"></iframe></body></html>
'''
b = '----MultipartBoundary--Xy12AbCdEf----'
img = base64.encodebytes(b'\x89PNG\r\n\x1a\n' + bytes(range(256))).decode()
snapshot = f'''From: <Saved by Blink>
Snapshot-Content-Location: https://balkanwire.example/albania-iran-ties?utm=feed
Subject: =?utf-8?Q?Albania=20severs=20ties=20with=20Iran=20|=20Balkan=20Wire?=
Date: Thu, 8 Sep 2022 09:12:44 -0000
MIME-Version: 1.0
Content-Type: multipart/related;
\ttype="text/html";
\tboundary="{b}"


--{b}
Content-Type: text/html
Content-ID: <frame-1@mhtml.blink>
Content-Transfer-Encoding: quoted-printable
Content-Location: https://balkanwire.example/albania-iran-ties?utm=feed

{quopri.encodestring(page.encode()).decode()}
--{b}
Content-Type: text/css
Content-Transfer-Encoding: quoted-printable
Content-Location: cid:css-1@mhtml.blink

body {{ font-family: zorblaxsans; }}

--{b}
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-Location: https://balkanwire.example/logo.png

{img}
--{b}
Content-Type: text/html
Content-ID: <frame-2@mhtml.blink>
Content-Transfer-Encoding: quoted-printable

<html><body><p>Advertisement: buy quixotic widgets today</p></body></html>

--{b}--
'''
open('in/wire.mhtml', 'wb').write(crlf(snapshot).encode('ascii'))

# Internet Explorer's: the page in the charset its part declares, no
# <title> nor heading (the Subject names it), no address of its own.
old = ('<html><body><p>The caf\u00e9 near the border post was closed for '
       'three days, the TIMS logbook says.</p></body></html>\n')
mht = ('From: "Saved by Windows Internet Explorer 8"\n'
       'Subject: Border police notes\n'
       'Date: Mon, 2 Jan 2023 12:00:00 +0100\n'
       'MIME-Version: 1.0\n'
       'Content-Type: multipart/related;\n\ttype="text/html";\n'
       '\tboundary="----=_NextPart_000_0000_01D91E"\n'
       'Content-Location: http://police.example/notes.html\n\n'
       'This is a multi-part message in MIME format.\n\n'
       '------=_NextPart_000_0000_01D91E\n'
       'Content-Type: text/html;\n\tcharset="Windows-1252"\n'
       'Content-Transfer-Encoding: quoted-printable\n\n'
       + quopri.encodestring(old.encode('cp1252')).decode() +
       '\n------=_NextPart_000_0000_01D91E--\n')
open('in/notes.mht', 'w').write(mht)

# No title anywhere: none, not the first line of its body (a delimiter).
open('in/untitled.mhtml', 'w').write(
    'From: <Saved by Blink>\nMIME-Version: 1.0\n'
    'Content-Type: multipart/related; boundary="BB"\n\n--BB\n'
    'Content-Type: text/html\n\n<p>An untitled wombat page.</p>\n--BB--\n')

# A style sheet before the page: the page is the first HTML part.
open('in/styled.mhtml', 'w').write(
    'From: <Saved by Blink>\nMIME-Version: 1.0\n'
    'Content-Type: multipart/related; boundary="SS"\n\n--SS\n'
    'Content-Type: text/css\n\n.zqxcssword { color: red }\n--SS\n'
    'Content-Type: text/html\n\n<title>Styled page</title><p>A quagga was seen.</p>\n--SS--\n')

# Not MIME at all, though named so: read as the web page it is.
open('in/raw.mht', 'w').write('<html><head><title>Raw page</title></head>'
                              '<body><p>A xylograph of the old bridge.</p></body></html>\n')
PY
cs index in 2> index.err
[ "$status" -eq 0 ] || fail "index: status $status: $(cat index.err)"
if grep -q 'invalid UTF-8\|(skipped)' index.err; then
    fail "a saved page was warned about or skipped: $(cat index.err)"
fi

# A paragraph of the page, with the page's metadata: the date it was
# published, not the one it was saved.
cs query --format jsonl -n 1 'diplomatic ties orchestrated' > out.jsonl
python3 - <<'PY' || fail "a saved page's paragraph: $(cat out.jsonl)"
import json, quopri
r = json.loads(open('out.jsonl').readline())
assert (r['path'], r['title'], r['source'], r['date'], r['url']) == (
    'in/wire.mhtml', 'Albania severs ties with Iran | Balkan Wire', 'Balkan Wire',
    '2022-09-07', 'https://balkanwire.example/albania-iran-ties'), r
assert r['shown']['text'] == (
    'Prime Minister Edi Rama said on Wednesday that Albania was cutting diplomatic '
    'ties with Iran after an investigation found that Tehran had orchestrated the '
    'July cyberattack on government servers in Tirana.'), r
data = open('in/wire.mhtml', 'rb').read()
cited = data[r['byte_start']:r['byte_end']]
assert cited.startswith(b'Prime Minister') and b'=\r\n' in cited, cited
assert quopri.decodestring(cited).decode().endswith('servers in Tirana.'), cited
PY

# A quotation across a soft line break of the quoted-printable: its
# bytes as written; and one with an HTML reference in it, as shown.
cs query --format jsonl -n 1 '"cutting diplomatic ties with Iran"' > out.jsonl
exact_at "a quotation across a soft break" in/wire.mhtml "b'cutting diplo=\r\nmatic ties with Iran'"
cs query --format text -n 1 '"extreme but entirely forced"' > out.txt
sed -n 3p out.txt | grep -qx '   https://balkanwire.example/albania-iran-ties' ||
    fail "a saved page's address in the text output: $(cat out.txt)"
grep -q 'Rama called the decision “extreme but entirely forced” in a video statement from Tiranë\.$' out.txt ||
    fail "a quotation in a saved page as text: $(cat out.txt)"

# Its style sheets, frames, menu and the browser's name are not the page's text.
not_found "a style sheet is text" zorblaxsans
not_found "a frame is text" quixotic
not_found "a menu is text" horoscopes
not_found "the browser is a source" blink

# Internet Explorer's: its charset, its Subject for a title.
cs query --format jsonl -n 1 'café border TIMS' > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0]["title"], rs[0]["date"], rs[0]["shown"]["text"])' < out.jsonl)" = "('in/notes.mht', 'Border police notes', '', 'The café near the border post was closed for three days, the TIMS logbook says.')" ] ||
    fail "an Internet Explorer page: $(cat out.jsonl)"
cs query --format jsonl -n 1 xylograph > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0]["title"], "url" in rs[0])' < out.jsonl)" = "('in/raw.mht', 'Raw page', False)" ] ||
    fail "a .mht that is a page, no address: $(cat out.jsonl)"

cs query --format jsonl -n 1 quagga > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0]["title"])' < out.jsonl)" = "('in/styled.mhtml', 'Styled page')" ] ||
    fail "a saved page after its style sheet: $(cat out.jsonl)"
not_found "a style sheet before the page is text" zqxcssword
cs query --format jsonl -n 1 wombat > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0]["title"])' < out.jsonl)" = "('in/untitled.mhtml', '')" ] ||
    fail "a saved page without a title: $(cat out.jsonl)"

# The address: the page's canonical one, else the snapshot's.
start_server
timeout 60 python3 - "$url" <<'PY' || fail "the addresses of saved pages"
import json, sys, urllib.parse, urllib.request
base = sys.argv[1]
def address(cite):
    s = urllib.request.urlopen(base + 'api/show?' + urllib.parse.urlencode({'cite': cite}))
    return json.loads(s.read())['url']
got = (address('in/wire.mhtml:27'), address('in/notes.mht:17'))
assert got == ('https://balkanwire.example/albania-iran-ties',
               'http://police.example/notes.html'), got
PY
echo ok
