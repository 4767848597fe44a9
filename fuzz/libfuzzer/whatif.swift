// libFuzzer target: the what-if decoder (YAML and JSON) and its expansion over a base scenario
// (what `shopsched whatif` does before solving). Built by scripts/libfuzzer-build.sh; corpus in
// fuzz/corpus/whatif/. The bases are the bundled scenarios (run from the repository): a file
// naming `../week.json` gets datasets/week.json, any other name datasets/busy-day.json.
import Foundation
import ShopDomain
import ShopWhatIf

let bases: [String: ScenarioFile] = {
    let folder = ProcessInfo.processInfo.environment["SHOPSCHED_FUZZ_DATASETS"] ?? "datasets"
    var found: [String: ScenarioFile] = [:]
    for name in ["busy-day.json", "small-shop-day.json", "week.json"] {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name),
              let file = try? JSONFiles.decode(ScenarioFile.self, from: data)
        else { fatalError("cannot read the base scenario \(folder)/\(name); run from the repository") }
        found["../" + name] = file
    }
    return found
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWhatIf(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // The first byte picks the decoder, so one corpus serves both.
    let yaml = count > 0 && start[0] != UInt8(ascii: "{")
    do {
        let file = try VariantFile.parse(data, yaml: yaml)
        let batch = try WhatIfBatch(file: file, base: bases[file.base] ?? bases["../busy-day.json"]!)
        for spec in batch.variants.prefix(3) { _ = try? Scenario(file: batch.scenarioFile(of: spec)) }
    } catch {
        // A refusal must say what is wrong.
        precondition(!error.issues.isEmpty && error.issues.allSatisfy { !$0.message.isEmpty }, "an InputError without an issue")
    }
    return 0
}
