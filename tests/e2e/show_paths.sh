# show takes a citation's path as the index stores it (from the index
# root), and also as it is written from the current directory: an
# absolute path, or a path from a subfolder (as a shell completes it).
. "$(dirname "$0")/lib.sh"

mkdir -p docs/sub
printf 'Top title\n\nThe tapir swims.\n' > docs/top.txt
printf 'Sub title\n\nThe okapi hides.\n' > docs/sub/s.txt
cs index docs 2> log.txt
[ "$status" -eq 0 ] || fail "index: status $status: $(cat log.txt)"

expect_shown() { # CITE TEXT: show CITE prints TEXT
    cs show "$1" > shown.txt 2> err.txt
    [ "$status" -eq 0 ] || fail "show $1 (in $PWD): status $status: $(cat err.txt)"
    grep -qF "> $2" shown.txt || fail "show $1 (in $PWD): $(cat shown.txt)"
}

expect_shown docs/sub/s.txt:3 "The okapi hides."
expect_shown "$WORK/docs/sub/s.txt:3" "The okapi hides."
cd docs/sub
expect_shown docs/sub/s.txt:3 "The okapi hides."   # as query prints it
expect_shown s.txt:3 "The okapi hides."
expect_shown ./s.txt:3 "The okapi hides."
expect_shown ../top.txt:3 "The tapir swims."
expect_shown "$WORK/docs/top.txt:3" "The tapir swims."

# A file that is not in the index is still an error.
cs show nothere.txt:3 2> err.txt
[ "$status" -eq 2 ] || fail "show of a file not indexed: status $status"
grep -q "not in the index" err.txt || fail "message: $(cat err.txt)"
# A line of an indexed file with no passage names the file from the root.
cs show s.txt:99 2> err.txt
[ "$status" -eq 2 ] || fail "show of a line with no passage: status $status"
grep -qF "docs/sub/s.txt" err.txt || fail "message: $(cat err.txt)"
echo ok
