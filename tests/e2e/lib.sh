# lib.sh - shared by the end-to-end tests: the real binary on a copy of
# corpus/ in a fresh directory.  Sourced, not run.
set -eu

: "${CITESEARCH:?the citesearch binary}"
: "${CS_SOURCE_DIR:?the source tree}"

# The program itself, even when $CITESEARCH becomes the valgrind wrapper.
CS_BINARY=$CITESEARCH

# 1 when the program is built with AddressSanitizer (make check's second
# pass), which makes it many times slower: a test that bounds its time
# (a CPU limit against what once took quadratic time) takes a smaller
# input then; the native pass is the one that shows the bound.
CS_SANITIZED=0
ldd "$CS_BINARY" 2> /dev/null | grep -q libasan && CS_SANITIZED=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/citesearch-e2e.XXXXXX")

# CS_VALGRIND=1 (scripts/valgrind-e2e.sh): every run of $CITESEARCH goes
# through valgrind's memcheck; a memory error or a definite leak fails the
# test, through the exit status (99) and through its log, checked at exit
# (a test does not look at every status).  The logs are kept in a hidden
# folder, which no index run walks.
#
# CS_SIGNALLED runs the program for a test that ends it by a signal while
# it works (a batch stopped mid-answer): under valgrind, memory errors
# still fail the test, but what its threads held at that moment is no
# leak (a worker ended between a malloc and the store of what it got
# showed as definitely lost).
VALGRIND_LOGS=
CS_SIGNALLED=$CITESEARCH
if [ "${CS_VALGRIND:-0}" = 1 ]; then
    VALGRIND_LOGS="$WORK/.valgrind"
    mkdir "$VALGRIND_LOGS"
    printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --log-file="%s/log.%%p" "%s" "$@"\n' \
        "$VALGRIND_LOGS" "$CS_BINARY" > "$VALGRIND_LOGS/citesearch"
    chmod +x "$VALGRIND_LOGS/citesearch"
    printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=no --log-file="%s/log.%%p" "%s" "$@"\n' \
        "$VALGRIND_LOGS" "$CS_BINARY" > "$VALGRIND_LOGS/citesearch-signalled"
    chmod +x "$VALGRIND_LOGS/citesearch-signalled"
    CS_SIGNALLED="$VALGRIND_LOGS/citesearch-signalled"
    CITESEARCH="$VALGRIND_LOGS/citesearch"
    export CITESEARCH
fi

# Background processes a test started (servers, relays): stopped at its
# exit, however it ends.
CS_PIDS=""

# At exit: the test's background processes stopped, the valgrind logs
# checked (when one holds a report), then the work folder removed.
cs_cleanup() {
    local rc=$? p
    for p in $CS_PIDS; do
        kill -TERM "$p" 2> /dev/null || true
    done
    if [ -n "$VALGRIND_LOGS" ]; then
        for log in "$VALGRIND_LOGS"/log.*; do
            if [ -s "$log" ]; then
                echo "FAIL: valgrind: $(basename "$log")" >&2
                cat "$log" >&2
                rc=1
            fi
        done
    fi
    rm -rf "$WORK"
    exit $rc
}
trap cs_cleanup EXIT
cd "$WORK"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Runs citesearch, keeping its exit status in $status instead of stopping.
cs() {
    set +e
    "$CITESEARCH" "$@"
    status=$?
    set -e
}

# A copy of the shipped corpus, indexed into ./.citesearch.
setup_corpus() {
    cp -r "$CS_SOURCE_DIR/corpus" corpus
    settle corpus
    "$CITESEARCH" index --quiet corpus
}

# settle PATH...: dates the regular files under PATH an hour back, as
# files usually are when they are indexed.  A file written within a
# second of being read is read again by the next run (its mtime is not
# trusted: ix_file.c), so a test that counts what a run reads settles the
# files it has just written.
settle() {
    find "$@" -type f -exec touch -d "@$(($(date +%s) - 3600))" {} +
}

# settle_change PATH...: the same for files changed after they were
# indexed, dated half an hour back: another mtime than settle gave them.
settle_change() {
    find "$@" -type f -exec touch -d "@$(($(date +%s) - 1800))" {} +
}

