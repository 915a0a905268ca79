# Files that are e-mails (a saved message, an mbox "From " line first or
# not, .txt, .eml or a .mbox of several): the header block is the
# metadata, not passages.  Title from the
# Subject (a folded one joined), source from From, date from Date; the
# passages are the body's, cited by the file's own lines and bytes; the
# Received: hops and Message-IDs are not searched.  Of a MIME message only
# the text parts are: not the parts' headers and delimiters, not HTML
# that a plain part says the same as, not base64 attachments.  A file
# that only looks a little like one is read as any other text.
. "$(dirname "$0")/lib.sh"

mkdir in
python3 - <<'PY'
open('in/msg.txt', 'wb').write(
    b'From rssfeeds@example.org  Sat Oct  5 10:37:21 2002\n'
    b'Return-Path: <rssfeeds@example.org>\n'
    b'Received: from relay.quetzalhost.example (relay [10.0.0.1])\n'
    b'\tby mail.example.org (Postfix) with ESMTP id EB39716F74\n'
    b'Message-Id: <200210050800.g9580VK02525@quetzalhost.example>\n'
    b'From: Boing Boing <rssfeeds@example.org>\n'
    b'Subject: Phone companies\n'
    b'   compared by the numbat survey\n'
    b'Date: Sat, 05 Oct 2002 08:00:31 -0000\n'
    b'\n'
    b'The survey ranks the wireless carriers on price and coverage.\n'
    b'\n'
    b'One of them is the cheapest wireless provider, at 8.2 cents a minute.\n')
# A mailbox: three messages, each read with its own metadata.  A body line
# starting with "From " is not a new message.
open('in/box.mbox', 'wb').write(
    b'From alice@example.org  Mon Jan  2 09:00:00 2023\n'
    b'From: Alice <alice@example.org>\n'
    b'Subject: Budget figures\n'
    b'Date: Mon, 02 Jan 2023 09:00:00 +0000\n'
    b'\n'
    b'The ministry spent 14 million on the wombat programme.\n'
    b'From what I hear, the audit starts in March.\n'
    b'\n'
    b'From bob@example.org  Tue Jan  3 10:00:00 2023\n'
    b'From: Bob <bob@example.org>\n'
    b'To: Alice <alice@example.org>\n'
    b'Cc: Erin Minister <erin@gov.example>,\n'
    b'    Frank <frank@example.org>\n'
    b'Subject: Re: Budget figures\n'
    b'Date: Tue, 03 Jan 2023 10:00:00 +0000\n'
    b'\n'
    b'No, the wombat programme cost 41 million.\n'
    b'\n'
    b'From carol@example.org  Wed Jan  4 11:00:00 2023\n'
    b'From: Carol <carol@example.org>\n'
    b'Subject: Minutes\n'
    b'Date: Wed, 04 Jan 2023 11:00:00 +0000\n'
    b'\n'
    b'The minutes mention no wombat at all.\n')
# A saved message (.eml), and a file of another kind.
open('in/saved.eml', 'wb').write(
    b'From: Dana <dana@example.org>\r\nSubject: Kestrel count\r\n'
    b'Date: Thu, 05 Jan 2023 12:00:00 +0000\r\n\r\n'
    b'We counted nine kestrels on the ridge.\r\n')
open('in/scan.pdf', 'wb').write(b'%PDF-1.4 kestrel\n')
# MIME: a plain part and its HTML twin, then an attachment in base64.
open('in/mime.eml', 'wb').write(
    b'From: Eve <eve@example.org>\r\nSubject: Heron report\r\n'
    b'MIME-Version: 1.0\r\n'
    b'Content-Type: multipart/mixed; boundary="=_outer"\r\n\r\n'
    b'This is a multi-part message in MIME format.\r\n\r\n'
    b'--=_outer\r\n'
    b'Content-Type: multipart/alternative; boundary="=_alt"\r\n\r\n'
    b'--=_alt\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n'
    b'Seven herons nest by the weir.\r\n\r\n'
    b'--=_alt\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n'
    b'<p style="color:teal">Seven herons nest by the weir.</p>\r\n\r\n'
    b'--=_alt--\r\n\r\n'
    b'--=_outer\r\nContent-Type: image/png; name="scan4711.png"\r\n'
    b'Content-Transfer-Encoding: base64\r\n\r\n'
    b'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk\r\n\r\n'
    b'--=_outer--\r\n')
