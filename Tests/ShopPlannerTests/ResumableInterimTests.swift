import Foundation
import ShopDomain
import ShopPlanner
import ShopTestSupport
import Testing

/// Until the planner searches placements that pause (contract §7), it places a resumable
/// job without pauses: such a plan keeps the rule (the verifier checks it, `work` included),
/// but it is never claimed optimal unless it costs nothing, and its bound is 0.
@Suite("Resumable jobs: the planner's interim reading")
struct ResumableInterimTests {
    static func scenario(_ name: String) throws -> Scenario {
        try Scenario.load(path: Repository.dataset("contract/\(name).scenario.json"))
    }

    static let strategies: [any PlanningStrategy] = [MILPStrategy(), GreedyStrategy()]

    @Test func nightExampleIsPlannedWithoutPausesAndNotClaimedOptimal() throws {
        let scenario = try Self.scenario("resumable-night")
        for strategy in Self.strategies {
            let (result, report) = planAndVerify(scenario, strategy)
            // Straight through, J-1 (3 slots, Monday 08:00–18:00) can start at 15:00 at
            // the latest, one slot from its preferred 16:00; J-2 keeps 09:00 on Tuesday.
            #expect(report.objective == 1)
            #expect(result.status == .feasible)
            #expect(result.bound == 0)
            let j1 = try #require(result.assignment("J-1"))
            #expect(j1.work == [.init(start: j1.start, end: j1.end)])
            #expect(result.assignment("J-2")?.work == nil)
            #expect(!result.problems.isEmpty)
        }
    }

    @Test func aPlanThatCostsNothingIsStillOptimal() throws {
        var file = try Scenario.load(path: Repository.dataset("contract/resumable-night.scenario.json")).file
        file.jobs[0].preferredStarts = nil
        let scenario = try Scenario(file: file)
        for strategy in Self.strategies {
            let (result, report) = planAndVerify(scenario, strategy)
            #expect(report.objective == 0)
            #expect(result.status == .optimal)
        }
    }

    @Test func scenariosWithoutResumableJobsAreUnchanged() throws {
        var file = try Scenario.load(path: Repository.dataset("contract/resumable-night.scenario.json")).file
        file.jobs[0].resumable = nil
        let (result, _) = planAndVerify(try Scenario(file: file))
        #expect(result.status == .optimal)
        #expect(result.bound == 1)
        #expect(result.problems.isEmpty)
        #expect(result.assignment("J-1")?.work == nil)
    }
}
