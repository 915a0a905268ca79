#!/bin/sh
# check-claims.sh - answers a CSV of claims and quotes against a folder of
# articles and prints, for each row, its best passage: row id, match kind
# (exact, near or terms) and citation.
#
# usage: check-claims.sh [CLAIMS.csv [ARTICLES_DIR]]
#
# Defaults to the claims.csv beside this script and the example corpus
# (../corpus once installed, ../../corpus in the source tree).  The index is built in a temporary directory and removed at
# the end, so the articles may be read-only.  Set CITESEARCH to run another
# citesearch binary.  Exit status as citesearch query: 0 when some row was
# answered, 1 when none, 2 on an error or a bad row.
set -eu

citesearch=${CITESEARCH:-citesearch}
here=$(cd "$(dirname "$0")" && pwd)
claims=$(realpath "${1:-$here/claims.csv}")
if [ $# -ge 2 ]; then
    articles=$2
elif [ -d "$here/../corpus" ]; then
    articles=$here/../corpus
else
    articles=$here/../../corpus
fi
[ -d "$articles" ] || { echo "check-claims.sh: $articles: not a folder" >&2; exit 2; }
articles=$(realpath "$articles")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-claims.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

# Indexed from the folder's parent, the citations read ARTICLES_DIR/FILE:LINE.
cd "$(dirname "$articles")"
"$citesearch" index --quiet --db "$tmp/index" "$(basename "$articles")"

# TSV columns: query_id, rank, score, match, cite, ...; the first five never
# hold a tab.
status=0
"$citesearch" query --db "$tmp/index" --batch "$claims" --limit 1 \
    --format tsv > "$tmp/answers.tsv" || status=$?
cut -f 1,4,5 "$tmp/answers.tsv"
exit "$status"
