import ShopDomain

/// A small builder for hand-made scenarios: one facility, a horizon starting
/// Monday 2026-11-23 (``day``), every day of the week open with `hours`.
/// Bays, mechanics and jobs are added by the test, so each test reads as the
/// shop it needs.
public struct ShopBuilder: Sendable {
    public var slotMinutes = 15
    public var days = 1
    public var hours: [[String]] = [["08:00", "12:00"]]
    public var maxConcurrent: Int? = nil
    /// `facility.labourMinutesPerDay`.
    public var labour: ScenarioFile.LabourMinutes? = nil
    public var bays: [ScenarioFile.Bay] = []
    public var mechanics: [ScenarioFile.Mechanic] = []
    public var jobs: [ScenarioFile.Job] = []
    public var weights: ScenarioFile.Weights? = nil
    public var closedDates: [String]? = nil

    /// The horizon's first day, a Monday.
    public static let day = "2026-11-23"

    public init() {}

    public func file() -> ScenarioFile {
        var operating: [String: [[String]]] = [:]
        for key in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] { operating[key] = hours }
        return ScenarioFile(
            facility: .init(
                id: "TEST", timeZone: "America/Chicago", slotMinutes: slotMinutes,
                horizon: .init(start: Self.day, days: days), operatingHours: operating,
                closedDates: closedDates, maxConcurrent: maxConcurrent, labourMinutesPerDay: labour),
            bays: bays, mechanics: mechanics, jobs: jobs, weights: weights)
    }

    public func scenario() throws -> Scenario { try Scenario(file: file()) }

    public mutating func bay(_ id: String, _ type: BayType = .generalService, outOfService: [(String, String)] = []) {
        bays.append(
            .init(
                id: id, type: type.rawValue,
                outOfService: outOfService.isEmpty ? nil : outOfService.map { .init(start: at($0.0), end: at($0.1)) }))
    }

    public mutating func mechanic(
        _ id: String, skills: [String] = [], shifts: [(String, String)] = [("08:00", "18:00")],
        active: Bool = true
    ) {
        mechanics.append(
            .init(
                id: id, skills: skills, active: active,
                shifts: shifts.map { .init(start: at($0.0), end: at($0.1)) }))
    }
}

/// `"09:30"` → `"2026-11-23T09:30"` (on ``ShopBuilder/day``); a full
/// date-time passes through.
public func at(_ time: String) -> String { time.contains("T") ? time : "\(ShopBuilder.day)T\(time)" }

/// A job for ``ShopBuilder``, times as ``at(_:)`` reads them.
public func job(
    _ id: String, minutes: Int, bays: [BayType] = [.generalService], skills: [String] = [],
    preferredSkills: [String]? = nil, mode: MechanicMode? = nil, priority: Int? = nil,
    window: (String, String)? = nil, preferred: [String]? = nil,
    pinned: (String, String, String?)? = nil, current: (String, String, String?)? = nil
) -> ScenarioFile.Job {
    ScenarioFile.Job(
        id: id, durationMinutes: minutes, bayTypes: bays.map(\.rawValue), requiredSkills: skills,
        preferredSkills: preferredSkills, mechanic: mode?.rawValue, priority: priority,
        window: window.map { .init(earliest: at($0.0), latest: at($0.1)) },
        preferredStarts: preferred?.map(at),
        pinned: pinned.map { .init(start: at($0.0), bay: $0.1, mechanic: $0.2) },
        current: current.map { .init(start: at($0.0), bay: $0.1, mechanic: $0.2) })
}
