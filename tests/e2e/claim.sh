# A claim finds the passage that supports it, at rank 1, with a citation
# whose text is exactly the file's bytes.
. "$(dirname "$0")/lib.sh"
setup_corpus

cs query --format jsonl "Albanian government digital services were attacked in July and September" > out.jsonl
[ "$status" -eq 0 ] || fail "exit status $status, expected 0"
top=$(jq_py 'rs[0]["cite"]' < out.jsonl)
[ "$top" = "corpus/000_e2b09c51e93f98b0.txt:17" ] || fail "rank 1 is $top"

# Citation integrity for every result: text == file bytes, highlights inside.
python3 - out.jsonl <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    data = open(r["path"], "rb").read()
    span = data[r["byte_start"]:r["byte_end"]].decode("utf-8")
    assert span == r["text"], (r["cite"], span, r["text"])
    lines = data[:r["byte_start"]].count(b"\n") + 1
    assert lines == r["line_start"], (r["cite"], lines)
    assert data[:r["byte_end"]].count(b"\n") + 1 == r["line_end"], r["cite"]
    for s, e in r["highlights"]:
        assert r["byte_start"] <= s < e <= r["byte_end"], (r["cite"], s, e)
    for key in ("query_id", "query", "rank", "score", "match", "cite", "path",
                "title", "source", "date", "paragraph", "line_start",
                "line_end", "byte_start", "byte_end", "text", "highlights"):
        assert key in r, key
PY

# A claim with a word the passage does not support says so.
cs query --format jsonl -n 1 "Albania cut diplomatic ties with Iran in August" > out.jsonl
jq_py '"August" in rs[0].get("unsupported", [])' < out.jsonl | grep -qx True ||
    fail "August not reported unsupported"

# A place is supported by the name of its people (Albanian for Albania),
# as a name: the lower-case "median" does not stand for "Media", nor a
# Julian date for July.
mkdir peoples
printf 'Fines\n\nThe Albanian court fined the quarry owner on Friday, said the median report, by the Julian calendar.\n' > peoples/a.txt
printf 'Trawlers\n\nThe French trawler reached the harbour of Jersey late.\n' > peoples/b.txt
"$CITESEARCH" index --quiet peoples
cs query --format jsonl -n 1 "Albania fined the quarry owner in July, Media said" > out.jsonl
[ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "['July', 'Media']" ] ||
    fail "a place and its people: $(cat out.jsonl)"
cs query --format jsonl -n 1 "a trawler from France reached Jersey" > out.jsonl
[ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "[]" ] ||
    fail "France and French: $(cat out.jsonl)"

# The title ranks a claim's passages: of two passages that say the same,
# the one whose article's title names what the claim is about first,
# whichever path sorts first.
mkdir titled
printf 'Weather notes\n\nThe ferry to Sazan island was cancelled on Friday after storms.\n' > titled/a.txt
printf 'Sazan island ferry cancelled\n\nThe ferry to Sazan island was cancelled on Friday after storms.\n' > titled/b.txt
"$CITESEARCH" index --quiet titled
cs query --format jsonl -n 5 "ferry Sazan island cancelled" > out.jsonl
[ "$(jq_py '[r["path"] for r in rs if r["line_start"] == 3]' < out.jsonl)" = "['titled/b.txt', 'titled/a.txt']" ] ||
    fail "the title does not rank a claim: $(cat out.jsonl)"

# What a claim's report counts as supported ranks it too: of two passages
# that hold four of its six words as written, the one that says the
# other two otherwise (Albanian for Albania, 1.5 million for 1,500,000)
# first, whichever path sorts first.
mkdir otherwise
printf 'Notes\n\nThe Albanian ministry said 1.5 million records were stolen in the attack.\n' > otherwise/b.txt
printf 'Notes\n\nAlbania said records were stolen, a minister said.\n' > otherwise/a.txt
"$CITESEARCH" index --quiet otherwise
cs query --format jsonl -n 2 "Albania said 1,500,000 records were stolen in the attack" > out.jsonl
[ "$(jq_py '[(r["path"], r.get("unsupported", [])) for r in rs]' < out.jsonl)" = "[('otherwise/b.txt', []), ('otherwise/a.txt', ['1,500,000', 'attack'])]" ] ||
    fail "words said otherwise do not rank a claim: $(cat out.jsonl)"

