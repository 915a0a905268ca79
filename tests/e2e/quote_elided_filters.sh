# A quotation with an ellipsis whose parts stand in two passages obeys
# the query's filters, as any quotation does: a span of a file that a
# filter leaves out (path:, lang:, -path:) is no result.
. "$(dirname "$0")/lib.sh"
mkdir -p docs/drafts docs/published
cat > docs/drafts/a.txt <<'TXT'
Draft

We will rebuild every street, the mayor said.

He added that it would all be done before the winter comes.
TXT
printf 'Published\n\nThe council met on Friday about the harbor.\n' > docs/published/b.txt
printf 'path,lang\ndrafts/a.txt,en\npublished/b.txt,fr\n' > docs/manifest.csv
settle docs
"$CITESEARCH" index --quiet docs

q='"We will rebuild every street ... before the winter comes"'
cs query --format jsonl -n 5 "$q" > out.jsonl
[ "$status" -eq 0 ] || fail "without a filter: status $status"
[ "$(jq_py '[(r["match"], r["cite"]) for r in rs]' < out.jsonl)" = "[('exact', 'docs/drafts/a.txt:3-5')]" ] ||
    fail "without a filter: $(cat out.jsonl)"
for f in -path:docs/drafts path:docs/published lang:fr; do
    cs query --format jsonl -n 5 "$q $f" > out.jsonl
    [ "$status" -eq 1 ] || fail "$f: status $status: $(cat out.jsonl)"
    cs query --format jsonl -n 5 --filter "$f" "$q" > out.jsonl
    [ "$status" -eq 1 ] || fail "--filter $f: status $status: $(cat out.jsonl)"
done
for f in lang:en -path:docs/published; do
    cs query --format jsonl -n 5 "$q $f" > out.jsonl
    [ "$status" -eq 0 ] || fail "$f: status $status"
done
echo ok
