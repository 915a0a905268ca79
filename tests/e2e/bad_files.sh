# Files that are not clean UTF-8 text, and folders that are not plain
# trees: each ends in an index of what can be read and a message naming
# the file (and the byte), never in a crash, a hang or a wrong citation.
. "$(dirname "$0")/lib.sh"

mkdir in
python3 - <<'EOF'
def w(name, data):
    open('in/' + name, 'wb').write(data)

# Invalid UTF-8 of every kind, with words after it: a Latin-1 byte, a cut
# sequence (one U+FFFD, not two), a surrogate, an overlong form, stray
# bytes, and a sequence cut by the end of the file.
w('bad.txt', b'Invalid bytes in the middle\n\n'
  b'The caf\xe9 served \xe2\x82 tea and \xed\xa0\x80 zanzibar coffee.\n'
  b'A second line \xc0\x80 with quokka words \xff\xfe after.\n\n'
  b'Clean paragraph about a wombat.\n\n'
  b'Last words: pangolin \xf0\x9f\x98')
# A mail in Latin-1: invalid UTF-8 (reported), read as Windows-1252, so
# its accented words are found too, and citations stay byte-exact.
w('latin1.txt', 'From: Hélène Dupré <helene@example.org>\n'
  'Subject: Réunion à Genève\n\n'
  'Bonjour, the meeting with the délégation is moved to Thursday.\n'
  'Prière de confirmer: capybara.\n'.encode('latin-1'))
w('binary.txt', b'\x7fELF\x02\x01\x01\x00' + bytes(range(256)) * 4)
w('empty.txt', b'')
w('blank.txt', b'\n\n   \n\t\r\n\xc2\xa0\n \r \n')
# Terminal control sequences in a title and a passage: a retitle (OSC),
# a screen clear (CSI), a bell, and an 8-bit CSI.
w('escapes.txt', b'Memo \x1b]0;owned\x07 title\n\n'
  b'The quagga \x1b[2J report \xc2\x9b31m ends here.\n')
# Line ends: CR LF, lone CR, and a mix; the marker words sit on known lines.
w('crlf.txt', b'Title CRLF\r\n\r\nfirst line\r\nsecond okapi line\r\n\r\n'
  b'third para narwhal\r\n')
w('cr.txt', b'Title CR\r\rfirst line\rsecond axolotl line\r\rthird para '
  b'tapir\r')
w('mixed.txt', b'Title mixed\n\r\nline three\rline four dugong\r\n\n'
  b'line six\n\rline eight manatee\n')
# A file name that is not UTF-8 (Latin-1, as old archives and zip files
# from Windows have them): indexed like any other.
open(b'in/caf\xe9-notes.txt', 'wb').write(b'Notes\n\nThe serval sat on the terrace.\n')
EOF

# A FIFO among the files (never opened: it would block), and links that
# loop: a directory link to its parent, a link to itself, two links to
# each other, and a dangling one.
mkfifo in/fifo.txt
mkdir in/sub
printf 'Inside the loop folder: ocelot.\n' > in/sub/inner.txt
ln -s .. in/sub/up
ln -s self.txt in/self.txt
ln -s ping.txt in/pong.txt
ln -s pong.txt in/ping.txt
ln -s nowhere.txt in/dangling.txt
settle in

set +e
timeout 60 "$CITESEARCH" index in 2> index.txt
status=$?
set -e
[ "$status" -eq 0 ] || fail "index: status $status: $(cat index.txt)"

# Every message names the file; the bad bytes are named by offset.
python3 - <<'EOF' || fail "messages: $(cat index.txt)"
import sys
log = open('index.txt').read()
def first_bad(name):
    data = open('in/' + name, 'rb').read()
    try:
        data.decode('utf-8')
        return None
    except UnicodeDecodeError as e:
        return e.start