# A negation contracted or spelt out is the same words: the claim's
# "didn't" is supported by "did not", its "not" by "didn't"; a claim's
# "not" the passage does not say is listed.
mkdir negated
printf 'Notes\n\nThe ministry did not confirm the breach of the border system.\n' > negated/a.txt
printf 'Notes\n\nThe operator didn\342\200\231t confirm the outage of the network.\n' > negated/b.txt
"$CITESEARCH" index --quiet negated
for q in "The ministry didn't confirm the breach of the border system" \
         "The operator did not confirm the outage of the network"; do
    cs query --format jsonl -n 1 "$q" > out.jsonl
    [ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "[]" ] ||
        fail "a negation contracted: $q: $(cat out.jsonl)"
done
printf 'Notes\n\nThe agency confirmed the leak of the passport data.\n' > negated/c.txt
"$CITESEARCH" index --quiet negated
cs query --format jsonl -n 1 "The agency did not confirm the leak of the passport data" > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0].get("unsupported", []))' < out.jsonl)" = "('negated/c.txt', ['not'])" ] ||
    fail "a negation the passage does not say: $(cat out.jsonl)"

# A verb the passage says in another tense is supported: the claim's
# irregular "fell", "rose" and "won" by "has fallen", "have risen" and
# "wins"; a verb it does not say is listed.
mkdir tenses
printf 'Notes\n\nTurnout has fallen to 48 percent, prices have risen and the party wins 24 seats.\n' > tenses/a.txt
"$CITESEARCH" index --quiet tenses
cs query --format jsonl -n 1 "Turnout fell to 48 percent as prices rose and the party won 24 seats" > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0].get("unsupported", []))' < out.jsonl)" = "('tenses/a.txt', [])" ] ||
    fail "an irregular verb in another tense: $(cat out.jsonl)"
cs query --format jsonl -n 1 "Turnout grew to 48 percent" > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0].get("unsupported", []))' < out.jsonl)" = "('tenses/a.txt', ['grew'])" ] ||
    fail "a verb the passage does not say: $(cat out.jsonl)"
# And negated in another tense as in the claim's: "fell" by "did not fall".
printf 'Notes\n\nTurnout in the northern districts did not fall in 2010, officials said.\n' > tenses/b.txt
"$CITESEARCH" index --quiet tenses
cs query --format jsonl -n 1 "Turnout in the northern districts fell in 2010" > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0].get("negated"))' < out.jsonl)" = "('tenses/b.txt', ['fell'])" ] ||
    fail "an irregular verb negated in another tense: $(cat out.jsonl)"
# And a claim's negation of such a verb is held only where the passage
# negates it: "did not fall" against "fell sharply ... did not comment".
printf 'Notes\n\nTurnout in the western districts fell sharply in 2012. Officials did not comment.\n' > tenses/c.txt
"$CITESEARCH" index --quiet tenses
for q in "Turnout in the western districts did not fall in 2012:['not']" \
         "Turnout in the northern districts did not fall in 2010:[]"; do
    cs query --format jsonl -n 1 "${q%%:*}" > out.jsonl
    [ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "${q#*:}" ] ||
        fail "a negation of an irregular verb: ${q%%:*}: $(cat out.jsonl)"
done

