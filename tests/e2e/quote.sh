# A verbatim quote: curly quotes in the text, straight ones in the query.
# Found exactly, with the first highlight at the quote's first byte.
. "$(dirname "$0")/lib.sh"
setup_corpus

cs query --format jsonl '"The systems will be out of service until the risk is completely removed"' > out.jsonl
[ "$status" -eq 0 ] || fail "exit status $status"
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["cite"] == "corpus/001_ad6093775fdf0074.txt:14", r["cite"]
assert r["match"] == "exact", r["match"]
data = open(r["path"], "rb").read()
want = data.index("The systems will be out of service".encode())
start, end = r["highlights"][0]
assert start == want, (start, want)
assert data[start:end].decode() == "The systems will be out of service until the risk is completely removed", data[start:end]
PY

# Apostrophes: a straight one in the query meets the curly one of the text.
cs query --format jsonl -n 1 '"Iran'"'"'s increasingly aggressive cyber activities"' > out.jsonl
[ "$(jq_py 'rs[0]["cite"] + " " + rs[0]["match"]' < out.jsonl)" = "corpus/001_ad6093775fdf0074.txt:22 exact" ] ||
    fail "apostrophe quote: $(cat out.jsonl)"

# A compound spelled differently from the text still matches verbatim.
cs query --format jsonl -n 1 '"Another cyber-attack by the same aggressors"' > out.jsonl
[ "$(jq_py 'rs[0]["cite"] + " " + rs[0]["match"]' < out.jsonl)" = "corpus/004_ea823e42dca6d0bc.txt:11 exact" ] ||
    fail "compound quote: $(cat out.jsonl)"
# A quote right after a hyphenated compound starts at its own first word.
cs query --format jsonl -n 1 '"Political Crisis Intensifies After Second Cyberattack"' > out.jsonl
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
data = open(r["path"], "rb").read()
s, e = r["highlights"][0]
assert data[s:e] == b"Political Crisis Intensifies After Second Cyberattack", data[s:e]
PY

# A quotation selected from inside a word at each end: verbatim, its
# highlight the bytes selected.
cs query --format jsonl -n 1 '"ember 9th cyberattack against our NATO Ally, Alb"' > out.jsonl
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["cite"] == "corpus/004_ea823e42dca6d0bc.txt:39", r["cite"]
assert r["match"] == "exact" and "diff" not in r, r
data = open(r["path"], "rb").read()
s, e = r["highlights"][0]
assert data[s:e] == b"ember 9th cyberattack against our NATO Ally, Alb", data[s:e]
PY

# A misspelt word is a typo, a word in another form a form: the text
# line says so, and the JSON op's kind.
cs query --format text -n 1 '"The systems will be out of servise until the risk is completly removed"' > out.txt
grep -q "differs: servise -> service (typo); completly -> completely (typo)" out.txt ||
    fail "typo: $(cat out.txt)"
cs query --format jsonl -n 1 '"Another cyberattack by the same aggressor"' > out.jsonl
[ "$(jq_py '[d.get("kind") for d in rs[0]["diff"] if d["op"] != "="]' < out.jsonl)" = "['form']" ] ||
    fail "form: $(cat out.jsonl)"

