# Sharded indexes: `index --shards 2` writes two shards and a stub; queries
# through the stub, and through the shards served by xapian-tcpsrv on
# loopback, give the cites and scores of one database; a server that is
# down or silent is named; --allow-partial answers from the other shard;
# re-indexing a changed file touches its shard only.
. "$(dirname "$0")/lib.sh"
command -v xapian-tcpsrv > /dev/null ||
    fail "xapian-tcpsrv is missing (Debian package xapian-tools)"

# The files live in proj/; the indexes beside it record "../proj" as root.
mkdir proj
cp -r "$CS_SOURCE_DIR/corpus" proj/corpus
settle proj/corpus
cd proj
"$CITESEARCH" index --quiet --db ../single corpus
"$CITESEARCH" index --db ../sharded --shards 2 corpus 2> ../first.txt
cd "$WORK"
grep -q "5 files: 5 read, 5 indexed .*(2 shards)" first.txt || fail "first run: $(cat first.txt)"
[ -d sharded/shard-0 ] && [ -d sharded/shard-1 ] && [ -f sharded/XAPIANDB ] ||
    fail "layout: $(ls sharded)"
# The stub is Xapian's: its own tools open the directory as one index.
xapian-delve sharded | grep -q "number of documents = $(xapian-delve single | sed -n 's/number of documents = //p')" ||
    fail "xapian-delve does not see the shards as one index"

# Each shard holds some of the files; together all of them, once.
"$CITESEARCH" stats --db sharded --format json > stats.json
python3 - stats.json single <<'PY'
import json, subprocess, sys, os
s = json.load(open(sys.argv[1]))
one = json.loads(subprocess.check_output([os.environ["CITESEARCH"], "stats", "--db", sys.argv[2], "--format", "json"]))
assert [x["shard"] for x in s["shards"]] == ["sharded/shard-0", "sharded/shard-1"], s["shards"]
assert all(x["files"] > 0 for x in s["shards"]), s["shards"]
assert sum(x["files"] for x in s["shards"]) == s["files"] == one["files"] == 5, (s, one)
assert sum(x["passages"] for x in s["shards"]) == s["passages"] == one["passages"], (s, one)
assert s["root"] == one["root"] == os.path.realpath("proj"), (s["root"], one["root"])
PY

# Both shards served on loopback, and a stub naming them.  Its root ("../proj"
# as recorded) is resolved from the stub's directory, so it goes beside them.
start_tcpsrv sharded/shard-0
port0=$port pid0=$pid
start_tcpsrv sharded/shard-1
port1=$port pid1=$pid
printf '# both shards, served\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port0" "$port1" > sharded/remote.stub

# A claim, a quote and a misquote: same cites, same order, same scores.
# (byte spans and highlights come from the same documents, so they agree
# when the cites do.)
claim='Albania cut diplomatic ties with Iran'
quote='"The systems will be out of service until the risk is completely removed"'
misquote='"Albania said on Wednesday that on July 17 it had suffered a heavy cyberattack"'
# A misquote across a paragraph break whose words before it no passage
# holds: the paragraph indexed before is joined (in a shard, the document
# a shard count before), as in one index.
across='"in the Secretary. In a statement sent to The Associated Press later Tuesday, MEK spokesman"'
# One word many passages share: many equal scores, whose order the index
# decides (CS_SLOT_ORDER), not the shard a passage went to.
common='Iran'
for q in "$claim" "$quote" "$misquote" "$across" "$common"; do
    for db in single sharded sharded/remote.stub; do
        cs query --db "$db" --format jsonl -n 30 "$q" > "out-$(basename "$db").jsonl"
        [ "$status" -eq 0 ] || fail "query --db $db '$q': exit status $status"
    done
    python3 - out-single.jsonl out-sharded.jsonl out-remote.stub.jsonl <<'PY' || fail "ranking differs for $q"
import json, sys
def load(p):
    return [json.loads(l) for l in open(p) if l.strip()]
