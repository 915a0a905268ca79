# date: filters on articles dated by their year, month or day: a range
# holds the full dates in it and the years and months that lie wholly
# inside it, whatever the precision of its bounds.
. "$(dirname "$0")/lib.sh"

mkdir corp
for x in y m d; do printf 'Art %s\n\nThe heron story %s.\n' "$x" "$x" > "corp/$x.txt"; done
printf 'path,date\ny.txt,2021\nm.txt,2021-06\nd.txt,2021-06-15\n' > corp/manifest.csv
settle corp
"$CITESEARCH" index --quiet corp

# dates FILTER WANT: the dates `heron FILTER` finds, sorted and joined by
# spaces ("" for none, with exit status 1), are WANT.
dates() {
    cs query --format jsonl -n 10 heron "$1" > out.jsonl 2> err.txt
    got=$(jq_py '" ".join(sorted(r["date"] for r in rs))' < out.jsonl)
    [ "$got" = "$2" ] || fail "$1: found [$got], expected [$2] ($(cat err.txt))"
    if [ -n "$2" ]; then want=0; else want=1; fi
    [ "$status" -eq "$want" ] || fail "$1: status $status, expected $want"
}

# As before: a year holds its months and days, a month its days but not
# its year, a day itself.
dates date:2021 "2021 2021-06 2021-06-15"
dates date:2021-06 "2021-06 2021-06-15"
dates date:2021-06-15 "2021-06-15"
dates date:2021..2022 "2021 2021-06 2021-06-15"
dates date:2021-06..2021-08 "2021-06 2021-06-15"
dates date:2021.. "2021 2021-06 2021-06-15"

# Full-date bounds: the year and the month they hold whole are in.
dates date:2021-01-01..2021-12-31 "2021 2021-06 2021-06-15"
dates date:2021-01-01.. "2021 2021-06 2021-06-15"
dates date:..2021-12-31 "2021 2021-06 2021-06-15"
dates date:2021-01..2021-12 "2021 2021-06 2021-06-15"
dates date:2021-06-01..2021-06-30 "2021-06 2021-06-15"
dates date:2021-06-01.. "2021-06 2021-06-15"

# A year or month that only starts or ends inside the range is not in it.
dates date:..2021-06-20 "2021-06-15"
dates date:..2021-06 "2021-06 2021-06-15"
dates date:2021-05-01..2021-06-10 ""
dates date:2021-06-10..2021-06-20 "2021-06-15"

# A range that ends before it starts is an error naming the filter.
cs query heron date:2023..2022 > out.txt 2> err.txt
[ "$status" -eq 2 ] || fail "reversed range: status $status"
grep -q "date:2023..2022: the range ends before it starts" err.txt ||
    fail "reversed range message: $(cat err.txt)"
echo ok
