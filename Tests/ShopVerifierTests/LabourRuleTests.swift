import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

/// Rule 7 as the verifier reads it: per local date of the start, the minutes of the
/// jobs with a mechanic, at most `labourMinutesPerDay.limit`.
@Suite("Verifier: labour minutes per day")
struct LabourRuleTests {
    /// Three bays, three mechanics all day, two days 08:00–18:00, 30-minute slots.
    static func shop(limit: Int?, warn: Int? = nil, jobs: [ScenarioFile.Job]) throws -> Scenario {
        var shop = ShopBuilder()
        shop.slotMinutes = 30
        shop.days = 2
        shop.hours = [["08:00", "18:00"]]
        shop.labour = limit == nil && warn == nil ? nil : .init(limit: limit, warnAbove: warn)
        for b in ["B1", "B2", "B3"] { shop.bay(b) }
        for m in ["M1", "M2", "M3"] {
            shop.mechanic(m, shifts: [("08:00", "18:00"), ("2026-11-24T08:00", "2026-11-24T18:00")])
        }
        shop.jobs = jobs
        return try shop.scenario()
    }

    static func plan(_ scenario: Scenario, _ rows: [(String, String, String, String?)]) -> VerificationReport {
        let slot = scenario.facility.slotMinutes
        let assignments = rows.map { row in
            let minutes = scenario.jobs.first { $0.id == row.0 }!.durationMinutes
            let end = LocalDateTime(at(row.1))!.adding(minutes: (minutes + slot - 1) / slot * slot)
            return SolutionFile.Assignment(
                job: row.0, start: at(row.1), end: end.description, bay: row.2, mechanic: row.3)
        }
        let placed = Set(rows.map(\.0))
        let solution = SolutionFile(
            scenario: scenario.facility.id, strategy: "test", status: "feasible", objective: nil, bound: nil,
            seconds: 0, assignments: assignments,
            unscheduled: scenario.jobs.filter { !placed.contains($0.id) }.map { .init(job: $0.id, reasons: []) })
        return PlanVerifier.verify(solution, against: scenario)
    }

    static let jobs = [
        job("A", minutes: 120), job("B", minutes: 90), job("C", minutes: 30),
        job("N", minutes: 60, mode: MechanicMode.none), job("O", minutes: 45, mode: .optional),
    ]

    @Test func exactlyAtTheLimitIsKept() throws {
        let scenario = try Self.shop(limit: 240, jobs: Self.jobs)
        let report = Self.plan(
            scenario, [("A", "08:00", "B1", "M1"), ("B", "08:00", "B2", "M2"), ("C", "08:00", "B3", "M3")])
        #expect(report.violations.isEmpty, "\(report)")
    }

    @Test func oneMinuteOverIsRejectedNamingTheDayAndJobs() throws {
        var jobs = Self.jobs
        jobs[2].durationMinutes = 31  // still one slot, but 241 minutes booked
        let scenario = try Self.shop(limit: 240, jobs: jobs)
        let report = Self.plan(
            scenario, [("A", "08:00", "B1", "M1"), ("B", "08:00", "B2", "M2"), ("C", "08:00", "B3", "M3")])
        #expect(report.violations.map(\.rule) == [.labour])
        let message = report.violations.first?.message ?? ""
        #expect(message.contains("2026-11-23") && message.contains("241") && message.contains("A, B, C"))
    }

    // Jobs without a mechanic book nothing: mode none, and optional placed without one.
    @Test func jobsWithoutAMechanicDoNotCount() throws {
        let scenario = try Self.shop(limit: 210, jobs: Self.jobs)
        let report = Self.plan(
            scenario,
            [
                ("A", "08:00", "B1", "M1"), ("B", "08:00", "B2", "M2"), ("N", "10:00", "B1", nil),
                ("O", "10:00", "B2", nil),
            ])
        #expect(report.violations.isEmpty, "\(report)")
        let withMechanic = Self.plan(
            scenario, [("A", "08:00", "B1", "M1"), ("B", "08:00", "B2", "M2"), ("O", "10:00", "B2", "M3")])
        #expect(withMechanic.violations.map(\.rule) == [.labour])
    }

    @Test func aDayWithNoMechanicJobsBooksNothingEvenUnderALimitOfZero() throws {
        let scenario = try Self.shop(limit: 0, jobs: Self.jobs)
        #expect(Self.plan(scenario, [("N", "08:00", "B1", nil), ("O", "09:00", "B1", nil)]).violations.isEmpty)
        #expect(Self.plan(scenario, [("C", "08:00", "B1", "M1")]).violations.map(\.rule) == [.labour])
    }

    // Each day is counted apart: 240 on Monday and 240 on Tuesday keep a limit of 240.
    @Test func daysAreCountedApart() throws {
        let scenario = try Self.shop(limit: 240, jobs: Self.jobs)
        let split = Self.plan(
            scenario,
            [("A", "08:00", "B1", "M1"), ("B", "2026-11-24T08:00", "B1", "M1"), ("C", "2026-11-24T08:00", "B2", "M2")])
        #expect(split.violations.isEmpty, "\(split)")
        let together = Self.plan(
            scenario,
            [
                ("A", "2026-11-24T08:00", "B1", "M1"), ("B", "2026-11-24T10:00", "B1", "M1"),
                ("O", "2026-11-24T08:00", "B2", "M2"),
            ])
        #expect(together.violations.map(\.rule) == [.labour])
        #expect(together.violations[0].message.contains("2026-11-24"))
    }

    // A job past midnight counts whole on the day it starts (a 24-hour shop).
    @Test func aJobPastMidnightCountsOnItsStartDay() throws {
        var shop = ShopBuilder()
        shop.slotMinutes = 60
        shop.days = 2
        shop.hours = [["00:00", "24:00"]]
        shop.labour = .init(limit: 240)
        shop.bay("B1")
        shop.bay("B2")
        shop.mechanic("M1", shifts: [("00:00", "2026-11-25T00:00")])
        shop.mechanic("M2", shifts: [("00:00", "2026-11-25T00:00")])
        shop.jobs = [job("NIGHT", minutes: 240), job("DAY2", minutes: 60)]
        let scenario = try shop.scenario()
        // NIGHT 22:00 Monday to 02:00 Tuesday books 240 on Monday; Tuesday has room for DAY2.
        let report = Self.plan(
            scenario, [("NIGHT", "22:00", "B1", "M1"), ("DAY2", "2026-11-24T01:00", "B2", "M2")])
        #expect(report.violations.isEmpty, "\(report)")
        let both = Self.plan(scenario, [("NIGHT", "22:00", "B1", "M1"), ("DAY2", "20:00", "B2", "M2")])
        #expect(both.violations.map(\.rule) == [.labour])
    }

    // The warning is no rule of plans.
    @Test func aboveTheWarningIsStillFeasible() throws {
        let scenario = try Self.shop(limit: nil, warn: 60, jobs: Self.jobs)
        #expect(Self.plan(scenario, [("A", "08:00", "B1", "M1")]).violations.isEmpty)
    }
}
