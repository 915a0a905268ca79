# Arabic and Hebrew mail and word processors put a mark of direction
# (RLM, LRM) on lines that look blank: such a line ends a paragraph as a
# blank line does, is no title, and is no part of a passage.
. "$(dirname "$0")/lib.sh"

mkdir docs
# RLM = \342\200\217; the title and two paragraphs, each line led by one.
printf '\342\200\217\n\342\200\217\330\271\331\206\331\210\330\247\331\206\n\342\200\217\n\342\200\217\330\247\331\204\330\247\331\202\330\252\330\265\330\247\330\257 \331\205\330\263\330\252\331\202\330\261.\n\342\200\217 \n\342\200\217\330\247\331\204\330\263\331\212\330\247\330\263\330\251 \331\205\330\252\331\202\331\204\330\250\330\251.\n' > docs/rtl.txt
cs index docs 2> log.txt
[ "$status" -eq 0 ] || fail "index: status $status: $(cat log.txt)"
# السياسة (politics) is in the third paragraph, on line 6.
cs query --format jsonl -n 5 "السياسة" > out.jsonl
[ "$status" -eq 0 ] || fail "no result"
python3 - out.jsonl <<'PY' || fail "passage: $(cat out.jsonl)"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
data = open("docs/rtl.txt", "rb").read()
assert r["cite"] == "docs/rtl.txt:6", r["cite"]
assert r["paragraph"] == 3, r["paragraph"]
assert r["title"] == "عنوان", repr(r["title"])
assert r["text"] == "السياسة متقلبة.", repr(r["text"])
assert data[r["byte_start"]:r["byte_end"]].decode() == r["text"]
PY
echo ok