# A claim's negation is held where the passage negates the word it
# negates, not by a "not" of another verb: "did not concede" against
# "conceded ... did not rule out" lists not, "did not rule out" nothing.
printf 'Vote\n\nKessler conceded defeat late on Sunday. He did not rule out running again.\n' > negated/k.txt
"$CITESEARCH" index --quiet negated
printf 'Fire\n\nPolice have not yet been able to identify the cause of the fire.\n' > negated/l.txt
"$CITESEARCH" index --quiet negated
# A claim that negates its subject where the passage negates its verb:
# "Not all residents ... have received" by "Most residents ... have not
# received", though the passage's "not" stands apart from residents.
printf 'Payments\n\nMost residents of the northern districts have not received the payments, officials said.\n' > negated/m.txt
"$CITESEARCH" index --quiet negated
for q in "Not all residents of the northern districts have received the payments:negated/m.txt"; do
    cs query --format jsonl -n 1 "${q%%:*}" > out.jsonl
    [ "$(jq_py '(rs[0]["path"], rs[0].get("unsupported", []))' < out.jsonl)" = "('${q#*:}', [])" ] ||
        fail "a negated subject: ${q%%:*}: $(cat out.jsonl)"
done
for q in "Kessler did not concede defeat:['not']" "Kessler never conceded defeat:['never']" \
         "Kessler did not rule out running again:[]" "Kessler didn't rule out running again:[]" \
         "Police could not identify the cause of the fire:[]"; do
    cs query --format jsonl -n 1 "${q%%:*}" > out.jsonl
    want=negated/k.txt
    case "$q" in Police*) want=negated/l.txt ;; esac
    [ "$(jq_py '(rs[0]["path"], rs[0].get("unsupported", []))' < out.jsonl)" = "('$want', ${q#*:})" ] ||
        fail "a negation of another word: $q: $(cat out.jsonl)"
done

# A passage that negates what the claim states: the words are all there,
# and the report says the source negates one (JSON "negated", and the
# text output's line).
cs query --format jsonl -n 1 "The intrusions originated from Albanian IP addresses" > out.jsonl
[ "$(jq_py '(rs[0]["cite"], rs[0].get("unsupported", []), rs[0].get("negated"))' < out.jsonl)" = "('corpus/002_2a02a01db59475ef.txt:11', [], ['originated'])" ] ||
    fail "negated in JSON: $(cat out.jsonl)"
cs query --format text -n 1 "The intrusions originated from Albanian IP addresses" > out.txt
grep -q "^   negated: originated$" out.txt || fail "negated in text: $(cat out.txt)"
# A passage that reports the claim denied ("They also denied that there
# was a troll farm in Albania") says the words it denies.
cs query --format text -n 1 "There was a troll farm in Albania" > out.txt
grep -q "^   negated: troll farm Albania$" out.txt || fail "denied in text: $(cat out.txt)"
# negated_is QUERY WANT WHAT: the first result's path and negated words
# are WANT, or the test fails saying WHAT.
negated_is() {
    cs query --format jsonl -n 1 "$1" > out.jsonl
    [ "$(jq_py 'rs[0]["path"], rs[0].get("negated")' < out.jsonl)" = "$2" ] ||
        fail "$3: $(cat out.jsonl)"
}
# The same after a negation elsewhere in the passage.
printf 'Notes\n\nOfficials could not be reached. The ministry denied that hackers stole the passport data of citizens.\n' > negated/d.txt
"$CITESEARCH" index --quiet negated
negated_is "Hackers stole the passport data of citizens" \
    "negated/d.txt ['Hackers', 'stole', 'passport', 'data', 'citizens']" "denied after a negation"
# An acronym's points end no denied clause (and the claim word is written
# with its last point); a report rejected ("rejected claims that") is
# denied, and one not rejected is not.
printf 'Port\n\nThe ministry denied that the U.S. was behind the attack on the port.\n' > negated/e.txt
printf 'Pay\n\nOfficials rejected claims that the hackers were paid by Moscow.\n' > negated/f.txt
printf 'Fee\n\nOfficials did not dismiss reports that the couriers were fined by Vienna.\n' > negated/g.txt
"$CITESEARCH" index --quiet negated
negated_is "The U.S. was behind the attack on the port" \
    "negated/e.txt ['U.S.', 'behind', 'attack', 'port']" "denied past an acronym"
