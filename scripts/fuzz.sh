#!/bin/sh
# Builds the libFuzzer targets (tests/fuzz/) with clang, under ASan and
# UBSan, and runs each for FUZZ_SECONDS (default 60) from its seeds.  A
# crash stops with the input saved as build-fuzz/crash-TARGET-*: copy it
# into tests/fuzz/seeds/TARGET/ and it becomes a regression test.
set -eu
secs=${FUZZ_SECONDS:-60}
jobs=$(nproc 2>/dev/null || echo 2)
cd "$(dirname "$0")/.."
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCITESEARCH_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzz_analyze fuzz_query fuzz_batch fuzz_mail fuzz_docdata fuzz_align fuzz_said fuzz_engine
for t in analyze query batch mail docdata align said engine; do
    mkdir -p "build-fuzz/corpus-$t"
    echo "fuzzing $t for $secs s"
    if ! "build-fuzz/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="build-fuzz/crash-$t-" \
        "build-fuzz/corpus-$t" "tests/fuzz/seeds/$t" > "build-fuzz/fuzz-$t.log" 2>&1; then
        tail -n 40 "build-fuzz/fuzz-$t.log"
        echo "fuzz_$t failed: see build-fuzz/crash-$t-*" >&2
        exit 1
    fi
    tail -n 3 "build-fuzz/fuzz-$t.log"
done
