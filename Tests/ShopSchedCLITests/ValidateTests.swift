import Foundation
import Testing

/// `shopsched validate`: the contract says every bundled dataset must validate.
@Suite("validate")
struct ValidateTests {
    // Why: the datasets are the examples users copy; each must pass validation (exit 0)
    // with a one-line summary on stdout and nothing on stderr.
    @Test(arguments: [
        "small-shop-day.json", "busy-day.json", "week.json", "reference/p1.scenario.json",
        "reference/p2.scenario.json", "reference/p3.scenario.json",
    ])
    func bundledDatasetIsValid(name: String) async throws {
        let box = try Sandbox()
        let result = try await box.run("validate", CLI.dataset(name))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("valid"))
        #expect(result.stderr.isEmpty)
    }

    // Why: validate is the tool for fixing a file, so it must list every problem with its path.
    @Test func badFileListsEveryProblemWithItsPath() async throws {
        let box = try Sandbox()
        let scenario = try box.write("bad.json", Scenarios.threeErrors)
        let result = try await box.run("validate", scenario)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == Scenarios.threeErrorPaths.count, "stderr:\n\(result.stderr)")
        for path in Scenarios.threeErrorPaths {
            #expect(result.stderr.contains(path + ":"), "\(path) missing from:\n\(result.stderr)")
        }
    }

    // Why: a pin off the slot grid is rejected by the contract ("must lie on a boundary").
    @Test func pinOffTheSlotGridIsRejected() async throws {
        let box = try Sandbox()
        let scenario = try box.write(
            "offgrid.json",
            Scenarios.make(
                bays: [#"{ "id": "BAY-A", "type": "GENERAL_SERVICE_BAY" }"#],
                mechanics: [Scenarios.mechanic("M-1", [])],
                jobs: [
                    #"{ "id": "J-1", "durationMinutes": 30, "bayTypes": ["GENERAL_SERVICE_BAY"], "pinned": { "start": "2026-11-23T09:10", "bay": "BAY-A", "mechanic": "M-1" } }"#
                ]))
        let result = try await box.run("validate", scenario)
        #expect(result.status == 2)
        #expect(result.stderr.contains("jobs[0].pinned.start"), "stderr: \(result.stderr)")
    }
}
