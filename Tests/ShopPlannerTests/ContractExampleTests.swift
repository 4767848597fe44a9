import Foundation
import ShopDomain
import ShopPlanner
import ShopTestSupport
import Testing

/// The solutions `docs/contract.md` shows are what the engine writes for its
/// example scenarios (all but the run time), so the worked example's plan,
/// reasons and pin clashes are the engine's own, not a hand-made story.
@Suite("docs/contract.md: the engine's own solutions")
struct ContractExampleTests {
    func check(_ name: String, status: PlanStatus) throws {
        let scenario = try Scenario.load(path: Repository.dataset("contract/\(name).scenario.json"))
        let shown = try SolutionFile.load(
            from: try Data(contentsOf: URL(fileURLWithPath: Repository.dataset("contract/\(name).solution.json"))))
        let (result, _) = planAndVerify(scenario)
        #expect(result.status == status)
        var written = result.solutionFile()
        written.seconds = shown.seconds
        #expect(
            written == shown, "shopsched solve now writes \(String(decoding: JSONFiles.encode(written), as: UTF8.self))"
        )
    }

    @Test func workedExample() throws { try check("example", status: .optimal) }

    @Test func clashingPins() throws { try check("pins-clash", status: .infeasible) }
}
