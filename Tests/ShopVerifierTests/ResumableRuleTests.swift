import Foundation
import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

/// The verifier's reading of contract §7 (resumable jobs), on the two example files and
/// on small variants of them; every plan here is written by hand.
@Suite("Resumable jobs: the verifier")
struct ResumableRuleTests {
    static func scenarioFile(_ name: String) throws -> ScenarioFile {
        try JSONFiles.decode(
            ScenarioFile.self,
            from: try Data(contentsOf: URL(fileURLWithPath: Repository.dataset("contract/\(name).scenario.json"))))
    }

    static func solution(_ name: String) throws -> SolutionFile {
        try SolutionFile.load(
            from: try Data(contentsOf: URL(fileURLWithPath: Repository.dataset("contract/\(name).solution.json"))))
    }

    typealias Row = SolutionFile.Assignment

    /// A `feasible` solution of `rows`, every other job unscheduled.
    static func verify(_ file: ScenarioFile, _ rows: [Row]) throws -> VerificationReport {
        let scenario = try Scenario(file: file)
        let assigned = Set(rows.map(\.job))
        let solution = SolutionFile(
            scenario: scenario.facility.id, strategy: "hand", status: "feasible", objective: nil, bound: nil,
            seconds: 0, assignments: rows,
            unscheduled: scenario.jobs.filter { !assigned.contains($0.id) }.map { .init(job: $0.id, reasons: []) })
        return PlanVerifier.verify(solution, against: scenario)
    }

    static func rules(_ report: VerificationReport) -> [Violation.Rule] { report.violations.map(\.rule) }

    static func range(_ start: String, _ end: String) -> SolutionFile.WorkRange { .init(start: start, end: end) }

    /// The night example with M-1 leaving at 17:00 on Monday while the shop stays open to 18:00.
    static func earlyLeaver() throws -> ScenarioFile {
        var file = try scenarioFile("resumable-night")
        file.mechanics[0].shifts = [
            .init(start: "2026-11-23T08:00", end: "2026-11-23T17:00"),
            .init(start: "2026-11-24T08:00", end: "2026-11-24T18:00"),
        ]
        file.jobs[1].mechanic = "none"
        file.jobs[1].preferredStarts = nil
        return file
    }

    @Test func lunchExampleTermsAndWorkAreRight() throws {
        let solution = try Self.solution("resumable-lunch")
        let scenario = try Scenario(file: try Self.scenarioFile("resumable-lunch"))
        let report = PlanVerifier.verify(solution, against: scenario)
        #expect(report.violations == [])
        #expect(report.objective == 0)
        // Without `work` the plan is the same plan: `work` is checked only when given.
        var bare = solution
        bare.assignments[0].work = nil
        #expect(PlanVerifier.verify(bare, against: scenario).violations == [])
    }

    @Test func endMustBeTheEndOfTheLastWorkSlot() throws {
        // s + d = 15:00 is what a straight-through job would end at; the rule's e is 16:00.
        let row = Row(job: "J-1", start: "2026-11-23T10:00", end: "2026-11-23T15:00", bay: "LIFT-1", mechanic: nil)
        let report = try Self.verify(try Self.scenarioFile("resumable-lunch"), [row])
        #expect(Self.rules(report) == [.format])
        #expect(report.violations[0].message.contains("should be 2026-11-23T16:00"))
    }

    @Test func wrongWorkRangesAreRejected() throws {
        let file = try Self.scenarioFile("resumable-lunch")
        var row = try Self.solution("resumable-lunch").assignments[0]
        // One range straight through lunch, and the right ranges split where they need not be.
        for wrong in [
            [Self.range("2026-11-23T10:00", "2026-11-23T16:00")],
            [
                Self.range("2026-11-23T10:00", "2026-11-23T11:00"), Self.range("2026-11-23T11:00", "2026-11-23T12:00"),
                Self.range("2026-11-23T13:00", "2026-11-23T16:00"),
            ],
            [Self.range("2026-11-23T13:00", "2026-11-23T16:00"), Self.range("2026-11-23T10:00", "2026-11-23T12:00")],
        ] {
            row.work = wrong
            let report = try Self.verify(file, [row])
            #expect(Self.rules(report) == [.format])
            #expect(report.violations.first?.message.contains("its work") == true)
        }
    }

    @Test func workOnAJobThatIsNotResumableIsRejected() throws {
        var file = try Self.scenarioFile("resumable-lunch")
        file.jobs[0].resumable = false
        file.jobs[0].durationMinutes = 120
        let row = Row(
            job: "J-1", start: "2026-11-23T10:00", end: "2026-11-23T12:00", bay: "LIFT-1", mechanic: nil,
            work: [Self.range("2026-11-23T10:00", "2026-11-23T12:00")])
        #expect(Self.rules(try Self.verify(file, [row])) == [.format])
    }

    @Test func theStartMustBeAWorkSlot() throws {
        let file = try Self.scenarioFile("resumable-lunch")
        // 12:00 is lunch: the shop is closed at the start.
        let lunch = Row(job: "J-1", start: "2026-11-23T12:00", end: "2026-11-23T18:00", bay: "LIFT-1", mechanic: nil)
        #expect(Self.rules(try Self.verify(file, [lunch])).contains(.hours))
        // The early leaver is off shift at 17:00 while the shop is open: a mechanic problem.
        let off = Row(job: "J-1", start: "2026-11-23T17:00", end: "2026-11-24T11:00", bay: "BAY-1", mechanic: "M-1")
        let report = try Self.verify(try Self.earlyLeaver(), [off])
        #expect(Self.rules(report).contains(.mechanic))
        #expect(!Self.rules(report).contains(.hours))
    }

