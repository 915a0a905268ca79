#!/bin/sh
# Runs the end-to-end tests (tests/e2e/) with every run of citesearch under
# valgrind's memcheck (CS_VALGRIND=1, see tests/e2e/lib.sh): a memory error
# or a definite leak fails the test.  Uses the build in BUILD (default
# build/; not a sanitizer build: ASan and valgrind do not mix), building it
# when needed.
#
# Left out, as valgrind makes the program 20 to 50 times slower:
#   e2e_big_file   indexes 16 MB (seconds natively, many minutes here)
#   e2e_batch_memory  answers 404,000 batch rows (5 s natively)
#   e2e_browser    a server driven by a headless browser, with timeouts
#   e2e_serve_api  a server answering HTTP requests, with timeouts
#   e2e_shards     xapian-tcpsrv servers and remote timeouts of seconds
#   e2e_shard_fds  raises the soft limit of open files, which valgrind keeps
#                  as it was at start (its own descriptors sit at the top)
#   e2e_long_claim answers a claim of 80,000 words under a CPU limit of 20 s
#                  (2 s natively)
#   e2e_repeated_word_quote  1,000 batch rows over 15,000 passages under a
#                  CPU limit of 20 s (5 s natively)
#   e2e_shard_hang a shard hung mid-batch, timed against --remote-timeout
set -eu
cd "$(dirname "$0")/.."
build=${BUILD:-build}
jobs=$(nproc 2>/dev/null || echo 2)
exclude='^e2e_(big_file|batch_memory|browser|serve_api|shards|shard_fds|long_claim|repeated_word_quote|shard_hang)$'

command -v valgrind > /dev/null || {
    echo "valgrind is missing: scripts/install-deps.sh installs it" >&2
    exit 2
}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build "$build" -j "$jobs"
cd "$build"
CS_VALGRIND=1 ctest --output-on-failure -j "$jobs" --timeout 1800 \
    -R '^e2e_' -E "$exclude"
