# The search page in headless Chromium (tests/browser/serve_page.test.js):
# a claim, a misquote, the passage in its article, the keyboard, and corpus
# text that looks like HTML shown as text.  Needs the `chromium` package
# and node; installs the pinned playwright-core from tests/browser into the
# build directory when it is missing (never a browser download).
. "$(dirname "$0")/lib.sh"
: "${CS_BUILD_DIR:?the build directory}"

[ -x /usr/bin/chromium ] || fail "no /usr/bin/chromium: run scripts/install-deps.sh"
command -v node > /dev/null && command -v npm > /dev/null || fail "node and npm are needed"

# playwright-core, as tests/browser/package-lock.json pins it.
node_dir="$CS_BUILD_DIR/browser"
mkdir -p "$node_dir"
if [ ! -f "$node_dir/node_modules/playwright-core/package.json" ] ||
   ! cmp -s "$CS_SOURCE_DIR/tests/browser/package-lock.json" "$node_dir/package-lock.json"; then
    cp "$CS_SOURCE_DIR/tests/browser/package.json" \
       "$CS_SOURCE_DIR/tests/browser/package-lock.json" "$node_dir/"
    (cd "$node_dir" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error) ||
        fail "npm ci in $node_dir failed"
fi

# The corpus and a file whose text and title look like HTML.
cp -r "$CS_SOURCE_DIR/corpus" corpus
mkdir inject
cat > inject/pwned.txt <<'TXT'
Pwned markup test <img src=x onerror="window.__pwned=1">

This pwned markup test holds <script>window.__pwned=1</script> and
<img src=x onerror="window.__pwned=1"> as plain text & nothing else.
TXT
# A Latin-1 file: its bytes are not UTF-8.
mkdir latin1
printf 'Note\n\nBonjour, the d\351l\351gation meets in Gen\350ve \223today\224, not in Bern.\n' \
    > latin1/note.txt
"$CITESEARCH" index --quiet corpus inject latin1

start_server

NODE_PATH="$node_dir/node_modules" timeout 300 \
    node "$CS_SOURCE_DIR/tests/browser/serve_page.test.js" "$url" "$node_dir" ||
    fail "the page in Chromium (screenshots in $node_dir)"

kill -TERM $server
set +e
wait $server
status=$?
set -e
[ "$status" -eq 0 ] || fail "serve exit status $status: $(cat serve.err)"
echo ok