    @Test func workThatCannotFinishInTheHorizonIsRejected() throws {
        // From Tuesday 16:00, two work slots are left before the horizon ends; J-1 needs three.
        let row = Row(job: "J-1", start: "2026-11-24T16:00", end: "2026-11-24T18:00", bay: "BAY-1", mechanic: "M-1")
        let report = try Self.verify(try Self.scenarioFile("resumable-night"), [row])
        #expect(Self.rules(report) == [.hours])
        #expect(report.violations[0].message.contains("before the horizon ends"))
    }

    @Test func windowAppliesToTheEnd() throws {
        var file = try Self.scenarioFile("resumable-night")
        file.jobs[0].window = .init(latest: "2026-11-24T08:30")
        let row = try Self.solution("resumable-night").assignments[0]
        // e is Tuesday 09:00, after latest (08:30 rounds down to 08:00).
        #expect(Self.rules(try Self.verify(file, [row])) == [.window])
    }

    @Test func mechanicDoubleBookedInAWorkSlotIsRejected() throws {
        let file = try Self.scenarioFile("resumable-night")
        let rows = try Self.solution("resumable-night").assignments
        // J-2 at Tuesday 08:00 meets J-1's last work slot.
        var clash = rows[1]
        clash.start = "2026-11-24T08:00"
        clash.end = "2026-11-24T09:00"
        let report = try Self.verify(file, [rows[0], clash])
        #expect(Self.rules(report) == [.mechanicOverlap])
        // Monday 15:00, the slot before J-1 starts, is free.
        clash.start = "2026-11-23T15:00"
        clash.end = "2026-11-23T16:00"
        #expect(Self.rules(try Self.verify(file, [rows[0], clash])) == [])
    }

    @Test func bayHeldDuringThePause() throws {
        let file = try Self.earlyLeaver()
        // J-1 from Monday 16:00 with M-1: works 16:00–17:00, pauses 17:00–18:00 (M-1 gone,
        // shop open), works Tuesday 08:00–10:00. So e is Tuesday 10:00.
        let j1 = Row(
            job: "J-1", start: "2026-11-23T16:00", end: "2026-11-24T10:00", bay: "BAY-1", mechanic: "M-1",
            work: [
                Self.range("2026-11-23T16:00", "2026-11-23T17:00"), Self.range("2026-11-24T08:00", "2026-11-24T10:00"),
            ])
        let other = Row(job: "J-2", start: "2026-11-23T17:00", end: "2026-11-23T18:00", bay: "BAY-1", mechanic: nil)
        #expect(Self.rules(try Self.verify(file, [j1])) == [])
        #expect(Self.rules(try Self.verify(file, [j1, other])) == [.bayOverlap])
        // On the other bay, J-2 may run in the pause.
        var elsewhere = other
        elsewhere.bay = "BAY-2"
        #expect(Self.rules(try Self.verify(file, [j1, elsewhere])) == [])
    }

    @Test func outOfServiceDuringThePauseIsRejected() throws {
        var file = try Self.scenarioFile("resumable-lunch")
        file.bays[0].outOfService = [.init(start: "2026-11-23T12:15", end: "2026-11-23T12:45")]
        let row = try Self.solution("resumable-lunch").assignments[0]
        #expect(Self.rules(try Self.verify(file, [row])) == [.outOfService])
        // Out of service before s does not meet [s, e).
        file.bays[0].outOfService = [.init(start: "2026-11-23T08:00", end: "2026-11-23T10:00")]
        #expect(Self.rules(try Self.verify(file, [row])) == [])
    }

    @Test func capacityCountsOnlyWorkSlots() throws {
        var file = try Self.earlyLeaver()
        file.facility.maxConcurrent = 1
        let j1 = Row(job: "J-1", start: "2026-11-23T16:00", end: "2026-11-24T10:00", bay: "BAY-1", mechanic: "M-1")
        // In the pause (Monday 17:00) J-1 runs no work slot, so J-2 keeps maxConcurrent 1.
        let pause = Row(job: "J-2", start: "2026-11-23T17:00", end: "2026-11-23T18:00", bay: "BAY-2", mechanic: nil)
        #expect(Self.rules(try Self.verify(file, [j1, pause])) == [])
        // At Tuesday 09:00 J-1 works: two jobs at once.
        let work = Row(job: "J-2", start: "2026-11-24T09:00", end: "2026-11-24T10:00", bay: "BAY-2", mechanic: nil)
        #expect(Self.rules(try Self.verify(file, [j1, work])) == [.capacity])
    }
}

extension ResumableRuleTests {
    @Test func workThatTheMechanicCannotFinishIsAMechanicProblem() throws {
        var file = try Self.scenarioFile("resumable-night")
        // M-1 has no Tuesday shift: from Monday 16:00 the shop would finish by Tuesday 09:00,
        // M-1 never does.
        file.mechanics[0].shifts = [.init(start: "2026-11-23T08:00", end: "2026-11-23T18:00")]
        let row = Row(job: "J-1", start: "2026-11-23T16:00", end: "2026-11-24T09:00", bay: "BAY-1", mechanic: "M-1")
        #expect(Self.rules(try Self.verify(file, [row])) == [.mechanic])
    }
}
