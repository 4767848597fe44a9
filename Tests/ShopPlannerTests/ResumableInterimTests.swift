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

extension ResumableInterimTests {
    static func lunch(pin start: String?, outOfService: ScenarioFile.TimeRange? = nil) throws -> Scenario {
        var file = try Self.scenario("resumable-lunch").file
        file.jobs[0].pinned = start.map { .init(start: $0, bay: "LIFT-1", mechanic: nil) }
        if let outOfService { file.bays[0].outOfService = [outOfService] }
        return try Scenario(file: file)
    }

    @Test func aPinThatHoldsOnlyByPausingIsReportedNotPlanned() throws {
        for strategy in Self.strategies {
            let (result, _) = planAndVerify(try Self.lunch(pin: "2026-11-23T10:00"), strategy)
            #expect(result.status == .error)
            #expect(result.problems.count == 1)
            #expect(result.problems.first?.contains("jobs[0].pinned") == true)
            #expect(result.problems.first?.contains("pauses") == true)
        }
    }

    @Test func aResumablePinThatCannotHoldNamesItsPath() throws {
        let cases: [(Scenario, String)] = [
            // 12:00 is lunch: not a work slot.
            (try Self.lunch(pin: "2026-11-23T12:00"), "cannot work then"),
            // From 14:00, three open slots are left; the job needs five.
            (try Self.lunch(pin: "2026-11-23T14:00"), "cannot finish"),
            // The lift breaks down over lunch, while the job holds it.
            (
                try Self.lunch(
                    pin: "2026-11-23T10:00", outOfService: .init(start: "2026-11-23T12:15", end: "2026-11-23T12:45")),
                "out of service"
            ),
        ]
        for (scenario, words) in cases {
            for strategy in Self.strategies {
                let (result, _) = planAndVerify(scenario, strategy)
                #expect(result.status == .infeasible)
                #expect(result.problems.count == 1)
                #expect(result.problems.first?.contains("pin of J-1 (jobs[0].pinned)") == true)
                #expect(result.problems.first?.contains(words) == true, "\(result.problems)")
            }
        }
    }

    @Test func aResumablePinStraightThroughIsPlanned() throws {
        var file = try Self.scenario("resumable-night").file
        file.jobs[0].pinned = .init(start: "2026-11-23T08:00", bay: "BAY-1", mechanic: "M-1")
        for strategy in Self.strategies {
            let (result, report) = planAndVerify(try Scenario(file: file), strategy)
            // Eight slots from the preferred 16:00; J-2 keeps its 09:00 (on BAY-2, or on
            // BAY-1 after J-1 ends at 11:00: M-1 is busy until then, so not at 09:00 with M-1).
            #expect(result.status == .feasible)
            #expect(result.assignment("J-1")?.end == "2026-11-23T11:00")
            #expect(report.objective == result.objective)
        }
    }
}

extension ResumableInterimTests {
    static func reasons(_ file: ScenarioFile) throws -> [[String]] {
        try Self.strategies.map { strategy in
            let (result, _) = planAndVerify(try Scenario(file: file), strategy)
            return result.reasons("J-1")
        }
    }

    @Test func unscheduledResumableJobsGetTheRuleSReasons() throws {
        // Two days of 10 open hours hold 20 work slots; 25 hours never finish.
        var night = try Self.scenario("resumable-night").file
        night.jobs[0].durationMinutes = 25 * 60
        #expect(try Self.reasons(night) == [["BEYOND_HORIZON"], ["BEYOND_HORIZON"]])

        // Lunch: `latest` 13:30 rounds down to 13:00; the window has five slots, but from
        // 08:00 the work ends at 14:00.
        var lunch = try Self.scenario("resumable-lunch").file
        lunch.jobs[0].window = .init(latest: "2026-11-23T13:30")
        #expect(try Self.reasons(lunch) == [["OUTSIDE_HOURS"], ["OUTSIDE_HOURS"]])

        // The lift is out of service over lunch: every start that finishes holds it then.
        lunch.jobs[0].window = nil
        lunch.bays[0].outOfService = [.init(start: "2026-11-23T12:15", end: "2026-11-23T12:45")]
        #expect(try Self.reasons(lunch) == [["BAY_OUT_OF_SERVICE"], ["BAY_OUT_OF_SERVICE"]])

        // Placeable alone only by pausing over lunch, which this version does not plan:
        // no reason is claimed (neither CAPACITY nor COST would be true).
        lunch.bays[0].outOfService = nil
        #expect(try Self.reasons(lunch) == [[], []])
    }
}