want = [
    'in/bad.txt: invalid UTF-8 at byte %d' % first_bad('bad.txt'),
    'in/latin1.txt: invalid UTF-8 at byte %d' % first_bad('latin1.txt'),
    'in/binary.txt: binary file (skipped)',
    'in/sub/up: directory loop (skipped)',
    'in/self.txt: Too many levels of symbolic links (skipped)',
    'in/ping.txt: Too many levels of symbolic links (skipped)',
    'in/pong.txt: Too many levels of symbolic links (skipped)',
    'in/dangling.txt: No such file or directory (skipped)',
]
missing = [w for w in want if w not in log]
if missing:
    sys.exit('missing: %s' % missing)
for name in ('empty.txt', 'blank.txt', 'crlf.txt', 'cr.txt', 'mixed.txt', 'fifo.txt'):
    if name in log:
        sys.exit('%s should index without a message' % name)
EOF
grep -q "11 files: 11 read, 10 indexed" index.txt || fail "summary: $(cat index.txt)"

# A second run indexes nothing: every text file, empty or bad, got its
# record (the binary file, which has none, is looked at again).
timeout 60 "$CITESEARCH" index in 2> again.txt
grep -q "11 files: [01] read, 0 indexed (0 passages), 10 unchanged" again.txt ||
    fail "second run: $(cat again.txt)"

# Citations are byte-exact: for each result, `text` is the file's bytes
# [byte_start, byte_end) decoded with errors='replace' (JSON needs valid
# UTF-8; one U+FFFD per maximal invalid subpart, as Python counts them),
# the line numbers are those of the file's own line ends (LF, CR LF or
# CR), and each highlight is the word searched for.
check_results() { # check_results WORD [PATH LINE]
    cs query --format jsonl -n 20 "$1" > out.jsonl
    [ "$status" -eq 0 ] || fail "query $1: status $status"
    python3 - "$@" <<'EOF' || fail "query $1: $(cat out.jsonl)"
import json, re, sys
word = sys.argv[1]
rs = [json.loads(l) for l in open('out.jsonl')]
for r in rs:
    data = open(r['path'], 'rb').read()
    if 'raw_path' in r:
        sys.exit('raw_path for a UTF-8 name: %s' % r['path'])
    bs, be = r['byte_start'], r['byte_end']
    piece = data[bs:be]
    if piece.decode('utf-8', 'replace') != r['text']:
        sys.exit('text differs from bytes %d..%d of %s' % (bs, be, r['path']))
    try:
        piece.decode('utf-8')
        if 'raw_bytes' in r:
            sys.exit('raw_bytes for valid UTF-8 in %s' % r['path'])
    except UnicodeDecodeError:
        if r.get('raw_bytes') != piece.decode('latin-1'):
            sys.exit('raw_bytes are not the bytes %d..%d of %s' % (bs, be, r['path']))
    # Line ends are LF, CR LF and a lone CR (passages start and end on
    # a non-space byte, so no line end is cut in two here).
    line_start = len(re.findall(rb'\r\n|\r|\n', data[:bs])) + 1
    line_end = len(re.findall(rb'\r\n|\r|\n', data[:be - 1])) + 1
    if (r['line_start'], r['line_end']) != (line_start, line_end):
        sys.exit('%s lines %d-%d, the file says %d-%d' % (
            r['path'], r['line_start'], r['line_end'], line_start, line_end))
    cite = '%s:%d' % (r['path'], line_start) + (
        '-%d' % line_end if line_end > line_start else '')
    if r['cite'] != cite:
        sys.exit('cite %s, expected %s' % (r['cite'], cite))
    for hs, he in r['highlights']:
        if not (bs <= hs < he <= be):
            sys.exit('highlight %d..%d outside the passage' % (hs, he))
    hl = [data[hs:he].decode('utf-8', 'replace').lower() for hs, he in r['highlights']]
    if word.lower() not in hl:
        sys.exit('%s not highlighted: %s' % (word, hl))
if len(sys.argv) > 2:
    if [r['cite'].split('-')[0] for r in rs[:1]] != ['%s:%s' % (sys.argv[2], sys.argv[3])]:
        sys.exit('expected %s:%s first' % (sys.argv[2], sys.argv[3]))
EOF
}
check_results zanzibar in/bad.txt 3
check_results quokka in/bad.txt 3
check_results wombat in/bad.txt 6
check_results pangolin in/bad.txt 8
check_results meeting in/latin1.txt 4
check_results capybara in/latin1.txt 4
check_results okapi in/crlf.txt 3
check_results narwhal in/crlf.txt 6
check_results axolotl in/cr.txt 3
check_results tapir in/cr.txt 6
check_results dugong in/mixed.txt 3
check_results manatee in/mixed.txt 8
check_results ocelot in/sub/inner.txt 1

