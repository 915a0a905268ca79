# A file that is one huge line (a speech, a dump): indexed in bounded
# memory, with exact citations, and quotations found wherever they fall.
#
# The whole file is read into memory, so memory grows with the file; what
# must not grow is the rest: the words of the one paragraph are split a
# segment at a time, and Xapian flushes its postings every
# XAPIAN_FLUSH_THRESHOLD documents (set low here, so that its share is
# reached by both files).  So a 12 MB line costs about 8 MB more than a
# 4 MB one, where keeping every word of the line would cost 40 MB more.
# (A line of 125 MB takes minutes to index, too slow for the suite; it
# peaks at about 350 MB: its text, and Xapian's postings at its default
# threshold.)
. "$(dirname "$0")/lib.sh"

# One line of MB megabytes of the corpus's words, with a quotation every
# megabyte: zqmark1 ... zqmarkN, each in a sentence of its own.
one_line() { # one_line FILE MB
    python3 - "$@" <<'EOF'
import glob, os, random, sys
path, mb = sys.argv[1], int(sys.argv[2])
src = os.environ['CS_SOURCE_DIR'] + '/corpus/*.txt'
words = sorted(w for f in glob.glob(src) for w in open(f).read().split())
rnd = random.Random(11)
with open(path, 'w') as f:
    for m in range(1, mb + 1):
        size = 0
        while size < 1000000:
            s = ' '.join(rnd.choice(words) for _ in range(200)) + ' '
            f.write(s)
            size += len(s)
        f.write('So the minister said that zqmark%d was never on the '
                'agenda of any meeting. ' % m)
EOF
}

# Indexes DIR into DIR.db; its peak RSS in KB in $rss.
index_rss() { # index_rss DIR
    XAPIAN_FLUSH_THRESHOLD=1000 /usr/bin/time -f %M -o "$1.rss" \
        timeout 300 "$CITESEARCH" index --db "$1.db" "$1" 2> "$1.log" ||
        fail "index $1: $(cat "$1.log")"
    rss=$(tail -1 "$1.rss")
}

mkdir small big
one_line small/line.txt 4
# Under ASan memory is not measured (its shadow and quarantine dominate),
# and a file over one segment (4 MB) is enough.
if [ "$CS_SANITIZED" = 1 ]; then big_mb=6; else big_mb=12; fi
one_line big/line.txt "$big_mb"
settle small big

if [ "$CS_SANITIZED" = 0 ] && [ -x /usr/bin/time ]; then
    index_rss small
    small_rss=$rss
    index_rss big
    big_rss=$rss
    grow=$(( (big_rss - small_rss) / 1024 ))
    echo "peak RSS: 4 MB line $((small_rss / 1024)) MB, $big_mb MB line $((big_rss / 1024)) MB"
    [ "$grow" -le 24 ] || fail "a line 8 MB longer takes $grow MB more memory"
else
    [ "$CS_SANITIZED" = 1 ] || echo "SKIP: memory not measured (no /usr/bin/time)"
    timeout 300 "$CITESEARCH" index --db big.db big 2> big.log ||
        fail "index big: $(cat big.log)"
fi
grep -q "1 files: 1 read, 1 indexed" big.log || fail "summary: $(cat big.log)"

# Every quotation is found verbatim, on line 1, with its exact bytes,
# wherever the segments of the line were cut.
for m in $(seq 1 "$big_mb"); do
    printf 'q%d,"""that zqmark%d was never on the agenda"""\n' "$m" "$m"
done | sed '1i id,query' > quotes.csv
cs query --db big.db --batch quotes.csv -n 1 --format jsonl > quotes.jsonl
[ "$status" -eq 0 ] || fail "quotes: status $status"
python3 - "$big_mb" <<'EOF' || fail "quotes: $(head -c 600 quotes.jsonl)"
import json, sys
data = open('big/line.txt', 'rb').read()
rs = [json.loads(l) for l in open('quotes.jsonl')]
assert len(rs) == int(sys.argv[1]), len(rs)
for r in rs:
    assert r['match'] == 'exact', r['query_id']
    assert r['cite'] == 'big/line.txt:1', r['cite']
    assert data[r['byte_start']:r['byte_end']].decode() == r['text'], r['query_id']
    hs, he = r['highlights'][0]
    want = 'that zqmark%s was never on the agenda' % r['query_id'][1:]
    assert data[hs:he].decode() == want, data[hs:he]
EOF

# The next run reads nothing.
"$CITESEARCH" index --db big.db big 2> again.log
grep -q "1 files: 0 read" again.log || fail "second run: $(cat again.log)"
echo ok
