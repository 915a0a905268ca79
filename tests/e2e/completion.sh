# The bash completion (completion/citesearch.bash) completes commands,
# options, --format and --mode values and files as bash would call it, and
# offers exactly the options and values each command's --help lists; the zsh
# completion parses and names the same options.
. "$(dirname "$0")/lib.sh"

COMPLETION="$CS_SOURCE_DIR/completion"
# shellcheck disable=SC1091
. "$COMPLETION/citesearch.bash"
complete -p citesearch > /dev/null || fail "citesearch.bash does not register a completion"

# Completes LINE as bash would (the last word is the one being completed,
# empty after a trailing space) and prints the candidates sorted, one a
# line.  Extra arguments replace the split, for words bash splits at "=".
complete_line() {
    local line=$1
    shift
    if [ $# -gt 0 ]; then
        COMP_WORDS=("$@")
    else
        read -r -a COMP_WORDS <<< "$line"
        [[ $line == *" " ]] && COMP_WORDS+=("")
    fi
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    _citesearch citesearch "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort
}

# The lines of standard input as one line, for messages and comparisons.
flat() {
    tr '\n' ' ' | sed 's/ $//'
}

# expect LINE WANTED...: the candidates for LINE are exactly WANTED.
expect() {
    local line=$1 got want
    shift
    got=$(complete_line "$line")
    want=$(printf '%s\n' "$@" | sed '/^$/d' | sort)
    [ "$got" = "$want" ] || fail "'$line<TAB>': got [$(echo "$got" | flat)], want [$(echo "$want" | flat)]"
}

expect "citesearch qu" query
expect "citesearch sh" show
expect "citesearch i" index
expect "citesearch --v" --version
expect "citesearch query --format " text jsonl json csv tsv
expect "citesearch query --format js" json jsonl
expect "citesearch query -n 3 --format c" csv
expect "citesearch stats --format " text json
expect "citesearch query --mode " auto claim quote
expect "citesearch query --mode=q" quote
expect "citesearch query --limit " ""
# "=" is in bash's COMP_WORDBREAKS: "--format=" arrives as "--format" "=".
got=$(complete_line "citesearch query --format=" citesearch query --format =)
[ "$(echo "$got" | flat)" = "csv json jsonl text tsv" ] || fail "'--format=<TAB>': $got"
got=$(complete_line "citesearch query --format=t" citesearch query --format = t)
[ "$(echo "$got" | flat)" = "text tsv" ] || fail "'--format=t<TAB>': $got"
# Query words that look like options are not completed as options.
expect "citesearch query Rama -Tw"

# The commands are those of citesearch --help.
"$CITESEARCH" --help > help.txt
commands=$(awk '/^commands:/{on = 1; next} on && /^  [a-z]/{print $1} on && /^$/{on = 0}' help.txt)
# shellcheck disable=SC2086
expect "citesearch " $commands

# Each command's options are those of its --help (which may leave out
# --help itself); the values of --format and --mode are those it lists.
for cmd in $commands; do
    "$CITESEARCH" "$cmd" --help > "help-$cmd.txt"
    want=$( (grep -o -- '--[a-z][a-z-]*' "help-$cmd.txt"; echo --help) | sort -u)
    got=$(complete_line "citesearch $cmd --")
    [ "$got" = "$want" ] || fail "citesearch $cmd --<TAB>: got [$(echo "$got" | flat)], want [$(echo "$want" | flat)]"
    for opt in format mode; do
        values=$(grep -o -- "--$opt [a-z|]*|[a-z|]*" "help-$cmd.txt" | head -n 1 |
                 sed "s/^--$opt //" | tr '|' '\n' | sort)
        [ -n "$values" ] || continue
        got=$(complete_line "citesearch $cmd --$opt ")
        [ "$got" = "$values" ] || fail "citesearch $cmd --$opt <TAB>: got [$(echo "$got" | flat)], want [$(echo "$values" | flat)]"
    done
done

# Files: index offers text files and directories, --batch CSV files and -.
mkdir -p files/sub
touch files/a.txt files/b.md files/c.pdf files/q.csv files/d.eml files/e.mbox \
    files/f.html files/g.htm files/h.mhtml files/i.mht files/J.HTML
(
    cd files || exit
    # Every type index reads (its --help lists them), in either case.
    expect "citesearch index " a.txt b.md d.eml e.mbox f.html g.htm h.mhtml i.mht J.HTML sub
    expect "citesearch query --batch " q.csv sub -
    expect "citesearch index --manifest " q.csv sub
    expect "citesearch query --db " sub
)

# The filter fields are those of query --help, in both completions.
# (the line "... +required, -excluded, title: source: ..." and date:).
fields=$(sed -n 's/.*-excluded, //p' help-query.txt | tr ' ' '\n' | grep -x '[a-z]*:')
[ -n "$fields" ] || fail "no filter field in citesearch query --help"
got=$(complete_line "citesearch query --filter ")
for f in $fields date:; do
    echo "$got" | grep -qx -- "$f" || fail "citesearch query --filter <TAB> lacks $f: $(echo "$got" | flat)"
    grep -q "'$f" "$COMPLETION/_citesearch" || fail "_citesearch: --filter lacks $f"
done

# zsh: the completion parses and names every option of every command.
if command -v zsh > /dev/null 2>&1; then
    zsh -n "$COMPLETION/_citesearch" || fail "_citesearch: zsh syntax error"
    head -n 1 "$COMPLETION/_citesearch" | grep -qx '#compdef citesearch' ||
        fail "_citesearch does not start with #compdef citesearch"
    for cmd in $commands; do
        grep -q "^    $cmd)" "$COMPLETION/_citesearch" || fail "_citesearch lacks command $cmd"
        grep -q "'$cmd:" "$COMPLETION/_citesearch" || fail "_citesearch does not describe $cmd"
        for opt in $(grep -o -- '--[a-z][a-z-]*' "help-$cmd.txt" | sort -u); do
            # The command's block: from "    cmd)" to its ";;".
            sed -n "/^    $cmd)/,/^      ;;/p" "$COMPLETION/_citesearch" |
                grep -q -- "$opt\\b" || fail "_citesearch: $cmd lacks $opt"
        done
    done
else
    echo "zsh is not installed: the zsh completion is not checked"
fi
echo ok
