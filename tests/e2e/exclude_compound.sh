# -cyber-attack excludes the compound (cyber-attack, cyberattack, cyber
# attack), as -cyberattack does, not every passage with "attack" or
# "cyber" in it.
. "$(dirname "$0")/lib.sh"
mkdir docs
printf 'Grid\n\nThe grid suffered a cyber-attack.\n\nThe grid suffered a cyberattack.\n\nThe grid suffered a cyber attack.\n\nThe grid suffered an attack by soldiers.\n\nThe grid has cyber defences.\n' > docs/a.txt
settle docs
"$CITESEARCH" index --quiet docs
for q in 'grid -cyber-attack' 'grid -cyberattack'; do
    cs query --format jsonl -n 10 "$q" > out.jsonl
    [ "$status" -eq 0 ] || fail "$q: exit status $status"
    got=$(jq_py 'sorted(r["line_start"] for r in rs)' < out.jsonl)
    [ "$got" = "[1, 9, 11]" ] || fail "$q: lines $got, not [1, 9, 11]"
done
echo ok
