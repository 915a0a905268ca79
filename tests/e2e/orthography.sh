# Names without their diacritics, case and compounds meet the text.
. "$(dirname "$0")/lib.sh"
setup_corpus

for q in "Olsjan Cela" "OLSJAN ÇELA" "olsjan çela"; do
    cs query --format jsonl -n 1 "$q" > out.jsonl
    top=$(jq_py 'rs[0]["cite"]' < out.jsonl)
    [ "$top" = "corpus/000_e2b09c51e93f98b0.txt:7" ] || fail "$q: rank 1 is $top"
    jq_py 'rs[0]["text"][s:e] if False else ""' < /dev/null > /dev/null 2>&1 || true
done
# The highlight covers the accented word in the file.
python3 - out.jsonl <<'PY'
import json, sys
r = json.loads(open(sys.argv[1]).readline())
data = open(r["path"], "rb").read()
words = [data[s:e].decode() for s, e in r["highlights"]]
assert "Çela" in words, words
PY
# realtime / real-time / real time
for q in "realtime" "real-time" "real time"; do
    cs query --format jsonl -n 1 "$q" > out.jsonl
    top=$(jq_py 'rs[0]["cite"]' < out.jsonl)
    [ "$top" = "corpus/002_2a02a01db59475ef.txt:11" ] || fail "$q: rank 1 is $top"
done
# A name misspelt (one l short), or transliterated otherwise: the index's
# spelling is found and highlighted.
cs query --format jsonl -n 1 "Rrumbulaku" > out.jsonl
python3 - out.jsonl <<'PY' || fail "misspelt name: $(cat out.jsonl)"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["cite"] == "corpus/000_e2b09c51e93f98b0.txt:7", r["cite"]
data = open(r["path"], "rb").read()
assert b"Rrumbullaku" in [data[s:e] for s, e in r["highlights"]], r["highlights"]
# ... and the answer says the source spells it otherwise.
assert r["respelt"] == [{"query": "Rrumbulaku", "source": "Rrumbullaku"}], r.get("respelt")
PY
cs query --format text -n 1 "Mujahedin Organization of Iran" > out.txt
grep -q "^   spelt: Mujahedin -> Mojahedin\$" out.txt || fail "respelt name in text: $(cat out.txt)"
# A word the passages hold as written is no respelling.
cs query --format jsonl -n 1 "Mojahedin Organization" > out.jsonl
[ "$(jq_py '"respelt" in rs[0]' < out.jsonl)" = "False" ] || fail "respelt as written: $(cat out.jsonl)"
# A hyphenated name that no passage writes so (the corpus has
# Mujahideen-e-Khalq and People's Mojahedin) is searched as its words.
cs query --format jsonl -n 5 "Mojahedin-e-Khalq" > out.jsonl
[ "$status" -eq 0 ] || fail "Mojahedin-e-Khalq: exit status $status"
jq_py '"corpus/003_7ea479e65bd91aef.txt:13" in [r["cite"] for r in rs]' < out.jsonl | grep -qx True ||
    fail "Mojahedin-e-Khalq: $(cat out.jsonl)"
# An acronym with points and without meet, in a phrase either way: the
# corpus writes "U.S. government" once and "US government" three times.
cs query --format jsonl '"US government is supporting"' > out.jsonl
exact_at "US for U.S." corpus/004_ea823e42dca6d0bc.txt "b'U.S. government is supporting'"
cs query --format jsonl -n 10 '"U.S. government"' > out.jsonl
[ "$(jq_py 'sorted(r["cite"] for r in rs if r["match"] == "exact")' < out.jsonl)" = \
  "['corpus/001_ad6093775fdf0074.txt:26', 'corpus/002_2a02a01db59475ef.txt:17', 'corpus/004_ea823e42dca6d0bc.txt:27', 'corpus/004_ea823e42dca6d0bc.txt:39']" ] ||
    fail "U.S. for US: $(cat out.jsonl)"
# An acronym that no article writes finds the names that spell it, and
# says so: NCRI, the National Council for Resistance in Iran.
cs query --format jsonl -n 1 "NCRI" > out.jsonl
python3 - out.jsonl <<'PY' || fail "NCRI spelled out: $(cat out.jsonl)"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r["cite"] == "corpus/004_ea823e42dca6d0bc.txt:53", r["cite"]
names = "National Council for Resistance in Iran"
assert r["respelt"] == [{"query": "NCRI", "source": names}], r.get("respelt")
data = open(r["path"], "rb").read()
assert [data[s:e].decode() for s, e in r["highlights"]] == [names], r["highlights"]
PY
cs query --format text -n 1 "NCRI" > out.txt
grep -q "^   spelt: NCRI -> National Council for Resistance in Iran\$" out.txt ||
    fail "NCRI spelled out in text: $(cat out.txt)"
# ... and a name spelled out finds the passages that write its acronym
# (Mujahideen-e-Khalq: MEK), highlighted there.
cs query --format jsonl -n 5 "Mujahideen-e-Khalq" > out.jsonl
python3 - out.jsonl <<'PY' || fail "MEK for Mujahideen-e-Khalq: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert rs[0]["cite"] == "corpus/003_7ea479e65bd91aef.txt:13", rs[0]["cite"]
assert len(rs) > 1, rs
for r in rs[1:]:
    data = open(r["path"], "rb").read()
    assert {data[s:e] for s, e in r["highlights"]} == {b"MEK"}, (r["cite"], r["highlights"])
PY
# An acronym in capitals is no word to stem: TIMS is not the plural of
# Tim, nor AIDS of aid.
printf 'Tim said the border system works again.\n\nThe aid system works.\n' > corpus/tim.txt
settle corpus/tim.txt
cs index --quiet corpus
cs query --format jsonl -n 10 "TIMS system" > out.jsonl
python3 - out.jsonl <<'PY' || fail "TIMS as Tim: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert rs[0]["cite"] == "corpus/004_ea823e42dca6d0bc.txt:11", rs[0]["cite"]
for r in rs:
    data = open(r["path"], "rb").read()
    assert b"Tim" not in [data[s:e] for s, e in r["highlights"]], r
PY
cs query --format jsonl -n 10 --mode claim "TIMS system works" > out.jsonl
[ "$(jq_py '[r["unsupported"] for r in rs if r["path"] == "corpus/tim.txt"]' < out.jsonl)" = "[['TIMS'], ['TIMS']]" ] ||
    fail "TIMS supported by Tim or aid: $(cat out.jsonl)"
echo ok
