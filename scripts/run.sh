#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Hearth in release mode and launches it.
# Extra arguments go to hearth (e.g. --data-dir /path/to/portable/store).
set -euo pipefail
cd "$(dirname "$0")/.."

./packaging/install-deps-debian.sh
cmake --preset release
cmake --build --preset release
exec ./build/release/app/hearth "$@"