negated_is "The hackers were paid by Moscow" \
    "negated/f.txt ['hackers', 'paid', 'Moscow']" "claims rejected"
negated_is "The couriers were fined by Vienna" "negated/g.txt None" "reports not dismissed"

# A correction: what an earlier version said, or a report said in
# error, is denied, and the claim that repeats it is negated; the one
# that says what was in fact so is not.
printf 'Correction\n\nAn earlier version of this article said that waiting lists had fallen by 12 percent. In fact they rose by 12 percent.\n' > negated/h.txt
printf 'Fire\n\nThe agency wrongly reported that forty people died in the warehouse fire; nine were hurt.\n' > negated/i.txt
"$CITESEARCH" index --quiet negated
negated_is "Waiting lists had fallen by 12 percent" \
    "negated/h.txt ['Waiting', 'lists', 'fallen']" "an earlier version's error"
negated_is "Waiting lists rose by 12 percent" "negated/h.txt None" "what was in fact so"
negated_is "Forty people died in the warehouse fire" \
    "negated/i.txt ['Forty', 'people', 'died', 'warehouse', 'fire']" "a report in error"
# An earlier version that is no report's subject corrects nothing: one
# named in the sentence before, or in another clause.
printf 'Film\n\nCritics panned the original version. Its director said that the new cut runs for three hours.\n' > negated/o.txt
printf 'Apps\n\nThe previous version was slow, and its maker said the new one runs on older phones.\n' > negated/p.txt
"$CITESEARCH" index --quiet negated
negated_is "The new cut runs for three hours" "negated/o.txt None" "a version in the sentence before"
negated_is "The new one runs on older phones" "negated/p.txt None" "a version in another clause"

# A claim's speaker is read where the passage states the claim, not
# where its first word stands alone: "law" first in Dubois' sentence,
# the claim in Haddad's.
mkdir speakers
printf 'Climate law\n\nOpposition leader Francois Dubois called the law a burden for farmers. Environment Minister Leila Haddad said the law was the most ambitious in Europe.\n' > speakers/a.txt
"$CITESEARCH" index --quiet speakers
cs query --format jsonl -n 1 "the law is the most ambitious in Europe" > out.jsonl
[ "$(jq_py '(rs[0]["path"], rs[0].get("said_by", {}).get("name"))' < out.jsonl)" = \
    "('speakers/a.txt', 'Environment Minister Leila Haddad')" ] ||
    fail "the speaker where the claim is stated: $(cat out.jsonl)"

# Who said it: two addresses say the same words, and only their file
# names say whose they are; a claim that names the speaker finds that
# one's first, and does not report the name its file gives unsupported.
mkdir said
for who in 2015_barack_obama 1997_william_clinton; do
    printf 'Address\n\nOver the past years our businesses created more than 11 million new jobs.\n' > "said/$who.txt"
done
"$CITESEARCH" index --quiet --db said.db said
for who in obama clinton; do
    cs query --db said.db --format jsonl -n 1 "$who said 11 million new jobs were created" > out.jsonl
    case "$(jq_py 'rs[0]["path"]' < out.jsonl)" in
    *"_$who.txt") ;;
    *) fail "the speaker in the file name: $who: $(cat out.jsonl)" ;;
    esac
    [ "$(jq_py 'rs[0].get("unsupported")' < out.jsonl)" = "['said']" ] ||
        fail "the speaker in the file name, reported: $who: $(cat out.jsonl)"
done

# The speaker's address says it without one of the claim's words, the
# other's with every word but the speaker's name: the name its file
# gives counts as held, so the speaker's comes first.
mkdir said2
printf 'Address\n\nI want two years of community college to be free for everyone.\n' > said2/2015_barack_obama.txt
printf 'Address\n\nI proposed two years of community college to be free for everyone.\n' > said2/1998_william_clinton.txt
for i in 1 2 3 4 5 6; do
    printf 'Notes %s\n\nThe board proposed a budget for the coming years.\n\nA new college was built in the community.\n' "$i" > "said2/notes_$i.txt"
