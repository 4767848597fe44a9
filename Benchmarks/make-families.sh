#!/usr/bin/env bash
# Writes the generated benchmark families into DIR (default
# Benchmarks/scenarios): the same files on every machine, since the generator
# is deterministic per seed.
#   day-20/40/60:   one day, 20/40/60 jobs (5 seeds each)
#   replan-40/60:   one day replanned after a mechanic went home (--disrupted)
#   multi-80/160/320: 2, 3 and 5 days
#   week-multiday:  a six-day week, 10 % of the jobs multi-day engine rebuilds (resumable)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/scenarios}"
bin="${SHOPSCHED:-$here/../.build/release/shopsched}"
mkdir -p "$out"
gen() { local name=$1; shift; "$bin" generate "$@" --output "$out/$name.json"; }
for seed in 1 2 3 4 5; do
    gen "day-20-s$seed" --seed "$seed" --jobs 20 --mechanics 5 --bays 5 --days 1
    gen "day-40-s$seed" --seed "$seed" --jobs 40 --mechanics 8 --bays 8 --days 1
    gen "day-60-s$seed" --seed "$seed" --jobs 60 --mechanics 12 --bays 10 --days 1
    gen "replan-40-s$seed" --seed "$seed" --jobs 40 --mechanics 8 --bays 8 --days 1 --disrupted --pinned 0.1
    gen "replan-60-s$seed" --seed "$seed" --jobs 60 --mechanics 12 --bays 10 --days 1 --disrupted --pinned 0.1
done
for seed in 1 2 3; do
    gen "multi-80-s$seed" --seed "$seed" --jobs 80 --mechanics 6 --bays 6 --days 2
    gen "multi-160-s$seed" --seed "$seed" --jobs 160 --mechanics 8 --bays 8 --days 3
    gen "multi-320-s$seed" --seed "$seed" --jobs 320 --mechanics 10 --bays 10 --days 5
    gen "week-multiday-s$seed" --seed "$seed" --jobs 120 --mechanics 8 --bays 8 --days 6 --multi-day 0.1
done
echo "wrote $(ls "$out" | wc -l) scenarios to $out"
