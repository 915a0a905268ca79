# A batch's memory does not grow with its rows: they are read, answered
# and written in a window (qy_batch.h), not loaded.  200,000 rows (most
# asking words no passage holds, every thousandth a claim the articles
# answer, one malformed) peak within a few megabytes of 2,000 rows, with
# one job and with two, and every row is answered, in order.
. "$(dirname "$0")/lib.sh"
setup_corpus

python3 - "$CITESEARCH" <<'PY' || fail "batch memory"
import csv, json, os, subprocess, sys

exe = sys.argv[1]

def write_rows(path, n):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "query"])
        for i in range(n):
            if i == n // 2:
                w.writerow(["", "a row without an id"])
            elif i % 1000 == 0:
                w.writerow(["c%d" % i, "Albanian government digital services were attacked"])
            else:
                w.writerow(["r%d" % i, "qqzzx%d nothingmatches" % (i % 97)])

# Each run in a process of its own, whose only child is citesearch: its
# children's peak RSS is citesearch's.
RUN = """
import resource, subprocess, sys
with open(sys.argv[2], "rb") as i, open(sys.argv[3], "wb") as o:
    rc = subprocess.run([sys.argv[1], "query", "--batch", "-", "--format", "jsonl",
                         "-n", "1", "--jobs", sys.argv[4]], stdin=i, stdout=o).returncode
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

def peak(n, jobs):
    write_rows("rows.csv", n)
    env = dict(os.environ)
    # (Under AddressSanitizer freed memory waits in a quarantine that
    # grows with the work done, not with the rows held.)
    env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=0"
    res = subprocess.run([sys.executable, "-c", RUN, exe, "rows.csv", "answers.jsonl",
                          str(jobs)], stdout=subprocess.PIPE, env=env, check=True)
    rc, kb = map(int, res.stdout.split())
    assert rc == 2, rc  # the malformed row
    with open("answers.jsonl") as f:
        return kb, [json.loads(l) for l in f]

for jobs in (1, 2):
    small, _ = peak(2000, jobs)
    big, answers = peak(200000, jobs)
    got = [a["query_id"] for a in answers if a.get("query_id") is not None]
    want = ["c%d" % i for i in range(0, 200000, 1000) if i != 100000]
    assert got == want, (len(got), len(want))
    assert sum("error" in a for a in answers) == 1
    assert big <= small + 16 * 1024, (jobs, small, big)
    print("jobs", jobs, "peak KB", small, big)
PY
echo ok
