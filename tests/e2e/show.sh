# show prints the cited passage from the file, with context, and warns when
# the file changed.
. "$(dirname "$0")/lib.sh"
setup_corpus

cs query --format jsonl -n 1 "Iranian Intelligence Ministry spokesman Nasser Kanani" > out.jsonl
cite=$(jq_py 'rs[0]["cite"]' < out.jsonl)
text=$(jq_py 'rs[0]["text"]' < out.jsonl)
cs show "$cite" > shown.txt
[ "$status" -eq 0 ] || fail "show exit status $status"
grep -qF "> $text" shown.txt || fail "show does not print the passage: $(cat shown.txt)"
[ "$(grep -c '^> corpus/' shown.txt)" -eq 1 ] || fail "show without context prints one passage"

cs show --context 1 "$cite" > shown.txt
[ "$(grep -c '^  corpus/' shown.txt)" -eq 2 ] || fail "--context 1: $(cat shown.txt)"

# A context over the most says so, with the range, not that 30000 is no
# number.
cs show --context 30000 "$cite" > shown.txt 2> err.txt
[ "$status" -eq 2 ] || fail "--context 30000: status $status"
grep -q "'30000' is not a number from 0 to 10000" err.txt || fail "--context 30000: $(cat err.txt)"

cs show corpus/000_e2b09c51e93f98b0.txt:99999 2> err.txt
[ "$status" -eq 2 ] || fail "missing line: status $status"
grep -q "no indexed passage" err.txt || fail "message: $(cat err.txt)"

# A line is digits, and no more than a line number holds: one past it is
# no line 1 (its low bits), "-1" no line past the end.
for bad in 4294967297 1-4294967297 -1 +1 " 1" 1--3; do
    cs show "corpus/000_e2b09c51e93f98b0.txt:$bad" > shown.txt 2> err.txt
    [ "$status" -eq 2 ] || fail "line '$bad': status $status: $(cat shown.txt)"
    grep -q "is not a citation" err.txt || fail "line '$bad': $(cat err.txt)"
done

printf 'appended\n' >> "${cite%%:*}"
cs show "$cite" > shown.txt
grep -q "changed since it was indexed" shown.txt || fail "no change warning"

cs stats --format json > stats.json
python3 -c "
import json; s = json.load(open('stats.json'))
assert s['files'] == 5 and s['passages'] > 100, s" || fail "stats"

# A paragraph of 800 words on one line is cut into overlapping windows,
# every one on line 3: show prints what each adds to those before it
# (after "..."), so the paragraph's words come out once, in order, as in
# the file, and not some of them twice.
mkdir long
python3 - > long/one.txt <<'PY'
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
print("Title\n")
print(" ".join(w + ("%d." % i if i % 9 == 8 else "%d" % i)
               for i, w in ((i, words[i * 7 % 12]) for i in range(800))))
PY
"$CITESEARCH" index --quiet long
cs show long/one.txt:3 > shown.txt
[ "$status" -eq 0 ] || fail "show of a long paragraph: status $status"
[ "$(grep -c '^> long/one.txt:3$' shown.txt)" -gt 2 ] || fail "not cut into windows: $(head -c 300 shown.txt)"
python3 - shown.txt long/one.txt <<'PY' || fail "a long paragraph shown with repeats: $(head -c 600 shown.txt)"
import sys
lines = [l[2:] for l in open(sys.argv[1]) if l.startswith("> ") and not l.startswith("> long/")]
shown = " ".join(l[4:] if l.startswith("... ") else l for l in lines).split()
assert shown == open(sys.argv[2]).read().split("\n")[2].split(), (len(shown), shown[:5])
PY
# An empty file, or one of blank lines, is indexed (stats counts it) but
# has no passage: show says so, not that the file is not in the index.
mkdir blank
: > blank/empty.txt
printf '\n  \n\t\n' > blank/spaces.txt
"$CITESEARCH" index --quiet blank
for f in empty spaces; do
    cs show "blank/$f.txt:1" 2> err.txt
    [ "$status" -eq 2 ] || fail "$f.txt: status $status"
    grep -q "blank/$f.txt (the file holds no text)" err.txt || fail "$f.txt: $(cat err.txt)"
done
cs show blank/none.txt:1 2> err.txt
grep -q "(the file is not in the index)" err.txt || fail "none.txt: $(cat err.txt)"

echo ok
