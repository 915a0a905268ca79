# A manifest kept outside the index root (given with --manifest, its rows
# relative to its own folder or absolute) applies to the files it names:
# its paths climb out of the root and back in by the root's name
# ("../proj/src/a.txt"), which a join of names alone cannot follow, so
# every row named no indexed file and was silently of no use.
. "$(dirname "$0")/lib.sh"
mkdir -p proj/src meta
printf 'First line\n\nThe okapi was seen.\n' > proj/src/a.txt
printf 'Other notes\n\nA bongo was seen too.\n' > proj/src/b.txt
printf 'path,title,source,date\n../proj/src/a.txt,Okapi report,Reuters,2022-07-15\n%s/proj/src/b.txt,Bongo report,AP,2023\n' \
    "$WORK" > meta/m.csv
settle proj

# meta QUERY: "title|source|date" of the first result of QUERY.
meta() {
    cs query --format jsonl -n 1 "$1" > out.jsonl
    [ "$status" -eq 0 ] || fail "$1: no result"
    jq_py '"|".join([rs[0]["title"], rs[0]["source"], rs[0]["date"] or ""])' < out.jsonl
}

cd proj
"$CITESEARCH" index --manifest ../meta/m.csv src 2> first.txt
[ "$(meta okapi)" = "Okapi report|Reuters|2022-07-15" ] || fail "relative row: $(meta okapi)"
[ "$(meta bongo)" = "Bongo report|AP|2023" ] || fail "absolute row: $(meta bongo)"
"$CITESEARCH" index src 2> again.txt
grep -q "2 files: 0 read, 0 indexed .* 2 unchanged" again.txt || fail "again: $(cat again.txt)"

# The whole folder moved with the manifest beside it: the row written for
# the new name applies.
cd "$WORK" && mv proj proj2 && cd proj2
printf 'path,title\n../proj2/src/a.txt,Okapi report (moved)\n' > ../meta/m.csv
"$CITESEARCH" index src 2> moved.txt
grep -q "2 files: 2 read, 2 indexed" moved.txt || fail "moved: $(cat moved.txt)"
[ "$(meta okapi)" = "Okapi report (moved)||" ] || fail "moved: $(meta okapi)"
[ "$(meta bongo)" = "Other notes||" ] || fail "moved, row gone: $(meta bongo)"
echo ok
