# Saved web pages (.html, .htm): read for their text as a browser shows
# it (each block a paragraph, even when the page is one line; scripts,
# style sheets, menus, cookie notices, lists of links and markup not
# searched; character references the character), in the charset the page
# declares; their title, site, date and address from the head.  Citations
# are the page's bytes.
. "$(dirname "$0")/lib.sh"

mkdir in
python3 - <<'PY'
# One line, as pages are often saved; windows-1252, declared.
page = ('<!DOCTYPE html><html lang="en"><head><meta charset="windows-1252">'
        '<title>Albania cuts ties with Iran &ndash; World</title>'
        '<meta property="og:site_name" content="The Daily Courier">'
        '<meta property="article:published_time" content="2022-09-07T10:30:00+02:00">'
        '<link rel="canonical" href="https://example.com/albania-iran">'
        '<style>body{font:12px Arial}</style>'
        '<script>var tracking = "zyxtracker";</script></head><body>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/stars">Horoscopes</a></li></ul></nav>'
        '<article><h1>Albania cuts ties with Iran</h1>'
        '<p>Prime Minister Edi Rama said on Wednesday that Albania was cutting '
        'diplomatic ties with Iran after a cyberattack in July.</p>'
        '<p>The caf\u00e9 owner in Tirana said: \u201cWe did not expect this.\u201d</p>'
        '<p>Officials gave Iranian diplomats 24&nbsp;hours to leave.</p></article>'
        '<h3>Related</h3><ul class="related"><li><a href="/1">Iran denies the '
        'hacking claims</a></li><li><a href="/2">Tirana airport checks</a></li>'
        '<li><a href="/3">Rama visits Brussels</a></li></ul>'
        '<footer>&copy; 2022 The Daily Courier</footer>'
        '<div id="onetrust-consent-sdk"><div class="ot-sdk-row"><p>We and our partners '
        'store and access personal data, like browsing data.</p></div>'
        '<button>Accept all</button></div></body></html>\n')
open('in/courier.html', 'wb').write(page.encode('cp1252'))
# UTF-8, over lines, no <title>: the first heading names it.
open('in/notes.htm', 'w').write(
    '<html>\n<body>\n<h1>Border police notes</h1>\n'
    '<div>The TIMS system was <b>offline</b> for<br>\nthree days.</div>\n'
    '</body>\n</html>\n')
# Who said it, on a page: "he" named in the paragraph before, in bold.
open('in/wire.html', 'w').write(
    '<html><head><title>Minister on the outage</title></head><body>\n'
    '<p>The outage hit the border system on Friday. Interior Minister '
    '<b>Bledar Cuci</b> said the systems were restored.</p>\n'
    '<p>&ldquo;We are talking about an <i>abnormal</i> situation,&rdquo; he '
    'told reporters.</p>\n</body></html>\n')
PY
cs index in 2> index.err
[ "$status" -eq 0 ] || fail "index: status $status: $(cat index.err)"
if grep -q 'invalid UTF-8\|(skipped)' index.err; then
    fail "a page was warned about or skipped: $(cat index.err)"
fi

# A word: the paragraph that holds it, with the page's metadata.
cs query --format jsonl -n 1 'diplomatic ties cyberattack' > out.jsonl
python3 - <<'PY' || fail "a page's paragraph: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert (r['path'], r['title'], r['source'], r['date']) == (
    'in/courier.html', 'Albania cuts ties with Iran \u2013 World', 'The Daily Courier',
    '2022-09-07'), r
assert r['shown']['text'] == ('Prime Minister Edi Rama said on Wednesday that Albania '
                              'was cutting diplomatic ties with Iran after a cyberattack in July.'), r
data = open('in/courier.html', 'rb').read()
assert data[r['byte_start']:r['byte_end']].startswith(b'Prime Minister'), r
assert r['line_start'] == 1, r
PY

# Quotations: exact, the highlight the page's bytes (its "&nbsp;" too),
# the shown text in its letters.
cs query --format jsonl -n 1 '"gave Iranian diplomats 24 hours"' > out.jsonl
python3 - <<'PY' || fail "a quotation in a page: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert r['match'] == 'exact', r
data = open('in/courier.html', 'rb').read()
s, e = r['highlights'][0]
assert data[s:e] == b'gave Iranian diplomats 24&nbsp;hours', data[s:e]
PY
cs query --format text -n 1 '"We did not expect this"' > out.txt
grep -q '^   The café owner in Tirana said: “We did not expect this\.”$' out.txt ||
    fail "a page in windows-1252 as text: $(cat out.txt)"

# The speaker of a page's quotation, read from its text: the name as it
# reads, its bytes the page's (the markup inside it too).
cs query --format jsonl -n 1 '"We are talking about an abnormal situation"' > out.jsonl
python3 - <<'PY' || fail "said by, in a page: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
s = r['said_by']
assert (s['name'], s['cite']) == ('Interior Minister Bledar Cuci', 'in/wire.html:2'), s
data = open('in/wire.html', 'rb').read()
assert data[s['byte_start']:s['byte_end']] == b'Interior Minister <b>Bledar Cuci', s
PY

# Scripts, style sheets and the site's menu are not the page's text.
not_found "a script is text" zyxtracker
not_found "a style sheet is text" Arial
not_found "a menu is text" horoscopes
not_found "a cookie notice is text" "partners personal browsing"
not_found "a list of links is text" "hacking claims denies"

# No <title>: the first heading; a <br> breaks a line, not the paragraph.
cs query --format jsonl -n 1 'TIMS offline' > out.jsonl
[ "$(jq_py '(rs[0]["title"], rs[0]["line_start"], rs[0]["line_end"], rs[0]["shown"]["text"])' < out.jsonl)" = "('Border police notes', 4, 5, 'The TIMS system was offline for three days.')" ] ||
    fail "a page without a title: $(cat out.jsonl)"
echo ok
