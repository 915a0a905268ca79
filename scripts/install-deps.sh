#!/bin/sh
# Installs the Debian 12 packages citesearch builds, tests and runs with,
# when any is missing.  Uses sudo when not run as root.
set -eu

PACKAGES="build-essential cmake pkg-config g++ libxapian-dev xapian-tools
libicu-dev libcsv-dev libcmocka-dev libjansson-dev libstemmer-dev libxml2-dev
libmicrohttpd-dev python3 python3-xapian bc chromium
debhelper dpkg-dev fakeroot man-db zsh clang libclang-rt-14-dev
valgrind time"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "installing:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
