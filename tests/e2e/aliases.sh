# One file reached under several paths (a symbolic link to it, a linked
# folder, a hard link) is indexed once, under the path that sorts first,
# and a query answers it once; a path that becomes an alias loses what an
# earlier run indexed under it.
. "$(dirname "$0")/lib.sh"
mkdir -p docs other
printf 'Okapi notes\n\nThe okapi was seen near the river.\n' > docs/a.txt
printf 'Bongo notes\n\nA bongo was seen too.\n' > docs/b.txt
settle docs
ln -s a.txt docs/link.txt
ln -s ../docs other/linked
ln docs/b.txt docs/hard.txt

cs index --verbose docs other 2> run.txt
[ "$status" -eq 0 ] || fail "index: status $status: $(cat run.txt)"
grep -q "docs/link.txt: the same file as docs/a.txt (skipped)" run.txt \
    || fail "the link not named: $(cat run.txt)"
grep -q "2 indexed" run.txt || fail "not two files indexed: $(cat run.txt)"
for q in okapi bongo; do
    cs query --format jsonl "$q" > out.jsonl
    [ "$status" -eq 0 ] || fail "$q: status $status"
    [ "$(jq_py 'len(set(r["path"] for r in rs))' < out.jsonl)" = 1 ] || fail "$q answered more than once: $(cat out.jsonl)"
done
[ "$(jq_py 'rs[0]["path"]' < out.jsonl)" = docs/b.txt ] || fail "bongo: $(cat out.jsonl)"

# A copy indexed under its own name, then made a link to the file: the
# passages indexed under the copy's path go.
rm -r .citesearch docs/link.txt
cp docs/a.txt docs/copy.txt
settle docs
cs index docs 2> run.txt
cs query --format jsonl river > out.jsonl
[ "$(jq_py 'len(set(r["path"] for r in rs))' < out.jsonl)" = 2 ] || fail "the copy: $(cat out.jsonl)"
rm docs/copy.txt
ln -s a.txt docs/copy.txt
cs index docs 2> run.txt
[ "$status" -eq 0 ] || fail "index again: status $status: $(cat run.txt)"
grep -q "1 removed" run.txt || fail "the alias's passages not removed: $(cat run.txt)"
cs query --format jsonl river > out.jsonl
[ "$(jq_py 'len(set(r["path"] for r in rs))' < out.jsonl)" = 1 ] || fail "the alias stayed: $(cat out.jsonl)"
[ "$(jq_py 'rs[0]["path"]' < out.jsonl)" = docs/a.txt ] || fail "river: $(cat out.jsonl)"
echo ok
