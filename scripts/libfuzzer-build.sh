#!/usr/bin/env bash
# Builds the libFuzzer targets of scripts/fuzz.sh into .build/libfuzzer/fuzz-TARGET.
#
# How (Swift 6.3 on Linux): SwiftPM compiles the library targets the harnesses need, in its own
# scratch folder, with coverage and AddressSanitizer instrumentation (-sanitize=fuzzer,address on
# Swift code, -fsanitize=fuzzer-no-link,address on C code: Yams' libyaml and the GLPK shim). It
# builds only those targets, so nothing links and there is no main() to clash with libFuzzer's.
# Then swiftc compiles each harness (fuzz/libfuzzer/TARGET.swift, whose
# @_cdecl("LLVMFuzzerTestOneInput") is the entry point) with -sanitize=fuzzer,address
# -parse-as-library against those modules and links it with their objects and libglpk (GLPK itself
# is not instrumented); libFuzzer supplies main().
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build/libfuzzer
pm="$scratch/pm"
mkdir -p "$pm"
# The package's dependencies, without fetching them again when the main build has them.
for d in checkouts repositories; do
    [ -d "$pm/$d" ] || [ ! -d ".build/$d" ] || cp -r ".build/$d" "$pm/$d"
done
sanitize=(-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
swift build --scratch-path "$pm" --target ShopWhatIf "${sanitize[@]}" >&2
bin=$(swift build --scratch-path "$pm" --show-bin-path "${sanitize[@]}")
modules="$bin/Modules"
[ -d "$modules" ] || modules="$bin"
yaml_include="$pm/checkouts/Yams/Sources/CYaml/include"
# The C modules the Swift modules import (their module maps, as SwiftPM passes them).
clang_modules=(
    -Xcc "-fmodule-map-file=$bin/CGLPKShim.build/module.modulemap" -Xcc -ISources/CGLPKShim/include
    -Xcc -fmodule-map-file=Sources/CGLPK/module.modulemap
    -Xcc "-fmodule-map-file=$yaml_include/module.modulemap" -Xcc "-I$yaml_include"
)
objects() { for t in "$@"; do find "$bin/$t.build" -name '*.o'; done; }
build_target() {
    local name=$1; shift
    # shellcheck disable=SC2046
    swiftc -sanitize=fuzzer,address -parse-as-library -g -Onone -I "$modules" "${clang_modules[@]}" \
        "fuzz/libfuzzer/$name.swift" $(objects "$@") -lglpk -o "$scratch/fuzz-$name" 2> "$scratch/link-$name.log" \
        || { cat "$scratch/link-$name.log" >&2; exit 1; }
    echo "built $scratch/fuzz-$name" >&2
}
build_target scenario ShopDomain
build_target whatif ShopDomain ShopWhatIf ShopPlanner ShopVerifier ShopScenarioGenerator ShopViews ShopBooking MILP CGLPKShim Logging Yams CYaml
