# Files that change or vanish while an index run reads the corpus: a file
# removed between the walk and its reading is reported and skipped; a file
# that grew since the walk is indexed as it was read, and its record does
# not pass for the walk's, so the next run reads it again.
. "$(dirname "$0")/lib.sh"

kb=48
[ "${CS_VALGRIND:-0}" = 1 ] && kb=12
make_corpus gen 30 "$kb"

# Lets the indexer index_and_pause stopped run to its end, which must be
# a success.
resume() {
    kill -CONT "$pid"
    set +e
    wait "$pid"
    status=$?
    set -e
    [ "$status" -eq 0 ] || fail "indexer: status $status: $(cat run.log)"
}

# A new index; while it runs, f029 vanishes and f028 grows.
index_and_pause gen
rm gen/f029.txt
printf '\nA paragraph added while the indexer ran: zzgrown.\n' >> gen/f028.txt
resume
settle_change gen/f028.txt
grep -q "gen/f029.txt: No such file or directory (skipped)" run.log ||
    fail "vanished file: $(cat run.log)"
grep -q "30 files: 29 read, 29 indexed .* 1 skipped" run.log || fail "summary: $(cat run.log)"
cs query --format jsonl zzgrown > out.jsonl
[ "$status" -eq 0 ] || fail "the grown file was indexed as the walk saw it"
python3 - <<'EOF' || fail "grown file: $(cat out.jsonl)"
import json, sys
r = json.loads(open('out.jsonl').readline())
data = open(r['path'], 'rb').read()
assert r['path'] == 'gen/f028.txt', r['path']
assert data[r['byte_start']:r['byte_end']].decode() == r['text'], 'bytes'
EOF

# The next run reads f028 again (its record holds the walk's mtime, not
# the file's), finds the bytes it indexed, and changes nothing.
"$CITESEARCH" index --verbose gen 2> again.txt
grep -q "29 files: 1 read, 0 indexed (0 passages), 29 unchanged, 0 removed" again.txt ||
    fail "second run: $(cat again.txt)"
"$CITESEARCH" index gen 2> third.txt
grep -q "29 files: 0 read, 0 indexed" third.txt || fail "third run: $(cat third.txt)"

# An indexed file that changed, then vanished before it was read again:
# reported and skipped, its passages kept until a run finds it gone.
for f in gen/f00[0-5].txt gen/f027.txt; do printf '\nMore text.\n' >> "$f"; done
settle_change gen/f00[0-5].txt gen/f027.txt
index_and_pause gen
rm gen/f027.txt
resume
grep -q "gen/f027.txt: No such file or directory (skipped)" run.log ||
    fail "vanished indexed file: $(cat run.log)"
"$CITESEARCH" index gen 2> removed.txt
grep -q "28 files: 0 read, 0 indexed .* 1 removed" removed.txt || fail "removal: $(cat removed.txt)"
cs query --format jsonl mk027 > out.jsonl
[ "$status" -eq 1 ] || fail "a vanished file still answers: $(head -c 300 out.jsonl)"

# A FIFO put where the walk saw a file: named and skipped, the run does
# not wait for a writer (a watchdog stops a run that would).
for f in gen/f00[0-9].txt gen/f01[0-9].txt gen/f026.txt; do printf '\nAnd more.\n' >> "$f"; done
index_and_pause gen
rm gen/f026.txt
mkfifo gen/f026.txt
kill -CONT "$pid"
ticks=500
[ "${CS_VALGRIND:-0}" = 1 ] && ticks=6000
for _ in $(seq "$ticks"); do
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.02
done
if kill -0 "$pid" 2> /dev/null; then
    kill "$pid"
    wait "$pid" || true
    fail "the indexer waits on a FIFO: $(cat run.log)"
fi
set +e
wait "$pid"
status=$?
set -e
[ "$status" -eq 0 ] || fail "indexer with a FIFO: status $status: $(cat run.log)"
grep -q "gen/f026.txt: no longer a regular file (skipped)" run.log ||
    fail "FIFO: $(cat run.log)"
echo ok
