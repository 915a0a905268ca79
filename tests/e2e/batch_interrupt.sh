# A batch stopped by SIGTERM or SIGINT while it writes to a pipe: it ends
# by the signal (as shells expect), and what the reader got is whole
# answers, never half a line.
. "$(dirname "$0")/lib.sh"

kb=24
[ "${CS_VALGRIND:-0}" = 1 ] && kb=8
make_corpus gen 20 "$kb"
"$CITESEARCH" index --quiet gen
# Long answers (every passage of a file), many of them.
python3 -c '
print("id,query")
for k in range(400):
    print("q%d,mk%03d" % (k, k % 20))' > rows.csv

timeout 120 python3 - "$CS_SIGNALLED" <<'PY' || fail "interrupted batch"
import json, signal, subprocess, sys, time
for fmt in ("jsonl", "csv"):
    # Several times: the signal comes to any thread, and a worker may
    # start an answer just as the handler decides that none is written.
    for sig in (signal.SIGTERM, signal.SIGINT) * 2:
        p = subprocess.Popen([sys.argv[1], "query", "--batch", "rows.csv",
                              "-n", "1000", "--format", fmt],
                             stdout=subprocess.PIPE,
                             # SIGINT as a terminal sends it, even when
                             # this runs in the background.
                             preexec_fn=lambda: signal.signal(signal.SIGINT,
                                                              signal.SIG_DFL))
        got = p.stdout.read(100000)  # the batch is under way
        start = time.time()
        while time.time() - start < 0.2:  # a slow reader: a full pipe
            got += p.stdout.read(4096)
        p.send_signal(sig)
        got += p.stdout.read()
        rc = p.wait()
        assert rc == -sig, (fmt, sig, rc)
        assert got.endswith(b"\n"), (fmt, sig, got[-80:])
        if fmt == "jsonl":
            for line in got.splitlines():
                json.loads(line)
PY

# A reader that has stopped reading: the answer being written is never
# whole (the pipe is full), and the signal still ends the batch, after a
# short wait, instead of never.
timeout 120 python3 - "$CS_SIGNALLED" <<'PY' || fail "batch to a stalled reader"
import signal, subprocess, sys, time
for jobs in ("1", "2"):
    for sig in (signal.SIGTERM, signal.SIGINT):
        p = subprocess.Popen([sys.argv[1], "query", "--batch", "rows.csv",
                              "-n", "1000", "--format", "jsonl", "--jobs", jobs],
                             stdout=subprocess.PIPE,
                             preexec_fn=lambda: signal.signal(signal.SIGINT,
                                                              signal.SIG_DFL))
        p.stdout.read(1)  # under way; then no more is read
        time.sleep(1)     # the pipe is full
        p.send_signal(sig)
        try:
            rc = p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            raise AssertionError("still running 20 s after %s, --jobs %s" % (sig, jobs))
        assert rc == -sig, (jobs, sig, rc)
        p.stdout.close()
PY
echo ok
