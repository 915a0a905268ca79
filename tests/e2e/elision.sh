# French, Italian and Catalan elide an article before a vowel (l'État,
# l’économie, dell'arte): the word after it is found as written alone,
# highlighted without the article, and a quotation keeps its article.
. "$(dirname "$0")/lib.sh"
mkdir docs
printf 'Rapport sur la d\303\251mocratie\n\nL\047\303\211tat fran\303\247ais a annonc\303\251 qu\047il r\303\251formerait l\047administration.\n\nAujourd\047hui, l\342\200\231\303\251conomie reste fragile.\n' > docs/fr.txt
"$CITESEARCH" index --quiet docs

# expect QUERY LINE BYTES: the first result of QUERY is on LINE and its
# first highlight is BYTES of the file.
expect() {
    cs query --format jsonl -n 1 "$1" > out.jsonl
    [ "$status" -eq 0 ] || fail "$1: no result"
    python3 - "$2" "$3" <<'PY' || fail "$1: $(cat out.jsonl)"
import ast, json, sys
r = json.loads(open("out.jsonl").readline())
assert r["line_start"] == int(sys.argv[1]), r["line_start"]
s, e = r["highlights"][0]
assert open("docs/fr.txt", "rb").read()[s:e] == ast.literal_eval(sys.argv[2]), (s, e)
PY
}
expect etat 3 "b'\xc3\x89tat'"
expect 'État' 3 "b'\xc3\x89tat'"
expect administration 3 "b'administration'"
expect économie 5 "b'\xc3\xa9conomie'"
expect "l'économie" 5 "b'\xc3\xa9conomie'"
expect "aujourd'hui" 5 "b\"Aujourd'hui\""
expect '"état français"' 3 "b'\xc3\x89tat fran\xc3\xa7ais'"
# A quotation as written is verbatim; one without its article is near.
cs query --format jsonl --mode quote "L'État français a annoncé qu'il réformerait l'administration" > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" = exact ] || fail "verbatim: $(cat out.jsonl)"
cs query --format jsonl --mode quote "L'État français a annoncé qu'il réformerait administration" > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" = near ] || fail "article left out: $(cat out.jsonl)"
echo ok