# The file whose name is not UTF-8: JSON shows its name with U+FFFD for
# the byte (JSON holds only UTF-8), and its bytes in raw_path, one
# character a byte; CSV and show take its bytes as they are.
cs query --format jsonl -n 1 serval > out.jsonl
[ "$status" -eq 0 ] || fail "latin-1 file name: status $status"
python3 - <<'EOF' || fail "latin-1 file name: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert r['path'] == 'in/caf\ufffd-notes.txt' and r['cite'] == r['path'] + ':3', r
assert r['raw_path'].encode('latin-1') == b'in/caf\xe9-notes.txt', r
assert r['text'] == 'The serval sat on the terrace.', r
data = open(b'in/caf\xe9-notes.txt', 'rb').read()
assert data[r['byte_start']:r['byte_end']] == r['text'].encode(), r
EOF
cs query --format csv -n 1 serval > out.csv
grep -q "$(printf 'in/caf\xe9-notes.txt:3')" out.csv || fail "latin-1 file name, csv: $(cat out.csv)"
cs show "$(printf 'in/caf\xe9-notes.txt:3')" > show.txt
grep -q "^> The serval sat on the terrace\.$" show.txt || fail "latin-1 file name, show: $(cat show.txt)"

# Accented Latin-1 words are found, as written and without their accents,
# highlighted on their own bytes.
for q in délégation delegation Prière priere 'Prière de confirmer' '"délégation is moved"'; do
    cs query --format jsonl -n 1 "$q" > out.jsonl
    [ "$status" -eq 0 ] || fail "latin-1 $q: status $status"
    python3 - "$q" <<'EOF' || fail "latin-1 word $q: $(cat out.jsonl)"
import json, sys
q = sys.argv[1]
r = json.loads(open('out.jsonl').readline())
assert r['path'] == 'in/latin1.txt', r['path']
data = open(r['path'], 'rb').read()
assert data[r['byte_start']:r['byte_end']].decode('utf-8', 'replace') == r['text']
# The bytes themselves, one character a byte, as `text` cannot hold them.
assert r['raw_bytes'] == data[r['byte_start']:r['byte_end']].decode('latin-1'), r
marked = [data[s:e].decode('cp1252') for s, e in r['highlights']]
want = {'délégation': ['délégation'], 'delegation': ['délégation'],
        'Prière': ['Prière'], 'priere': ['Prière'],
        'Prière de confirmer': ['Prière', 'confirmer'],
        '"délégation is moved"': ['délégation is moved']}[q]
assert all(w in marked for w in want), marked
EOF
done

# A misquote of it: the diff gives the source's word as written, in the
# JSON and in the text output.
cs query --format jsonl -n 1 '"the meeting with the mission is moved to Thursday"' > out.jsonl
python3 - <<'EOF' || fail "latin-1 diff: $(cat out.jsonl)"
import json
r = json.loads(open('out.jsonl').readline())
assert r['path'] == 'in/latin1.txt' and r['match'] == 'near', r
changed = [(d['op'], d['query'], d['source']) for d in r['diff'] if d['op'] != '=']
assert changed == [('~', 'mission', 'délégation')], changed
EOF
cs query --format text -n 1 '"the meeting with the mission is moved to Thursday"' > text.txt
grep -q "differs: mission -> délégation$" text.txt || fail "latin-1 diff text: $(cat text.txt)"

