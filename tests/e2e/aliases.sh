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

# A run that does not walk the path the index holds the file under (a
# subfolder, a file given alone) keeps that path for it: it was indexed
# again under the name the run reached it by, and every query answered
# it twice until a run over the whole folder.  A change made through
# either name is indexed under the recorded one.
rm -r .citesearch
mkdir docs/sub
printf 'Tapir notes\n\nA tapir was seen.\n' > docs/sub/t.txt
ln -s sub/t.txt docs/alpha.txt
ln docs/b.txt docs/sub/hardb.txt
settle docs
cs index docs 2> run.txt
for arg in docs/sub docs/sub/t.txt docs/alpha.txt docs/sub/hardb.txt; do
    cs index --verbose "$arg" 2> run.txt
    [ "$status" -eq 0 ] || fail "$arg: status $status: $(cat run.txt)"
    grep -q " 0 indexed" run.txt || fail "$arg: indexed again: $(cat run.txt)"
    for q in tapir bongo; do
        cs query --format jsonl "$q" > out.jsonl
        [ "$(jq_py 'sorted(set(r["path"] for r in rs))' < out.jsonl)" = \
          "$(case $q in tapir) echo "['docs/alpha.txt']";; *) echo "['docs/b.txt']";; esac)" ] ||
            fail "$arg, $q: $(cat out.jsonl)"
    done
done
printf 'A tapir was seen twice.\n' >> docs/sub/t.txt
settle_change docs/sub/t.txt
cs index --verbose docs/sub 2> run.txt
grep -q "indexed docs/alpha.txt" run.txt || fail "the change: $(cat run.txt)"
cs query --format jsonl twice > out.jsonl
[ "$(jq_py '[r["path"] for r in rs]' < out.jsonl)" = "['docs/alpha.txt']" ] || fail "the change: $(cat out.jsonl)"
cs query --format jsonl -n 50 tapir > out.jsonl
[ "$(jq_py 'sorted(set(r["path"] for r in rs))' < out.jsonl)" = "['docs/alpha.txt']" ] || fail "after the change: $(cat out.jsonl)"
cs index docs 2> run.txt
grep -q "0 read, 0 indexed .* 0 removed" run.txt || fail "the whole folder after: $(cat run.txt)"
echo ok