one = load(sys.argv[1])
assert one, "no result"
if one[0]["query"] == "Iran":
    scores = [r["score"] for r in one]
    assert len(set(scores)) < len(scores), ("no equal scores to order", scores)
for other in map(load, sys.argv[2:]):
    assert [r["cite"] for r in other] == [r["cite"] for r in one], ([r["cite"] for r in one], [r["cite"] for r in other])
    for a, b in zip(one, other):
        assert abs(a["score"] - b["score"]) <= 1e-9 * max(1.0, abs(a["score"])), (a["cite"], a["score"], b["score"])
        assert (a["match"], a["text"], a["highlights"]) == (b["match"], b["text"], b["highlights"]), a["cite"]
PY
done

# show finds the files through the stub; stats names each remote shard.
cs show --db sharded/remote.stub corpus/001_ad6093775fdf0074.txt:14 > shown.txt
[ "$status" -eq 0 ] && grep -q "out of service" shown.txt && ! grep -q warning shown.txt ||
    fail "show through the remote stub: $(cat shown.txt)"
cs stats --db sharded/remote.stub > stats.txt
grep -q "shard:    remote 127.0.0.1:$port0: [1-9][0-9]* files" stats.txt &&
    grep -q "shard:    remote 127.0.0.1:$port1: [1-9][0-9]* files" stats.txt ||
    fail "stats of the remote stub: $(cat stats.txt)"

# The files on another machine: queries still answer with the stored text;
# show says the file is missing and shows the indexed text.
mv proj proj-elsewhere
cs query --db sharded/remote.stub --format jsonl -n 1 "$quote" > out.jsonl
[ "$status" -eq 0 ] && [ "$(jq_py 'rs[0]["cite"]' < out.jsonl)" = "corpus/001_ad6093775fdf0074.txt:14" ] ||
    fail "query without the files: status $status, $(cat out.jsonl)"
cs show --db sharded/remote.stub corpus/001_ad6093775fdf0074.txt:14 > shown.txt
[ "$status" -eq 0 ] && grep -q "is missing" shown.txt && grep -q "out of service" shown.txt ||
    fail "show without the files: $(cat shown.txt)"
mv proj-elsewhere proj

# A connection ended under a search (end-of-file, which Xapian reports
# naming no connection): the row's error still names the shard, found by
# reconnecting to each.  A relay in front of shard 1 makes it so every time.
python3 "$CS_SOURCE_DIR/tests/e2e/cut_relay.py" "$port1" > relay.port &
relay=$!
CS_PIDS="$CS_PIDS $relay"
for _ in $(seq 100); do [ -s relay.port ] && break; sleep 0.05; done
relay_port=$(cat relay.port)
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port0" "$relay_port" > sharded/cut.stub
# lose_mid_batch STUB SHARD WHAT CMD...: a streaming batch through STUB
# answers row 1, CMD takes a shard away, and row 2 fails naming SHARD
# (exit status 2).
lose_mid_batch() {
    stub=$1 shard=$2 what=$3
    shift 3
    rm -f rows mid.jsonl
    mkfifo rows
    "$CITESEARCH" query --db "$stub" --batch - --jobs 1 -n 1 --format jsonl < rows > mid.jsonl 2> err.txt &
    qpid=$!
    exec 3> rows
    printf 'id,query\n1,%s\n' "$claim" >&3
    for _ in $(seq 200); do [ -s mid.jsonl ] && break; sleep 0.05; done
    "$@"
    printf '2,%s\n' "$claim" >&3
    exec 3>&-
    set +e
    wait "$qpid"
    status=$?
    set -e
    [ "$status" -eq 2 ] || fail "$what: exit status $status"
    python3 - mid.jsonl "$shard" <<'PY' || fail "$what: $(cat mid.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert rs[0]["query_id"] == "1" and "cite" in rs[0], rs[0]
assert rs[-1]["query_id"] == "2" and sys.argv[2] in rs[-1]["error"], rs[-1]
PY
}
cut_relay() {
    kill -USR1 "$relay"
    for _ in $(seq 100); do listening "$relay_port" || break; sleep 0.05; done
}
lose_mid_batch sharded/cut.stub "remote 127.0.0.1:$relay_port" \
    "a connection ended mid-batch" cut_relay