# make_corpus DIR FILES KB: FILES generated articles of about KB
# kilobytes each (DIR/f000.txt ...), the same on every run: paragraphs of
# the shipped corpus's words, each starting with its file's marker word
# (mk000 ...), so that a query for the marker finds all of a file's
# passages.
make_corpus() {
    mkdir -p "$1"
    python3 - "$@" <<'EOF'
import glob, os, random, sys
out, files, kb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
src = os.environ['CS_SOURCE_DIR'] + '/corpus/*.txt'
words = sorted(w for f in glob.glob(src) for w in open(f).read().split())
rnd = random.Random(7)
for i in range(files):
    with open('%s/f%03d.txt' % (out, i), 'w') as f:
        f.write('Generated article %d\n\n' % i)
        size = 0
        while size < kb * 1024:
            p = 'mk%03d %s.\n\n' % (i, ' '.join(rnd.choice(words) for _ in range(60)))
            f.write(p)
            size += len(p)
EOF
    settle "$1"
}

# index_and_pause ARGS...: starts `citesearch index --verbose ARGS...` in
# the background ($pid, its messages in run.log), waits until it has
# indexed three files, and stops it (SIGSTOP), so that a test acts while
# the run is in the middle of its files: the walk is over, most files are
# still to be read.
index_and_pause() {
    : > run.log
    "$CITESEARCH" index --verbose "$@" 2> run.log &
    pid=$!
    local waited=0
    until [ "$(grep -c '^indexed ' run.log)" -ge 3 ]; do
        kill -0 "$pid" 2> /dev/null || fail "the indexer ended early: $(cat run.log)"
        [ "$waited" -lt 3000 ] || fail "the indexer does not index: $(cat run.log)"
        sleep 0.02
        waited=$((waited + 1))
    done
    kill -STOP "$pid"
}

# start_server: `citesearch serve` on a port the kernel picks, in the
# background ($server), stopped when the test ends; its address in $url.
start_server() {
    # The files exist before the server starts: the background job opens
    # them when it runs, which may be after the first look below.
    : > serve.out
    : > serve.err
    "$CITESEARCH" serve --listen 127.0.0.1:0 > serve.out 2> serve.err &
    server=$!
    CS_PIDS="$CS_PIDS $server"
    url=""
    for _ in $(seq 300); do
        url=$(sed -n 's/^serving //p' serve.out)
        [ -n "$url" ] && break
        kill -0 $server 2>/dev/null || fail "serve exited: $(cat serve.err)"
        sleep 0.1
    done
    [ -n "$url" ] || fail "serve did not start: $(cat serve.err)"
}

# exact_at WHAT PATH BYTES: the first result in out.jsonl is an exact
# match in PATH, its first highlight the file's BYTES (a Python bytes
# literal); a failure names WHAT.
exact_at() {
    python3 - "$2" "$3" <<'PY' || fail "$1: $(cat out.jsonl)"
import ast, json, sys
path, want = sys.argv[1], ast.literal_eval(sys.argv[2])
r = json.loads(open('out.jsonl').readline())
data = open(path, 'rb').read()
assert (r['path'], r['match']) == (path, 'exact'), r
s, e = r['highlights'][0]
assert data[s:e] == want, data[s:e]
PY
}

# not_found WHAT QUERY...: each query answers nothing (exit status 1); a
# failure names WHAT, the query and what it answered.
not_found() {
    local what=$1 q
    shift
    for q in "$@"; do
        cs query --format jsonl "$q" > out.jsonl
        [ "$status" -eq 1 ] || fail "$what: $q: $(cat out.jsonl)"
    done
}

# Reads JSON lines on stdin and evaluates a Python expression over them
# (`rs`, the list of objects); prints its value.
jq_py() {
    python3 -c "
import json, sys
rs = [json.loads(l) for l in sys.stdin if l.strip()]
print($1)"
}

# free_port: a loopback TCP port that is free now.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# listening PORT: whether a server accepts connections on it.
listening() {
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2).close()" 2> /dev/null
}
# start_tcpsrv DIR: xapian-tcpsrv serving the database DIR on a free
# loopback port, stopped when the test ends; sets $port and $pid.
# A port taken between choosing and binding it is retried.  The server
# gets a session of its own because on SIGTERM it kills its whole process
# group, which would otherwise include this script.
start_tcpsrv() {
    for _ in 1 2 3 4 5; do
        port=$(free_port)
        setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$1" > /dev/null 2>&1 &
        pid=$!
        for _ in $(seq 100); do
            if listening "$port"; then
                CS_PIDS="$CS_PIDS $pid"
                return 0
            fi
            kill -0 "$pid" 2> /dev/null || break
            sleep 0.05
        done
        kill "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    fail "xapian-tcpsrv would not start on $1"
}
# stop_process PID: stops a background process and waits for it.
stop_process() {
    kill "$1"
    wait "$1" 2> /dev/null || true
}
