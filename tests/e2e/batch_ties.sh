# Equal scores in a batch: a batch keeps the order of equal scores in
# memory once it has broken enough ties (xs.h: tie_ranks), so its answers
# must be those of each query asked alone, which never does: the same
# passages in the same order, with one job and with two; and from the
# same files indexed as two shards, whose docids interleave.
. "$(dirname "$0")/lib.sh"
setup_corpus

python3 - <<'PY'
import csv
words = ['Albania', 'Iran', 'government', 'attack', 'cyber', 'Rama', 'servers',
         'hackers', 'ministry', 'police', 'data', 'Microsoft', 'July',
         'September', 'Tirana', 'Albanian government', 'cyber attack', 'the',
         'diplomatic ties', 'Homeland Justice']
with open('ties.csv', 'w', newline='') as f:
    out = csv.writer(f)
    out.writerow(['id', 'query', 'limit'])
    n = 0
    for rep in range(3):
        for w in words:
            for limit in (1, 2, 5):
                out.writerow(['q%03d' % n, w, limit])
                n += 1
PY
"$CITESEARCH" index --quiet --db sharded --shards 2 corpus
python3 - "$CITESEARCH" <<'PY' || fail "a batch ranks equal scores otherwise than one query"
import csv, json, subprocess, sys
exe = sys.argv[1]
rows = list(csv.DictReader(open('ties.csv')))
def cites(lines):
    got = {}
    for line in lines:
        r = json.loads(line)
        assert 'error' not in r, r
        got.setdefault(r['query_id'], []).append((r['rank'], r['cite']))
    return {k: [c for _, c in sorted(v)] for k, v in got.items()}
alone = {}
for r in rows[:len(rows) // 3]: # the first round: each query once
    out = subprocess.run([exe, 'query', '--format', 'jsonl', '-n', r['limit'], '--', r['query']],
                         capture_output=True, text=True).stdout
    alone[(r['query'], r['limit'])] = [json.loads(l)['cite'] for l in out.splitlines()]
for db in ('.citesearch', 'sharded'):
    for jobs in ('1', '2'):
        out = subprocess.run([exe, 'query', '--db', db, '--format', 'jsonl', '--jobs', jobs,
                              '--batch', 'ties.csv'],
                             capture_output=True, text=True, check=True).stdout
        got = cites(out.splitlines())
        for r in rows:
            want = alone[(r['query'], r['limit'])]
            assert got.get(r['id'], []) == want, (db, jobs, r, got.get(r['id']), want)
# The set breaks ties: some answers hold equal scores across the cut.
out = subprocess.run([exe, 'query', '--format', 'jsonl', '-n', '6', '--', 'Albania'],
                     capture_output=True, text=True).stdout
scores = [json.loads(l)['score'] for l in out.splitlines()]
assert len(set(scores)) < len(scores), scores
PY
echo ok
