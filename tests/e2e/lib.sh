# lib.sh - shared by the end-to-end tests: the real binary on a copy of
# corpus/ in a fresh directory.  Sourced, not run.
set -eu

: "${CITESEARCH:?the citesearch binary}"
: "${CS_SOURCE_DIR:?the source tree}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/citesearch-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Runs citesearch, keeping its exit status in $status instead of stopping.
cs() {
    set +e
    "$CITESEARCH" "$@"
    status=$?
    set -e
}

# A copy of the shipped corpus, indexed into ./.citesearch.
setup_corpus() {
    cp -r "$CS_SOURCE_DIR/corpus" corpus
    "$CITESEARCH" index --quiet corpus
}

# Reads JSON lines on stdin and evaluates a Python expression over them
# (`rs`, the list of objects); prints its value.
jq_py() {
    python3 -c "
import json, sys
rs = [json.loads(l) for l in sys.stdin if l.strip()]
print($1)"
}
