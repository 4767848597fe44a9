import Foundation
import Testing

/// The solution file (`shopsched.solution/1`) as the contract (`docs/contract.md`) writes it,
/// decoded independently of the engine's own types.
struct Solution: Decodable, Equatable {
    struct Assignment: Decodable, Equatable {
        var job: String
        var start: String
        var end: String
        var bay: String
        var mechanic: String?
    }
    struct Unscheduled: Decodable, Equatable {
        var job: String
        var reasons: [String]
    }
    var format: String
    var scenario: String
    var strategy: String
    var status: String
    var objective: Int?
    var bound: Int?
    var seconds: Double
    var assignments: [Assignment]
    var unscheduled: [Unscheduled]
    var problems: [String]?

    static func decode(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> Solution {
        do {
            return try JSONDecoder().decode(Solution.self, from: data)
        } catch {
            Issue.record(
                "not a solution file: \(error)\n\(String(decoding: data, as: UTF8.self))",
                sourceLocation: sourceLocation)
            throw error
        }
    }

    /// Every job id mentioned, in assignments then unscheduled.
    var allJobs: [String] { assignments.map(\.job) + unscheduled.map(\.job) }

    func assignment(_ job: String) -> Assignment? { assignments.first { $0.job == job } }
}

/// Scenario text for the tests: a one-day Monday facility wrapped around bays, mechanics
/// and jobs given as JSON object literals, so each test shows exactly what it feeds the CLI.
enum Scenarios {
    static let day = "2026-11-23"  // a Monday

    static func make(
        id: String = "FAC-T", hours: String = #"{ "mon": [["08:00", "12:00"]] }"#,
        bays: [String], mechanics: [String], jobs: [String], extraFacility: String = ""
    ) -> String {
        """
        {
          "format": "shopsched.scenario/1",
          "facility": {
            "id": "\(id)", "timeZone": "America/Chicago", "slotMinutes": 15,
            "horizon": { "start": "\(day)", "days": 1 },
            "operatingHours": \(hours)\(extraFacility)
          },
          "bays": [\(bays.joined(separator: ",\n    "))],
          "mechanics": [\(mechanics.joined(separator: ",\n    "))],
          "jobs": [\(jobs.joined(separator: ",\n    "))]
        }
        """
    }

    /// A mechanic with one shift on the Monday.
    static func mechanic(_ id: String, _ skills: [String], from: String = "08:00", to: String = "12:00") -> String {
        let list = skills.map { "\"\($0)\"" }.joined(separator: ", ")
        return
            #"{ "id": "\#(id)", "skills": [\#(list)], "shifts": [{ "start": "\#(day)T\#(from)", "end": "\#(day)T\#(to)" }] }"#
    }

    /// Mon 08:00–12:00, a general bay and a lift, M-1 (BRAKES) and M-2 (TIRES).
    /// The optimum (objective 1000) is unique in starts and bays:
    /// - J-1 60 min general, prefers 09:00          → BAY-A 09:00–10:00
    /// - J-2 30 min general, prefers 08:00          → BAY-A 08:00–08:30 (listed after J-1 on purpose)
    /// - J-3 90 min lift, needs BRAKES, prefers 10:00 → BAY-L 10:00–11:30 with M-1 (the only one with BRAKES)
    /// - J-4 45 min, needs EV, which nobody has      → unscheduled, NO_QUALIFIED_MECHANIC (costs 1000)
    /// - J-5 30 min general, mode none, prefers 10:00 → BAY-A 10:00–10:30, no mechanic
    static let tinyShop = make(
        bays: [
            #"{ "id": "BAY-A", "type": "GENERAL_SERVICE_BAY" }"#,
            #"{ "id": "BAY-L", "type": "LIFT_BAY" }"#,
        ],
        mechanics: [mechanic("M-1", ["BRAKES"]), mechanic("M-2", ["TIRES"])],
        jobs: [
            #"{ "id": "J-1", "durationMinutes": 60, "bayTypes": ["GENERAL_SERVICE_BAY"], "preferredStarts": ["2026-11-23T09:00"] }"#,
            #"{ "id": "J-2", "durationMinutes": 30, "bayTypes": ["GENERAL_SERVICE_BAY"], "preferredStarts": ["2026-11-23T08:00"] }"#,
            #"{ "id": "J-3", "durationMinutes": 90, "bayTypes": ["LIFT_BAY"], "requiredSkills": ["BRAKES"], "preferredStarts": ["2026-11-23T10:00"] }"#,
            #"{ "id": "J-4", "durationMinutes": 45, "bayTypes": ["GENERAL_SERVICE_BAY", "LIFT_BAY"], "requiredSkills": ["EV"] }"#,
            #"{ "id": "J-5", "durationMinutes": 30, "bayTypes": ["GENERAL_SERVICE_BAY"], "mechanic": "none", "preferredStarts": ["2026-11-23T10:00"] }"#,
        ])

    static let tinyShopJobs = ["J-1", "J-2", "J-3", "J-4", "J-5"]

    /// Three problems at once: an unknown bay type (`bays[0].type`), a duplicate job id
    /// (`jobs[1].id`) and a time that is not a time (`jobs[1].window.earliest`).
    static let threeErrors = make(
        bays: [#"{ "id": "BAY-1", "type": "SPACESHIP_BAY" }"#],
        mechanics: [mechanic("M-1", [])],
        jobs: [
            #"{ "id": "J-1", "durationMinutes": 30, "bayTypes": ["GENERAL_SERVICE_BAY"] }"#,
            #"{ "id": "J-1", "durationMinutes": 30, "bayTypes": ["GENERAL_SERVICE_BAY"], "window": { "earliest": "2026-11-23T25:00" } }"#,
        ])
    static let threeErrorPaths = ["bays[0].type", "jobs[1].id", "jobs[1].window.earliest"]
}

/// A JSON object parsed generically, for comparisons and edits that must keep every field.
typealias JSONObject = [String: Any]

func jsonObject(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONObject {
    let object = try JSONSerialization.jsonObject(with: data)
    return try #require(object as? JSONObject, "not a JSON object", sourceLocation: sourceLocation)
}
