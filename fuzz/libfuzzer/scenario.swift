// libFuzzer target: the scenario JSON decoder and validator (what `shopsched validate` runs).
// Built by scripts/libfuzzer-build.sh; corpus in fuzz/corpus/scenario/.
import Foundation
import ShopDomain

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let scenario = try Scenario.load(from: data)
        _ = scenario.jobs.count
    } catch {
        // A refusal must say what is wrong.
        precondition(!error.issues.isEmpty && error.issues.allSatisfy { !$0.message.isEmpty }, "an InputError without an issue")
    }
    return 0
}
