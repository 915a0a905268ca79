#!/bin/sh
# make demo: index corpus/ and answer an example claim, a quote, a
# misremembered quote put in the wrong mouth, and a claim whose figure
# the source gives otherwise.
set -eu
bin=$(realpath "$1")
db=$2
cd "$(dirname "$0")/.."
rm -rf "$db"
"$bin" index --db "$db" corpus
echo
echo '$ citesearch query "Albanian government digital services were attacked in July and September"'
"$bin" query --db "$db" --format text -n 3 "Albanian government digital services were attacked in July and September"
echo
echo "\$ citesearch query '\"The systems will be out of service until the risk is completely removed\"'"
"$bin" query --db "$db" --format text -n 3 '"The systems will be out of service until the risk is completely removed"'
echo
echo "\$ citesearch query 'Rama \"We are speaking about an abnormal situation\"'"
"$bin" query --db "$db" --format text -n 1 'Rama "We are speaking about an abnormal situation"'
echo
echo '$ citesearch query "More than 2,000 Iranian exiles have been sheltered in Albania since 2013"'
"$bin" query --db "$db" --format text -n 1 "More than 2,000 Iranian exiles have been sheltered in Albania since 2013"
echo
echo '$ citesearch query "The NCRI denied running a troll farm in Albania"'
"$bin" query --db "$db" --format text -n 1 "The NCRI denied running a troll farm in Albania"
