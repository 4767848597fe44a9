import Foundation
import Testing

/// Pins are hard: when they cannot all hold, there is no plan (exit 1) and the CLI
/// must say which pins are at fault.
@Suite("clashing pins")
struct PinTests {
    static let bays = [
        #"{ "id": "BAY-A", "type": "GENERAL_SERVICE_BAY" }"#,
        #"{ "id": "BAY-B", "type": "GENERAL_SERVICE_BAY" }"#,
    ]
    /// Shifts wider than the opening hours, so an early pin breaks only the hours rule.
    static let mechanics = [
        Scenarios.mechanic("M-1", [], from: "06:00", to: "20:00"),
        Scenarios.mechanic("M-2", [], from: "06:00", to: "20:00"),
    ]

    static func pinned(_ id: String, _ time: String, _ bay: String, _ mechanic: String) -> String {
        #"{ "id": "\#(id)", "durationMinutes": 60, "bayTypes": ["GENERAL_SERVICE_BAY"], "pinned": { "start": "2026-11-23T\#(time)", "bay": "\#(bay)", "mechanic": "\#(mechanic)" } }"#
    }
    static let free = #"{ "id": "J-FREE", "durationMinutes": 30, "bayTypes": ["GENERAL_SERVICE_BAY"] }"#

    // Why: two appointments booked onto one bay at overlapping times can never both hold;
    // the shop needs to know which two, and where, to rebook one of them.
    @Test(arguments: ["milp", "greedy"])
    func overlappingPinsOnOneBay(strategy: String) async throws {
        let box = try Sandbox()
        let scenario = try box.write(
            "clash.json",
            Scenarios.make(
                bays: Self.bays, mechanics: Self.mechanics,
                jobs: [
                    Self.pinned("J-ONE", "09:00", "BAY-A", "M-1"), Self.pinned("J-TWO", "09:30", "BAY-A", "M-2"),
                    Self.free,
                ]))
        let result = try await box.run("solve", scenario, "--strategy", strategy, "--format", "json")
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(!result.crashed)
        #expect(result.stderr.contains("J-ONE") && result.stderr.contains("J-TWO"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("BAY-A"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("J-FREE"))
        let solution = try Solution.decode(result.stdoutData)
        #expect(solution.status == "infeasible")
        #expect(solution.assignments.isEmpty)
        #expect(solution.objective == nil)
        #expect(solution.allJobs.sorted() == ["J-FREE", "J-ONE", "J-TWO"])
    }

    // Why: the same holds for one mechanic pinned to two bays at once.
    @Test func overlappingPinsForOneMechanic() async throws {
        let box = try Sandbox()
        let scenario = try box.write(
            "clash.json",
            Scenarios.make(
                bays: Self.bays, mechanics: Self.mechanics,
                jobs: [Self.pinned("J-ONE", "09:00", "BAY-A", "M-1"), Self.pinned("J-TWO", "09:45", "BAY-B", "M-1")]))
        let result = try await box.run("solve", scenario)
        #expect(result.status == 1)
        #expect(result.stderr.contains("J-ONE") && result.stderr.contains("J-TWO"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("M-1"), "stderr: \(result.stderr)")
    }

    // Why: a pin before opening time breaks the hours rule on its own; only that job is named.
    @Test func pinOutsideOperatingHours() async throws {
        let box = try Sandbox()
        let scenario = try box.write(
            "early.json",
            Scenarios.make(
                bays: Self.bays, mechanics: Self.mechanics,
                jobs: [Self.pinned("J-ONE", "09:00", "BAY-A", "M-1"), Self.pinned("J-TWO", "07:00", "BAY-B", "M-2")]))
        let result = try await box.run("solve", scenario)
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("J-TWO"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("J-ONE"), "J-ONE's pin is fine: \(result.stderr)")
    }

    // Why: a scenario whose pins do hold must solve normally (exit 0) with the pins kept.
    @Test func compatiblePinsAreKept() async throws {
        let box = try Sandbox()
        let scenario = try box.write(
            "ok.json",
            Scenarios.make(
                bays: Self.bays, mechanics: Self.mechanics,
                jobs: [
                    Self.pinned("J-ONE", "09:00", "BAY-A", "M-1"), Self.pinned("J-TWO", "09:30", "BAY-B", "M-2"),
                    Self.free,
                ]))
        let result = try await box.run("solve", scenario, "--format", "json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let solution = try Solution.decode(result.stdoutData)
        #expect(
            solution.assignment("J-ONE")
                == .init(
                    job: "J-ONE", start: "2026-11-23T09:00", end: "2026-11-23T10:00", bay: "BAY-A", mechanic: "M-1"))
        #expect(
            solution.assignment("J-TWO")
                == .init(
                    job: "J-TWO", start: "2026-11-23T09:30", end: "2026-11-23T10:30", bay: "BAY-B", mechanic: "M-2"))
    }
}
