import ShopDomain
import ShopVerifier

/// The fixture shop: Monday 2026-11-23 (lunch gap 12:00–13:00) and Tuesday,
/// 15-minute slots, with a plan that keeps every rule.
///
/// Base plan (feasible, objective 0 with default weights):
/// - J-1 (90 min, LIFT, needs BRAKES, prefers ENGINE): Mon 09:00–10:30 on BAY-L with M-1
/// - J-2 (60 min, GENERAL, mechanic optional):         Mon 13:00–14:00 on BAY-G with M-2
/// - J-3 (30 min, GENERAL or ALIGNMENT, no mechanic):  Mon 09:00–09:30 on BAY-A
public enum FixtureShop {
    public typealias Placement = (start: LocalDateTime, bay: String, mechanic: String?)

    public static func file() -> ScenarioFile {
        ScenarioFile(
            facility: .init(
                id: "FAC-T", timeZone: "America/Chicago", slotMinutes: 15,
                horizon: .init(start: "2026-11-23", days: 2),
                operatingHours: ["mon": [["08:00", "12:00"], ["13:00", "18:00"]], "tue": [["08:00", "18:00"]]]),
            bays: [
                // Off the grid on purpose: on the grid this is 15:00–16:00.
                .init(
                    id: "BAY-L", type: "LIFT_BAY",
                    outOfService: [.init(start: "2026-11-23T15:05", end: "2026-11-23T15:50")]),
                .init(id: "BAY-L2", type: "LIFT_BAY"),
                .init(id: "BAY-G", type: "GENERAL_SERVICE_BAY"),
                .init(id: "BAY-A", type: "ALIGNMENT_BAY"),
            ],
            mechanics: [
                .init(
                    id: "M-1", skills: ["BRAKES", "ENGINE"],
                    shifts: [
                        .init(start: "2026-11-23T08:00", end: "2026-11-23T16:00"),
                        .init(start: "2026-11-24T08:00", end: "2026-11-24T18:00"),
                    ]),
                .init(
                    id: "M-2", skills: ["BRAKES"], shifts: [.init(start: "2026-11-23T12:00", end: "2026-11-23T18:00")]),
                .init(
                    id: "M-3", skills: ["ENGINE"], shifts: [.init(start: "2026-11-23T08:00", end: "2026-11-23T18:00")]),
                .init(
                    id: "M-X", skills: ["BRAKES", "ENGINE"], active: false,
                    shifts: [.init(start: "2026-11-23T08:00", end: "2026-11-23T18:00")]),
            ],
            jobs: [
                .init(
                    id: "J-1", durationMinutes: 90, bayTypes: ["LIFT_BAY"], requiredSkills: ["BRAKES"],
                    preferredSkills: ["ENGINE"]),
                .init(id: "J-2", durationMinutes: 60, bayTypes: ["GENERAL_SERVICE_BAY"], mechanic: "optional"),
                .init(
                    id: "J-3", durationMinutes: 30, bayTypes: ["GENERAL_SERVICE_BAY", "ALIGNMENT_BAY"], mechanic: "none"
                ),
            ])
    }

    /// The base scenario, after `edit` has changed its file.
    public static func scenario(_ edit: (inout ScenarioFile) -> Void = { _ in }) throws -> Scenario {
        var file = file()
        edit(&file)
        return try Scenario(file: file)
    }

    public static func place(_ start: String, _ bay: String, _ mechanic: String?) -> Placement {
        (start: LocalDateTime(start)!, bay: bay, mechanic: mechanic)
    }

    public static let basePlan: [String: Placement] = [
        "J-1": place("2026-11-23T09:00", "BAY-L", "M-1"),
        "J-2": place("2026-11-23T13:00", "BAY-G", "M-2"),
        "J-3": place("2026-11-23T09:00", "BAY-A", nil),
    ]

    /// The base plan with some jobs re-placed (`nil` leaves a job unscheduled).
    public static func plan(_ changes: [String: Placement?] = [:]) -> [String: Placement] {
        var plan = basePlan
        for (job, placement) in changes { plan[job] = placement }
        return plan
    }

    /// The verifier's report on `placements` as a solution of `scenario`.
    public static func verify(_ scenario: Scenario, _ placements: [String: Placement]) -> VerificationReport {
        PlanVerifier(scenario: scenario).verify(SolutionFile.plan(for: scenario, placements: placements))
    }

    /// The verifier's report on the base plan, after `edit` has changed its file.
    public static func verify(_ scenario: Scenario, _ edit: (inout SolutionFile) -> Void) -> VerificationReport {
        var solution = SolutionFile.plan(for: scenario, placements: basePlan)
        edit(&solution)
        return PlanVerifier(scenario: scenario).verify(solution)
    }

    /// Edits the job `id` of `file`.
    public static func job(_ file: inout ScenarioFile, _ id: String, _ edit: (inout ScenarioFile.Job) -> Void) {
        let index = file.jobs.firstIndex { $0.id == id }!
        edit(&file.jobs[index])
    }
}