# A misquote with a changed number: the right passage, match near, and a
# diff that names the number and says it is a date's (a day by its
# month); the words the quote has
# as the source does carry no kind.
cs query --format jsonl -n 3 '"Albania said on Wednesday that on July 17 it had suffered a heavy cyberattack"' > out.jsonl
[ "$status" -eq 0 ] || fail "misquote: exit status $status"
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["cite"] == "corpus/001_ad6093775fdf0074.txt:28", r["cite"]
assert r["match"] == "near", r["match"]
changed = [d for d in r["diff"] if d["op"] != "="]
assert changed == [{"op": "~", "query": "17", "source": "15", "kind": "date"}], changed
assert all(set(d) == {"op", "query", "source"} for d in r["diff"] if d["op"] == "="), r["diff"]
data = open(r["path"], "rb").read()
assert r["highlights"][0][0] == data.index(b"Albania said on Wednesday"), r["highlights"]
PY
cs query --format text -n 1 '"Albania said on Wednesday that on July 17 it had suffered a heavy cyberattack"' > out.txt
grep -q "17 -> 15" out.txt || fail "text output lacks the diff: $(cat out.txt)"
# A quote that contracts what the source says in two words: one change,
# said to be a contraction.
cs query --format jsonl -n 1 "\"didn't originate from Albanian IP addresses\"" > out.jsonl
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert (r["cite"], r["match"]) == ("corpus/002_2a02a01db59475ef.txt:11", "near"), (r["cite"], r["match"])
changed = [d for d in r["diff"] if d["op"] != "="]
assert changed == [{"op": "~", "query": "didn't", "source": "did not", "kind": "contraction"}], changed
PY
cs query --format text -n 1 "\"didn't originate from Albanian IP addresses\"" > out.txt
grep -q "didn't -> did not (contraction)" out.txt || fail "contraction in text: $(cat out.txt)"
# "it's" for "it is" likewise (a "'s" that is not a possessive).
cs query --format jsonl -n 1 "\"The Albanian government should be alert because it's in a direct war with Iran\"" > out.jsonl
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["match"] == "near", r["match"]
changed = [d for d in r["diff"] if d["op"] != "="]
assert changed == [{"op": "~", "query": "it's", "source": "it is", "kind": "contraction"}], changed
PY
# A number quoted in digits that the source writes with a scale word:
# one change, the same number, in JSON and in the text output.
cs query --format jsonl -n 1 '"part of the Deutsche Telecom / T-Mobile group, with 1,500,000 subscribers"' > out.jsonl
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["cite"] == "corpus/002_2a02a01db59475ef.txt:9", r["cite"]
assert r["match"] == "near", r["match"]
changed = [d for d in r["diff"] if d["op"] != "="]
assert changed == [{"op": "~", "query": "1,500,000", "source": "1.5 million", "kind": "same number"}], changed
PY
cs query --format text -n 1 '"with 2,000,000 subscribers, announced that it had handled the security incident"' > out.txt
grep -q "2,000,000 -> 1.5 million (number)" out.txt || fail "scaled number in text: $(cat out.txt)"
# Misremembered in its words before the break: no passage holds those
# words as the quotation has them, and the paragraph before is joined all
# the same, the diff naming the one changed word (not "-in; -the;
# -Secretary", as aligned with the paragraph after alone).
cs query --format jsonl -n 1 '"in the Secretary. In a statement sent to The Associated Press later Tuesday, MEK spokesman"' > out.jsonl
python3 - out.jsonl <<'PY' || fail "misquote across a break: $(cat out.jsonl)"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["cite"] == "corpus/003_7ea479e65bd91aef.txt:19-21", r["cite"]
assert r["match"] == "near", r["match"]
changed = [(d["op"], d["query"], d["source"]) for d in r["diff"] if d["op"] != "="]
assert changed == [("~", "Secretary", "dispute")], changed
PY
# A quote that runs across a paragraph break: one citation over both
# paragraphs, its text the file's bytes, the quote highlighted whole.
across='"has not been affected or damaged. In July and September, Albanian government digital services"'
cs query --format jsonl -n 6 "$across" > out.jsonl
[ "$status" -eq 0 ] || fail "across: exit status $status"
cp out.jsonl joined.jsonl
python3 - out.jsonl <<'PY'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
r = rs[0]
assert (r["cite"], r["match"]) == ("corpus/000_e2b09c51e93f98b0.txt:15-17", "exact"), (r["cite"], r["match"])
data = open(r["path"], "rb").read()
assert data[r["byte_start"]:r["byte_end"]] == r["text"].encode(), "text is not the cited bytes"
s, e = r["highlights"][0]
assert data[s:e] == b"has not been affected or damaged.\n\nIn July and September, Albanian government digital services", data[s:e]
# The joined paragraphs are not listed again on their own.
assert all(x["cite"] not in ("corpus/000_e2b09c51e93f98b0.txt:15", "corpus/000_e2b09c51e93f98b0.txt:17") for x in rs), [x["cite"] for x in rs]
PY
# Joined across paragraphs, each quotation verbatim in its span: one
# word over at either end (the next paragraph's first, the previous
# paragraph's last); across a rule of underscores, which is no word and
# no text a reader quotes; and over several short paragraphs (a name
# repeated on lines of its own), grown one paragraph at a time from the
# passage that holds most of it.
for q in '"insisting that sensitive data related to police work has not been affected or damaged. In July"=corpus/000_e2b09c51e93f98b0.txt:15-17' \
         '"damaged. In July and September, Albanian government digital services were attacked by cyber criminals"=corpus/000_e2b09c51e93f98b0.txt:15-17' \
         '"Montenegro Falls Under Attack: If you like this website and use the comprehensive"=corpus/002_2a02a01db59475ef.txt:25-29' \
         '"across the globe. Kentik Kentik Kentik - one platform for Network Visibility"=corpus/002_2a02a01db59475ef.txt:122-128'; do
    cs query --format jsonl -n 1 "${q%%=*}" > out.jsonl
    [ "$(jq_py 'rs[0]["cite"] + " " + rs[0]["match"]' < out.jsonl)" = "${q#*=} exact" ] ||
        fail "joined across paragraphs: ${q%%=*}: $(cat out.jsonl)"
