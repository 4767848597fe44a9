import Foundation
import ShopDomain
import ShopPlanner
import ShopVerifier
import Testing

/// A tiny builder for hand-made scenarios: one facility, a horizon starting
/// Monday 2026-11-23, every weekday open with `hours`.
struct ShopBuilder {
    var slotMinutes = 15
    var days = 1
    var hours: [[String]] = [["08:00", "12:00"]]
    var maxConcurrent: Int? = nil
    var bays: [ScenarioFile.Bay] = []
    var mechanics: [ScenarioFile.Mechanic] = []
    var jobs: [ScenarioFile.Job] = []
    var weights: ScenarioFile.Weights? = nil
    var closedDates: [String]? = nil

    static let day = "2026-11-23"

    func file() -> ScenarioFile {
        var operating: [String: [[String]]] = [:]
        for key in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] { operating[key] = hours }
        return ScenarioFile(
            facility: .init(id: "TEST", timeZone: "America/Chicago", slotMinutes: slotMinutes,
                            horizon: .init(start: Self.day, days: days), operatingHours: operating,
                            closedDates: closedDates, maxConcurrent: maxConcurrent),
            bays: bays, mechanics: mechanics, jobs: jobs, weights: weights)
    }

    func scenario() throws -> Scenario { try Scenario(file: file()) }

    mutating func bay(_ id: String, _ type: BayType = .generalService, outOfService: [(String, String)] = []) {
        bays.append(.init(id: id, type: type.rawValue,
                          outOfService: outOfService.isEmpty ? nil : outOfService.map { .init(start: at($0.0), end: at($0.1)) }))
    }

    mutating func mechanic(_ id: String, skills: [String] = [], shifts: [(String, String)] = [("08:00", "18:00")],
                           active: Bool = true) {
        mechanics.append(.init(id: id, skills: skills, active: active,
                               shifts: shifts.map { .init(start: at($0.0), end: at($0.1)) }))
    }
}

/// `"09:30"` → `"2026-11-23T09:30"`; a full date-time passes through.
func at(_ time: String) -> String { time.contains("T") ? time : "\(ShopBuilder.day)T\(time)" }

func job(_ id: String, minutes: Int, bays: [BayType] = [.generalService], skills: [String] = [],
         preferredSkills: [String]? = nil, mode: MechanicMode? = nil, priority: Int? = nil,
         window: (String, String)? = nil, preferred: [String]? = nil,
         pinned: (String, String, String?)? = nil, current: (String, String, String?)? = nil) -> ScenarioFile.Job {
    ScenarioFile.Job(
        id: id, durationMinutes: minutes, bayTypes: bays.map(\.rawValue), requiredSkills: skills,
        preferredSkills: preferredSkills, mechanic: mode?.rawValue, priority: priority,
        window: window.map { .init(earliest: at($0.0), latest: at($0.1)) },
        preferredStarts: preferred?.map(at),
        pinned: pinned.map { .init(start: at($0.0), bay: $0.1, mechanic: $0.2) },
        current: current.map { .init(start: at($0.0), bay: $0.1, mechanic: $0.2) })
}

/// Plans with `strategy` and checks the plan with the independent verifier:
/// feasible, and the objective the planner claims is the contract's sum.
@discardableResult
func planAndVerify(_ scenario: Scenario, _ strategy: any PlanningStrategy = MILPStrategy(),
                   timeLimit: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) -> (PlanResult, VerificationReport) {
    var options = PlanOptions()
    options.timeLimitSeconds = timeLimit
    let result = strategy.plan(Instance(scenario), options: options)
    let report = PlanVerifier(scenario: scenario).verify(result.solutionFile())
    #expect(report.violations == [], "\(report)", sourceLocation: sourceLocation)
    if result.status == .optimal || result.status == .feasible {
        #expect(result.objective == report.objective, sourceLocation: sourceLocation)
        #expect(result.bound! <= result.objective!, sourceLocation: sourceLocation)
    }
    return (result, report)
}

extension PlanResult {
    /// The solution file's assignment of a job, by id.
    func assignment(_ id: String) -> SolutionFile.Assignment? {
        solutionFile().assignments.first { $0.job == id }
    }
    func reasons(_ id: String) -> [String] {
        solutionFile().unscheduled.first { $0.job == id }?.reasons ?? []
    }
}

/// Locates files of the repository from this source file.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func dataset(_ name: String) -> String { packageRoot.appendingPathComponent("datasets/\(name)").path }
    /// A reference scenario with a proven optimum (datasets/reference/README.md).
    static func reference(_ name: String) -> String { dataset("reference/\(name)") }
}
