#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Hearth with warnings as errors, checks formatting and
# runs the whole test suite through ctest. Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

./packaging/install-deps-debian.sh
cmake --preset ci
cmake --build --preset ci --target check-format
cmake --build --preset ci
# In parallel: each test runs in its own process with its own temporary store, server and PostgreSQL
# cluster (a unix socket in its own directory), so none shares a port or a file with another.
ctest --preset ci -j "$(($(nproc) + 1))"