done
# Misremembered across the break ("government" left out): the two
# paragraphs as one near match, the diff naming the word.
cs query --format jsonl -n 3 '"has not been affected or damaged. In July and September, Albanian digital services"' > out.jsonl
[ "$status" -eq 0 ] || fail "near across: exit status $status"
python3 - out.jsonl <<'PY' || fail "near quote across the break: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
r = rs[0]
assert (r["cite"], r["match"]) == ("corpus/000_e2b09c51e93f98b0.txt:15-17", "near"), (r["cite"], r["match"])
data = open(r["path"], "rb").read()
s, e = r["highlights"][0]
assert data[s:e] == b"has not been affected or damaged.\n\nIn July and September, Albanian government digital services", data[s:e]
changed = [(d["op"], d["query"], d["source"]) for d in r["diff"] if d["op"] != "="]
assert changed == [("+", "", "government")], changed
assert all(x["cite"] not in ("corpus/000_e2b09c51e93f98b0.txt:15", "corpus/000_e2b09c51e93f98b0.txt:17") for x in rs), [x["cite"] for x in rs]
PY
# As text, the second paragraph is indented with the first, though the
# highlight runs across the break.
cs query --format text -n 1 "$across" > out.txt
grep -q "^   In July and September, Albanian" out.txt || fail "text output of a quote across paragraphs: $(cat out.txt)"
# The same when the file changed since indexing (here: more text between
# the paragraphs) is no longer one verbatim span: no joined answer.
f=corpus/000_e2b09c51e93f98b0.txt
python3 - "$f" <<'PY'
import sys
p = sys.argv[1]
d = open(p, "rb").read()
i = d.index(b"damaged.\n\n") + len(b"damaged.\n")
open(p, "wb").write(d[:i] + b"Inserted.\n\n" + d[i:])
PY
cs query --format jsonl -n 8 "$across" > out.jsonl
[ "$status" -eq 0 ] || fail "across, changed file: exit status $status"
# Without the join, the same passages in the same order: the joined span
# took the place of the two paragraphs and moved nothing else.
python3 - joined.jsonl out.jsonl <<'PY' || fail "order around a joined quote"
import json, sys
joined = [json.loads(l)["cite"] for l in open(sys.argv[1])]
alone = [json.loads(l)["cite"] for l in open(sys.argv[2])]
held = ("corpus/000_e2b09c51e93f98b0.txt:15", "corpus/000_e2b09c51e93f98b0.txt:17")
rest = [c for c in alone if c not in held]
assert joined[1:] == rest[:len(joined) - 1], (joined, alone)
PY
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" != "exact" ] || fail "joined a changed file: $(head -1 out.jsonl)"

