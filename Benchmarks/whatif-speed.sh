#!/usr/bin/env bash
# What-if batch speed: 100 variants of datasets/busy-day.json (datasets/whatif/busy-day-100.json)
# solved one by one (--jobs 1) and side by side (--jobs 2), in one session, release build; and
# peak memory (/usr/bin/time -v) of the side-by-side run at 50 variants (shard 1/2) and at 100.
# Prints one line per run and the speed-up. Usage: Benchmarks/whatif-speed.sh [TIME_LIMIT_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
LIMIT=${1:-20}
SCRATCH=${SCRATCH:-.build}
swift build -c release --product shopsched --scratch-path "$SCRATCH" >&2
BIN="$SCRATCH/release/shopsched"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FILE=datasets/whatif/busy-day-100.json

# name, then whatif options; prints "name seconds peak-MB variants proven-optimal cpu%" (under a
# time limit a slower run may prove fewer, so the count says whether the runs did the same work;
# the CPU share shows how much of the machine the run got when others use it too)
run() {
  local name=$1; shift
  /usr/bin/time -v "$BIN" whatif "$FILE" --format none --time-limit "$LIMIT" --out "$WORK/$name" "$@" \
    2> "$WORK/$name.log" || { cat "$WORK/$name.log" >&2; exit 1; }
  local wall rss count
  wall=$(grep "Elapsed (wall clock)" "$WORK/$name.log" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident" "$WORK/$name.log" | awk '{print int($NF/1024)}')
  count=$(ls "$WORK/$name/results" | wc -l)
  optimal=$(grep -l '"status" : "optimal"' "$WORK/$name"/results/*.json | wc -l)
  cpu=$(grep "Percent of CPU" "$WORK/$name.log" | awk '{print $NF}')
  echo "$name $wall $rss $count $optimal $cpu"
}

echo "run seconds peak_MB variants optimal cpu"
one=$(run jobs1 --jobs 1); echo "$one"
two=$(run jobs2 --jobs 2); echo "$two"
half=$(run jobs2-50 --jobs 2 --shard 1/2); echo "$half"
awk -v a="$(echo "$one" | cut -d' ' -f2)" -v b="$(echo "$two" | cut -d' ' -f2)" 'BEGIN { printf "speed-up (jobs 1 / jobs 2): %.2fx\n", a / b }'
# Every plan of the 100 is checked by the verifier inside the run; count any that failed it.
grep -L '"verified" : true' "$WORK"/jobs2/results/*.json | wc -l | awk '{print "results not verified (jobs 2): " $1}'
