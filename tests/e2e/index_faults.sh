# Faults around an index run: a second indexer, SIGTERM, SIGINT, kill -9,
# a full disk, a missing or damaged index.  Each ends in a clear message
# and an index that opens with its last commit; the next run completes
# it, to the same answers as a clean index.
. "$(dirname "$0")/lib.sh"

# About 1.5 MB in 30 files (less under valgrind, which is slower), and a
# commit every two files or so, so that a run can be stopped between
# commits.
kb=48
[ "${CS_VALGRIND:-0}" = 1 ] && kb=12
make_corpus gen 30 "$kb"
export CITESEARCH_BATCH_BYTES=$((kb * 1024 * 2))

# What an index answers: its counts, and every file's passages found by
# the file's marker word (one batch, so one process).
for i in $(seq 0 29); do printf 'mk%03d,mk%03d\n' "$i" "$i"; done |
    sed '1i id,query' > markers.csv
answers() { # answers DB > FILE
    "$CITESEARCH" stats --db "$1" --format json |
        python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["files"], s["passages"], s["bytes"])'
    set +e
    "$CITESEARCH" query --db "$1" --batch markers.csv -n 100000 --format jsonl > answers.jsonl
    local st=$?
    set -e
    [ "$st" -le 1 ] || fail "query $1: status $st"
    python3 -c '
import json
for l in open("answers.jsonl"):
    r = json.loads(l)
    print(r["query_id"], r["cite"], r["byte_start"], r["byte_end"], "%.6f" % r["score"])'
}

# Per file, how many passages an index holds: all of the clean index's or
# none, never part of a file.
whole_files() { # whole_files DB
    answers "$1" > part.txt
    python3 - <<'EOF' || fail "$1 holds part of a file"
import collections, sys
def count(path):
    c = collections.Counter()
    for line in list(open(path))[1:]:
        c[line.split()[0]] += 1
    return c
clean, part = count('clean.txt'), count('part.txt')
half = {f: (n, clean[f]) for f, n in part.items() if n != clean[f]}
if half:
    sys.exit('files with part of their passages: %s' % half)
EOF
}

"$CITESEARCH" index --quiet --db clean.db gen
answers clean.db > clean.txt
[ "$(head -1 clean.txt | cut -d' ' -f1)" = 30 ] || fail "clean index: $(head -1 clean.txt)"

# Resumes the indexer after sending it signal $1; its exit status in $status.
signal_and_wait() {
    kill "-$1" "$pid"
    kill -CONT "$pid" 2> /dev/null || true
    set +e
    wait "$pid"
    status=$?
    set -e
}

# A second indexer while one runs: refused at once, naming the index.
index_and_pause --db run.db gen
set +e
start=$(date +%s)
timeout 60 "$CITESEARCH" index --db run.db gen 2> second.txt
status=$?
took=$(($(date +%s) - start))
set -e
[ "$status" -eq 2 ] || fail "second indexer: status $status: $(cat second.txt)"
grep -q "run.db.*locked by another indexer" second.txt || fail "second indexer: $(cat second.txt)"
[ "$took" -le 10 ] || fail "second indexer waited $took s for the lock"

# SIGTERM: a stop before the next file, with the last commit kept; the
# process ends by the signal, as shells expect (128 + 15).
signal_and_wait TERM
[ "$status" -eq 143 ] || fail "SIGTERM: status $status: $(cat run.log)"
grep -q "interrupted: the index holds the last commit" run.log || fail "SIGTERM: $(cat run.log)"
whole_files run.db
done_term=$(head -1 part.txt | cut -d' ' -f1)
[ "$done_term" -lt 30 ] || fail "SIGTERM: the run was not stopped"

# SIGINT, in a run that goes on where the last one stopped.
index_and_pause --db run.db gen
signal_and_wait INT
[ "$status" -eq 130 ] || fail "SIGINT: status $status: $(cat run.log)"
grep -q "interrupted" run.log || fail "SIGINT: $(cat run.log)"
whole_files run.db
done_int=$(head -1 part.txt | cut -d' ' -f1)
[ "$done_int" -gt "$done_term" ] || fail "SIGINT run committed nothing ($done_term, $done_int)"