# A quotation that leaves words out ("...", "…"): found verbatim, each
# quoted part highlighted, the words left out not.
for q in '"The systems will be out of service ... completely removed"' \
         '"The systems will be out of service … completely removed"'; do
    cs query --format jsonl -n 1 "$q" > out.jsonl
    python3 - out.jsonl <<'PY' || fail "elided quote: $q"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert (r["cite"], r["match"]) == ("corpus/001_ad6093775fdf0074.txt:14", "exact"), (r["cite"], r["match"])
data = open(r["path"], "rb").read()
parts = [data[s:e].decode() for s, e in r["highlights"]]
assert parts == ["The systems will be out of service", "completely removed"], parts
PY
done

# A quotation in the words two windows of a long paragraph share: one
# result, not the same place twice; a second place it stands is listed.
mkdir long
{ printf 'Minutes\n\n'
  for i in $(seq 10 49); do printf 'Line marker%s of the long report said so. ' "$i"; done
  printf '\n\nThe long report said so in its summary too.\n'; } > long/report.txt
cs index --quiet --db long.db long
[ "$status" -eq 0 ] || fail "long paragraph: index status $status"
for i in $(seq 10 49); do
    cs query --db long.db --format jsonl -n 5 "\"marker$i of the long report said so\"" > out.jsonl
    [ "$(wc -l < out.jsonl)" -eq 1 ] || fail "marker$i: $(cat out.jsonl)"
done
cs query --db long.db --format jsonl -n 10 '"the long report said so"' > out.jsonl
python3 - out.jsonl <<'PY' || fail "overlapping windows: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
# Each result shows a place the ones above it do not; all 41 are shown.
seen = set()
for r in rs:
    places = {h[0] for h in r["highlights"]}
    assert places - seen, (r["cite"], r["byte_start"], sorted(places))
    seen |= places
assert len(seen) == 41, sorted(seen)
PY

# One quotation in two files, alike but for letter case and accents: the
# one that has it as it is quoted first, whichever path sorts first.
mkdir twice
printf 'A\n\nThe minister said: the state of things in that quarter, the Cela report found.\n' > twice/a.txt
printf 'B\n\nThe minister said: the state of things in that quarter. The \303\207ela report found.\n' > twice/b.txt
"$CITESEARCH" index --quiet twice
cs query --format jsonl -n 2 '"of things in that quarter The Çela report"' > out.jsonl
[ "$(jq_py '[(r["path"], r["match"]) for r in rs]' < out.jsonl)" = "[('twice/b.txt', 'exact'), ('twice/a.txt', 'exact')]" ] ||
    fail "the quotation as written first: $(cat out.jsonl)"
cs query --format jsonl -n 2 '"of things in that quarter, the Cela report"' > out.jsonl
[ "$(jq_py '[r["path"] for r in rs]' < out.jsonl)" = "['twice/a.txt', 'twice/b.txt']" ] ||
    fail "the quotation as written first (2): $(cat out.jsonl)"

# The same article in three files (a wire story several papers ran): a
# quotation across its paragraph break is answered whole in each, not in
# the first alone; misremembered, each copy is one near match too.
mkdir wire
for paper in a b c; do
    printf 'Story\n\nThe ministry confirmed the breach of the border system.\n\nInvestigators traced the intruders to a contractor network.\n' > wire/$paper.txt
done
"$CITESEARCH" index --quiet wire
for q in '"breach of the border system. Investigators traced the intruders"' \
         '"breach of border system. Investigators traced the intruders"'; do
    cs query --format jsonl -n 5 "$q" > out.jsonl
    python3 - out.jsonl <<'PY' || fail "copies of a quotation across a break: $q: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
top = sorted((r["cite"], r["match"]) for r in rs[:3])
kind = "exact" if "the border" in rs[0]["query"] else "near"
assert top == [("wire/%s.txt:3-5" % p, kind) for p in "abc"], [(r["cite"], r["match"]) for r in rs]
assert all(r["path"].startswith("wire/") is False for r in rs[3:]), [r["cite"] for r in rs]
PY
done
# A quotation longer than the words two windows of a long paragraph share
# (a speech's paragraph quoted whole): found verbatim over the windows it
# runs through, one citation whose first highlight is the quotation;
# misremembered, one near match whose diff names the changed word only,
# not the words past a window's end; on across the paragraph break; and
# with an ellipsis, its parts in windows apart (one part across two).
mkdir speech
python3 - speech/address.txt <<'PY'
import sys
words = ("treaty harbor tariff frontier ledger ministry canal railway garrison "
         "census charter convoy embassy fishery granary mint navy orchard "
         "pension quarry revenue senate surveyor tobacco vessel warrant "
         "academy bounty cargo dividend estuary foundry").split()
