# Parallel index runs (index --jobs N): several writers merged into the
# index give the answers of one writer (cites, order, scores, text,
# highlights, show, stats), on a new index and on one that changes; the
# incremental runs that follow still work; `compact` changes no answer;
# what an interrupted run leaves is cleaned up by the next.
. "$(dirname "$0")/lib.sh"

# The shipped corpus, many times (fewer under valgrind, which is slower).
copies=40
[ "${CS_VALGRIND:-0}" = 1 ] && copies=8
mkdir docs
for k in $(seq -f %02g 1 "$copies"); do
    cp -r "$CS_SOURCE_DIR/corpus" "docs/copy-$k"
done
settle docs

# Claims, quotes, a misquote and filtered queries, as one batch.
cat > queries.csv <<'EOF'
id,query
claim,Albania cut diplomatic ties with Iran
parliament,cyber attack paralyzed the parliament data system
quote,"""The systems will be out of service until the risk is completely removed"""
misquote,"""bringing many systems to a halt for weeks"""
filtered,Homeland Justice hackers date:2023..
phrase,"""diplomatic ties"" Iran -Twitter"
rama,Rama accused Iran
EOF

# answers DB > FILE: every answer of the batch, and the index's counts.
answers() {
    "$CITESEARCH" stats --db "$1" --format json |
        python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["files"], s["passages"], s["bytes"])'
    "$CITESEARCH" query --db "$1" --batch queries.csv -n 50 --format jsonl > "$1.jsonl" ||
        fail "query $1: status $?"
    python3 - "$1.jsonl" <<'EOF'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    print(r["query_id"], r["rank"], r["cite"], "%.9f" % r["score"], r["match"],
          r["byte_start"], r["byte_end"], json.dumps(r["highlights"]),
          json.dumps(r.get("diff")), json.dumps(r["text"]))
EOF
}
# same DB1 DB2 WHAT: the two indexes answer alike (scores within 1e-9).
same() {
    answers "$1" > "$1.txt"
    answers "$2" > "$2.txt"
    python3 - "$1.txt" "$2.txt" "$3" <<'EOF' || fail "$3: $(diff "$1.txt" "$2.txt" | head -5)"
import sys
a, b = open(sys.argv[1]).read().split("\n"), open(sys.argv[2]).read().split("\n")
assert len(a) == len(b) and len(a) > 20, (len(a), len(b))
for x, y in zip(a, b):
    xs, ys = x.split(" ", 4), y.split(" ", 4)
    if len(xs) == 5 and len(ys) == 5:
        assert xs[:3] == ys[:3] and xs[4] == ys[4], (x[:200], y[:200])
        assert abs(float(xs[3]) - float(ys[3])) <= 1e-9, (xs[3], ys[3])
    else:
        assert x == y, (x, y)
EOF
}

# A new index: one writer, and four writers.
"$CITESEARCH" index --jobs 1 --db one.db docs 2> one.txt
"$CITESEARCH" index --jobs 4 --db four.db docs 2> four.txt
files=$((copies * 5))
grep -q "$files files: $files read, $files indexed .* 0 skipped in .* s\$" one.txt ||
    fail "one writer: $(cat one.txt)"
grep -q "$files files: $files read, $files indexed .* (4 writers)\$" four.txt ||
    fail "four writers: $(cat four.txt)"
[ "$(sed 's/ in .*//' one.txt | sed 's/one.db//')" = "$(sed 's/ in .*//' four.txt | sed 's/four.db//')" ] ||
    fail "summaries differ: $(cat one.txt four.txt)"
# Nothing left of the merge: no parts, no sibling.
[ ! -e four.db/build.tmp ] && [ ! -e .four.db.swap ] || fail "leftovers: $(ls -a . four.db)"
same one.db four.db "a new index"
# Each writer starting a new scratch database every few files (a large
# run's every 64 MB of text): many merged, the same answers and order.
CITESEARCH_PART_BYTES=20000 "$CITESEARCH" index --jobs 3 --db parts.db docs 2> parts.txt
grep -q "$files files: $files read, $files indexed .* (3 writers)\$" parts.txt ||
    fail "writers with many parts: $(cat parts.txt)"
[ ! -e parts.db/build.tmp ] || fail "parts left: $(ls parts.db/build.tmp)"
same one.db parts.db "writers with many parts each"
CITESEARCH_PART_BYTES=many cs index --db bad.db docs 2> err.txt
[ "$status" -eq 2 ] && grep -q "CITESEARCH_PART_BYTES 'many' is not a number of bytes" err.txt ||
    fail "a bad part size: $(cat err.txt)"

# show: a file's passages keep their order, with their context.
cite=$(sed -n 's/.*"cite":"\(docs\/copy-07\/[^"]*\)".*/\1/p' four.db.jsonl | head -n 1)
[ -n "$cite" ] || fail "no cite in copy-07"
"$CITESEARCH" show --db one.db --context 3 "$cite" > show-one.txt
"$CITESEARCH" show --db four.db --context 3 "$cite" > show-four.txt
cmp -s show-one.txt show-four.txt || fail "show differs: $(diff show-one.txt show-four.txt | head)"
[ "$(grep -c '^  docs/\|^> docs/' show-four.txt)" -ge 4 ] || fail "show: $(cat show-four.txt)"

# Small changes after a parallel run go to the index in place: a touched
# file, a changed one, a removed one.
touch docs/copy-01/000_e2b09c51e93f98b0.txt
printf '\nA paragraph about zyxwvutsr, added later.\n' >> docs/copy-02/001_ad6093775fdf0074.txt
rm docs/copy-03/002_*.txt
"$CITESEARCH" index --jobs 4 --db four.db docs 2> inc.txt
grep -q "$((files - 1)) files: 2 read, 1 indexed .* $((files - 2)) unchanged, 1 removed, 0 skipped in .* s\$" inc.txt ||
    fail "incremental run: $(cat inc.txt)"
"$CITESEARCH" query --db four.db --format jsonl zyxwvutsr > new.jsonl ||
    fail "the changed file's new paragraph is not found"
grep -q '"cite":"docs/copy-02/001_ad6093775fdf0074.txt:' new.jsonl || fail "new paragraph: $(cat new.jsonl)"
"$CITESEARCH" index --jobs 1 --db fresh.db docs 2> /dev/null
same fresh.db four.db "incremental runs after a parallel one"

# Large changes to an existing index go through the writers again: half
# the copies changed, one vanished, a file turned binary, one touched.
for k in $(seq -f %02g 1 2 "$copies"); do
    for f in docs/copy-$k/00[0-4]_*.txt; do
        [ -f "$f" ] && printf '\nCopy %s says more about qwertzuiop.\n' "$k" >> "$f"
    done
done
rm -r "docs/copy-$(printf '%02d' "$copies")"
printf 'binary\0now\n' > docs/copy-02/004_ea823e42dca6d0bc.txt
touch docs/copy-04/000_e2b09c51e93f98b0.txt
# A file of the user's in the index directory stays.
echo '# a stub of mine' > four.db/mine.stub
"$CITESEARCH" index --jobs 3 --verbose --db four.db docs 2> big.txt
[ "$(cat four.db/mine.stub)" = '# a stub of mine' ] || fail "the user's file in the index was lost"

grep -q "(3 writers)\$" big.txt || fail "large change: $(tail -n 3 big.txt)"
grep -q "^removed docs/copy-$(printf '%02d' "$copies")/" big.txt || fail "vanished copy: $(tail -n 3 big.txt)"
grep -q "004_ea823e42dca6d0bc.txt: binary file (skipped)" big.txt || fail "binary: $(tail -n 3 big.txt)"
rm -rf fresh.db
"$CITESEARCH" index --jobs 1 --db fresh.db docs 2> /dev/null
same fresh.db four.db "a large change merged into an existing index"
[ "$("$CITESEARCH" query --db four.db --format jsonl -n 1000 qwertzuiop | wc -l)" -ge "$((copies / 2))" ] ||
    fail "the changed copies' new paragraphs"

# compact changes no answer, and leaves nothing beside the index.
"$CITESEARCH" compact --db fresh.db 2> compact.txt
grep -q "fresh.db: compacted from .* MB to .* MB in" compact.txt || fail "compact: $(cat compact.txt)"
[ ! -e .fresh.db.swap ] && [ ! -e fresh.db/build.tmp ] || fail "compact leftovers: $(ls -a . fresh.db)"
same fresh.db four.db "a compacted index"

# What a crash in the middle of a parallel run or a compaction leaves
# (parts in the index directory, a half-built sibling) does not change
# the index, and the next run removes it.
mkdir -p four.db/build.tmp/part-0 .four.db.swap
echo junk > four.db/build.tmp/part-0/postlist.glass
echo junk > .four.db.swap/iamglass
"$CITESEARCH" query --db four.db --format jsonl Rama > /dev/null || fail "index with leftovers"
"$CITESEARCH" index --db four.db docs 2> again.txt
grep -q " 0 indexed " again.txt || fail "re-run: $(cat again.txt)"
[ ! -e four.db/build.tmp ] && [ ! -e .four.db.swap ] || fail "leftovers kept: $(ls -a . four.db)"

# Options: --jobs is a number from 1; a sharded index indexes with one
# writer.
cs index --jobs 0 --db x.db docs 2> err.txt
[ "$status" -eq 2 ] && grep -q -- "--jobs '0' is not a number" err.txt || fail "--jobs 0: $(cat err.txt)"
"$CITESEARCH" index --jobs 4 --shards 2 --db sharded.db docs 2> sharded.txt
grep -q "(2 shards)\$" sharded.txt || fail "sharded: $(cat sharded.txt)"
same fresh.db sharded.db "a sharded index"
"$CITESEARCH" compact --db sharded.db 2> compact2.txt || fail "compact shards: $(cat compact2.txt)"
same fresh.db sharded.db "a compacted sharded index"
echo ok
