# A claim of tens of thousands of words that no passage holds is answered
# in time linear in its length: its report (the unsupported words, each
# looked up among the claim's words when a name its article gives is
# taken off the list) cost the square of its length, 20,000 CJK
# characters 14 s and the 80,000 here minutes.  Under a CPU limit of 20 s
# (it takes about 2 s), every result lists the claim's CJK words as
# unsupported, and its names are supported.
. "$(dirname "$0")/lib.sh"
setup_corpus

# 80,000 characters of the CJK block (8,000 under a sanitizer), a word
# each for ICU, in three arguments (one is at most 128 KB), the same on
# every run.
n=80000
[ "$CS_SANITIZED" = 1 ] && n=8000
python3 - "$n" <<'PY'
import random, sys
n = int(sys.argv[1])
rnd = random.Random(3)
chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
text = ''.join(rnd.choice(chars) for _ in range(n))
for k in range(3):
    with open('part%d.txt' % k, 'w') as f:
        f.write(text[k * 30000:(k + 1) * 30000])
PY

set +e
(ulimit -t 20 && exec "$CITESEARCH" query --mode claim --format jsonl -n 3 \
    Albania cyberattack "$(cat part0.txt)" "$(cat part1.txt)" "$(cat part2.txt)") \
    > out.jsonl 2> err.txt
status=$?
set -e
[ "$status" -eq 0 ] || fail "exit status $status (a CPU limit of 20 s kills with 137): $(cat err.txt)"
python3 - "$n" <<'PY' || fail "the report of a long claim"
import json, sys
rs = [json.loads(l) for l in open('out.jsonl')]
assert len(rs) == 3, len(rs)
for r in rs:
    un = r['unsupported']
    assert 'Albania' not in un and 'cyberattack' not in un, r['cite']
    assert len(un) > int(sys.argv[1]) * 7 // 8, (r['cite'], len(un))
    assert all(0x4E00 <= ord(w[0]) < 0x4E00 + 3000 for w in un), r["cite"]
PY
echo ok
