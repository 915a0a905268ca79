# Re-indexing reads only what changed, replaces changed files and removes
# vanished ones.
. "$(dirname "$0")/lib.sh"
cp -r "$CS_SOURCE_DIR/corpus" corpus
settle corpus
"$CITESEARCH" index corpus 2> first.txt
grep -q "5 files: 5 read, 5 indexed" first.txt || fail "first run: $(cat first.txt)"

"$CITESEARCH" index corpus 2> again.txt
grep -q "5 files: 0 read, 0 indexed .* 5 unchanged" again.txt || fail "no-change run: $(cat again.txt)"

# Touched, same bytes: read (to hash it) but not re-indexed.
touch -d '2001-01-01' corpus/002_2a02a01db59475ef.txt
"$CITESEARCH" index corpus 2> touched.txt
grep -q "5 files: 1 read, 0 indexed .* 5 unchanged" touched.txt || fail "touch: $(cat touched.txt)"

# Changed: only that file is indexed, and the new words are found.
printf '\n\nA zebrafinch sentence added later.\n' >> corpus/003_7ea479e65bd91aef.txt
settle_change corpus/003_7ea479e65bd91aef.txt
zline=$(grep -n zebrafinch corpus/003_7ea479e65bd91aef.txt | cut -d: -f1)
"$CITESEARCH" index --verbose corpus 2> changed.txt
grep -q "5 files: 1 read, 1 indexed" changed.txt || fail "change: $(cat changed.txt)"
grep -q "indexed corpus/003_7ea479e65bd91aef.txt" changed.txt || fail "which file: $(cat changed.txt)"
cs query --format jsonl zebrafinch > out.jsonl
[ "$(jq_py 'rs[0]["cite"]' < out.jsonl)" = "corpus/003_7ea479e65bd91aef.txt:$zline" ] || fail "new text: $(cat out.jsonl)"
before=$("$CITESEARCH" stats --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["passages"])')

# Vanished: its passages go.
rm corpus/004_ea823e42dca6d0bc.txt
"$CITESEARCH" index corpus 2> removed.txt
grep -q "1 removed" removed.txt || fail "removal: $(cat removed.txt)"
cs query --format jsonl -n 100 Spahiu > out.jsonl
[ "$status" -eq 1 ] || fail "a removed file still answers"
after=$("$CITESEARCH" stats --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["passages"])')
[ "$after" -lt "$before" ] || fail "passages $before -> $after"

# Moving the whole folder keeps citations valid (paths are root-relative).
cd "$WORK" && mkdir moved && mv corpus .citesearch moved/ && cd moved
cs query --format jsonl -n 1 zebrafinch > out.jsonl
[ "$(jq_py 'rs[0]["cite"]' < out.jsonl)" = "corpus/003_7ea479e65bd91aef.txt:$zline" ] || fail "after move"
cs show "corpus/003_7ea479e65bd91aef.txt:$zline" > shown.txt
grep -q zebrafinch shown.txt || fail "show after move"

# A file written again with the same size within its mtime's granularity
# after a run read it (here: its mtime put back by hand) is still seen:
# the record of a file read less than a second after its mtime keeps no
# mtime, so the next run reads it again.  Stamped ahead of the clock, it
# is such a file however slow the run.
stamp=$(($(date +%s) + 60))
printf 'Racy text about a quokka.\n' > corpus/racy.txt
touch -d "@$stamp" corpus/racy.txt
"$CITESEARCH" index corpus 2> racy1.txt
printf 'Racy text about a wombat.\n' > corpus/racy.txt
touch -d "@$stamp" corpus/racy.txt
"$CITESEARCH" index corpus 2> racy2.txt
grep -q "1 read, 1 indexed" racy2.txt || fail "racy file: $(cat racy2.txt)"
cs query --format jsonl wombat > out.jsonl
[ "$(jq_py 'rs[0]["path"]' < out.jsonl)" = "corpus/racy.txt" ] || fail "racy file's new text: $(cat out.jsonl)"
# Another file moved into a file's place with the same size and time (mv,
# cp -p, rsync -t) is read again: its record's inode differs.  Its text is
# what the index holds, not the old file's.
mkdir swap
printf 'Swap notes\n\nThe quokka was seen.\n' > swap/a.txt
printf 'Swap notes\n\nThe numbat was seen.\n' > swap/b.txt
touch -d '2020-01-01 00:00:00' swap/a.txt swap/b.txt
"$CITESEARCH" index swap 2> swap.txt
mv swap/b.txt swap/a.txt
"$CITESEARCH" index swap 2> swap.txt
grep -q "1 files: 1 read, 1 indexed .* 1 removed" swap.txt || fail "a file moved in its place: $(cat swap.txt)"
cs query --format jsonl numbat > out.jsonl
[ "$(jq_py 'rs[0]["cite"]' < out.jsonl)" = "swap/a.txt:3" ] || fail "the new text: $(cat out.jsonl)"
cs query --format jsonl quokka > out.jsonl
[ "$status" -eq 1 ] || fail "the old text stayed: $(cat out.jsonl)"
# A file written again in place with its size and mtime put back, long
# after a run read it (a corrected copy put over it with cp -p, both
# dated as the article is): same inode, size and mtime, but another
# status change time, which no one can set: read again, its new text is
# what the index holds.
printf 'Swap notes\n\nThe jackal was seen.\n' > fixed.txt
touch -d '2020-01-01 00:00:00' fixed.txt
cp -p fixed.txt swap/a.txt
"$CITESEARCH" index swap 2> inplace.txt
grep -q "1 files: 1 read, 1 indexed" inplace.txt || fail "written in place: $(cat inplace.txt)"
cs query --format jsonl jackal > out.jsonl
[ "$(jq_py 'rs[0]["cite"]' < out.jsonl)" = "swap/a.txt:3" ] || fail "the text written in place: $(cat out.jsonl)"
not_found "the text written over" numbat
"$CITESEARCH" index swap 2> inplace.txt
grep -q "1 files: 0 read, 0 indexed" inplace.txt || fail "after it: $(cat inplace.txt)"
echo ok
