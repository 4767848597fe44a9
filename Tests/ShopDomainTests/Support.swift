import Foundation
import ShopDomain
import Testing

/// Shared inputs and helpers for the ShopDomain tests.
enum Sample {
    /// The contract's example scenario, with every optional field given (current with a null mechanic,
    /// a second job in mode optional with a window given only at one end).
    static let fullJSON = """
        {
          "format": "shopsched.scenario/1",
          "facility": {
            "id": "FAC-1",
            "timeZone": "America/Chicago",
            "slotMinutes": 15,
            "horizon": { "start": "2026-11-23", "days": 1 },
            "operatingHours": { "mon": [["08:00", "18:00"]], "tue": [["08:00", "18:00"]],
                                "sat": [["09:00", "13:00"]] },
            "closedDates": ["2026-11-26"],
            "maxConcurrent": 7
          },
          "bays": [
            { "id": "BAY-1", "type": "LIFT_BAY",
              "outOfService": [{ "start": "2026-11-23T12:00", "end": "2026-11-23T14:00" }] }
          ],
          "mechanics": [
            { "id": "M-1", "skills": ["BRAKES", "ENGINE"], "active": true,
              "shifts": [{ "start": "2026-11-23T08:00", "end": "2026-11-23T16:00" }] }
          ],
          "jobs": [
            { "id": "J-1", "durationMinutes": 90, "bayTypes": ["LIFT_BAY"],
              "requiredSkills": ["BRAKES"], "preferredSkills": ["ENGINE"],
              "mechanic": "required",
              "priority": 2,
              "window": { "earliest": "2026-11-23T08:00", "latest": "2026-11-23T18:00" },
              "preferredStarts": ["2026-11-23T09:00", "2026-11-23T14:00"],
              "pinned":  { "start": "2026-11-23T09:00", "bay": "BAY-1", "mechanic": "M-1" },
              "current": { "start": "2026-11-23T09:00", "bay": "BAY-1", "mechanic": null } },
            { "id": "J-2", "durationMinutes": 30, "bayTypes": ["LIFT_BAY", "TIRE_BAY"],
              "requiredSkills": [], "preferredSkills": [], "mechanic": "optional", "priority": 1,
              "window": { "earliest": "2026-11-23T10:00" }, "preferredStarts": [] }
          ],
          "weights": { "unscheduled": 1000, "startDeviationPerSlot": 1,
                       "missingPreferredSkill": 5, "unassignedMechanic": 200,
                       "moved": 50, "changedBay": 10, "changedMechanic": 20,
                       "mechanicUsed": 0 }
        }
        """

    /// Only what the contract does not call optional; two days of horizon.
    static let minimalJSON = """
        {
          "format": "shopsched.scenario/1",
          "facility": {
            "id": "FAC-MIN", "timeZone": "Europe/Berlin", "slotMinutes": 30,
            "horizon": { "start": "2026-11-23", "days": 2 },
            "operatingHours": { "mon": [["08:00", "24:00"]] }
          },
          "bays": [ { "id": "B", "type": "GENERAL_SERVICE_BAY" } ],
          "mechanics": [ { "id": "M", "skills": ["ENGINE"],
                           "shifts": [{ "start": "2026-11-23T08:00", "end": "2026-11-23T16:00" }] } ],
          "jobs": [ { "id": "J", "durationMinutes": 45, "bayTypes": ["GENERAL_SERVICE_BAY"], "requiredSkills": [] } ]
        }
        """

    /// The optional keys of the contract (none of them may appear when re-encoding `minimalJSON`).
    static let optionalKeys: Set<String> = [
        "closedDates", "maxConcurrent", "outOfService", "active", "preferredSkills", "mechanic",
        "priority", "window", "preferredStarts", "pinned", "current", "resumable", "weights",
    ]

    static let solutionJSON = """
        {
          "format": "shopsched.solution/1",
          "scenario": "FAC-1",
          "strategy": "milp",
          "status": "feasible",
          "objective": 1234,
          "bound": 1200,
          "seconds": 0.42,
          "assignments": [
            { "job": "J-1", "start": "2026-11-23T09:00", "end": "2026-11-23T10:30", "bay": "BAY-1", "mechanic": "M-1" },
            { "job": "J-2", "start": "2026-11-23T11:00", "end": "2026-11-23T11:30", "bay": "BAY-1", "mechanic": null }
          ],
          "unscheduled": [ { "job": "J-9", "reasons": ["NO_QUALIFIED_MECHANIC", "CAPACITY"] } ]
        }
        """

    static func fullFile() throws -> ScenarioFile {
        try JSONFiles.decode(ScenarioFile.self, from: Data(fullJSON.utf8))
    }

    static func minimalFile() throws -> ScenarioFile {
        try JSONFiles.decode(ScenarioFile.self, from: Data(minimalJSON.utf8))
    }

    /// The issue paths of validating the full example after `edit` (empty when it validates).
    static func paths(_ edit: (inout ScenarioFile) -> Void) throws -> [String] {
        var file = try fullFile()
        edit(&file)
        return issues(file).map(\.path)
    }

    /// The issue paths of validating the minimal file (no pins, no windows) after `edit`.
    static func minimalPaths(_ edit: (inout ScenarioFile) -> Void) throws -> [String] {
        var file = try minimalFile()
        edit(&file)
        return issues(file).map(\.path)
    }

    static func issues(_ file: ScenarioFile) -> [ValidationIssue] {
        do {
            _ = try Scenario(file: file)
            return []
        } catch {
            return error.issues
        }
    }

    /// The issues of loading JSON text (empty when it loads).
    static func issues(json: String) -> [ValidationIssue] {
        do {
            _ = try Scenario.load(from: Data(json.utf8))
            return []
        } catch {
            return error.issues
        }
    }

    /// `fullJSON` with one exact piece of text replaced; fails the test if the piece is not there.
    static func fullJSON(replacing old: String, with new: String) throws -> String {
        try #require(fullJSON.contains(old), "sample text changed: \(old)")
        return fullJSON.replacingOccurrences(of: old, with: new)
    }

    /// Every object key anywhere in a JSON document.
    static func allKeys(_ data: Data) throws -> Set<String> {
        func walk(_ value: Any, into keys: inout Set<String>) {
            if let object = value as? [String: Any] {
                for (key, inner) in object {
                    keys.insert(key)
                    walk(inner, into: &keys)
                }
            } else if let array = value as? [Any] {
                for inner in array { walk(inner, into: &keys) }
            }
        }
        var keys = Set<String>()
        walk(try JSONSerialization.jsonObject(with: data), into: &keys)
        return keys
    }

    // MARK: Bundled files

    /// The package root: three levels up from this file (Tests/ShopDomainTests/Support.swift).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var datasetsDirectory: URL { packageRoot.appendingPathComponent("datasets") }
    static var referenceDirectory: URL { datasetsDirectory.appendingPathComponent("reference") }

    static func jsonFiles(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0).path }
    }

    /// Every bundled scenario: the project's datasets and the reference scenarios (datasets/reference).
    static func bundledScenarios() -> [String] {
        jsonFiles(in: datasetsDirectory) + jsonFiles(in: referenceDirectory)
    }
}