# A server lost in the middle of a streaming batch: the rows after it
# fail, naming the shard.
lose_mid_batch sharded/remote.stub "remote 127.0.0.1:$port1" \
    "a shard lost mid-batch" stop_process "$pid1"

# A server down: the error names it (exit 2) ...
cs query --db sharded/remote.stub --format jsonl "$claim" > out.jsonl 2> err.txt
[ "$status" -eq 2 ] || fail "a shard down: exit status $status"
grep -q "remote 127.0.0.1:$port1" err.txt || fail "the error does not name the shard: $(cat err.txt)"
grep -q "line 3" err.txt || fail "the error does not name the stub line: $(cat err.txt)"
# ... and --allow-partial answers from the other shard, warning which is
# missing: the answer of shard 0 alone.
cs query --db sharded/remote.stub --allow-partial --format jsonl -n 10 "$claim" > partial.jsonl 2> err.txt
[ "$status" -eq 0 ] || fail "--allow-partial: exit status $status: $(cat err.txt)"
grep -q "warning: shard 'remote 127.0.0.1:$port1' is missing" err.txt ||
    fail "--allow-partial: no warning naming the shard: $(cat err.txt)"
cs query --db sharded/shard-0 --format jsonl -n 10 "$claim" > alone.jsonl
[ "$(jq_py '[r["cite"] for r in rs]' < partial.jsonl)" = "$(jq_py '[r["cite"] for r in rs]' < alone.jsonl)" ] ||
    fail "--allow-partial: not the answer of the other shard"
cs stats --db sharded/remote.stub --allow-partial > stats.txt
grep -q "shard:    remote 127.0.0.1:$port1: missing" stats.txt || fail "stats --allow-partial: $(cat stats.txt)"
# serve refuses to start on it (every request would answer 503), and
# with --allow-partial answers from the other shard, as query does.
set +e
timeout 20 "$CITESEARCH" serve --db sharded/remote.stub --listen 127.0.0.1:0 > /dev/null 2> err.txt
status=$?
set -e
[ "$status" -eq 2 ] && grep -q "remote 127.0.0.1:$port1" err.txt ||
    fail "serve on a shard down: status $status, $(cat err.txt)"
: > partial.out
"$CITESEARCH" serve --db sharded/remote.stub --allow-partial --remote-timeout 5 \
    --listen 127.0.0.1:0 > partial.out 2> partial.err &
spid=$!
CS_PIDS="$CS_PIDS $spid"
surl=""
for _ in $(seq 300); do
    surl=$(sed -n 's/^serving //p' partial.out)
    [ -n "$surl" ] && break
    kill -0 "$spid" 2>/dev/null || fail "serve --allow-partial exited: $(cat partial.err)"
    sleep 0.1
done
grep -q "warning: shard 'remote 127.0.0.1:$port1' is missing" partial.err ||
    fail "serve --allow-partial: no warning naming the shard: $(cat partial.err)"
python3 - "$surl" "$claim" alone.jsonl <<'PY' || fail "serve --allow-partial: not the answer of the other shard"
import json, sys, urllib.parse, urllib.request
url, claim, alone = sys.argv[1:4]
with urllib.request.urlopen(url + "api/query?n=10&q=" + urllib.parse.quote(claim), timeout=30) as r:
    got = [x["cite"] for x in json.load(r)]
want = [json.loads(l)["cite"] for l in open(alone)]
assert got == want, (got, want)
PY
stop_process "$spid"
# No shard at all is an error even so.
stop_process "$pid0"
cs query --db sharded/remote.stub --allow-partial "$claim" > /dev/null 2> err.txt
[ "$status" -eq 2 ] || fail "no shard left: exit status $status"

