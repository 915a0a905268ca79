# A remote shard that hangs in the middle of a batch (its server keeps the
# connection open and answers nothing): the next row fails naming it
# within about one --remote-timeout, not one timeout for each word whose
# frequency the query's plan reads (a claim of fifteen words waited
# fifteen), and with no plan built from the frequencies of the shards
# that still answered.
. "$(dirname "$0")/lib.sh"
command -v xapian-tcpsrv > /dev/null ||
    fail "xapian-tcpsrv is missing (Debian package xapian-tools)"

cp -r "$CS_SOURCE_DIR/corpus" corpus
settle corpus
"$CITESEARCH" index --quiet --db sharded --shards 2 corpus
start_tcpsrv sharded/shard-0
port0=$port
start_tcpsrv sharded/shard-1
port1=$port
# Shard 1 through a relay that can be made to hang.
python3 "$CS_SOURCE_DIR/tests/e2e/cut_relay.py" "$port1" > relay.port &
relay=$!
CS_PIDS="$CS_PIDS $relay"
for _ in $(seq 100); do [ -s relay.port ] && break; sleep 0.05; done
relay_port=$(cat relay.port)
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port0" "$relay_port" > sharded/hang.stub

claim='Prime Minister Edi Rama said Albania cut diplomatic ties with Iran after the July cyberattack on government servers and public services'
mkfifo rows
"$CITESEARCH" query --db sharded/hang.stub --remote-timeout 1 --batch - --jobs 1 -n 1 \
    --format jsonl < rows > out.jsonl 2> err.txt &
qpid=$!
exec 3> rows
printf 'id,query,mode\n1,%s,claim\n' "$claim" >&3
for _ in $(seq 200); do [ -s out.jsonl ] && break; sleep 0.05; done
[ -s out.jsonl ] || fail "row 1 was not answered: $(cat err.txt)"
kill -USR2 "$relay"
start=$(date +%s%N)
printf '2,%s,claim\n' "$claim" >&3
for _ in $(seq 600); do [ "$(wc -l < out.jsonl)" -ge 2 ] && break; sleep 0.05; done
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
exec 3>&-
set +e
wait "$qpid"
status=$?
set -e
[ "$status" -eq 2 ] || fail "exit status $status: $(cat err.txt)"
python3 - out.jsonl "remote 127.0.0.1:$relay_port" <<'PY' || fail "row 2: $(cat out.jsonl)"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert rs[0]["query_id"] == "1" and "cite" in rs[0], rs[0]
assert rs[1]["query_id"] == "2" and sys.argv[2] in rs[1]["error"], rs[1]
PY
[ "$elapsed_ms" -lt 5000 ] || fail "row 2 failed after $elapsed_ms ms, with --remote-timeout 1"
echo ok
