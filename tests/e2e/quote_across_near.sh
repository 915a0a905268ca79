# A quotation that runs verbatim across a paragraph break is answered
# exact, though files that each hold it nearly in a paragraph of their
# own rank before the passages it spans: they leave out no word at an
# end, so they are not tried for a join and do not use up the tries.
. "$(dirname "$0")/lib.sh"
mkdir c
printf 'Ruled bank percent statement talks budget?\n\nCity reform bridge army against shows army debt. Shows failed nurses fell bridge collapsed minister interview passed school wheat!\n\nNurses crowd percent talks school mayor court shows true police. Statement loan claim year river fell?\n' > c/a7.txt
for i in 1 2 3 4 5 6; do
    printf 'Other\n\nSchool wheat nurses crowd percent talks mayor police %s.\n' $i > c/o$i.txt
done
"$CITESEARCH" index --quiet c
cs query --format jsonl -n 10 '"school wheat Nurses crowd percent talks school mayor"' > out.jsonl
[ "$status" -eq 0 ] || fail "no answer"
[ "$(jq_py '(rs[0]["match"], rs[0]["cite"])' < out.jsonl)" = "('exact', 'c/a7.txt:3-5')" ] ||
    fail "the verbatim span: $(cat out.jsonl)"
echo ok