# kill -9: nothing to clean up, and nothing lost but the batch in progress.
index_and_pause --db run.db gen
signal_and_wait KILL
[ "$status" -eq 137 ] || fail "kill -9: status $status"
whole_files run.db

# The next run completes the index: the same answers as the clean one.
timeout 120 "$CITESEARCH" index --quiet --db run.db gen 2> rerun.txt ||
    fail "re-run: $(cat rerun.txt)"
answers run.db > run.txt
diff clean.txt run.txt > /dev/null || fail "re-run differs from a clean index: $(diff clean.txt run.txt | head)"

# The same in a sharded index, which commits shard by shard: killed, it
# opens with whole files in every shard, and the next run completes it.
"$CITESEARCH" index --quiet --shards 3 --db sharded.db gen/f000.txt
index_and_pause --db sharded.db gen
signal_and_wait KILL
whole_files sharded.db
timeout 120 "$CITESEARCH" index --quiet --db sharded.db gen 2> rerun.txt ||
    fail "sharded re-run: $(cat rerun.txt)"
answers sharded.db > sharded.txt
diff clean.txt sharded.txt > /dev/null ||
    fail "sharded re-run differs from a clean index: $(diff clean.txt sharded.txt | head)"

# A full disk (a file size limit: Xapian's write fails with EFBIG): the
# run ends in an error naming the index, and the index still opens with
# its last commit.  The new passages need far more than 64 KB of blocks.
cp -r run.db full.db
mkdir more && cp gen/f00[0-4].txt more/
set +e
(ulimit -f 64 && exec timeout 60 "$CITESEARCH" index --db full.db more) 2> full.txt
status=$?
set -e
[ "$status" -eq 2 ] || fail "full disk: status $status: $(cat full.txt)"
grep -q "full.db.*File too large" full.txt || fail "full disk: $(cat full.txt)"
answers full.db > full_answers.txt
diff clean.txt full_answers.txt > /dev/null || fail "full disk: the index changed"

# A first run that stops before its first commit leaves an empty index,
# which says so.
set +e
(ulimit -f 16 && exec timeout 60 "$CITESEARCH" index --db first.db gen) 2> first.txt
status=$?
set -e
[ "$status" -eq 2 ] || fail "first run, full disk: status $status: $(cat first.txt)"
cs stats --db first.db 2> empty.txt
[ "$status" -eq 2 ] || fail "empty index: status $status"
grep -q "first.db: an empty index" empty.txt || fail "empty index: $(cat empty.txt)"

# A missing index, and damaged ones: a clear error naming the index, exit
# status 2, for every command.
for cmd in "stats" "query Rama" "show gen/f000.txt:3" "index gen"; do
    # shellcheck disable=SC2086
    cs $cmd --db nowhere.db > /dev/null 2> err.txt
    if [ "$cmd" = "index gen" ]; then
        [ "$status" -eq 0 ] || fail "index into a new folder: status $status"
        continue
    fi
    [ "$status" -eq 2 ] || fail "$cmd on a missing index: status $status"
    grep -q "nowhere.db" err.txt || fail "$cmd on a missing index: $(cat err.txt)"
done
for table in iamglass postlist termlist docdata position; do
    rm -rf bad.db && cp -r clean.db bad.db
    python3 -c "
import random, sys
r = random.Random(3)
p = 'bad.db/$table' + ('' if '$table' == 'iamglass' else '.glass')
n = len(open(p, 'rb').read())
open(p, 'wb').write(bytes(r.randrange(256) for _ in range(max(n, 200))))"
    for cmd in "stats" "query mk003" "show gen/f003.txt:3" "index gen"; do
        # shellcheck disable=SC2086
        cs $cmd --db bad.db > /dev/null 2> err.txt
        [ "$status" -eq 2 ] || fail "$cmd on a damaged $table: status $status: $(cat err.txt)"
        grep -q "bad.db.*corrupt" err.txt || fail "$cmd on a damaged $table: $(cat err.txt)"
    done
done
echo ok
