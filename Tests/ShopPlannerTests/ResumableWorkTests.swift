import ShopDomain
import ShopPlanner
import ShopTestSupport
import ShopVerifier
import Testing

/// The planner's grid reading of a resumable job's work (``Instance/resumableWork(job:start:mechanic:)``)
/// against the independent verifier's, at every start of a shop with a lunch break, a
/// weekend, a closed date, a night, and a mechanic who leaves before closing.
@Suite("Resumable jobs: the planner's work slots agree with the verifier")
struct ResumableWorkTests {
    /// Thursday 2026-11-26 to Tuesday 2026-12-01, hourly slots; open 08:00–12:00 and
    /// 13:00–18:00 on weekdays, closed at the weekend and on Monday 2026-11-30.
    static func file(durationMinutes: Int) -> ScenarioFile {
        let weekday: [[String]] = [["08:00", "12:00"], ["13:00", "18:00"]]
        let shifts = ["2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01"].map {
            ScenarioFile.TimeRange(start: "\($0)T08:00", end: "\($0)T17:00")
        }
        return ScenarioFile(
            facility: .init(
                id: "RESUMABLE-WEEK", timeZone: "Europe/Berlin", slotMinutes: 60,
                horizon: .init(start: "2026-11-26", days: 6),
                operatingHours: ["thu": weekday, "fri": weekday, "mon": weekday, "tue": weekday],
                closedDates: ["2026-11-30"]),
            bays: [.init(id: "BAY-1", type: "GENERAL_SERVICE_BAY")],
            mechanics: [.init(id: "M-1", shifts: shifts)],
            jobs: [
                .init(
                    id: "J-1", durationMinutes: durationMinutes, bayTypes: ["GENERAL_SERVICE_BAY"],
                    mechanic: "optional", resumable: true)
            ])
    }

    @Test(arguments: [60, 150, 300, 600, 900])
    func everyStartAgrees(durationMinutes: Int) throws {
        let scenario = try Scenario(file: Self.file(durationMinutes: durationMinutes))
        let instance = Instance(scenario)
        let verifier = PlanVerifier(scenario: scenario)
        var accepted = 0
        for s in 0..<instance.slotCount {
            for mechanic: Int? in [nil, 0] {
                let work = instance.resumableWork(job: 0, start: s, mechanic: mechanic)
                let end = work?.last?.upperBound ?? s + instance.jobs[0].length
                func time(_ t: Int) -> String { instance.time(ofSlot: t).description }
                let row = SolutionFile.Assignment(
                    job: "J-1", start: time(s), end: time(end), bay: "BAY-1", mechanic: mechanic.map { _ in "M-1" },
                    work: work?.map { .init(start: time($0.lowerBound), end: time($0.upperBound)) })
                let solution = SolutionFile(
                    scenario: "RESUMABLE-WEEK", strategy: "hand", status: "feasible", objective: nil, bound: nil,
                    seconds: 0, assignments: [row], unscheduled: [])
                let violations = verifier.verify(solution).violations
                if work != nil {
                    #expect(violations == [], "start \(time(s)) with \(row.mechanic ?? "no mechanic")")
                    accepted += 1
                } else {
                    #expect(!violations.isEmpty, "start \(time(s)) with \(row.mechanic ?? "no mechanic")")
                }
            }
        }
        #expect(accepted > 0)
    }

    @Test func acrossTheWeekendAndTheClosedMonday() throws {
        // 15 hours from Friday 13:00 with M-1 (on until 17:00): Friday 13:00–17:00 (4),
        // Tuesday 08:00–12:00 (4) and 13:00–17:00 (4) is 12; the horizon ends Tuesday, so
        // it cannot finish. Without a mechanic: Friday 13:00–18:00 (5), Tuesday 08:00–12:00
        // (4) and 13:00–18:00 (5) is 14: it cannot finish either; 14 hours just can.
        let instance = Instance(try Scenario(file: Self.file(durationMinutes: 900)))
        let friday13 = 24 + 13
        #expect(instance.resumableWork(job: 0, start: friday13, mechanic: 0) == nil)
        #expect(instance.resumableWork(job: 0, start: friday13, mechanic: nil) == nil)
        let fourteen = Instance(try Scenario(file: Self.file(durationMinutes: 840)))
        let tuesday = 5 * 24
        #expect(
            fourteen.resumableWork(job: 0, start: friday13, mechanic: nil)
                == [friday13..<(friday13 + 5), (tuesday + 8)..<(tuesday + 12), (tuesday + 13)..<(tuesday + 18)])
    }
}
