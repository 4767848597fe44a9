#!/usr/bin/env bash
# Good plans early: the objective of `milp` and `milp-lns` at short time
# limits, in the same run, interleaved (the machine is shared), one thread,
# every plan verified. Writes CSV lines file,limit,strategy,status,objective,bound,seconds,verified.
#   LIMITS (default "2 10"); FILES: scenario files (default: the hard single
#   days of the side-by-side set, written by make-families.sh into DIR).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${SHOPSCHED:-$here/../.build/release/shopsched}"
dir="${1:-$here/scenarios}"
files=("${@:2}")
if [ ${#files[@]} -eq 0 ]; then
    for f in day-40-s2 day-40-s3 day-40-s4 day-60-s3 day-60-s4 replan-40-s3 replan-40-s4 replan-60-s2 replan-60-s3 replan-60-s5; do
        files+=("$dir/$f.json")
    done
fi
work="$(mktemp -d)"
echo "file,limit,strategy,status,objective,bound,seconds,verified"
for file in "${files[@]}"; do
    for limit in ${LIMITS:-2 10}; do
        for strategy in milp milp-lns; do
            out="$work/plan.json"
            "$bin" solve "$file" --strategy "$strategy" --time-limit "$limit" --threads 1 --format json --output "$out" || true
            verified=no
            "$bin" verify "$file" "$out" > /dev/null 2>&1 && verified=yes
            python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print(",".join(str(x) for x in [sys.argv[2],sys.argv[3],sys.argv[4],p["status"],p.get("objective"),p.get("bound"),p["seconds"],sys.argv[5]]))' \
                "$out" "$(basename "$file" .json)" "$limit" "$strategy" "$verified"
        done
    done
done
rm -rf "$work"