# Quoted-printable UTF-8: a word cut by a soft line break, letters and a
# comma as escapes.
open('in/qp.eml', 'wb').write(
    b'From: Hana <hana@example.org>\nSubject: Raporti\n'
    b'Content-Type: text/plain; charset=utf-8\n'
    b'Content-Transfer-Encoding: quoted-printable\n\n'
    b'Ministria tha se sulmi kibern=\netik ndaloi sh=C3=ABrbimet=2C por jo t=\n'
    b'=C3=AB dh=C3=ABnat.\n\n'
    b'A second paragraph about ospreys.\n')
# HTML alone: read for its words, its markup not.
open('in/news.eml', 'wb').write(
    b'From: =?iso-8859-1?Q?Gil_Mu=F1oz?= <gil@example.org>\n'
    b'Subject: =?UTF-8?Q?Lajme_p=C3=ABr_?=\n =?UTF-8?B?emFnYXJl?=\n'
    b'Content-Type: text/html; charset=us-ascii\n\n'
    b'<html><head><style>p { font-family: Garamond }</style></head>\n'
    b'<body>\n'
    b'<p class="lead">Three <b>bitterns</b> were ringed&nbsp;at the lake.</p>\n'
    b'<p>The <i>pelic</i>ans caf&eacute; said: don&rsquo;t stop.</p>\n'
    b'</body></html>\n')
# A thread: a reply (its path first in order) quotes the message it
# answers, whose words match alike.
open('in/a_reply.eml', 'wb').write(
    b'From: Dana <dana@example.org>\nSubject: Re: the egret count\n\n'
    b'> The egret colony at the weir counted forty-two nests this spring.\n'
    b'\nGood news, thanks.\n')
open('in/b_original.eml', 'wb').write(
    b'From: Eli <eli@example.org>\nSubject: the egret count\n\n'
    b'The egret colony at the weir counted forty-two nests this spring.\n')
# A reply that quotes a line of another message (its writer's initials
# before '>') and names its words again: it scores higher than the
# original.
open('in/c_reply.eml', 'wb').write(
    b'From: Al <al@example.org>\nSubject: Re: cormorants\n\n'
    b'ALB> the black cormorant colony at the old mill had doubled: the mill\n'
    b'ALB> colony of black cormorants.\n'
    b'\nInteresting.\n')
open('in/d_story.eml', 'wb').write(
    b'From: Bo <bo@example.org>\nSubject: the valley survey\n\n'
    b'The survey of the valley found that the black cormorant colony at the old mill had '
    b'doubled since last spring, the warden said.\n')
# Who said it in a forwarded story and a signature: a title before the
# name, a quotation going on, one in a paragraph of its own, a dash.
open('in/e_story.eml', 'wb').write(
    b'From: Cy <cy@example.org>\nSubject: stores shut\n\n'
    b'Police closed off a motorway section near a third store.\n\n'
    b'"We decided together with the police that the stores would be closed today,"\n'
    b'said Ikea spokeswoman Helen van Trearum. "We don\'t want to take any risks."\n\n'
    b'"Young shoppers were told to stay home until the weekend."\n\n'
    b'-- \n'
    b'"The stoical scheme of supplying our wants is like cutting off our feet\n'
    b'when we want shoes."  -- Jonathan Swift\n')
# A reply whose quoted lines' writer is named in a paragraph of its own
# above them, and which answers them in turn (the writer of the second
# quoted block is named above the first); a block the replier quotes
# from himself ("Here is what I said:") is no one's named.
open('in/f_thread.eml', 'wb').write(
    b'From: Gus <gus@example.org>\nSubject: Re: grebe survey\n\n'
    b'On Sunday, Bill Stoddard wrote:\n\n'
    b'> Can you give a reference for the great crested grebe roost by the quarry?\n'
    b'> I could find it myself but the ledger is lost.\n\n'
    b'Well, I saw it in the warden\'s ledger.\n\n'
    b'> The ledger lists a kingfisher burrow on the east bank as well.\n\n'
    b'It does; I counted eleven nests.\n\n'
    b'Here is what I said at the meeting:\n\n'
    b'> The bat boxes need a new pole before the winter storms.\n')
