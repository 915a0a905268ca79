# common.sh - shared by the bench scripts: where the benchmark material
# is, a release build, the medium corpus and its query sets.  Sourced.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
SRC_DIR=$(cd "$BENCH_DIR/.." && pwd)
# The shared benchmark material (corpus builder, query sets, peers).
SHARED_BENCH=${CITESEARCH_SHARED_BENCH:-$SRC_DIR/../shared/bench}
# Where corpora, indexes and results go; reused between runs.
WORK=${CITESEARCH_BENCH_WORK:-$SRC_DIR/build-bench}
CORPUS_SIZE=${CORPUS_SIZE:-medium}

mkdir -p "$WORK"

# Succeeds when the shared benchmark material (for corpus) is there: a
# script that can also run on a corpus of its own asks first.
have_bench_material() {
    [ -f "$SHARED_BENCH/make-corpus.sh" ]
}

build_release() {
    cmake -S "$SRC_DIR" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$WORK/build" -j "$(nproc)" --target citesearch >/dev/null
    CITESEARCH="$WORK/build/citesearch"
}

corpus() {
    have_bench_material || {
        echo "bench: no benchmark material at $SHARED_BENCH (set CITESEARCH_SHARED_BENCH)" >&2
        exit 2
    }
    [ -d "$WORK/corpus/$CORPUS_SIZE" ] ||
        bash "$SHARED_BENCH/make-corpus.sh" "$WORK/corpus" "$CORPUS_SIZE" >&2
    CORPUS=$(realpath "$WORK/corpus/$CORPUS_SIZE")
    [ -d "$WORK/queries" ] ||
        python3 "$SHARED_BENCH/make-queries.py" "$CORPUS" "$WORK/queries" --seed 1 >&2
    QUERIES="$WORK/queries"
}

# Seconds, with milliseconds, of running "$@".
seconds() {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
}

# The median of the numbers given, one per argument.
median() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
        print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Indexes the corpus into DB from the folder that holds it, so stored
# paths are short and relative ("medium/sotu/..."), as a user's are: the
# path is what equal scores are ordered by.  An index left by an earlier
# run is brought up to date (files an older build read otherwise are read
# again), which takes a moment when nothing changed.
index_corpus() { # index_corpus DB
    (cd "$(dirname "$CORPUS")" &&
        "$CITESEARCH" index --quiet --db "$1" "$(basename "$CORPUS")" 2>/dev/null)
}
