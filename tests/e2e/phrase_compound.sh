# A quoted phrase written in two words finds the compound written solid
# and hyphenated too, as the words of a claim do (SPEC: cyber-attack =
# cyberattack = cyber attack), not only when no verbatim match exists.
. "$(dirname "$0")/lib.sh"
mkdir docs
printf 'Grid\n\nA cyber attack hit the grid.\n\nThe cyber-attack cost millions.\n\nThe cyberattack was reported.\n' > docs/a.txt
settle docs
"$CITESEARCH" index --quiet docs
for q in '"cyber attack"' '"cyberattack"' '"cyber-attack"'; do
    cs query --format jsonl -n 10 "$q" > out.jsonl
    [ "$status" -eq 0 ] || fail "$q: exit status $status"
    n=$(jq_py 'len([r for r in rs if r["match"] == "exact"])' < out.jsonl)
    [ "$n" = 3 ] || fail "$q: $n exact matches, not 3: $(cat out.jsonl)"
    python3 - out.jsonl <<'PY' || fail "$q: highlights"
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    data = open(r["path"], "rb").read()
    words = [data[s:e].decode() for s, e in r["highlights"]]
    assert any(w.lower().replace("-", "").replace(" ", "") == "cyberattack" for w in words), words
PY
done
echo ok
