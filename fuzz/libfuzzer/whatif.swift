// libFuzzer target: the what-if decoder (YAML and JSON) and its expansion over a base scenario
// (what `shopsched whatif` does before solving). Built by scripts/libfuzzer-build.sh; corpus in
// fuzz/corpus/whatif/. The base is datasets/busy-day.json (run from the repository).
import Foundation
import ShopDomain
import ShopWhatIf

let base: ScenarioFile = {
    let path = ProcessInfo.processInfo.environment["SHOPSCHED_FUZZ_BASE"] ?? "datasets/busy-day.json"
    guard let data = FileManager.default.contents(atPath: path), let file = try? JSONFiles.decode(ScenarioFile.self, from: data)
    else { fatalError("cannot read the base scenario \(path); run from the repository") }
    return file
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWhatIf(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // The first byte picks the decoder, so one corpus serves both.
    let yaml = count > 0 && start[0] != UInt8(ascii: "{")
    do {
        let file = try VariantFile.parse(data, yaml: yaml)
        let batch = try WhatIfBatch(file: file, base: base)
        for spec in batch.variants.prefix(3) { _ = try? Scenario(file: batch.scenarioFile(of: spec)) }
    } catch {
        precondition(!error.issues.isEmpty, "an InputError without an issue")
    }
    return 0
}
