# A batch whose lines each close a quoted cell and open another
# ('a",b,"c': a quote after text, then a cell that starts with one) is
# read in time linear in its length.  Such lines are one row, as CSV
# reads them, whose last cell is never closed; the lines after its first
# were read again as rows, each one also running to the end of the
# input and read again after it: 40,000 lines 800 million times, minutes
# of CPU (a POST to serve's /api/batch as well).  Under a CPU limit of
# 20 s (it takes well under one), the row fails and the row after the
# line where its open cell began is answered.
. "$(dirname "$0")/lib.sh"
setup_corpus

python3 - <<'PY'
with open('reopened.csv', 'w') as f:
    f.write('id,query\n')
    for k in range(40000):
        f.write('r%d,a",b,"c\n' % k)
    f.write('last,Rama\n')
PY

set +e
(ulimit -t 20 && exec "$CITESEARCH" query --batch reopened.csv --jobs 1 \
    --format jsonl -n 1) > out.jsonl 2> err.txt
status=$?
set -e
[ "$status" -eq 2 ] || fail "exit status $status (a CPU limit of 20 s kills with 137): $(cat err.txt)"
grep -q "1 of 2 rows failed" err.txt || fail "$(cat err.txt)"
python3 - <<'PY' || fail "the answers: $(head -c 600 out.jsonl)"
import json
rs = [json.loads(l) for l in open('out.jsonl')]
assert rs[0]['query_id'] == 'r0' and rs[0]['error'] == (
    'reopened.csv: line 2: a quoted cell is never closed '
    '(it runs to the end of the input, line 40002)'), rs[0]
assert [r['query_id'] for r in rs[1:]] == ['last'] and 'error' not in rs[1], rs[1:]
PY
echo ok
