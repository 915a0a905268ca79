# A streaming batch (--batch -) that outlives index runs: an index run
# with two writers and a compaction each replace the index directory by a
# new one (ix_swap.h), an in-place run commits many times; every row
# after them is answered, from one index, its text the file's bytes.
. "$(dirname "$0")/lib.sh"

kb=24
[ "${CS_VALGRIND:-0}" = 1 ] && kb=8
make_corpus gen 20 "$kb"
"$CITESEARCH" index --quiet gen

# Rewrites files f000..f009 with their marker and a new word.
cat > change.sh <<'SH'
for i in 0 1 2 3 4 5 6 7 8 9; do
    sed -i "s/^\(mk00$i\) \(version[0-9]* \)\{0,1\}/\1 version$1 /" gen/f00$i.txt
done
touch -d "@$(($(date +%s) - 600))" gen/f00*.txt
SH

timeout 120 python3 - "$CITESEARCH" <<'PY' || fail "batch across index runs"
import json, select, subprocess, sys
cs = sys.argv[1]
p = subprocess.Popen([cs, "query", "--batch", "-", "--format", "jsonl",
                      "-n", "1"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
n = 0

def ask(query):
    """The one answer to a row (each finds something), checked against
    the file."""
    global n
    n += 1
    p.stdin.write(('r%d,"%s"\n' % (n, query.replace('"', '""'))).encode())
    p.stdin.flush()
    ready, _, _ = select.select([p.stdout], [], [], 30)
    assert ready, "no answer within 30 s for " + query
    r = json.loads(p.stdout.readline())
    assert r["query_id"] == "r%d" % n and "error" not in r, (query, r)
    data = open(r["path"], "rb").read()
    assert data[r["byte_start"]:r["byte_end"]] == r["text"].encode(), (r["cite"], r["text"][:40])
    return r

def run(*args):
    subprocess.run(args, check=True, stderr=subprocess.DEVNULL)

p.stdin.write(b"id,query\n")
ask("mk003")
for version, how in ((1, ["--jobs", "2"]), (2, ["compact"]), (3, [])):
    run("sh", "change.sh", str(version))
    if how == ["compact"]:
        run(cs, "index", "--jobs", "1", "gen")
        run(cs, "compact")
    else:
        run(cs, "index", *how, "gen")
    # A phrase (positions), a quotation, words: the new text, whole.
    for q in ('"mk003 version%d"' % version, '"mk004 version%d' % version,
              "mk005 version%d" % version):
        r = ask(q)
        assert ("version%d" % version) in r["text"], (q, r)
p.stdin.close()
assert p.stdout.read() == b""
assert p.wait() == 0
PY
echo ok
