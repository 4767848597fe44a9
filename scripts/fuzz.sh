#!/usr/bin/env bash
# The fuzz campaign of "Hostile input never crashes, hangs or fools the engine".
#
#   scripts/fuzz.sh ci                  bounded (~2 min), fixed seed; exit 1 on any finding
#   scripts/fuzz.sh long [N]            at least N inputs per format (default 100000), round robin;
#                                       restarts after a crash; crashers in fuzz/crashers/FORMAT/
#   scripts/fuzz.sh libfuzzer [SECONDS] coverage-guided libFuzzer on the decoders (default 60 s each);
#                                       corpus fuzz/corpus/TARGET/, crashes in fuzz/crashers/libfuzzer-TARGET/
#   scripts/fuzz.sh replay FORMAT FILE… run saved inputs through the drivers
#   scripts/fuzz.sh minimise FORMAT FILE OUT   shrink a crasher while it crashes the same way
#
# Every input goes to each in-process entry point of its format (decode and validate, solve with
# greedy and MILP under 0.2 s, verify, book, reschedule, replan, board views, what-if expansion,
# ptask import) and must end in a result or an error naming its field. A trap kills the child
# process: the supervisor (shopsched-fuzz campaign) saves the child's current-input and starts
# a new child at the next input. A child input over --hang-seconds (10) is a hang, resident
# memory over --max-rss-mb (2048) a finding; a plan the verifier rejects is a finding.
# Extra arguments after the mode's own go to `shopsched-fuzz campaign` (e.g. --formats scenario,ptask).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-ci}
shift || true
config=${SHOPSCHED_FUZZ_CONFIG:-release}

build() {
    swift build -c "$config" --product shopsched-fuzz >&2
    BIN="$(swift build -c "$config" --show-bin-path)/shopsched-fuzz"
}

case "$mode" in
ci)
    build
    # Fixed seed and counts, so a CI failure replays exactly; the counts fit about two minutes
    # on two cores (formats that solve or replan are slower per input). A crash does not stop
    # the campaign: every distinct crash of the run is listed, then the exit status is 1.
    exec "$BIN" campaign --mode ci --seed 20261123 --workdir .build/fuzz-ci --crashers .build/fuzz-ci/crashers \
        --counts "${SHOPSCHED_FUZZ_CI_COUNTS:-scenario=120,solution=1500,booking-snapshot=40,reschedule-snapshot=40,booking-request=300,reschedule-request=300,disruption=60,board-snapshot=300,caller=1500,whatif-json=120,whatif-yaml=150,ptask=300}" \
        --max-seconds 300 "$@"
    ;;
long)
    n=${1:-100000}
    shift || true
    build
    exec "$BIN" campaign --mode long --inputs "$n" --seed "${SHOPSCHED_FUZZ_SEED:-$RANDOM$RANDOM}" \
        --workdir .build/fuzz-long --crashers fuzz/crashers "$@"
    ;;
replay)
    build
    format=$1
    shift
    exec "$BIN" replay --format "$format" "$@"
    ;;
minimise)
    build
    exec "$BIN" minimise --format "$1" "$2" --output "$3"
    ;;
libfuzzer)
    seconds=${1:-60}
    # How: the harnesses (fuzz/libfuzzer/*.swift, each with @_cdecl("LLVMFuzzerTestOneInput"))
    # are compiled by swiftc with -sanitize=fuzzer,address -parse-as-library together with the
    # package's module sources they need, so the decoders get coverage instrumentation too.
    # Build output goes to .build/libfuzzer/.
    scripts/libfuzzer-build.sh
    for target in scenario whatif; do
        mkdir -p "fuzz/corpus/$target" "fuzz/crashers/libfuzzer-$target" ".build/libfuzzer/corpus-$target"
        echo "libFuzzer $target for $seconds s" >&2
        # New corpus entries go to .build/ (the repo's corpus stays small); -artifact_prefix keeps crashers.
        ".build/libfuzzer/fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
            -artifact_prefix="fuzz/crashers/libfuzzer-$target/" ".build/libfuzzer/corpus-$target" "fuzz/corpus/$target" \
            2>&1 | tail -n 15 || echo "libFuzzer $target found a crash (see fuzz/crashers/libfuzzer-$target/)" >&2
    done
    ;;
*)
    sed -n '2,18p' "$0"
    exit 2
    ;;
esac
