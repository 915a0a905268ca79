# Answers that cannot be written are an error, not a success: output to
# a full disk (/dev/full) exits 2 with the reason, for one query and for
# a batch; and a batch whose reader has gone (a pipe closed early, with
# SIGPIPE ignored as some callers leave it) stops, rather than answering
# every row for no one and exiting 0.
. "$(dirname "$0")/lib.sh"
setup_corpus
[ -w /dev/full ] || { echo "skipped: no /dev/full"; exit 0; }

cs query --format jsonl Albania > /dev/full 2> err
[ "$status" = 2 ] || fail "one query to /dev/full: status $status"
grep -q 'No space left on device' err || fail "one query to /dev/full: $(cat err)"

printf 'id,query\na,Albania\nb,Iran\n' > rows.csv
for jobs in 1 2; do
    for fmt in jsonl csv json; do
        cs query --batch rows.csv --jobs $jobs --format $fmt > /dev/full 2> err
        [ "$status" = 2 ] || fail "batch -j$jobs $fmt to /dev/full: status $status"
        grep -q 'No space left on device' err ||
            fail "batch -j$jobs $fmt to /dev/full: $(cat err)"
    done
done

# Many rows, read by a reader that takes one line and leaves.
{
    echo id,query
    for i in $(seq 1 3000); do echo "r$i,Albania Iran cyber attack"; done
} > many.csv
for jobs in 1 2; do
    timeout 60 python3 - "$CITESEARCH" "$jobs" <<'PY' || fail "closed pipe with --jobs $jobs"
import signal, subprocess, sys
p = subprocess.Popen([sys.argv[1], "query", "--batch", "many.csv", "--jobs", sys.argv[2],
                      "--format", "jsonl"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_IGN))
p.stdout.readline()
p.stdout.close()
err = p.stderr.read().decode()
rc = p.wait()
assert rc == 2, (rc, err)
assert err.count("\n") == 1 and "Broken pipe" in err, err
PY
done
echo ok
