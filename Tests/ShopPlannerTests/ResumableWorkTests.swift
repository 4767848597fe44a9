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

    /// The planner's rules for one placement (``Instance/isValidAlone(job:_:)``) and its
    /// starts against the verifier, at every slot, with and without M-1, with a window
    /// ending Tuesday 15:00, and with or without the bay out of service on Friday
    /// 12:00–13:00 (lunch, a pause): a placement is valid alone exactly when the verifier
    /// accepts it; the job's starts (which read time, not bays) are exactly the slots where
    /// an accepted placement begins when the bay is always in service, and hold them all
    /// when it is not.
    @Test(arguments: [60, 300, 600], [false, true])
    func validAloneAgreesWithTheVerifier(durationMinutes: Int, outage: Bool) throws {
        var file = Self.file(durationMinutes: durationMinutes)
        file.jobs[0].window = .init(latest: "2026-12-01T15:00")
        if outage { file.bays[0].outOfService = [.init(start: "2026-11-27T12:00", end: "2026-11-27T13:00")] }
        let scenario = try Scenario(file: file)
        let instance = Instance(scenario)
        let verifier = PlanVerifier(scenario: scenario)
        var valid = Set<Int>()
        for s in 0..<instance.slotCount {
            for mechanic: Int? in [nil, 0] {
                let placement = SlotPlacement(start: s, bay: 0, mechanic: mechanic)
                let solution = SolutionFile.plan(
                    for: scenario,
                    placements: ["J-1": (instance.time(ofSlot: s), "BAY-1", mechanic.map { _ in "M-1" })])
                let accepted = verifier.verify(solution).violations.isEmpty
                #expect(instance.isValidAlone(job: 0, placement) == accepted, "start \(instance.time(ofSlot: s))")
                if accepted { valid.insert(s) }
            }
        }
        #expect(!valid.isEmpty)
        if outage {
            #expect(valid.isSubset(of: instance.jobs[0].starts))
            // A job of more than an hour begun Friday morning pauses over the outage.
            if durationMinutes > 60 { #expect(valid.count < instance.jobs[0].starts.count) }
        } else {
            #expect(instance.jobs[0].starts == valid.sorted())
        }
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
