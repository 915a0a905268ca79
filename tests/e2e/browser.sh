# The search page in headless Chromium (tests/browser/serve_page.test.js):
# a claim, a misquote, the passage in its article, the keyboard, corpus
# text that looks like HTML shown as text, an e-mail's HTML part shown
# as a mail reader shows it, a saved page's address as a link (or as
# text, when it is a script), and a window of a long paragraph in its
# article.  Needs the `chromium` package and node; installs the pinned
# playwright-core from tests/browser into the build directory when it is
# missing (never a browser download).
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
# A file whose name is Latin-1, not UTF-8.
printf 'Memo\n\nThe ocelotquartz memo was filed in Vlore.\n' > "latin1/$(printf 'r\351sum\351').txt"
# An e-mail whose only part is HTML in quoted-printable windows-1251.
mkdir mail
cat > mail/html1251.eml <<'EML'
From: Reporter <r@example.org>
Subject: Ministry statement
Date: Mon, 05 Sep 2022 10:00:00 +0000
MIME-Version: 1.0
Content-Type: text/html; charset=windows-1251
Content-Transfer-Encoding: quoted-printable

<p>=CC=E8=ED=E8=F1=F2=E5=F0=F1=F2=E2=EE =F4=E8=ED=E0=ED=F1=EE=E2 =F1=EE=EE=
=E1=F9=E8=EB=EE =EE <b>=EA=E8=E1=E5=F0=E0=F2=E0=EA=E5</b>.</p>
EML
# Saved pages: one with its address, one whose address is a script.
mkdir pages
printf '<html><head><title>Wire</title><link rel="canonical" href="https://example.org/wire"></head><body><p>The quokka delegation landed in Tirana.</p></body></html>\n' \
    > pages/wire.html
printf '<html><head><title>Trap</title><link rel="canonical" href="javascript:window.__pwned=1"></head><body><p>The wombat delegation landed in Durres.</p></body></html>\n' \
    > pages/trap.html
# A figure a claim rounds.
mkdir figures
printf 'Figures\n\nActual expenditures were $73,344,573.27 for the quarter.\n' > figures/f.txt
# A transcript whose one paragraph is one long line: indexed as
# overlapping windows that share one cite.
mkdir minutes
{
    printf 'Ferry minutes\n\n'
    for i in $(seq 1 150); do
        if [ "$i" -eq 120 ]; then
            printf 'The harbour pilot Oskar Vendelbo refused the envelope. '
        else
            printf 'Minute %d notes the ferry timetable for the northern islands. ' "$i"
        fi
    done
    printf '\n'
} > minutes/ferry.txt
"$CITESEARCH" index --quiet corpus inject latin1 mail pages figures minutes

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
