#!/usr/bin/env bash
# Reproduces the README's side-by-side figures in one command: builds the
# engine, writes the generated families, runs our strategies and the peers
# (HiGHS, CP-SAT, glpsol) on the same files one solve at a time with one
# thread each, verifies every plan, and writes results.csv, results.md and
# plot.svg into OUT (default Benchmarks/results).
#   TIME_LIMIT (default 20) seconds per solve; STRATEGIES (default milp,greedy)
# Needs: pip install -r Benchmarks/peers/requirements.txt; glpsol (glpk-utils).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
out="${1:-$here/results}"
limit="${TIME_LIMIT:-20}"
(cd "$root" && swift build -c release --product shopsched)
bin="$root/.build/release/shopsched"
SHOPSCHED="$bin" "$here/make-families.sh" "$out/scenarios"
files=("$root/datasets/small-shop-day.json" "$root/datasets/busy-day.json" "$root/datasets/week.json")
for p in p1 p2 p3; do files+=("$root/datasets/reference/$p.scenario.json"); done
for family in day-20 day-40 day-60 replan-40 replan-60; do files+=("$out"/scenarios/$family-s*.json); done
files+=("$out/scenarios/multi-80-s1.json" "$out/scenarios/multi-160-s1.json" "$out/scenarios/multi-320-s1.json")
files+=("$out/scenarios/week-multiday-s1.json")
python3 "$here/peers/compare.py" --time-limit "$limit" --strategies "${STRATEGIES:-milp,greedy}" \
    --peers highs,cpsat,glpsol --shopsched "$bin" --out "$out" --skip-existing "${files[@]}"
python3 "$here/peers/plot.py" "$out/results.csv" --time-limit "$limit"
