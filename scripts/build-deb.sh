#!/bin/sh
# Builds the Debian package of citesearch (debian/) and checks it.
#
# usage: scripts/build-deb.sh [OUTDIR]        (default: build-deb)
#
# dpkg-buildpackage writes its results into the parent of the tree it
# builds, so the tree is copied into a temporary directory and built there;
# the .deb (with its .buildinfo and .changes) is copied back into OUTDIR.
# The package is then checked without installing it: extracted with
# `dpkg-deb -x` into a temporary root, whose binary must print its version
# and answer a claim and a quote on the extracted example corpus, and whose
# man pages, completions and example script must be in place.
#
# DEB_BUILD_OPTIONS is passed on (nocheck skips the tests during the build;
# parallel=N defaults to the number of cores).
set -eu

cd "$(dirname "$0")/.."
src=$(pwd)
out=${1:-build-deb}
case $out in /*) ;; *) out=$src/$out ;; esac

./scripts/install-deps.sh

version=$(dpkg-parsechangelog -S Version)
project_version=$(sed -n 's/^project(citesearch VERSION \([^ )]*\).*/\1/p' CMakeLists.txt)
if [ "$version" != "$project_version" ]; then
    echo "build-deb: debian/changelog is at $version, CMakeLists.txt at $project_version" >&2
    exit 1
fi
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb=citesearch_${version}_${arch}.deb

tmp=$(mktemp -d "${TMPDIR:-/tmp}/citesearch-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

# The tree without build directories, indexes or version control.
tree=$tmp/citesearch-$version
mkdir "$tree"
tar -C "$src" -cf - --exclude=./.git --exclude='./build*' \
    --exclude=./.citesearch --exclude=./obj-* --exclude=./debian/citesearch \
    --exclude=./debian/.debhelper --exclude=./debian/tmp . | tar -C "$tree" -xf -

case " ${DEB_BUILD_OPTIONS:-} " in
*" parallel="*) ;;
*) DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:+$DEB_BUILD_OPTIONS }parallel=$(nproc)" ;;
esac
export DEB_BUILD_OPTIONS

echo "build-deb: dpkg-buildpackage -us -uc -b in $tree ($DEB_BUILD_OPTIONS)"
(cd "$tree" && dpkg-buildpackage -us -uc -b) > "$tmp/build.log" 2>&1 || {
    tail -n 80 "$tmp/build.log" >&2
    echo "build-deb: dpkg-buildpackage failed; the end of its log is above" >&2
    exit 1
}

mkdir -p "$out"
cp "$tmp/$deb" "$tmp"/citesearch_"$version"_*.buildinfo \
    "$tmp"/citesearch_"$version"_*.changes "$out/"
cp "$tmp/build.log" "$out/build.log"
echo "build-deb: built $out/$deb"

# --- Checks on the extracted package ---
fail() {
    echo "build-deb: FAIL: $*" >&2
    exit 1
}

dpkg-deb -I "$out/$deb" > "$tmp/info"
grep -q '^ Depends:.*libxapian' "$tmp/info" || fail "Depends does not name libxapian: $(cat "$tmp/info")"
# apt would install it: its dependencies resolve (a simulation, nothing is
# installed).
apt-get install -s "$out/$deb" > "$tmp/apt.log" 2>&1 ||
    fail "apt-get install -s: $(tail -n 20 "$tmp/apt.log")"
grep -q '^Inst citesearch ' "$tmp/apt.log" || fail "apt-get install -s: $(tail -n 20 "$tmp/apt.log")"

root=$tmp/root
dpkg-deb -x "$out/$deb" "$root"
bin=$root/usr/bin/citesearch
doc=$root/usr/share/doc/citesearch
for f in "$bin" \
    "$root/usr/share/bash-completion/completions/citesearch" \
    "$root/usr/share/zsh/vendor-completions/_citesearch" \
    "$doc/copyright" "$doc/corpus/manifest.csv" \
    "$doc/examples/claims.csv" "$doc/examples/check-claims.sh"; do
    [ -f "$f" ] || fail "the package lacks ${f#"$root"}"
done
for page in "$src"/doc/*.1; do
    f=$root/usr/share/man/man1/${page##*/}.gz
    [ -f "$f" ] || fail "the package lacks ${f#"$root"}"
done
[ "$(find "$doc/corpus" -name '*.txt' | wc -l)" -ge 1 ] || fail "no corpus/*.txt in the package"

# The packaged man pages render, the packaged bash completion completes.
if command -v man > /dev/null 2>&1; then
    for page in "$root"/usr/share/man/man1/*.1.gz; do
        if ! LC_ALL=C.UTF-8 MAN_DISABLE_SECCOMP=1 man --warnings -l "$page" \
            > /dev/null 2> "$tmp/man.err" || [ -s "$tmp/man.err" ]; then
            fail "man -l ${page##*/}: $(cat "$tmp/man.err")"
        fi
    done
fi
completed=$(bash -c '. "$1"; COMP_WORDS=(citesearch qu); COMP_CWORD=1; _citesearch
    echo "${COMPREPLY[*]}"' sh "$root/usr/share/bash-completion/completions/citesearch")
[ "$completed" = query ] || fail "bash completion of 'citesearch qu': '$completed'"

"$bin" --version > "$tmp/version" || fail "citesearch --version exits $?"
echo "build-deb: $(cat "$tmp/version")"
grep -Eq "^citesearch $version \(Xapian [0-9.]+, ICU [0-9.]+, libcsv [0-9.]+\)$" "$tmp/version" ||
    fail "unexpected --version: $(cat "$tmp/version")"

# Index the installed corpus where it lies (read-only for a user: the index
# goes elsewhere) and answer a claim and a quote.
cd "$doc"
"$bin" index --quiet --db "$tmp/index" corpus || fail "index of the installed corpus exits $?"
"$bin" query --db "$tmp/index" --format jsonl -n 1 \
    Albania cut diplomatic ties with Iran > "$tmp/claim.jsonl" ||
    fail "the claim query exits $?"
grep -q '"cite":"corpus/[^"]*:[0-9]' "$tmp/claim.jsonl" || fail "claim: $(cat "$tmp/claim.jsonl")"
"$bin" query --db "$tmp/index" --format csv -n 1 \
    '"bringing various systems to a halt for days"' > "$tmp/quote.csv" ||
    fail "the quote query exits $?"
grep -q ',exact,corpus/' "$tmp/quote.csv" || fail "quote: $(cat "$tmp/quote.csv")"
echo "build-deb: claim -> $(sed -n 's/.*"cite":"\([^"]*\)".*/\1/p' "$tmp/claim.jsonl")"
echo "build-deb: quote -> $(sed -n '2p' "$tmp/quote.csv" | cut -d, -f4,5)"

# The example script, as a user runs it from the documentation.
cd "$tmp"
CITESEARCH=$bin sh "$doc/examples/check-claims.sh" > "$tmp/checked.tsv" ||
    fail "examples/check-claims.sh exits $?"
[ "$(wc -l < "$tmp/checked.tsv")" -ge 2 ] || fail "check-claims.sh: $(cat "$tmp/checked.tsv")"
echo "build-deb: ok: $out/$deb"
