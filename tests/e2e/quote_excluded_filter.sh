# A quotation with an excluded filter (-path:drafts/) is still one, and
# what the filter excludes is no result of it: not as a verbatim match,
# not as a near one when none is verbatim, in the query or by --filter.
. "$(dirname "$0")/lib.sh"
mkdir -p docs/drafts docs/published
cat > docs/drafts/a.txt <<'TXT'
Draft

"We are talking about an abnormal situation," the minister said.
TXT
cat > docs/published/b.txt <<'TXT'
Published

"We are talking about an unusual situation," the minister said on Friday.
TXT
settle docs
"$CITESEARCH" index --quiet docs

# files ARGS...: the files the query answers from, sorted, joined by spaces.
files() {
    cs query --format jsonl -n 10 "$@" > out.jsonl
    [ "$status" -le 1 ] || fail "$*: status $status"
    jq_py '" ".join(sorted(set(r["path"] for r in rs)))' < out.jsonl
}

[ "$(files '"we are talking about an abnormal situation"')" = "docs/drafts/a.txt" ] ||
    fail "without the filter: $(cat out.jsonl)"
for q in '"we are talking about an abnormal situation" -path:docs/drafts' \
         '"we are talking about a normal situation" -path:docs/drafts'; do
    [ "$(files "$q")" = "docs/published/b.txt" ] || fail "$q: $(cat out.jsonl)"
    jq_py 'rs[0]["match"]' < out.jsonl | grep -qx near || fail "$q: not near: $(cat out.jsonl)"
done
[ "$(files --mode quote --filter -path:docs/drafts 'we are talking about an abnormal situation')" = \
  "docs/published/b.txt" ] || fail "--filter -path: $(cat out.jsonl)"
echo ok
