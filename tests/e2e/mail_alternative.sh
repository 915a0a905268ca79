# A multipart/alternative says one thing in several forms, of which a
# reader sees one: with a plain text part, only that part is read.  Its
# HTML within a multipart/related (with the images it shows, as Apple Mail
# and Outlook send it), Apple's text/watch-html and a meeting's
# text/calendar are the same words again (each passage found twice) or
# markup and iCalendar's fields, not text.
. "$(dirname "$0")/lib.sh"

mkdir in
printf '%s\n' \
    'From: Newsroom <news@paper.example>' \
    'Subject: Morning briefing' \
    'Date: Wed, 08 Mar 2023 06:00:00 +0000' \
    'MIME-Version: 1.0' \
    'Content-Type: multipart/alternative; boundary="ALT"' \
    '' \
    '--ALT' \
    'Content-Type: text/plain; charset=us-ascii' \
    '' \
    'The regulator fined the bank two million pounds for the outage.' \
    '' \
    '--ALT' \
    'Content-Type: text/watch-html; charset=us-ascii' \
    '' \
    '<b class="watch-title">The regulator fined the bank two million pounds for the outage.</b>' \
    '' \
    '--ALT' \
    'Content-Type: multipart/related; boundary="REL"' \
    '' \
    '--REL' \
    'Content-Type: text/html; charset=us-ascii' \
    '' \
    '<html><body><p>The regulator fined the bank two million pounds for the outage.</p></body></html>' \
    '--REL' \
    'Content-Type: image/png' \
    'Content-Transfer-Encoding: base64' \
    '' \
    'iVBORw0KGgo=' \
    '--REL--' \
    '' \
    '--ALT' \
    'Content-Type: text/calendar; charset=utf-8; method=REQUEST' \
    '' \
    'BEGIN:VCALENDAR' \
    'DESCRIPTION:The regulator fined the bank two million pounds.' \
    'END:VCALENDAR' \
    '' \
    '--ALT--' > in/brief.eml
cs index in > /dev/null 2>&1
[ "$status" = 0 ] || fail "index: $status"
cs query --format jsonl regulator fined > out.jsonl
[ "$(jq_py '[r["cite"] for r in rs]' < out.jsonl)" = "['in/brief.eml:10']" ] ||
    fail "the plain part only: $(cat out.jsonl)"
for word in VCALENDAR watch-title; do
    cs query --format jsonl "$word" > out.jsonl
    [ "$status" = 1 ] || fail "$word is no text: $(cat out.jsonl)"
done
echo ok