# For a person (text output, show) a Latin-1 passage reads as written.
cs query --format text -n 1 délégation > text.txt
grep -q "^   Bonjour, the meeting with the délégation is moved to Thursday\.$" text.txt ||
    fail "latin-1 text output: $(cat text.txt)"
cs show in/latin1.txt:4 > show.txt
grep -q "^> Prière de confirmer: capybara\.$" show.txt || fail "latin-1 show: $(cat show.txt)"

# The file is an e-mail: its Latin-1 Subject and From read as written as
# title and source, and their words are searched (title at a lower
# weight: no highlight in the body) and filter.
cs query --format jsonl -n 1 capybara > out.jsonl
[ "$(jq_py 'rs[0]["title"]' < out.jsonl)" = "Réunion à Genève" ] ||
    fail "latin-1 title: $(cat out.jsonl)"
[ "$(jq_py 'rs[0]["source"]' < out.jsonl)" = "Hélène Dupré <helene@example.org>" ] ||
    fail "latin-1 source: $(cat out.jsonl)"
for q in Genève geneve 'capybara title:Genève' 'capybara source:Hélène' 'capybara source:helene'; do
    cs query --format jsonl -n 1 "$q" > out.jsonl
    [ "$(jq_py 'rs[0]["path"]' < out.jsonl)" = "in/latin1.txt" ] ||
        fail "latin-1 title or source: $q: $(cat out.jsonl)"
done

# Text output and show are read on a terminal: a file's control
# characters come out as U+FFFD, never as bytes the terminal acts on (the
# JSON keeps them, escaped).
cs query --format text -n 1 quagga > text.txt
cs show in/escapes.txt:3 >> text.txt
python3 - <<'EOF' || fail "control characters reach the terminal: $(od -c text.txt | head -20)"
t = open('text.txt', 'rb').read()
assert b'quagga' in t and t.count(b'report') == 2, t
assert not any(c < 0x20 and c not in (9, 10) or c == 0x7f for c in t), t
assert b'\xc2\x9b' not in t, t
assert t.count('\ufffd'.encode()) >= 4, t
EOF
cs query --format jsonl -n 1 quagga > out.jsonl
[ "$(jq_py '"\x1b[2J" in rs[0]["text"] and "\x1b]0;owned\x07" in rs[0]["title"]' < out.jsonl)" = True ] ||
    fail "the JSON lost the bytes: $(cat out.jsonl)"

# Text output and show end lines where the file does, CR included: no
# carriage return reaches the terminal to write a line over another.
cs query --format text -n 1 tapir > text.txt
! grep -q "$(printf '\r')" text.txt || fail "a CR in text output: $(od -c text.txt | head)"
cs show --context 1 in/cr.txt:3 > show.txt
[ "$status" -eq 0 ] || fail "show cr.txt: status $status"
! grep -q "$(printf '\r')" show.txt || fail "a CR in show: $(od -c show.txt | head)"
grep -qx '> second axolotl line' show.txt || fail "show cr.txt: $(cat show.txt)"
grep -qx '  third para tapir' show.txt || fail "show cr.txt context: $(cat show.txt)"
cs show in/crlf.txt:3-4 > show.txt
grep -qx '> second okapi line' show.txt || fail "show crlf.txt: $(cat show.txt)"

# Files named on the command line that cannot be indexed say why.
set +e
timeout 60 "$CITESEARCH" index in/fifo.txt in/binary.txt in/empty.txt 2> named.txt
status=$?
set -e
[ "$status" -eq 0 ] || fail "named files: status $status"
grep -q "in/fifo.txt: not a regular file (skipped)" named.txt || fail "fifo: $(cat named.txt)"

