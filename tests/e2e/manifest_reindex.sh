# A manifest row corrected, added or removed is applied to a file whose
# bytes did not change: the next run indexes that file again, and only it;
# a run with nothing changed reads nothing.
. "$(dirname "$0")/lib.sh"
mkdir corp
printf 'First line\n\nThe okapi was seen.\n' > corp/a.txt
printf 'Other notes\n\nA bongo was seen too.\n' > corp/b.txt
printf 'path,title,source,date\na.txt,Okapi report,Reuters,2022-07-15\n' > corp/manifest.csv
settle corp

# meta QUERY: "title|source|date" of the first result of QUERY.
meta() {
    cs query --format jsonl -n 1 "$1" > out.jsonl
    [ "$status" -eq 0 ] || fail "$1: no result"
    jq_py '"|".join([rs[0]["title"], rs[0]["source"], rs[0]["date"] or ""])' < out.jsonl
}

"$CITESEARCH" index corp 2> first.txt
grep -q "2 files: 2 read, 2 indexed" first.txt || fail "first run: $(cat first.txt)"
[ "$(meta okapi)" = "Okapi report|Reuters|2022-07-15" ] || fail "first: $(meta okapi)"
cs query --format jsonl okapi source:Reuters > out.jsonl
[ "$status" -eq 0 ] || fail "source:Reuters before the correction"
cs query --format jsonl okapi source:AP > out.jsonl
[ "$status" -eq 1 ] || fail "source:AP before the correction: $(cat out.jsonl)"

"$CITESEARCH" index corp 2> same.txt
grep -q "2 files: 0 read, 0 indexed .* 2 unchanged" same.txt || fail "no change: $(cat same.txt)"

# The row corrected, the file untouched: indexed again with it.
printf 'path,title,source,date\na.txt,Okapi report (corrected),AP,2023-01-02\n' > corp/manifest.csv
"$CITESEARCH" index --verbose corp 2> corrected.txt
grep -q "2 files: 1 read, 1 indexed .* 1 unchanged" corrected.txt || fail "correction: $(cat corrected.txt)"
grep -q "indexed corp/a.txt" corrected.txt || fail "which file: $(cat corrected.txt)"
[ "$(meta okapi)" = "Okapi report (corrected)|AP|2023-01-02" ] || fail "corrected: $(meta okapi)"
cs query --format jsonl okapi source:AP > out.jsonl
[ "$status" -eq 0 ] || fail "source:AP after the correction"
cs query --format jsonl okapi source:Reuters > out.jsonl
[ "$status" -eq 1 ] || fail "source:Reuters after the correction: $(cat out.jsonl)"
"$CITESEARCH" index corp 2> same.txt
grep -q "2 files: 0 read, 0 indexed .* 2 unchanged" same.txt || fail "no change after: $(cat same.txt)"

# A run given the file, or a folder below the manifest's, reads the
# manifest above it: the file keeps its metadata, unchanged.
mkdir -p corp/sub
printf 'Sub first line\n\nThe heron was seen.\n' > corp/sub/c.txt
printf 'path,title,source,date\na.txt,Okapi report (corrected),AP,2023-01-02\nsub/c.txt,Heron report,Desk,\n' > corp/manifest.csv
settle corp
"$CITESEARCH" index corp 2> sub.txt
[ "$(meta heron)" = "Heron report|Desk|" ] || fail "sub: $(meta heron)"
"$CITESEARCH" index corp/a.txt 2> one.txt
grep -q "0 indexed .* 1 unchanged" one.txt || fail "a file alone: $(cat one.txt)"
"$CITESEARCH" index corp/sub 2> one.txt
grep -q "0 indexed .* 1 unchanged" one.txt || fail "a folder below: $(cat one.txt)"
[ "$(meta okapi)" = "Okapi report (corrected)|AP|2023-01-02" ] || fail "a file alone: $(meta okapi)"
[ "$(meta heron)" = "Heron report|Desk|" ] || fail "a folder below: $(meta heron)"
rm -r corp/sub

# The row removed: the title is the file's first line again.
printf 'path,title,source,date\n' > corp/manifest.csv
"$CITESEARCH" index corp 2> removed.txt
grep -q "2 files: 1 read, 1 indexed" removed.txt || fail "row removed: $(cat removed.txt)"
[ "$(meta okapi)" = "First line||" ] || fail "row removed: $(meta okapi)"

# --manifest names a file indexed without metadata.
printf 'path,title,source\ncorp/b.txt,Bongo sighting,Desk\n' > meta.csv
"$CITESEARCH" index --manifest meta.csv corp 2> given.txt
grep -q "2 files: 1 read, 1 indexed" given.txt || fail "--manifest: $(cat given.txt)"
[ "$(meta bongo)" = "Bongo sighting|Desk|" ] || fail "--manifest: $(meta bongo)"
"$CITESEARCH" index --manifest meta.csv corp 2> same.txt
grep -q "2 files: 0 read, 0 indexed .* 2 unchanged" same.txt || fail "--manifest again: $(cat same.txt)"

