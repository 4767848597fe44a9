import Foundation
import Testing

/// Resumable jobs through the CLI (contract §7): the examples validate and verify, the
/// planner's solution pauses and carries `work`, and a resumable pin that cannot hold names its path.
@Suite("resumable jobs")
struct ResumableCLITests {
    @Test func examplesValidateAndVerify() async throws {
        let box = try Sandbox()
        for name in ["resumable-lunch", "resumable-night"] {
            let scenario = CLI.dataset("contract/\(name).scenario.json")
            let valid = try await box.run("validate", scenario)
            #expect(valid.status == 0, "stderr: \(valid.stderr)")
            let verified = try await box.run("verify", scenario, CLI.dataset("contract/\(name).solution.json"))
            #expect(verified.status == 0, "stderr: \(verified.stderr)")
        }
    }

    @Test func solveWritesWorkAndVerifies() async throws {
        let box = try Sandbox()
        let scenario = CLI.dataset("contract/resumable-night.scenario.json")
        let solved = try await box.run("solve", scenario, "--format", "json", "--output", box.path("plan.json"))
        #expect(solved.status == 0, "stderr: \(solved.stderr)")
        let plan = try String(contentsOfFile: box.path("plan.json"), encoding: .utf8)
        // The contract's optimum: J-1 pauses overnight, ending Tuesday 09:00, and costs 0.
        #expect(plan.contains("\"work\""))
        #expect(plan.contains("\"status\" : \"optimal\"") || plan.contains("\"status\": \"optimal\""))
        #expect(plan.contains("2026-11-24T09:00"))
        let verified = try await box.run("verify", scenario, box.path("plan.json"))
        #expect(verified.status == 0, "stderr: \(verified.stderr)")
    }

    @Test func aResumablePinThatCannotHoldNamesItsPath() async throws {
        let box = try Sandbox()
        var text = try String(
            contentsOfFile: CLI.dataset("contract/resumable-lunch.scenario.json"), encoding: .utf8)
        // 12:00 is lunch: not a work slot.
        text = text.replacingOccurrences(
            of: #""resumable": true,"#,
            with: #""resumable": true, "pinned": { "start": "2026-11-23T12:00", "bay": "LIFT-1", "mechanic": null },"#)
        let scenario = try box.write("pinned.json", text)
        let result = try await box.run("solve", scenario, "--format", "json")
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("jobs[0].pinned"), "stderr: \(result.stderr)")
    }
}