# A file of another type in a walked folder is counted; --verbose names it.
mkdir -p other
printf 'Notes\n\nA marmot was seen.\n' > other/a.txt
printf '%%PDF-1.4\n' > other/report.pdf
"$CITESEARCH" index other 2> walked.txt
grep -q "1 skipped" walked.txt || fail "skipped count: $(cat walked.txt)"
! grep -q "report.pdf" walked.txt || fail "named without --verbose: $(cat walked.txt)"
"$CITESEARCH" index --verbose other 2> walked.txt
grep -q "other/report.pdf: not a .txt, .md, .eml, .mbox, .html, .htm, .mhtml or .mht file (skipped)" walked.txt ||
    fail "--verbose names a skipped file: $(cat walked.txt)"

# A binary file is told by its first 8 KB and only those are read: a
# 4 GB one saved as .txt (sparse, so it costs no disk) neither fills
# memory nor takes the time to read it.  Reading it whole took 4 GB.
mkdir huge
printf 'Plain text about a pangolin.\n' > huge/notes.txt
truncate -s 4G huge/dump.txt
python3 - "$CITESEARCH" <<'EOF' || fail "a huge binary file"
import resource, subprocess, sys
p = subprocess.run([sys.argv[1], "index", "--db", "huge.db", "huge"],
                   capture_output=True, text=True, timeout=120)
assert p.returncode == 0, (p.returncode, p.stderr)
assert "huge/dump.txt: binary file (skipped)" in p.stderr, p.stderr
assert "2 files: 2 read, 1 indexed" in p.stderr, p.stderr
rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
assert rss_mb < 1024, "peak RSS %.0f MB" % rss_mb
EOF
rm -rf huge huge.db

# Unreadable files and folders.  root reads everything, so as root the
# indexer runs as nobody (setpriv) on files nobody may not read; without
# setpriv, or as another user, chmod 000 is enough for a non-root user.
# What an earlier run indexed under them is kept: they are there, only
# not readable now (a folder's permissions, a mount that fails), not
# vanished.
mkdir -p locked/open locked/closed
printf 'Readable text about a meerkat.\n' > locked/open/ok.txt
printf 'Secret text about a lemur.\n' > locked/closed/hidden.txt
printf 'Unreadable text about a gibbon.\n' > locked/noread.txt
run_locked() {
    set +e
    "$@" index --db locked.db locked 2> locked.txt
    status=$?
    set -e
}
if [ "$(id -u)" -ne 0 ]; then
    runner="$CITESEARCH"
elif command -v setpriv > /dev/null; then
    # A copy of the program nobody may run, in a folder nobody may write.
    # (Not under valgrind: its log lives where nobody may not write.)
    chmod 755 "$WORK"
    cp "$CS_BINARY" "$WORK/citesearch-copy"
    chown -R nobody locked
    mkdir locked.db && chown nobody locked.db
    runner="setpriv --reuid=nobody --regid=nogroup --clear-groups $WORK/citesearch-copy"
else
    echo "SKIP: unreadable files (root without setpriv reads every file)"
    runner=""
fi
if [ -n "$runner" ]; then
    # shellcheck disable=SC2086
    run_locked $runner
    [ "$status" -eq 0 ] && grep -q "3 indexed" locked.txt || fail "all readable: $(cat locked.txt)"
    chmod 000 locked/noread.txt
    chmod 000 locked/closed
    # shellcheck disable=SC2086
    run_locked $runner
    [ "$status" -eq 0 ] || fail "unreadable: status $status: $(cat locked.txt)"
    grep -q "locked/noread.txt: Permission denied (skipped)" locked.txt ||
        fail "unreadable file: $(cat locked.txt)"
    grep -q "locked/closed: Permission denied (skipped)" locked.txt ||
        fail "unreadable folder: $(cat locked.txt)"
    grep -q "0 removed" locked.txt || fail "unreadable, removed: $(cat locked.txt)"
    for w in lemur gibbon meerkat; do
        cs query --db locked.db --format jsonl "$w" > out.jsonl
        [ "$status" -eq 0 ] || fail "$w lost while unreadable: $(cat locked.txt)"
    done
fi
chmod 755 locked/closed
chmod 644 locked/noread.txt
echo ok