# A server that accepts but never answers: a timeout naming it.
silent=$(free_port)
python3 -c "
import socket, time
s = socket.socket(); s.bind(('127.0.0.1', $silent)); s.listen(4); time.sleep(60)" &
CS_PIDS="$CS_PIDS $!"
silent_pid=$!
for _ in $(seq 100); do listening "$silent" && break; sleep 0.05; done
printf 'auto shard-0\nremote 127.0.0.1:%s\n' "$silent" > sharded/silent.stub
cs query --db sharded/silent.stub --remote-timeout 0.5 "$claim" > /dev/null 2> err.txt
[ "$status" -eq 2 ] && grep -q "remote 127.0.0.1:$silent" err.txt && grep -qi "timeout" err.txt ||
    fail "a silent shard: status $status, $(cat err.txt)"
stop_process "$silent_pid"

# Re-indexing one changed file touches its shard only (the other keeps its
# revision), and a removed file leaves its shard.
rev() { xapian-delve "$1" | sed -n 's/^revision = //p'; }
r0=$(rev sharded/shard-0) r1=$(rev sharded/shard-1)
changed=corpus/003_7ea479e65bd91aef.txt
printf '\n\nA zebrafinch sentence added later.\n' >> "proj/$changed"
settle_change "proj/$changed"
(cd proj && "$CITESEARCH" index --db ../sharded corpus 2> ../again.txt)
grep -q "5 files: 1 read, 1 indexed" again.txt || fail "re-index: $(cat again.txt)"
n0=$(rev sharded/shard-0) n1=$(rev sharded/shard-1)
if [ "$n0" != "$r0" ]; then
    [ "$n1" = "$r1" ] || fail "both shards changed: $r0 -> $n0, $r1 -> $n1"
else
    [ "$n1" != "$r1" ] || fail "no shard changed"
fi
cs query --db sharded --format jsonl -n 1 zebrafinch > out.jsonl
[ "$(jq_py 'rs[0]["path"]' < out.jsonl)" = "$changed" ] || fail "new text: $(cat out.jsonl)"

# The count is kept: another --shards is refused, none keeps it.
cd proj
cs index --db ../sharded --shards 3 corpus 2> ../err.txt
[ "$status" -eq 2 ] && grep -q "has 2 shards" ../err.txt || fail "--shards 3 on 2: $status $(cat ../err.txt)"
cs index --db ../single --shards 2 corpus 2> ../err.txt
[ "$status" -eq 2 ] && grep -q "is one database" ../err.txt || fail "--shards 2 on one: $status $(cat ../err.txt)"
cs index --db ../sharded/remote.stub corpus 2> ../err.txt
[ "$status" -eq 2 ] && grep -q "stub file is for querying" ../err.txt || fail "indexing a stub: $status $(cat ../err.txt)"
cd "$WORK"
rm "proj/corpus/004_ea823e42dca6d0bc.txt"
(cd proj && "$CITESEARCH" index --db ../sharded corpus 2> ../removed.txt)
grep -q "1 removed.*(2 shards)" removed.txt || fail "removal: $(cat removed.txt)"
"$CITESEARCH" stats --db sharded --format json | python3 -c '
import json, sys
s = json.load(sys.stdin)
assert s["files"] == 4 == sum(x["files"] for x in s["shards"]), s' || fail "stats after removal"

# The default layout: .citesearch/ found from a subdirectory, sharded.
mkdir plain && cp -r "$CS_SOURCE_DIR/corpus" plain/corpus && cd plain
"$CITESEARCH" index --quiet --shards 3 corpus
[ -f .citesearch/XAPIANDB ] && [ -d .citesearch/shard-2 ] || fail "default layout: $(ls .citesearch)"
cd corpus
cs query --format jsonl -n 1 "$quote" > ../out.jsonl
[ "$status" -eq 0 ] && [ "$(jq_py 'rs[0]["cite"]' < ../out.jsonl)" = "corpus/001_ad6093775fdf0074.txt:14" ] ||
    fail "default layout query: $(cat ../out.jsonl)"
cs show corpus/001_ad6093775fdf0074.txt:14 > ../shown.txt
grep -q "out of service" ../shown.txt || fail "default layout show"
echo ok
