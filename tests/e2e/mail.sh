# Files that are e-mails (a saved message, an mbox "From " line first or
# not): the header block is the metadata, not passages.  Title from the
# Subject (a folded one joined), source from From, date from Date; the
# passages are the body's, cited by the file's own lines and bytes; the
# Received: hops and Message-IDs are not searched.  A file that only
# looks a little like one is read as any other text.
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
for q in quetzalhost relay postfix EB39716F74; do
    cs query --format jsonl "$q" > out.jsonl
    [ "$status" -eq 1 ] || fail "a header word is searched: $q: $(cat out.jsonl)"
done
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

# The look-alike keeps its first line as title and its lines as text.
cs query --format jsonl -n 5 Walker > out.jsonl
python3 - <<'PY' || fail "not an e-mail: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert r['path'] == 'in/notes.txt' and r['line_start'] == 1, r
assert r['title'] == 'Title: Field notes on the quokka', r['title']
PY
echo ok