done
"$CITESEARCH" index --quiet --db said2.db said2
cs query --db said2.db --format jsonl -n 2 "Obama proposed making two years of community college free" > out.jsonl
[ "$(jq_py '[r["path"] for r in rs]' < out.jsonl)" = "['said2/2015_barack_obama.txt', 'said2/1998_william_clinton.txt']" ] ||
    fail "the speaker's words without one of the claim's: $(cat out.jsonl)"

# A claim told over two windows of a long paragraph ("North Korea ...
# Iran" in one, "Iraq ... an axis of evil" in the next): the answer is
# the span of both, which holds every word but the verb.
mkdir speech
filler='Our economy grew stronger this year and families found new work in every state. We built roads and schools and hospitals across the land. '
{
    printf 'Address\n\n'
    printf 'Tonight I speak of the threats we face. North Korea is a regime arming with missiles and weapons of mass destruction. Iran aggressively pursues these weapons and exports terror. '
    for i in 1 2 3 4 5 6; do printf '%s' "$filler"; done
    printf 'Iraq continues to flaunt its hostility toward America. States like these and their terrorist allies constitute an axis of evil, arming to threaten the peace of the world.\n'
} > speech/2002_address.txt
"$CITESEARCH" index --quiet --db speech.db speech
cs query --db speech.db --format jsonl -n 3 "The president called Iran Iraq and North Korea an axis of evil" > out.jsonl
python3 - out.jsonl <<'PY' || fail "a claim over two windows: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
data = open(rs[0]["path"], "rb").read()
assert rs[0]["byte_start"] <= data.index(b"North Korea"), rs[0]
assert rs[0]["byte_end"] >= data.index(b"axis of evil") + len(b"axis of evil"), rs[0]
assert rs[0]["unsupported"] == ["president", "called"], rs[0]
assert data[rs[0]["byte_start"]:rs[0]["byte_end"]].decode() == rs[0]["text"]
# The windows it joins are not answered again.
assert len(rs) == 1, [r["cite"] for r in rs]
PY

# Rounded figures: a claim's "73.3 million dollars" is the source's
# $73,344,573.27 rounded, said so among the result's figures and not
# unsupported; "15 years" is no 14.64 percent, nor "2,000" the year 1998.
mkdir figures
printf 'Figures\n\nActual expenditures were $73,344,573.27 for the quarter.\n\nThe index rose 14.64 percent over the years since 1998.\n' > figures/f.txt
"$CITESEARCH" index --quiet --db figures.db figures
# Asks figures.db query $1: the first result's $2 (jq_py) must be $3, or
# the test fails saying $4.
first_is() {
    cs query --db figures.db --format jsonl -n 1 "$1" > out.jsonl
    [ "$(jq_py "$2" < out.jsonl)" = "$3" ] || fail "$4: $(cat out.jsonl)"
}
figs='rs[0].get("figures")'
both='(rs[0].get("unsupported"), rs[0].get("figures"))'
first_is "expenditures were 73.3 million dollars" "$both" \
    "(None, [{'query': '73.3 million', 'source': '73,344,573.27'}])" "rounded figure"
# A currency sign by the claim's figure says what it counts as well.
first_is 'the quarter saw $73.3 million expenditures' "$figs" \
    "[{'query': '73.3 million', 'source': '73,344,573.27'}]" "rounded figure with its currency sign"
first_is 'expenditures were more than $70 million for the quarter' "$figs" \
    "[{'query': 'more than \$70 million', 'source': '73,344,573.27'}]" "a bound said by a currency sign"