x, sentences = 7, []
for i in range(60):
    n = 9 + i % 6
    ws = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        ws.append(words[(x >> 16) % len(words)])
    sentences.append("Item%d %s." % (i, " ".join(ws)))
open(sys.argv[1], "w").write("Address\n\n" + " ".join(sentences) +
                             "\n\nClosing words of the address follow here.\n")
PY
cs index --quiet --db speech.db speech
[ "$status" -eq 0 ] || fail "speech: index status $status"
python3 - speech/address.txt > quotes.txt <<'PY'
import sys
text = open(sys.argv[1]).read()
para = text.split("\n\n")[1]
w = para.split()
print(" ".join(w[40:200]))                 # 160 words: two windows or more
print(" ".join(w[100:400]))                # 300 words: four windows or more
m = w[40:200]; m[80] = "zeppelin"          # one word changed
print(" ".join(m))
print(" ".join(w[-150:]) + " Closing words of the address")   # into the next paragraph
print(" ".join(w[40:70]) + " ... " + " ".join(w[220:250]))       # an ellipsis over windows
print(" ".join(w[10:22]) + " ... " + " ".join(w[130:142]) + " ... " + " ".join(w[300:312]))
PY
i=0
while IFS= read -r q; do
    i=$((i + 1))
    cs query --db speech.db --format jsonl -n 3 "\"$q\"" > out.jsonl
    [ "$status" -eq 0 ] || fail "long quote $i: exit status $status"
    python3 - out.jsonl "$i" "$q" <<'PY' || fail "long quote $i: $(head -c 600 out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
i, q = int(sys.argv[2]), sys.argv[3]
r = rs[0]
data = open(r["path"], "rb").read()
assert data[r["byte_start"]:r["byte_end"]] == r["text"].encode(), "text is not the cited bytes"
if i == 3:
    assert r["match"] == "near", r["match"]
    changed = [(d["op"], d["query"], d["source"]) for d in r["diff"] if d["op"] != "="]
    assert len(changed) == 1 and changed[0][:2] == ("~", "zeppelin"), changed
elif i >= 5:
    # Each part between ellipses highlighted, verbatim, in order; the
    # words left out not.
    assert r["match"] == "exact", r["match"]
    parts = [" ".join(p.split()) for p in q.split(" ... ")]
    got = [" ".join(data[s:e].decode().split()) for s, e in r["highlights"]]
    assert got == parts, (got, parts)
    assert r["cite"] == "speech/address.txt:3", r["cite"]
else:
    assert r["match"] == "exact", r["match"]
    s, e = r["highlights"][0]
    got = data[s:e].decode()
    assert " ".join(got.split()) == q, (got[:80], q[:80])
    assert r["cite"] == ("speech/address.txt:3-5" if i == 4 else "speech/address.txt:3"), r["cite"]
PY
done < quotes.txt
[ "$i" -eq 6 ] || fail "long quotes: $i read"
# Its parts in the wrong order are not the source's words: no span.
rev=$(python3 - speech/address.txt <<'PY'
import sys
w = open(sys.argv[1]).read().split("\n\n")[1].split()
print(" ".join(w[220:250]) + " ... " + " ".join(w[40:70]))
PY
)
cs query --db speech.db --format jsonl -n 3 "\"$rev\"" > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" != "exact" ] || fail "elided parts out of order: $(head -c 300 out.jsonl)"
# A percent sign reads as "percent", and "per cent" is percent: a claim
# or a quotation that writes it one way finds it written the other,
# verbatim, and no "percent" is unsupported.
mkdir rates
printf 'Rates\n\nUnemployment fell to 3.5%% in March, and wages rose 4 per cent.\n\nInflation was 6.5 percent last year.\n' > rates/r.txt
cs index --quiet --db rates.db rates
[ "$status" -eq 0 ] || fail "rates: index status $status"
for q in '"Unemployment fell to 3.5 percent in March"' '"wages rose 4%"' '"wages rose 4 percent"' \
         '"Inflation was 6.5% last year"' '"Inflation was 6.5 per cent last year"'; do
    cs query --db rates.db --format jsonl -n 1 "$q" > out.jsonl
    [ "$(jq_py 'rs[0]["match"]' < out.jsonl)" = exact ] || fail "percent, verbatim: $q: $(cat out.jsonl)"