# Not an e-mail: header-like lines without a From: address.
open('in/notes.txt', 'wb').write(
    b'Title: Field notes on the quokka\n'
    b'Author: A. Walker\n'
    b'\n'
    b'The quokka census counted more animals this year.\n')
PY
cs index --quiet in
[ "$status" -eq 0 ] || fail "index: status $status"

cs query --format jsonl -n 5 cheapest wireless > out.jsonl
python3 - <<'PY' || fail "the e-mail's passage: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert r['path'] == 'in/msg.txt', r
assert r['title'] == 'Phone companies compared by the numbat survey', r['title']
assert r['source'] == 'Boing Boing <rssfeeds@example.org>', r['source']
assert r['date'] == '2002-10-05', r['date']
# Lines and bytes of the file, not of the body.
assert (r['line_start'], r['line_end']) == (13, 13), r
data = open('in/msg.txt', 'rb').read()
assert data[r['byte_start']:r['byte_end']].decode() == r['text'], r
assert r['text'].startswith('One of them is the cheapest'), r['text']
assert r['paragraph'] == 2, r['paragraph']
PY

# No passage is made of the header block: its hosts and ids are not found.
not_found "a header word is searched" quetzalhost relay postfix EB39716F74
# The Subject's words find the message (as title words), the date and
# source filter it.
cs query --format jsonl -n 1 numbat > out.jsonl
[ "$(jq_py 'rs[0]["path"]' < out.jsonl)" = "in/msg.txt" ] || fail "subject word: $(cat out.jsonl)"
cs query --format jsonl -n 5 'wireless date:2002-10' > out.jsonl
[ "$(jq_py 'sorted(set(r["path"] for r in rs))' < out.jsonl)" = "['in/msg.txt']" ] ||
    fail "date: filter: $(cat out.jsonl)"
cs query --format jsonl -n 5 'wireless source:boing' > out.jsonl
[ "$(jq_py 'len(rs)' < out.jsonl)" = "2" ] || fail "source: filter: $(cat out.jsonl)"
cs show in/msg.txt:13 > show.txt
grep -q "^> One of them is the cheapest wireless provider" show.txt || fail "show: $(cat show.txt)"

# Each message of the mailbox is cited with its own subject, sender and
# date, by the lines of the file; the body line "From what I hear" stays
# in Alice's message.
cs query --format jsonl -n 10 wombat > out.jsonl
python3 - <<'PY' || fail "mailbox: $(cat out.jsonl)"
import json
rs = [json.loads(l) for l in open('out.jsonl')]
got = sorted((r['line_start'], r['title'], r['source'], r['date']) for r in rs
             if r['path'] == 'in/box.mbox')
assert got == [
    (6, 'Budget figures', 'Alice <alice@example.org>', '2023-01-02'),
    (17, 'Re: Budget figures', 'Bob <bob@example.org>', '2023-01-03'),
    (24, 'Minutes', 'Carol <carol@example.org>', '2023-01-04'),
], got
alice = [r for r in rs if r['line_start'] == 6][0]
assert alice['line_end'] == 7 and 'From what I hear' in alice['text'], alice
assert len(set(r['paragraph'] for r in rs if r['path'] == 'in/box.mbox')) == 3
PY
cs query --format jsonl -n 10 'wombat source:bob' > out.jsonl
[ "$(jq_py '[(r["path"], r["line_start"]) for r in rs]' < out.jsonl)" = "[('in/box.mbox', 17)]" ] ||
    fail "mailbox source filter: $(cat out.jsonl)"
# to: filters by the words of To: and Cc: (a folded Cc: too).
for q in 'wombat to:alice' 'wombat to:minister' 'wombat to:frank@example.org'; do
    cs query --format jsonl -n 10 "$q" > out.jsonl
    [ "$(jq_py '[r["line_start"] for r in rs]' < out.jsonl)" = "[17]" ] ||
        fail "to: filter: $q: $(cat out.jsonl)"
