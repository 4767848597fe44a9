#!/usr/bin/env bash
# Every benchmark of Benchmarks/ run once (one iteration, no warm-up, no timing asserted), so a
# benchmark whose setup or body fails, fails CI. SHOPSCHED_BENCH_SMOKE=1 is what the benchmark
# targets read to set `maxIterations: 1`; package-benchmark has no such option of its own.
#
# A debug build (package-benchmark's `--benchmark-build-configuration debug`): the smoke run
# checks that the benchmarks work, not how fast, and a debug build skips the optimiser. It shares
# the engine's scratch folder (.build): the engine's targets compile with the same commands, so
# the debug build that `.ci/run` made is reused and only package-benchmark and the five benchmark
# targets are built (a folder of its own rebuilt the whole engine; Benchmarks/README.md has the
# figures). The MILP's time limit per solve is 2 s unless SHOPSCHED_BENCH_TIME_LIMIT says
# otherwise. `ptask-bench` is a command-line tool, not a package-benchmark target (the plugin
# would take it for one: its folder is in the package's root, whose folder is named Benchmarks).
#
#   bash scripts/bench-smoke.sh [--filter REGEX …]   (extra arguments go to `benchmark`)
set -euo pipefail
cd "$(dirname "$0")/.."
export SHOPSCHED_BENCH_SMOKE=1
export SHOPSCHED_BENCH_TIME_LIMIT=${SHOPSCHED_BENCH_TIME_LIMIT:-2}
start=$(date +%s)
swift package --package-path Benchmarks --scratch-path .build benchmark \
    --benchmark-build-configuration debug --no-progress --skip-target ptask-bench "$@"
echo "bench-smoke: every benchmark ran once in $(( $(date +%s) - start )) s"
