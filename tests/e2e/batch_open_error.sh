# A batch file that cannot be read is named with the reason: a missing
# file is "No such file or directory" (not "Success", the errno of what ran
# after the open), a folder "Is a directory"; both exit 2.
. "$(dirname "$0")/lib.sh"
setup_corpus

cs query --batch missing.csv 2> err
[ "$status" = 2 ] || fail "missing file: status $status"
grep -q '^citesearch: missing.csv: No such file or directory$' err ||
    fail "missing file: $(cat err)"

mkdir folder
cs query --batch folder 2> err
[ "$status" = 2 ] || fail "a folder: status $status"
grep -q '^citesearch: folder: .*Is a directory$' err || fail "a folder: $(cat err)"
echo ok