done
cs query --db rates.db --format jsonl -n 1 '"Unemployment fell to 3.5 percent in March"' > out.jsonl
python3 - out.jsonl <<'PY' || fail "percent highlight: $(cat out.jsonl)"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
data = open(r["path"], "rb").read()
assert [data[s:e] for s, e in r["highlights"]] == [b"Unemployment fell to 3.5% in March"], r["highlights"]
PY
for q in 'unemployment fell to 3.5 percent in March' 'wages rose 4 percent' 'inflation was 6.5% last year' \
         'inflation was 6.5 per cent'; do
    cs query --db rates.db --format jsonl -n 1 "$q" > out.jsonl
    [ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "[]" ] || fail "percent, claim: $q: $(cat out.jsonl)"
done
cs query --db rates.db --format text -n 1 '"wages rose 5 per cent"' > out.txt
grep -q "differs: 5 -> 4 (number)" out.txt || fail "percent, misquote: $(cat out.txt)"
# Currencies and units: a claim that writes "dollars", "USD", "pounds" or
# "kilometers" is supported by "$5", a pound sign or "40km"; a
# quotation's "40 kilometres" against "40km" is the same unit, "$6"
# against "$5" a changed number, and one that leaves the sign out is
# verbatim still.
mkdir money
printf 'Money\n\nThe ransom was $5 million, paid in two parts.\n\nA fine of \302\24350 per year.\n\nThe compound lies 40km outside Tirana and weighs 2.5kg.\n' > money/m.txt
cs index --quiet --db money.db money
[ "$status" -eq 0 ] || fail "money: index status $status"
for q in 'the ransom was 5 million dollars' 'the ransom was USD 5 million' 'a fine of 50 pounds per year' \
         'the compound lies 40 kilometers outside Tirana' 'it weighs 2.5 kilograms'; do
    cs query --db money.db --format jsonl -n 1 "$q" > out.jsonl
    [ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "[]" ] || fail "unit, claim: $q: $(cat out.jsonl)"
done
cs query --db money.db --format text -n 1 '"The compound lies 40 kilometres outside Tirana"' > out.txt
grep -q "differs: kilometres -> km (same unit)" out.txt || fail "unit, misquote: $(cat out.txt)"
cs query --db money.db --format text -n 1 '"The ransom was $6 million"' > out.txt
grep -q "differs: 6 -> 5 (number)" out.txt || fail "currency, misquote: $(cat out.txt)"
cs query --db money.db --format jsonl -n 1 '"The ransom was 5 million"' > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" = exact ] || fail "currency, verbatim: $(cat out.jsonl)"
cs query --db money.db --format jsonl -n 1 '"The compound lies 40km outside Tirana"' > out.jsonl
python3 - out.jsonl <<'PY' || fail "glued unit, verbatim: $(cat out.jsonl)"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
data = open(r["path"], "rb").read()
assert r["match"] == "exact", r["match"]
assert [data[s:e] for s, e in r["highlights"]] == [b"The compound lies 40km outside Tirana"], r["highlights"]
PY
# Who said it: the same words in two articles, each naming its speaker
# in the paragraph before them or in its file name; a quotation with a
# name beside it finds that one's copy first, and reports a name that
# neither names.
mkdir said
printf 'Tirana\n\nRama spoke to reporters on Monday.\n\n"We will not give in to threats from anyone," he said.\n' > said/a.txt
printf 'Tirana\n\nBasha answered in parliament.\n\n"We will not give in to threats from anyone," he said.\n' > said/b.txt
printf 'Notes\n\n"We will not give in to threats from anyone," the minister said.\n' > said/2022_ilir_meta.txt
cs index --quiet --db said.db said
for who in Rama:said/a.txt Basha:said/b.txt Meta:said/2022_ilir_meta.txt; do
    cs query --db said.db --format jsonl -n 3 "${who%%:*} \"We will not give in to threats from anyone\"" > out.jsonl
    [ "$(jq_py '(rs[0]["path"], rs[0]["match"], rs[0].get("unsupported", []))' < out.jsonl)" = "('${who#*:}', 'exact', [])" ] ||
        fail "who said it: ${who%%:*}: $(cat out.jsonl)"
