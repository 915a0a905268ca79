# A quotation that repeats one word ("the the the ...") more times than
# any passage holds it matches no passage verbatim, and is answered
# without asking Xapian its phrase, which checks each of the phrase's
# words in every passage that holds them: its length times those
# passages.  A batch of 1,000 such quotations (100 to 149 words) over
# 15,000 passages took 45 s of CPU so; under a limit of 20 s (it takes
# about 5), every row is answered, none verbatim, and a quotation that
# repeats a word as often as its passage does is still found verbatim.
. "$(dirname "$0")/lib.sh"
make_corpus gen 150 40
printf 'The crowd chanted: no no no no no, and then went home.\n' > gen/chant.txt
settle gen
"$CITESEARCH" index --quiet gen

# 1,000 rows, 100 under a sanitizer.
rows=1000
[ "$CS_SANITIZED" = 1 ] && rows=100
python3 - "$rows" <<'PY'
import csv, sys
with open('rows.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['id', 'mode', 'query'])
    for i in range(int(sys.argv[1])):
        w.writerow(['r%d' % i, 'quote', ' '.join(['the'] * (100 + i % 50))])
PY
set +e
(ulimit -t 20 && exec "$CITESEARCH" query --batch rows.csv --format jsonl -n 1) \
    > out.jsonl 2> err.txt
status=$?
set -e
[ "$status" -le 1 ] || fail "exit status $status (a CPU limit of 20 s kills with 137): $(cat err.txt)"
python3 - "$rows" <<'PY' || fail "the batch of repeated words"
import json, sys
rs = [json.loads(l) for l in open('out.jsonl')]
assert not any('error' in r for r in rs), [r for r in rs if 'error' in r][:1]
assert all(r['match'] != 'exact' for r in rs)
assert len({r['query_id'] for r in rs}) == int(sys.argv[1]), len(rs)
PY

cs query --format jsonl '"no no no no no"' > out.jsonl
[ "$status" -eq 0 ] || fail "the chant: exit status $status"
[ "$(jq_py 'rs[0]["match"] + " " + rs[0]["path"]' < out.jsonl)" = "exact gen/chant.txt" ] ||
    fail "the chant: $(head -c 400 out.jsonl)"
echo ok