cs query --db figures.db --format text -n 1 "expenditures were 73.3 million dollars" > out.txt
grep -q "^   figures: 73.3 million -> 73,344,573.27$" out.txt || fail "rounded figure, text: $(cat out.txt)"
first_is "the index rose 15 percent" "$figs" "[{'query': '15', 'source': '14.64'}]" "rounded percent"
first_is "the index rose for 15 years" "$both" "(['15'], None)" "a figure of another thing"
first_is "the index rose since 2,000" 'rs[0].get("unsupported")' "['2,000']" "a year is no figure"
# Bounds: "more than", "under", "about" and "nearly" a figure hold for
# the passage's within them, said among the result's figures.
first_is "the index rose more than 12 percent" "$both" \
    "(None, [{'query': 'more than 12', 'source': '14.64'}])" "more than a figure"
first_is "the index rose under 15 percent" "$figs" \
    "[{'query': 'under 15', 'source': '14.64'}]" "under a figure"
# The words that bound a figure are held where it is.
first_is "expenditures were nearly 75 million dollars" "$both" \
    "(None, [{'query': 'nearly 75 million', 'source': '73,344,573.27'}])" "nearly a figure"
first_is "the index rose just under 15 percent" "$both" \
    "(None, [{'query': 'just under 15', 'source': '14.64'}])" "just under a figure"
# In an e-mail's quoted-printable HTML the figure is said as a reader
# reads it, not as the words it was indexed under ("73344573.27").
mkdir qpfig
python3 - <<'PY'
open('qpfig/qp.eml', 'wb').write(
    b'From: Desk <desk@example.org>\n'
    b'Subject: Quarter\n'
    b'MIME-Version: 1.0\n'
    b'Content-Type: text/html; charset=utf-8\n'
    b'Content-Transfer-Encoding: quoted-printable\n\n'
    b'<p>Actual expenditures were <b>$73,344,=\n573.27</b> for the quarter.</p>\n')
PY
"$CITESEARCH" index --quiet --db qpfig.db qpfig
cs query --db qpfig.db --format jsonl -n 1 "expenditures were 73.3 million dollars" > out.jsonl
[ "$(jq_py 'rs[0].get("figures")' < out.jsonl)" = \
    "[{'query': '73.3 million', 'source': '73,344,573.27'}]" ] ||
    fail "figure of a quoted-printable e-mail: $(cat out.jsonl)"
# A share in words before "of" is a percentage, the passage's within
# 2.5 points of it.
printf 'Shares\n\nSome 48 percent of the budget went to roads, and 33.5%% of it to schools.\n' > figures/shares.txt
"$CITESEARCH" index --quiet --db figures.db figures
first_is "half of the budget went to roads and a third of it to schools" "$both" \
    "(None, [{'query': 'half', 'source': '48 percent'}, {'query': 'a third', 'source': '33.5%'}])" \
    "shares in words"
# And the other way: a claim's percentage by a passage's share in words,
# its "percent" held with it.
printf 'Halves\n\nHalf of the staff left, and more than a third of the board.\n' > figures/halves.txt
"$CITESEARCH" index --quiet --db figures.db figures
first_is "50 percent of the staff left and about 35 percent of the board" "$both" \
    "(None, [{'query': '50', 'source': 'Half'}, {'query': 'about 35', 'source': 'a third'}])" \
    "a percentage by a share in words"
# A bounded percentage by a share bound alike ("more than half" for
# "more than 50 percent"), or by the same share for "about".
printf 'Poll\n\nMore than half of the voters backed the plan, and about a quarter of the board.\n' > figures/poll.txt
"$CITESEARCH" index --quiet --db figures.db figures
first_is "more than 50 percent of the voters backed the plan" "$both" \
    "(None, [{'query': 'more than 50', 'source': 'half'}])" "more than half"
first_is "about 25 percent of the board backed the plan" 'rs[0].get("unsupported")' "None" "about a quarter"
first_is "more than 60 percent of the voters backed the plan" 'rs[0].get("unsupported")' \
    "['60', 'percent']" "more than half is no more than 60 percent"