# The index remembers a manifest given once: a later run without the
# option keeps its metadata (it re-indexed the file without it), reads
# its corrections, and drops it, saying so, once the file is gone.
"$CITESEARCH" index corp 2> later.txt
grep -q "2 files: 0 read, 0 indexed .* 2 unchanged" later.txt || fail "without --manifest: $(cat later.txt)"
[ "$(meta bongo)" = "Bongo sighting|Desk|" ] || fail "without --manifest: $(meta bongo)"
printf 'path,title,source\ncorp/b.txt,Bongo sighting (corrected),Desk\n' > meta.csv
"$CITESEARCH" index corp 2> later.txt
grep -q "2 files: 1 read, 1 indexed" later.txt || fail "recorded manifest corrected: $(cat later.txt)"
[ "$(meta bongo)" = "Bongo sighting (corrected)|Desk|" ] || fail "recorded manifest corrected: $(meta bongo)"

# A second manifest given: both apply, the last given winning a path
# both name, in a run of two writers (which records them in the merged
# database) as in place.
printf 'path,title,source\ncorp/a.txt,Okapi notes,Wire\ncorp/b.txt,Bongo notes,Wire\n' > more.csv
echo "More on it." >> corp/a.txt
echo "More on it." >> corp/b.txt
settle corp
"$CITESEARCH" index --jobs 2 --manifest more.csv corp 2> two.txt
grep -q "(2 writers)" two.txt || fail "two writers: $(cat two.txt)"
[ "$(meta okapi)" = "Okapi notes|Wire|" ] || fail "second manifest: $(meta okapi)"
[ "$(meta bongo)" = "Bongo notes|Wire|" ] || fail "second manifest wins: $(meta bongo)"
echo "Still more." >> corp/a.txt
echo "Still more." >> corp/b.txt
settle corp
"$CITESEARCH" index --jobs 2 corp 2> two.txt
grep -q "(2 writers)" two.txt || fail "two writers again: $(cat two.txt)"
[ "$(meta bongo)" = "Bongo notes|Wire|" ] || fail "two writers, remembered: $(meta bongo)"
rm more.csv
"$CITESEARCH" index corp 2> gone.txt
grep -q "more.csv: a manifest an earlier run was given (--manifest) is gone" gone.txt \
    || fail "gone manifest not said: $(cat gone.txt)"
grep -q "2 files: 2 read, 2 indexed" gone.txt || fail "gone manifest: $(cat gone.txt)"
[ "$(meta okapi)" = "First line||" ] || fail "gone manifest: $(meta okapi)"
[ "$(meta bongo)" = "Bongo sighting (corrected)|Desk|" ] || fail "the first one stays: $(meta bongo)"
"$CITESEARCH" index corp 2> same.txt
grep -q "2 files: 0 read, 0 indexed .* 2 unchanged" same.txt || fail "after the gone one: $(cat same.txt)"
if grep -q "is gone" same.txt; then fail "said twice: $(cat same.txt)"; fi

# A row with a bad date is skipped, naming the file and row, and does not
# hold back the run: the other rows apply, every file is indexed, and the
# run exits 2 after the work, as a batch with a bad row does.
printf 'Third notes\n\nA tapir was seen.\n' > corp/c.txt
printf 'path,title,date\na.txt,Okapi dated,29/12/2023\nc.txt,Tapir report,2023-12-29\n' > corp/manifest.csv
settle corp/c.txt
cs index corp 2> bad.txt
[ "$status" -eq 2 ] || fail "a bad row: exit $status: $(cat bad.txt)"
grep -q "corp/manifest.csv: line 2: the date is not YYYY, YYYY-MM or YYYY-MM-DD: '29/12/2023': the row is skipped" bad.txt \
    || fail "the bad row not named: $(cat bad.txt)"
grep -q "3 files: 1 read, 1 indexed .* 2 unchanged" bad.txt || fail "a bad row: $(cat bad.txt)"
grep -q "1 manifest row skipped" bad.txt || fail "a bad row: $(cat bad.txt)"
[ "$(meta tapir)" = "Tapir report||2023-12-29" ] || fail "the good row: $(meta tapir)"
[ "$(meta okapi)" = "First line||" ] || fail "the bad row's file: $(meta okapi)"
printf 'path,title,date\na.txt,Okapi dated,2023-12-29\nc.txt,Tapir report,2023-12-29\n' > corp/manifest.csv
cs index corp 2> fixed.txt
[ "$status" -eq 0 ] || fail "the row corrected: exit $status: $(cat fixed.txt)"
grep -q "3 files: 1 read, 1 indexed .* 2 unchanged" fixed.txt || fail "the row corrected: $(cat fixed.txt)"
[ "$(meta okapi)" = "Okapi dated||2023-12-29" ] || fail "the row corrected: $(meta okapi)"
echo ok
