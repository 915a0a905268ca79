# +required, -excluded, field filters and --per-doc.
. "$(dirname "$0")/lib.sh"
setup_corpus

# Exclusion: no result mentions Twitter, though some would without it.
cs query --format jsonl -n 50 Rama > all.jsonl
jq_py 'any("Twitter" in r["text"] for r in rs)' < all.jsonl | grep -qx True ||
    fail "the unfiltered query has no Twitter passage to exclude"
cs query --format jsonl -n 50 Rama -twitter > out.jsonl
[ "$status" -eq 0 ] || fail "exit status $status"
jq_py 'any("twitter" in r["text"].lower() for r in rs)' < out.jsonl | grep -qx False ||
    fail "an excluded word is in a result"
jq_py 'all("Rama" in r["text"] or "Rama" in r["title"] for r in rs)' < out.jsonl | grep -qx True ||
    fail "a result without Rama"

# Required: every result has both words.
cs query --format jsonl -n 50 +MEK +Albania > out.jsonl
jq_py 'len(rs) > 0 and all("MEK" in r["text"] and "Albania" in r["text"] for r in rs)' < out.jsonl |
    grep -qx True || fail "+MEK +Albania"

# date: filter (only 003 has a date, 2023-12-29).
cs query --format jsonl -n 50 cyberattack date:2023-12 > out.jsonl
jq_py 'len(rs) > 0 and all(r["path"].endswith("003_7ea479e65bd91aef.txt") for r in rs)' < out.jsonl |
    grep -qx True || fail "date:2023-12"
cs query --format jsonl cyberattack date:2022..2023-06 > out.jsonl
[ "$status" -eq 1 ] || fail "date range outside every date: status $status"
cs query --format jsonl cyberattack date:2023-13 > out.jsonl 2> err.txt
[ "$status" -eq 2 ] || fail "bad date: status $status"
grep -q "date" err.txt || fail "bad date message: $(cat err.txt)"

# source: and title: and path: filters.
cs query --format jsonl -n 50 cyberattack source:"France Media Agency" > out.jsonl
jq_py 'len(rs) > 0 and all(r["source"] == "France Media Agency" for r in rs)' < out.jsonl |
    grep -qx True || fail "source:"
cs query --format jsonl -n 50 Iran title:parliament > out.jsonl
jq_py 'len(rs) > 0 and all("parliament" in r["title"].lower() for r in rs)' < out.jsonl |
    grep -qx True || fail "title:"
# title: matches the title's words by their stems: "attacked" finds the
# titles saying "Attacked", "attacks" and "attack" (before, only the first).
cs query --format jsonl -n 50 government title:attacked > out.jsonl
jq_py 'sorted(set(r["path"][:10] for r in rs)) == ["corpus/000", "corpus/002", "corpus/003"]' < out.jsonl |
    grep -qx True || fail "title: by stem: $(jq_py 'sorted(set(r["path"] for r in rs))' < out.jsonl)"
cs query --format jsonl -n 50 Iran path:corpus/004 > out.jsonl
jq_py 'len(rs) > 0 and all(r["path"].startswith("corpus/004") for r in rs)' < out.jsonl |
    grep -qx True || fail "path:"
cs query --format jsonl -n 50 --filter path:corpus/004 Iran > out2.jsonl
[ "$(jq_py '[r["cite"] for r in rs]' < out.jsonl)" = "$(jq_py '[r["cite"] for r in rs]' < out2.jsonl)" ] ||
    fail "--filter differs from the inline filter"

# --per-doc 1: one passage per file at most.
cs query --format jsonl -n 50 --per-doc 1 Albania > out.jsonl
jq_py 'len(rs) == len(set(r["path"] for r in rs)) and len(rs) > 1' < out.jsonl |
    grep -qx True || fail "--per-doc 1"
echo ok