done
cs query --format jsonl -n 10 'wombat date:2023-01-04' > out.jsonl
[ "$(jq_py '[r["line_start"] for r in rs]' < out.jsonl)" = "[24]" ] ||
    fail "mailbox date filter: $(cat out.jsonl)"
not_found "a mailbox header is searched" '"alice@example.org"' '"Tue Jan"'

# .eml and .mbox files are walked as text; other kinds are not.
cs query --format jsonl -n 5 kestrel > out.jsonl
[ "$(jq_py '[(r["path"], r["title"], r["line_start"]) for r in rs]' < out.jsonl)" = "[('in/saved.eml', 'Kestrel count', 5)]" ] ||
    fail ".eml: $(cat out.jsonl)"
cs index in/scan.pdf 2> err.txt
grep -q "in/scan.pdf: not a .txt, .md, .eml, .mbox, .html, .htm, .mhtml or .mht file (skipped)" err.txt ||
    fail "a .pdf named: $(cat err.txt)"

# The MIME message: its plain text once, cited by the file's line; no
# part header, markup or base64 is searched.
cs query --format jsonl -n 5 herons > out.jsonl
[ "$(jq_py '[(r["path"], r["line_start"], r["text"].strip()) for r in rs]' < out.jsonl)" = "[('in/mime.eml', 14, 'Seven herons nest by the weir.')]" ] ||
    fail "MIME text part: $(cat out.jsonl)"
not_found "a MIME part's header or markup is searched" teal \
    iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk scan4711 \
    charset multi-part

# The HTML message: its words found, a quotation across its tags verbatim
# (highlighted from its first word to its last), its markup not found.
cs query --format jsonl -n 5 '"three bitterns were ringed at the lake"' > out.jsonl
python3 - <<'PY' || fail "HTML text: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert (r['path'], r['line_start'], r['match']) == ('in/news.eml', 8, 'exact'), r
# Encoded words (RFC 2047) in the Subject and From read as their text.
assert (r['title'], r['source']) == ('Lajme p\u00ebr zagare', 'Gil Mu\u00f1oz <gil@example.org>'), r
data = open('in/news.eml', 'rb').read()
s, e = r['highlights'][0]
assert data[s:e] == b'Three <b>bitterns</b> were ringed&nbsp;at the lake', data[s:e]
assert data[r['byte_start']:r['byte_end']].decode() == r['text'], r
PY
# For a person, as a browser shows it: no markup, white space run together.
cs query --format text -n 1 bitterns > out.txt
# As a browser shows it: no markup, "&nbsp;" a no-break space, each <p>
# a paragraph of its own.
nbsp=$(printf '\302\240')
grep -q "^   Three bitterns were ringed${nbsp}at the lake\.\$" out.txt ||
    fail "HTML as text: $(cat out.txt)"
cs query --format jsonl -n 5 'bitterns title:zagare source:Muñoz' > out.jsonl
[ "$(jq_py '[r["path"] for r in rs]' < out.jsonl)" = "['in/news.eml']" ] ||
    fail "decoded title and source words: $(cat out.jsonl)"
not_found "HTML markup is searched" Garamond lead nbsp body UTF-8 iso-8859-1 rsquo
# A word across tags within a line is one word, a character reference the
# character: quotations find them verbatim, cited as written.
cs query --format jsonl -n 1 "\"pelicans café said: don't stop\"" > out.jsonl
exact_at "HTML word across tags, references" in/news.eml \
    "b'pelic</i>ans caf&eacute; said: don&rsquo;t stop'"

# Quoted-printable is searched decoded and cited as written: the word cut
# by a soft line break found whole, a quotation across escapes verbatim,
# lines of the file; the escapes are not words.
cs query --format jsonl -n 1 kibernetik > out.jsonl
python3 - <<'PY' || fail "quoted-printable word: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
data = open('in/qp.eml', 'rb').read()
assert (r['path'], r['line_start'], r['line_end']) == ('in/qp.eml', 6, 8), r
assert data[r['byte_start']:r['byte_end']].decode() == r['text'], r
s, e = r['highlights'][0]
assert data[s:e] == b'kibern=\netik', data[s:e]
PY
cs query --format jsonl -n 1 '"shërbimet, por jo të dhënat"' > out.jsonl
exact_at "quoted-printable quotation" in/qp.eml \
    "b'sh=C3=ABrbimet=2C por jo t=\\n=C3=AB dh=C3=ABnat'"