done
cs query --db said.db --format text -n 1 'Berisha "We will not give in to threats from anyone"' > out.txt
grep -q "^   unsupported: Berisha$" out.txt || fail "who said it, no one named: $(cat out.txt)"
# ... and of a quotation across a paragraph break, answered by the two
# paragraphs joined.
mkdir said2
printf 'Tirana\n\nVeliaj spoke on Tuesday. We will rebuild every system\n\nthat the attackers broke, he promised.\n' > said2/c.txt
cs index --quiet --db said2.db said2
for who in Veliaj:'[]' Berisha:"['Berisha']"; do
    cs query --db said2.db --format jsonl -n 1 "${who%%:*} \"We will rebuild every system that the attackers broke\"" > out.jsonl
    [ "$(jq_py '(rs[0]["line_start"], rs[0]["line_end"], rs[0]["match"], rs[0].get("unsupported", []))' < out.jsonl)" = "(3, 5, 'exact', ${who#*:})" ] ||
        fail "who said it, across a break: ${who%%:*}: $(cat out.jsonl)"
done
# A short misquote within the long paragraph, at every place in it: one
# window answers it (120 words at most), not that window joined with the
# one before or after, which the quotation does not reach into.
python3 - speech/address.txt > short.csv <<'PY'
import sys
w = open(sys.argv[1]).read().split("\n\n")[1].split()
print("id,query")
for s in range(0, len(w) - 12, 3):
    m = w[s:s + 12]
    m[6] = "zeppelin"
    print('s%d,"%s"' % (s, " ".join(m)))
PY
cs query --db speech.db --mode quote --format jsonl -n 1 --batch short.csv > out.jsonl
[ "$status" -eq 0 ] || fail "short misquotes: exit status $status"
python3 - out.jsonl <<'PY' || fail "short misquotes in windows"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert len(rs) > 200, len(rs)
for r in rs:
    assert r["match"] == "near" and r["cite"] == "speech/address.txt:3", (r["query_id"], r["cite"], r["match"])
    changed = [(d["query"], d["source"]) for d in r["diff"] if d["op"] != "="]
    assert len(changed) == 1 and changed[0][0] == "zeppelin", (r["query_id"], changed)
    assert len(r["text"].split()) <= 120, (r["query_id"], len(r["text"].split()))
PY
echo ok

# Who said it: a quotation given to Rama was Et'hemaj's, whom the
# paragraph before names ("...," he told Euronews Albania): said_by names
# him where the file does, and the text output says so with the line.
cs query --format jsonl -n 1 'Rama said "We are talking about an abnormal, unusual situation"' > out.jsonl
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["cite"] == "corpus/004_ea823e42dca6d0bc.txt:43", r["cite"]
assert r["unsupported"] == ["Rama"], r
s = r["said_by"]
assert s["name"] == "Maksim Et\u2019hemaj", s
assert s["cite"] == "corpus/004_ea823e42dca6d0bc.txt:41", s
data = open(r["path"], "rb").read()
assert data[s["byte_start"]:s["byte_end"]].decode() == s["name"], s
PY
cs query --format text -n 1 'Rama said "We are talking about an abnormal, unusual situation"' > out.txt
grep -q "said by: Maksim Et’hemaj (corpus/004_ea823e42dca6d0bc.txt:41)" out.txt ||
    fail "said by, text: $(cat out.txt)"