for q in "the index rose more than 15 percent" "the index rose less than 12 percent" "expenditures were about 90 million dollars" "half of the index rose" "70 percent of the staff left"; do
    first_is "$q" "$figs" "None" "a bound the figure breaks: $q"
done

# A scale word the passage writes by another number only: its "42
# billion" and "1.8 million" hold no "42 million" nor "1.8 billion", and
# the claim's scale word is listed; the amount written otherwise, or
# rounded, holds it.
printf 'Deficit\n\nThe deficit reached 42 billion euros, while 1.8 million people were out of work.\n' > figures/scale.txt
"$CITESEARCH" index --quiet --db figures.db figures
first_is "the deficit reached 42 million euros" "$both" "(['million'], None)" "million for billion"
first_is "1.8 billion people were out of work" "$both" "(['billion'], None)" "billion for million"
first_is "1,800,000 people were out of work" "$both" "(None, None)" "an amount written otherwise"
first_is "the deficit reached 42 billion euros as 1.8 million were out of work" "$both" \
    "(None, None)" "the amounts as written"
first_is "the deficit reached about 40 billion euros" "$figs" \
    "[{'query': 'about 40 billion', 'source': '42 billion'}]" "an amount bounded"
# The scale cut short as news agencies write it apart ("3 bln", "42 mln")
# is the amount written otherwise.
mkdir agency
printf 'Results\n\nThe bank posted a profit of 3 bln dollars, up from 2.1 billion dollars, and paid 42 mln euros to 1.5 million savers.\n' > agency/a.txt
"$CITESEARCH" index --quiet --db agency.db agency
for q in "The bank posted a profit of 3 billion dollars" "The bank paid 42 million euros"; do
    cs query --db agency.db --format jsonl -n 1 "$q" > out.jsonl
    [ "$(jq_py 'rs[0].get("unsupported")' < out.jsonl)" = "None" ] ||
        fail "a scale cut short apart: $q: $(cat out.jsonl)"
done

# Percent and percentage points are two measures: a claim's "0.3
# percent" is not held by "0.3 percentage points" (nor its points by
# "2%"), though the passage writes percent by another figure; each is
# held as it is written, percent also as "per cent".
printf 'Jobs\n\nUnemployment rose by 0.3 percentage points to 5.1 per cent, and wages rose 2%%.\n' > figures/points.txt
"$CITESEARCH" index --quiet --db figures.db figures
first_is "unemployment rose by 0.3 percent" "$both" "(['percent'], None)" "percent for points"
first_is "wages rose 2 percentage points" "$both" "(['percentage'], None)" "points for percent"
first_is "unemployment rose by 0.3 percentage points to 5.1 percent as wages rose 2 percent" \
    "$both" "(None, None)" "percent and points as written"

# A currency sign by an amount whose scale is cut short ("$42bn")
# names its currency as by a number.
printf 'Fund\n\nThe pension fund lost $42bn in the crash.\n' > figures/bn.txt
"$CITESEARCH" index --quiet --db figures.db figures
first_is "the pension fund lost 42 billion dollars in the crash" "$both" "(None, None)" "dollars by \$42bn"
first_is "the pension fund lost 42 billion euros in the crash" "$both" "(['euros'], None)" "euros by \$42bn"

# A number in words that starts a claim is no name: the paragraph
# before's "2 hours" does not hold the "Two" of "Two million", as it
# would a speaker's name.
printf 'Jobs\n\nThe minister spoke for 2 hours on Monday.\n\nSome 1.8 million people were out of work.\n' > figures/jobs.txt
"$CITESEARCH" index --quiet --db figures.db figures
first_is "Two million people were out of work" 'rs[0].get("unsupported")' "['Two']" "a number in words at the start"

# No result: exit status 1.
cs query --format jsonl "xylophonequartet" > out.jsonl
[ "$status" -eq 1 ] || fail "no-result exit status $status, expected 1"
[ ! -s out.jsonl ] || fail "output for a query without result"
echo ok
