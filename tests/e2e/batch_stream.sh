# --batch - answers each row as soon as it is read: a program writes one
# query, reads its answer, then writes the next, through pipes.  One job
# (rows answered on the reading thread) and two (worker threads).
. "$(dirname "$0")/lib.sh"
setup_corpus

for jobs in 1 2; do
timeout 30 python3 - "$CITESEARCH" "$jobs" <<'PY' || fail "streaming with --jobs $jobs"
import json, select, subprocess, sys
p = subprocess.Popen([sys.argv[1], "query", "--batch", "-", "--format", "jsonl",
                      "-n", "1", "--jobs", sys.argv[2]],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def ask(line):
    p.stdin.write(line.encode())
    p.stdin.flush()
    # The answer must come while stdin stays open.
    ready, _, _ = select.select([p.stdout], [], [], 10)
    assert ready, "no answer within 10 s for " + line
    return json.loads(p.stdout.readline())

p.stdin.write(b"id,query\n")
a = ask("s1,Kreshnik Spahiu\n")
assert a["query_id"] == "s1" and a["cite"].endswith(":33"), a
b = ask('s2,"""did not originate from Albanian IP addresses"""\n')
assert b["query_id"] == "s2" and b["match"] == "exact", b
c = ask(",no id\n")
assert "error" in c and "line 4" in c["error"], c
p.stdin.close()
assert p.stdout.read() == b""
assert p.wait() == 2  # one row failed
PY
done
echo ok
