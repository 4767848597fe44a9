#!/usr/bin/env bash
# Builds the libFuzzer targets of scripts/fuzz.sh into .build/libfuzzer/fuzz-TARGET.
#
# What works with this toolchain (Swift 6 on Linux): SwiftPM compiles the library targets the
# harnesses need with coverage and AddressSanitizer instrumentation (-sanitize=fuzzer,address
# on Swift code, -fsanitize=fuzzer-no-link,address on C code) into its own scratch folder; it
# links nothing, so there is no main() to clash with libFuzzer's. Then swiftc compiles each
# harness (fuzz/libfuzzer/TARGET.swift, whose @_cdecl("LLVMFuzzerTestOneInput") is the entry
# point) with -sanitize=fuzzer,address -parse-as-library and links it with those objects and
# libglpk; libFuzzer supplies main().
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build/libfuzzer
swift build --scratch-path "$scratch/pm" --target ShopWhatIf \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >&2
bin="$scratch/pm/debug"
modules="$bin/Modules"
[ -d "$modules" ] || modules="$bin"
objects() { for t in "$@"; do find "$bin/$t.build" -name '*.o'; done; }
build_target() {
    local name=$1; shift
    # shellcheck disable=SC2046
    swiftc -sanitize=fuzzer,address -parse-as-library -g -I "$modules" \
        $(find "$bin" -maxdepth 3 -name module.modulemap -path '*include*' -printf '-Xcc -fmodule-map-file=%p ') \
        -Xcc -I"Sources/CGLPKShim/include" \
        "fuzz/libfuzzer/$name.swift" $(objects "$@") -lglpk -o "$scratch/fuzz-$name" 2> "$scratch/link-$name.log" \
        || { cat "$scratch/link-$name.log" >&2; exit 1; }
    echo "built $scratch/fuzz-$name" >&2
}
mkdir -p "$scratch"
build_target scenario ShopDomain
build_target whatif ShopDomain ShopWhatIf ShopPlanner ShopVerifier ShopScenarioGenerator ShopViews ShopBooking MILP CGLPKShim Logging Yams CYaml
