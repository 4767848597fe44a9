#!/usr/bin/env bash
# The fuzz campaign of "Hostile input never crashes, hangs or fools the engine".
#
#   scripts/fuzz.sh ci                  bounded (about 2 min with the build, on 2 cores), fixed seed and
#                                       counts, debug build sharing .build/ with `swift build --build-tests`;
#                                       exit 1 on any finding
#   scripts/fuzz.sh long [N]            at least N inputs per format (default 100000), release build, two
#                                       children at once, round robin in chunks; restarts after a crash;
#                                       crashers in fuzz/crashers/FORMAT/; summary in .build/fuzz-long/summary.txt;
#                                       `touch .build/fuzz-long/STOP` ends it early, with the summary
#   scripts/fuzz.sh libfuzzer [SECONDS] coverage-guided libFuzzer on the scenario and what-if decoders
#                                       (default 60 s each); new corpus entries in .build/libfuzzer/corpus-TARGET/,
#                                       crashes in fuzz/crashers/libfuzzer-TARGET/
#   scripts/fuzz.sh replay FORMAT FILE… run saved inputs through the drivers
#   scripts/fuzz.sh minimise FORMAT FILE OUT   shrink a crasher while it crashes the same way
#
# Every input goes to each in-process entry point of its format (decode and validate, solve with
# greedy and MILP under a small time limit when the scenario is small, verify, book, reschedule,
# replan, board views, what-if expansion, ptask import) and must end in a result or an error naming
# its field. A trap kills the child process: the supervisor (shopsched-fuzz campaign) saves the
# child's current-input and starts a new child at the next input. A child input over --hang-seconds
# (10 s of CPU) is a hang, resident memory over --max-rss-mb (2048) a finding; a plan the verifier
# rejects is a finding. Extra arguments after the mode's own go to `shopsched-fuzz campaign`
# (e.g. --formats scenario,ptask --jobs 1). SHOPSCHED_FUZZ_CONFIG=debug|release overrides the build.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-ci}
shift || true
# ci: the debug build `swift build --build-tests` made already (only the fuzzer links anew);
# everything else: release, about ten times the inputs per second.
if [ "$mode" = ci ]; then config=${SHOPSCHED_FUZZ_CONFIG:-debug}; else config=${SHOPSCHED_FUZZ_CONFIG:-release}; fi

build() {
    swift build -c "$config" --product shopsched-fuzz >&2
    BIN="$(swift build -c "$config" --show-bin-path)/shopsched-fuzz"
}

case "$mode" in
ci)
    build
    # Fixed seed and counts, so a CI failure replays exactly; two children at once. The counts
    # take about 85 s of a debug build on two idle cores (formats that solve or replan cost more
    # per input); --max-seconds bounds a slower machine (the summary then says "stopped"). It is
    # 300 s: at 100 s a machine under load stopped before the last three formats had an input.
    # A crash does not stop the campaign: every distinct crash of the run is listed, then exit 1.
    exec "$BIN" campaign --mode ci --jobs 2 --seed 20261123 --workdir .build/fuzz-ci --crashers .build/fuzz-ci/crashers \
        --time-limit 0.02 --solve-jobs 20 \
        --counts "${SHOPSCHED_FUZZ_CI_COUNTS:-scenario=1600,solution=6000,booking-snapshot=1600,reschedule-snapshot=1600,booking-request=4000,reschedule-request=6000,disruption=2400,board-snapshot=2400,caller=6000,whatif-json=2000,whatif-yaml=1600,ptask=6000}" \
        --max-seconds "${SHOPSCHED_FUZZ_CI_SECONDS:-300}" "$@"
    ;;
long)
    n=${1:-100000}
    shift || true
    build
    # Throughput settings: solves only for scenarios of up to 12 jobs, 20 ms each; a booking snapshot
    # booked with one of the four request seeds; 20,000 inputs per child, so a child's start-up
    # (reading and decoding the seeds) is paid rarely.
    exec "$BIN" campaign --mode long --jobs "${SHOPSCHED_FUZZ_JOBS:-2}" --inputs "$n" --chunk 20000 \
        --seed "${SHOPSCHED_FUZZ_SEED:-$RANDOM$RANDOM}" --time-limit 0.02 --solve-jobs 12 --one-request \
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
    # The harnesses (fuzz/libfuzzer/*.swift) are built by scripts/libfuzzer-build.sh with coverage and
    # AddressSanitizer instrumentation of the modules they call (.build/libfuzzer/). New corpus entries
    # go to .build/libfuzzer/corpus-TARGET (the repository's fuzz/corpus/TARGET is read, not written);
    # to refresh the repository's small corpus: fuzz-TARGET -merge=1 NEWDIR fuzz/corpus/TARGET
    # .build/libfuzzer/corpus-TARGET, then keep the small files. Exit status 1 when a target crashed.
    scripts/libfuzzer-build.sh
    found=0
    for target in scenario whatif; do
        mkdir -p "fuzz/corpus/$target" "fuzz/crashers/libfuzzer-$target" ".build/libfuzzer/corpus-$target"
        echo "libFuzzer $target for $seconds s" >&2
        ".build/libfuzzer/fuzz-$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
            -artifact_prefix="fuzz/crashers/libfuzzer-$target/" ".build/libfuzzer/corpus-$target" "fuzz/corpus/$target" \
            > ".build/libfuzzer/$target.log" 2>&1 \
            || { found=1; echo "libFuzzer $target found a crash (see fuzz/crashers/libfuzzer-$target/)" >&2; }
        grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)' ".build/libfuzzer/$target.log" >&2 || true
    done
    exit "$found"
    ;;
*)
    sed -n '2,18p' "$0"
    exit 2
    ;;
esac
