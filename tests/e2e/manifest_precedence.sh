# Two folders' manifests naming one file (the root's "sub/x.txt", the
# subfolder's own "x.txt"): the deeper folder's row wins, whatever the
# subfolder's name sorts against "manifest.csv", and a run given the
# whole folder, the subfolder or the file indexes it with the same
# metadata (before, the whole folder's walk loaded a subfolder named
# before "manifest.csv" first, so the root's row won there, and the file
# flip-flopped between the two titles from one run to the next).
. "$(dirname "$0")/lib.sh"

title_of() {
    cs query --format jsonl -n 1 "$1" > out.jsonl
    [ "$status" -eq 0 ] || fail "$1: no result"
    jq_py 'rs[0]["title"]' < out.jsonl
}

for sub in alpha zulu; do
    rm -rf corp .citesearch
    mkdir -p corp/$sub
    printf 'First line\n\nThe okapi%s was seen.\n' $sub > corp/$sub/x.txt
    printf 'path,title\n%s/x.txt,Root row\n' $sub > corp/manifest.csv
    printf 'path,title\nx.txt,Folder row\n' > corp/$sub/manifest.csv
    settle corp
    "$CITESEARCH" index --quiet corp
    [ "$(title_of okapi$sub)" = "Folder row" ] || fail "$sub, whole folder: $(title_of okapi$sub)"
    for arg in corp/$sub corp/$sub/x.txt corp; do
        "$CITESEARCH" index corp 2> /dev/null
        "$CITESEARCH" index "$arg" 2> run.txt
        grep -q "0 indexed" run.txt || fail "$sub, $arg: indexed again: $(cat run.txt)"
        [ "$(title_of okapi$sub)" = "Folder row" ] || fail "$sub, $arg: $(title_of okapi$sub)"
    done
done

# A folder named manifest.csv is no manifest: it is walked as any other
# (it stopped the whole run with a read error).
rm -rf corp .citesearch
mkdir -p corp/manifest.csv
printf 'Notes\n\nThe tapir was seen.\n' > corp/manifest.csv/t.txt
printf 'Other\n\nThe okapi was seen.\n' > corp/o.txt
cs index corp 2> run.txt
[ "$status" -eq 0 ] || fail "a folder named manifest.csv: status $status: $(cat run.txt)"
cs query --format jsonl -n 1 tapir > out.jsonl
[ "$(jq_py 'rs[0]["path"]' < out.jsonl)" = "corp/manifest.csv/t.txt" ] ||
    fail "the folder's file: $(cat out.jsonl)"