# The speaker the passage itself names, after the quotation: "Rama
# wrote", whom the article named in full two paragraphs before (Prime
# Minister Edi Rama), so by that name, cited where it stands.
cs query --format jsonl -n 1 '"Another cyber attack by the same aggressors"' > out.jsonl
[ "$(jq_py 'rs[0]["said_by"]["name"] + " " + rs[0]["said_by"]["cite"]' < out.jsonl)" = "Edi Rama corpus/004_ea823e42dca6d0bc.txt:7" ] ||
    fail "said by Edi Rama: $(cat out.jsonl)"
# A text speaks for whoever it says or the paragraph before says issued
# it: "...," it read. in a statement from the ministry; "...," a statement
# on Twitter reads (after "The US National Security Council has reacted
# ..., stating"); The statement said (after "Albania's parliament said");
# "...," they wrote (after "Facebook said"); "..." according to the same
# source (the ministry's statement before it); "...," she said after
# "Finance Minister Delina Ibrahimaj gave some details" (no verb of
# speech: the person named with a title); "Mr. Kanani further
# criticized" is Nasser Kanani, as five paragraphs before name him;
# "...," added the ministry, the Albanian Interior Ministry named above.
for q in '"carried out by the same actors who attacked the country"' \
         '"The United States condemns the September 9th cyberattack"' \
         '"did not affect system data"' \
         '"violated our policy against foreign interference"' \
         '"In order to neutralize the criminal act"' \
         '"We discussed the current issues of cyber attacks"' \
         '"given full support to a terrorist sect"' \
         '"out of service until the risk is completely removed"'; do
    cs query --format jsonl -n 1 "$q"
done > out.jsonl
python3 - out.jsonl <<'PY'
import json, sys
want = [
    ("Albanian Interior Ministry", "corpus/001_ad6093775fdf0074.txt:10"),
    ("US National Security Council", "corpus/004_ea823e42dca6d0bc.txt:37"),
    ("Albania\u2019s parliament", "corpus/003_7ea479e65bd91aef.txt:7"),
    ("Facebook", "corpus/004_ea823e42dca6d0bc.txt:49"),
    ("Albanian Interior Ministry", "corpus/001_ad6093775fdf0074.txt:10"),
    ("Finance Minister Delina Ibrahimaj", "corpus/000_e2b09c51e93f98b0.txt:9"),
    ("Nasser Kanani", "corpus/001_ad6093775fdf0074.txt:26"),
    ("Albanian Interior Ministry", "corpus/001_ad6093775fdf0074.txt:10"),
]
rs = [json.loads(line) for line in open(sys.argv[1])]
assert len(rs) == len(want), len(rs)
for r, (name, cite) in zip(rs, want):
    s = r.get("said_by")
    assert s and s["name"] == name and s["cite"] == cite, (r["query"], r["cite"], s)
    path = cite.rsplit(":", 1)[0]
    assert open(path, "rb").read()[s["byte_start"]:s["byte_end"]].decode() == name, s
PY
# A passage that says of no one has no said_by.
cs query --format jsonl -n 1 '"bringing various systems to a halt for days"' > out.jsonl
[ "$(jq_py '"said_by" in rs[0]' < out.jsonl)" = "False" ] || fail "said by no one: $(cat out.jsonl)"

# A quotation's first word the source does not say, where the source's
# word before the span closes a quotation: dropped, not replaced by the
# quotation's last word ("Yesterday -> comes").
mkdir bound
printf 'Harbor\n\n"We will rebuild before the winter comes," the mayor told reporters at the town hall on Friday.\n' > bound/a.txt
"$CITESEARCH" index --quiet bound
cs query --format jsonl -n 1 --mode quote 'Yesterday the mayor told reporters at the town hall' > out.jsonl
[ "$(jq_py '[(d["op"], d["query"], d["source"]) for d in rs[0]["diff"] if d["op"] != "="]' < out.jsonl)" = \
  "[('-', 'Yesterday', '')]" ] || fail "across a closing quotation mark: $(cat out.jsonl)"
