# A quotation's parts between ellipses must stand in the source in their
# order: parts swapped round are no verbatim quote, in one passage or over
# the windows of a long paragraph.
. "$(dirname "$0")/lib.sh"
mkdir docs
cat > docs/a.txt <<'TXT'
Harbor Fire

"We will rebuild every street, every school and every bridge before the winter comes," the mayor told reporters.
TXT
settle docs
"$CITESEARCH" index --quiet docs

cs query --format jsonl -n 1 '"We will rebuild every street ... before the winter comes"' > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" = "exact" ] || fail "in order: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"before the winter comes ... We will rebuild every street"' > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" != "exact" ] || fail "swapped parts: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"every bridge ... every school"' > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" != "exact" ] || fail "swapped short parts: $(cat out.jsonl)"
cs query --format jsonl -n 1 '"every school ... every bridge"' > out.jsonl
[ "$(jq_py 'rs[0]["match"]' < out.jsonl)" = "exact" ] || fail "short parts in order: $(cat out.jsonl)"
