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

timeout 120 python3 - "$CITESEARCH" <<'PY' || fail "interrupted batch"
import json, signal, subprocess, sys, time
for fmt in ("jsonl", "csv"):
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGTERM):
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
echo ok
