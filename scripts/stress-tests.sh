#!/usr/bin/env bash
# Repeats the test suite (or part of it) to catch tests that fail only sometimes. Each round runs ctest
# once serially and once in parallel; --load keeps every core busy meanwhile, as another build would.
# Prints every test that failed in any run, with how often; exits non-zero if any did.
#
#   scripts/stress-tests.sh                      # 3 rounds of the whole suite (build/ci)
#   scripts/stress-tests.sh -n 10 -L server      # 10 rounds of the tests labelled "server"
#   scripts/stress-tests.sh -R 'killed' --load   # tests whose name matches, under CPU load
#
# It runs what is built: build first (cmake --build --preset ci).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
jobs=$(($(nproc) + 1))
build=build/ci
load=0
filter=()
modes=(serial parallel)
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
    case "$1" in
        -n) rounds=$2; shift 2 ;;
        -j) jobs=$2; shift 2 ;;
        -L | -R | -E | -LE) filter+=("$1" "$2"); shift 2 ;;
        --build-dir) build=$2; shift 2 ;;
        --load) load=1; shift ;;
        --serial-only) modes=(serial); shift ;;
        --parallel-only) modes=(parallel); shift ;;
        -h | --help) usage 0 ;;
        *) echo "stress-tests: unknown argument $1" >&2; usage 2 ;;
    esac
done
[ -f "$build/CTestTestfile.cmake" ] || { echo "stress-tests: $build is not a built tree" >&2; exit 2; }

loaders=()
stop_load() { for pid in "${loaders[@]}"; do kill "$pid" 2>/dev/null || true; done; loaders=(); }
trap stop_load EXIT
if [ "$load" = 1 ]; then
    # One busy loop per core: the tests compete for the CPU as they would beside a build.
    for _ in $(seq "$(nproc)"); do (while :; do :; done) & loaders+=($!); done
    echo "stress-tests: ${#loaders[@]} busy loops load the CPUs"
fi

log=$(mktemp -d)
failures="$log/failures"
: >"$failures"
runs=0
for round in $(seq "$rounds"); do
    for mode in "${modes[@]}"; do
        j=1
        [ "$mode" = parallel ] && j=$jobs
        runs=$((runs + 1))
        start=$(date +%s)
        status=passed
        if ! ctest --test-dir "$build" -j "$j" --timeout 600 "${filter[@]}" >"$log/run-$runs.log" 2>&1; then
            status=FAILED
            # ctest's own list of the failed tests of the last run: "index:name" lines.
            cut -d: -f2- "$build/Testing/Temporary/LastTestsFailed.log" >>"$failures" || true
        fi
        summary=$(grep -E 'tests passed|tests failed' "$log/run-$runs.log" | tail -n1)
        echo "round $round $mode (-j $j): $status in $(($(date +%s) - start)) s; $summary"
    done
done

if [ -s "$failures" ]; then
    echo
    echo "Tests that failed (times out of $runs runs); logs in $log:"
    sort "$failures" | uniq -c | sort -rn
    exit 1
fi
echo "stress-tests: no failure in $runs runs"
rm -rf "$log"
