# A number's minus sign is the number's: a quotation that leaves it out
# is no verbatim quote and its diff names the change; a claim that says 15
# of a source's -15 lists 15 unsupported; a hyphen in a name or a range
# is no minus.
. "$(dirname "$0")/lib.sh"
mkdir docs
printf 'Figures\n\nOutput fell by -2.1%% in the first quarter of the year.\n\nTemperatures dropped to \342\210\22215 degrees in the mountain villages.\n\nCOVID-19 cases rose in 2019-20 to 15 a day.\n' > docs/a.txt
"$CITESEARCH" index --quiet docs

# diff QUERY: the changes of the first result of QUERY, as op:query>source.
diff_of() {
    cs query --format jsonl -n 1 "$1" > out.jsonl
    [ "$status" -eq 0 ] || fail "$1: no result"
    jq_py '" ".join(r["match"] for r in rs[:1]) + " " + " ".join(d["op"] + ":" + d["query"] + ">" + d["source"] for d in rs[0].get("diff", []) if d["op"] != "=")' < out.jsonl
}
[ "$(diff_of '"Output fell by 2.1% in the first quarter"')" = "near ~:2.1>-2.1" ] ||
    fail "a minus left out: $(cat out.jsonl)"
[ "$(diff_of '"Temperatures dropped to 15 degrees in the mountain villages"')" = "near ~:15>−15" ] ||
    fail "a minus sign left out: $(cat out.jsonl)"
[ "$(diff_of '"Temperatures dropped to -15 degrees in the mountain villages"')" = "exact " ] ||
    fail "a hyphen for the minus sign: $(cat out.jsonl)"
[ "$(diff_of '"COVID-19 cases rose in 2019-20"')" = "exact " ] || fail "a name's hyphen: $(cat out.jsonl)"
cs query --format jsonl -n 1 --mode claim 'Temperatures dropped to 15 degrees in the villages' > out.jsonl
[ "$(jq_py 'rs[0]["unsupported"]' < out.jsonl)" = "['15']" ] || fail "a claim's 15: $(cat out.jsonl)"

# A claim's figure by a currency sign is not supported by the same figure
# by another's: "$3 million" of "€3 million" lists 3; without a sign, or
# with the source's, nothing.
mkdir money
printf 'Firm\n\nThe firm reported a loss of \342\202\2543 million this year.\n' > money/a.txt
"$CITESEARCH" index --quiet money
for claim in 'firm reported a loss of $3 million' 'firm reported a loss of 3 million' \
             'firm reported a loss of €3 million'; do
    cs query --format jsonl -n 1 --mode claim "$claim" > out.jsonl
    case $claim in
    *\$*) want="['3']" ;;
    *) want="[]" ;;
    esac
    [ "$(jq_py 'rs[0].get("unsupported", [])' < out.jsonl)" = "$want" ] || fail "$claim: $(cat out.jsonl)"
done

# A quotation's number by a currency's sign against the source's by
# another's: near, its diff says so with the signs; without a sign, or
# with the source's, verbatim.
printf 'Dividend\n\nThe board paid a dividend of $0.50 per share in March.\n' > money/b.txt
"$CITESEARCH" index --quiet money
[ "$(diff_of '"reported a loss of $3 million this year"')" = "near ~:\$3>€3" ] ||
    fail "\$3 of €3: $(cat out.jsonl)"
[ "$(diff_of '"paid a dividend of €0.50 per share"')" = "near ~:€0.50>\$0.50" ] ||
    fail "€0.50 of \$0.50: $(cat out.jsonl)"
[ "$(diff_of '"reported a loss of 3 million this year"')" = "exact " ] || fail "3 of €3: $(cat out.jsonl)"
[ "$(diff_of '"paid a dividend of $0.50 per share"')" = "exact " ] || fail "\$0.50 of \$0.50: $(cat out.jsonl)"

# A currency named after the number against the source's sign by it
# ("5 million euros" of "$5 million"), or the reverse: the currency
# changed, said as the name against the sign; its own sign is the same
# unit.
printf 'Aid\n\nThe agency approved $5 million in emergency aid for the towns.\n\nThe ministry paid 7 million euros to the contractor last year.\n' > money/c.txt
"$CITESEARCH" index --quiet money
kinds_of() {
    diff_of "$1" > /dev/null
    jq_py '" ".join(d["op"] + ":" + d["query"] + ">" + d["source"] + ":" + d.get("kind", "") for d in rs[0].get("diff", []) if d["op"] != "=")' < out.jsonl
}
[ "$(kinds_of '"approved 5 million euros in emergency aid"')" = "~:euros>\$:currency" ] ||
    fail "euros of \$5: $(cat out.jsonl)"
[ "$(kinds_of '"approved 5 million dollars in emergency aid"')" = "~:dollars>\$:same unit" ] ||
    fail "dollars of \$5: $(cat out.jsonl)"
[ "$(kinds_of '"paid $7 million to the contractor"')" = "~:\$>euros:currency" ] ||
    fail "\$7 of 7 million euros: $(cat out.jsonl)"
[ "$(kinds_of '"approved 6 million euros in emergency aid"')" = "~:6>5:number ~:euros>\$:currency" ] ||
    fail "6 million euros of \$5 million: $(cat out.jsonl)"
[ "$(kinds_of '"approved 5 million in emergency aid for the towns"')" = "" ] ||
    fail "no currency named: $(cat out.jsonl)"
echo ok
