# A quotation's candidate that only shares words with it (match "terms")
# highlights the words it shares, not the span it aligned with the
# quotation over words it does not hold ("ministre Edi Rama a annoncé"
# for "we are talking about a normal situation").
. "$(dirname "$0")/lib.sh"
mkdir docs
cat > docs/en.txt <<'TXT'
Albania cuts ties with Iran

"We are talking about an abnormal situation," Rama said in a video statement.
TXT
cat > docs/fr.txt <<'TXT'
L'Albanie rompt ses relations avec l'Iran

Le Premier ministre Edi Rama a annoncé « nous parlons d'une situation anormale » après la cyberattaque.
TXT
settle docs
"$CITESEARCH" index --quiet docs

cs query --format jsonl -n 5 '"we are talking about a normal situation"' > out.jsonl
[ "$status" -eq 0 ] || fail "status $status"
python3 - <<'PY' || fail "highlights: $(cat out.jsonl)"
import json
rs = [json.loads(l) for l in open('out.jsonl')]
assert rs[0]['path'] == 'docs/en.txt' and rs[0]['match'] == 'near', rs[0]
fr = [r for r in rs if r['path'] == 'docs/fr.txt']
assert fr and fr[0]['match'] == 'terms', rs
data = open('docs/fr.txt', 'rb').read()
got = [data[s:e] for s, e in fr[0]['highlights']]
assert got == [b'situation'], got
PY
echo ok
