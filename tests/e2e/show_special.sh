# show on a cited file that is no longer a regular file: a FIFO or a
# device put in its place is not read (open(2) would wait for a writer
# for ever, /dev/zero never ends); the indexed text is shown, with the
# warning, at once.
. "$(dirname "$0")/lib.sh"

mkdir docs
printf 'Special title\n\nThe okapi lives in the forest.\n' > docs/a.txt
cs index docs 2> log.txt
[ "$status" -eq 0 ] || fail "index: status $status: $(cat log.txt)"

rm docs/a.txt
mkfifo docs/a.txt
set +e
timeout 20 "$CITESEARCH" show docs/a.txt:3 > shown.txt 2> err.txt
status=$?
set -e
[ "$status" -ne 124 ] || fail "show hangs on a FIFO in place of the file"
[ "$status" -eq 0 ] || fail "show on a FIFO: status $status: $(cat err.txt)"
grep -q "since it was indexed" shown.txt || fail "no warning: $(cat shown.txt)"
grep -qF "> The okapi lives in the forest." shown.txt || fail "no indexed text: $(cat shown.txt)"

rm docs/a.txt
ln -s /dev/zero docs/a.txt
set +e
timeout 20 "$CITESEARCH" show docs/a.txt:3 > shown.txt 2> err.txt
status=$?
set -e
[ "$status" -ne 124 ] || fail "show reads /dev/zero for ever"
[ "$status" -eq 0 ] || fail "show on a device: status $status: $(cat err.txt)"
grep -qF "> The okapi lives in the forest." shown.txt || fail "no indexed text: $(cat shown.txt)"
echo ok
