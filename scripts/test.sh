#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Hearth with warnings as errors, checks formatting and
# runs the whole test suite through ctest. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

./packaging/install-deps-debian.sh
cmake --preset ci
cmake --build --preset ci --target check-format
cmake --build --preset ci
ctest --preset ci
