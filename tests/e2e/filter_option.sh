# --filter and a batch's filter column take a filter written as in the
# query: its value may be quoted (a folder with a space), and a leading -
# excludes; each gives what the same filter in the query gives.
. "$(dirname "$0")/lib.sh"
mkdir -p "docs/field notes" docs/drafts
printf 'Heron survey\n\nThe heron colony grew this spring.\n' > "docs/field notes/a.txt"
printf 'Heron draft\n\nA heron draft, not yet checked.\n' > docs/drafts/b.txt
printf 'path,date\n"field notes/a.txt",2023-05-02\ndrafts/b.txt,2022\n' > docs/manifest.csv
settle docs
"$CITESEARCH" index --quiet docs

# paths FILTER...: the files `heron` finds with each given as --filter,
# then as words of the query, must be the same; prints them.
paths() {
    cs query --format jsonl heron "$@" > inline.jsonl 2> err.txt
    [ "$status" -le 1 ] || fail "heron $*: status $status ($(cat err.txt))"
    local opts=() f
    for f in "$@"; do opts+=(--filter "$f"); done
    cs query --format jsonl "${opts[@]}" heron > option.jsonl 2> err.txt
    [ "$status" -le 1 ] || fail "--filter $*: status $status ($(cat err.txt))"
    a=$(jq_py '" ".join(sorted(set(r["path"] for r in rs)))' < inline.jsonl)
    b=$(jq_py '" ".join(sorted(set(r["path"] for r in rs)))' < option.jsonl)
    [ "$a" = "$b" ] || fail "$*: in the query [$a], as --filter [$b]"
    echo "$a"
}

[ "$(paths 'path:"docs/field notes/"')" = "docs/field notes/a.txt" ] || fail "quoted path"
[ "$(paths 'date:"2023-05"')" = "docs/field notes/a.txt" ] || fail "quoted date"
[ "$(paths '-path:docs/drafts')" = "docs/field notes/a.txt" ] || fail "excluded path"
[ "$(paths '-date:2023')" = "docs/drafts/b.txt" ] || fail "excluded date"

# Filters all hold at once, two of one field too (the man page says so):
# no article has two dates; excluded ones each exclude.
[ "$(paths 'date:2023' 'date:2022')" = "" ] || fail "two dates"
[ "$(paths 'path:docs/' '-path:docs/drafts' '-path:docs/field')" = "" ] || fail "two exclusions"
[ "$(paths 'path:docs/' '-date:2022')" = "docs/field notes/a.txt" ] || fail "path and not date"

# The batch's filter column reads it so too.
printf 'id,query,filter\n1,heron,"path:""docs/field notes/"""\n2,heron,-path:docs/field\n' > q.csv
cs query --format jsonl --batch q.csv > out.jsonl 2> err.txt
[ "$status" -eq 0 ] || fail "batch: status $status ($(cat err.txt))"
got=$(jq_py '" ".join(sorted(set(r["query_id"] + ":" + r["path"] for r in rs)))' < out.jsonl)
[ "$got" = "1:docs/field notes/a.txt 2:docs/drafts/b.txt" ] || fail "batch: $got"

# A path as the file system reads it: a doubled slash, a ./ inside
# (path:docs//drafts found nothing).
[ "$(paths 'path:docs//drafts')" = "docs/drafts/b.txt" ] || fail "a doubled slash"
[ "$(paths 'path:./docs/./drafts/')" = "docs/drafts/b.txt" ] || fail "a ./ inside"

# Filters alone are a query, as the query's own are ("path:docs/drafts"):
# --filter without words was "no QUERY given".
cs query --format jsonl --filter path:docs/drafts > option.jsonl 2> err.txt
[ "$status" -eq 0 ] || fail "--filter alone: status $status ($(cat err.txt))"
cs query --format jsonl path:docs/drafts > inline.jsonl
[ "$(jq_py '" ".join(sorted(set(r["path"] for r in rs)))' < option.jsonl)" = \
  "$(jq_py '" ".join(sorted(set(r["path"] for r in rs)))' < inline.jsonl)" ] ||
    fail "--filter alone: $(cat option.jsonl)"
cs query --format jsonl > /dev/null 2> err.txt
[ "$status" -eq 2 ] && grep -q "no QUERY given" err.txt || fail "nothing at all: $status $(cat err.txt)"
echo ok
