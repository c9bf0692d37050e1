#!/usr/bin/env bash
# Installs every system package Hearth needs on Debian 12 (bookworm). Idempotent.
# SQLCipher 4.6 and Catch2 3 come from bookworm-backports: bookworm itself ships
# SQLCipher 3.4 and Catch2 2, both too old.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

. /etc/os-release
if [ "${VERSION_CODENAME:-}" != "bookworm" ]; then
    echo "warning: tested on Debian 12 (bookworm); this is ${PRETTY_NAME:-unknown}" >&2
fi

backports=/etc/apt/sources.list.d/hearth-bookworm-backports.sources
if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    mirror=$(grep -hoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
        | grep -v security | head -n1 || true)
    mirror=${mirror:-http://deb.debian.org/debian}
    $SUDO tee "$backports" >/dev/null <<SRC
Types: deb
URIs: ${mirror}
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

export DEBIAN_FRONTEND=noninteractive
stamp=/var/lib/apt/periodic/hearth-update-stamp
if [ ! -f "$stamp" ] || [ -n "$(find "$backports" -newer "$stamp" 2>/dev/null)" ] \
    || ! apt-cache policy libsqlcipher-dev 2>/dev/null | grep -q bookworm-backports; then
    $SUDO apt-get update -qq
    $SUDO mkdir -p "$(dirname "$stamp")" && $SUDO touch "$stamp"
fi

$SUDO apt-get install -y -qq --no-install-recommends \
    build-essential cmake ninja-build ccache pkg-config git clang-format \
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools qt6-httpserver-dev qt6-websockets-dev \
    libqt6sql6-psql libqt6sql6-sqlite libqt6svg6 libgl-dev libxkbcommon-dev \
    postgresql \
    libsodium-dev zlib1g-dev \
    xvfb xauth xdotool fonts-dejavu-core >/dev/null

$SUDO apt-get install -y -qq --no-install-recommends -t bookworm-backports \
    libsqlcipher-dev sqlcipher libcatch2-dev >/dev/null

echo "hearth: dependencies installed (SQLCipher $(dpkg-query -W -f='${Version}' libsqlcipher-dev), libsodium $(pkg-config --modversion libsodium))"
