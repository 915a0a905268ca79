# The man pages under doc/ and the program cannot drift apart: each command
# has a page, each page's OPTIONS list the long options of the command's
# --help and of its getopt_long table, no more and no fewer, the pages carry
# the program's version, and man renders them without a warning.
. "$(dirname "$0")/lib.sh"

DOC="$CS_SOURCE_DIR/doc"
CLI="$CS_SOURCE_DIR/cli"

# The long options a page defines: the tag lines (the line after .TP) of its
# OPTIONS section, with roff's \- read as -.
page_options() {
    awk '/^\.SH /{in_opts = ($0 ~ /^\.SH "?OPTIONS"?$/); next}
         in_opts && tag {print; tag = 0; next}
         in_opts && /^\.TP/ {tag = 1}' "$1" |
        sed 's/\\-/-/g' | grep -o -- '--[a-z][a-z-]*' | sort -u
}

# The long options a --help text mentions.
help_options() {
    grep -o -- '--[a-z][a-z-]*' | sort -u
}

# The long options of the getopt_long table in cli/cmd_NAME.c.
table_options() {
    grep -o '{"[a-z][a-z-]*", *\(no\|required\|optional\)_argument' "$1" |
        sed 's/^{"\([^"]*\)".*/--\1/' | sort -u
}

# The commands `citesearch --help` lists (the indented lines after
# "commands:").
"$CITESEARCH" --help > help.txt
commands=$(awk '/^commands:/{on = 1; next} on && /^  [a-z]/{print $1} on && /^$/{on = 0}' help.txt)
[ -n "$commands" ] || fail "no command in citesearch --help: $(cat help.txt)"

version=$("$CITESEARCH" --version | awk '{print $2}')
[ -n "$version" ] || fail "citesearch --version prints no version"

pages="$DOC/citesearch.1"
for cmd in $commands; do
    page="$DOC/citesearch-$cmd.1"
    [ -f "$page" ] || fail "command '$cmd' has no man page doc/citesearch-$cmd.1"
    grep -q "^\.BR citesearch\\\\-$cmd (1)" "$DOC/citesearch.1" ||
        fail "citesearch(1) does not list citesearch-$cmd(1)"
    pages="$pages $page"

    "$CITESEARCH" "$cmd" --help > "help-$cmd.txt" ||
        fail "citesearch $cmd --help exits $?"
    help_options < "help-$cmd.txt" > "help-$cmd.opts"
    page_options "$page" > "page-$cmd.opts"
    [ -s "page-$cmd.opts" ] || fail "citesearch-$cmd.1 has no OPTIONS"

    # --help itself may go unmentioned in a --help text; every other option
    # must be in both, and the page must define every option getopt takes.
    if ! diff_out=$(diff "help-$cmd.opts" "page-$cmd.opts"); then
        extra=$(comm -13 "help-$cmd.opts" "page-$cmd.opts" | grep -vx -- --help || true)
        missing=$(comm -23 "help-$cmd.opts" "page-$cmd.opts")
        [ -z "$extra$missing" ] || fail "citesearch $cmd: --help and citesearch-$cmd.1 differ
(< only in --help, > only in the man page):
$diff_out"
    fi
    # Each option has a line of its own in --help ("  -j, --jobs N  ..."),
    # as it has a tag in the page, not only a mention in the usage line.
    for opt in $(cat "page-$cmd.opts"); do
        grep -Eq -- "^  (-[a-zA-Z], )?$opt( |\$)" "help-$cmd.txt" ||
            fail "citesearch $cmd --help has no line describing $opt"
    done
    if [ -f "$CLI/cmd_$cmd.c" ]; then
        table_options "$CLI/cmd_$cmd.c" > "table-$cmd.opts"
        if [ -s "table-$cmd.opts" ] &&
           ! diff_out=$(diff "table-$cmd.opts" "page-$cmd.opts"); then
            fail "citesearch $cmd: the options of cli/cmd_$cmd.c and citesearch-$cmd.1 differ
(< only in the code, > only in the man page):
$diff_out"
        fi
    fi
done

# Every page is of a command that exists.
for page in "$DOC"/citesearch-*.1; do
    cmd=${page##*/citesearch-}
    cmd=${cmd%.1}
    echo "$commands" | grep -qx -- "$cmd" ||
        fail "doc/citesearch-$cmd.1 documents a command citesearch --help does not list"
done

# The main page defines --help and --version.
page_options "$DOC/citesearch.1" > page-main.opts
printf -- '--help\n--version\n' | cmp -s - page-main.opts ||
    fail "citesearch.1 OPTIONS should be --help and --version: $(cat page-main.opts)"

# Every page says which version it documents.
for page in $pages; do
    grep -q "^\.TH .* \"citesearch $version\"" "$page" ||
        fail "${page##*/}: .TH does not name citesearch $version"
done

# man renders every page without a warning (when man is installed).
if command -v man > /dev/null 2>&1; then
    for page in $pages; do
        if ! LC_ALL=C.UTF-8 MANWIDTH=80 MAN_DISABLE_SECCOMP=1 \
            man --warnings -E UTF-8 -l "$page" > rendered.txt 2> warnings.txt; then
            fail "man -l ${page##*/} failed: $(cat warnings.txt)"
        fi
        [ ! -s warnings.txt ] || fail "man -l ${page##*/} warns: $(cat warnings.txt)"
        [ -s rendered.txt ] || fail "man -l ${page##*/} rendered nothing"
    done
else
    echo "man is not installed: rendering not checked"
fi
echo ok