cs query --format text -n 1 kibernetik > out.txt
grep -q "^   Ministria tha se sulmi kibernetik ndaloi shërbimet, por jo të dhënat\.\$" out.txt ||
    fail "quoted-printable as text: $(cat out.txt)"
cs query --format jsonl -n 1 ospreys > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0]["line_start"])' < out.jsonl)" = "('in/qp.eml', 10)" ] ||
    fail "quoted-printable lines: $(cat out.jsonl)"
not_found "a quoted-printable escape is a word" C3 2C

# Who said it first comes before the replies that quote it, as a keyword
# query, a quotation and a claim find them.
for q in 'egret colony forty-two nests' '"egret colony at the weir counted forty-two nests"'; do
    cs query --format jsonl -n 5 "$q" > out.jsonl
    [ "$(jq_py '[r["path"] for r in rs][:2]' < out.jsonl)" = "['in/b_original.eml', 'in/a_reply.eml']" ] ||
        fail "the quoting reply before the original: $q: $(cat out.jsonl)"
done
for q in '"take any risks"' '"shoppers were told to stay home"' '"cutting off our feet"'; do
    cs query --format jsonl -n 1 "$q"
done > out.jsonl
[ "$(jq_py '[(r["cite"], r["said_by"]["name"], r["said_by"]["cite"]) for r in rs]' < out.jsonl)" = "[('in/e_story.eml:6-7', 'Helen van Trearum', 'in/e_story.eml:7'), ('in/e_story.eml:9', 'Helen van Trearum', 'in/e_story.eml:7'), ('in/e_story.eml:11-13', 'Jonathan Swift', 'in/e_story.eml:13')]" ] ||
    fail "who said it in mail: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"the great crested grebe roost by the quarry"' > out.jsonl
[ "$(jq_py '[(r["cite"], r["said_by"]["name"], r["said_by"]["cite"]) for r in rs]' < out.jsonl)" = "[('in/f_thread.eml:6-7', 'Bill Stoddard', 'in/f_thread.eml:4')]" ] ||
    fail "who wrote a reply's quoted lines: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"a kingfisher burrow on the east bank"' > out.jsonl
[ "$(jq_py '[(r["cite"], r["said_by"]["name"], r["said_by"]["cite"]) for r in rs]' < out.jsonl)" = "[('in/f_thread.eml:11', 'Bill Stoddard', 'in/f_thread.eml:4')]" ] ||
    fail "who wrote a reply's second quoted block: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"The bat boxes need a new pole"' > out.jsonl
[ "$(jq_py '[(r["cite"], "said_by" in r) for r in rs]' < out.jsonl)" = "[('in/f_thread.eml:17', False)]" ] ||
    fail "a block the replier quotes from himself: $(cat out.jsonl)"
# Verbatim, the message that says it comes first whatever the scores.
cs query --format jsonl -n 5 '"the black cormorant colony at the old mill had doubled"' > out.jsonl
[ "$(jq_py '[(r["path"], r["match"]) for r in rs][:2]' < out.jsonl)" = "[('in/d_story.eml', 'exact'), ('in/c_reply.eml', 'exact')]" ] ||
    fail "the quoting reply before the original, verbatim: $(cat out.jsonl)"
cs query --format jsonl -n 5 --mode claim 'the egret colony counted forty-two nests' > out.jsonl
[ "$(jq_py '[r["path"] for r in rs][:2]' < out.jsonl)" = "['in/b_original.eml', 'in/a_reply.eml']" ] ||
    fail "the quoting reply before the original (claim): $(cat out.jsonl)"

# The look-alike keeps its first line as title and its lines as text.
cs query --format jsonl -n 5 Walker > out.jsonl
python3 - <<'PY' || fail "not an e-mail: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert r['path'] == 'in/notes.txt' and r['line_start'] == 1, r
assert r['title'] == 'Title: Field notes on the quokka', r['title']
PY
echo ok
