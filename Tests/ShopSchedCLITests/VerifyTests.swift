import Foundation
import Testing

/// `shopsched verify` must catch a tampered plan (exit 1) and say which rule it breaks.
@Suite("verify")
struct VerifyTests {
    /// Solves the tiny shop; returns the scenario path and the solution as editable JSON.
    static func solvedTinyShop(in box: Sandbox) async throws -> (scenario: String, solution: JSONObject) {
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let result = try await box.run("solve", scenario, "--format", "json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return (scenario, try jsonObject(result.stdoutData))
    }

    /// Applies `edit` to the assignments of `solution`.
    static func editAssignments(_ solution: inout JSONObject, _ edit: (inout [JSONObject]) throws -> Void) throws {
        var list = try #require(solution["assignments"] as? [JSONObject])
        try edit(&list)
        solution["assignments"] = list
    }

    static func index(of job: String, in list: [JSONObject]) throws -> Int {
        try #require(list.firstIndex { $0["job"] as? String == job }, "\(job) is scheduled")
    }

    static func write(_ solution: JSONObject, _ name: String, in box: Sandbox) throws -> String {
        try box.write(name, try JSONSerialization.data(withJSONObject: solution, options: [.prettyPrinted]))
    }

    // Why: the untouched plan is the control: verify must accept it, or the tampering
    // tests below would prove nothing.
    @Test func untouchedPlanVerifies() async throws {
        let box = try Sandbox()
        let (scenario, solution) = try await Self.solvedTinyShop(in: box)
        let result = try await box.run("verify", scenario, try Self.write(solution, "plan.json", in: box))
        #expect(result.status == 0, "verify says: \(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("OK"))
    }

    // Why: moving J-2 onto J-1's bay in the middle of J-1's slot (with the other mechanic,
    // so only the bay clashes) is the classic double booking; verify must name the rule.
    @Test func doubleBookedBayIsCaught() async throws {
        let box = try Sandbox()
        var (scenario, solution) = try await Self.solvedTinyShop(in: box)
        try Self.editAssignments(&solution) { list in
            let j1 = list[try Self.index(of: "J-1", in: list)]
            let j2 = try Self.index(of: "J-2", in: list)
            list[j2]["bay"] = j1["bay"]
            list[j2]["start"] = "2026-11-23T09:15"
            list[j2]["end"] = "2026-11-23T09:45"
            // M-1 also does J-3 from 10:00, which 09:15–09:45 does not touch.
            list[j2]["mechanic"] = j1["mechanic"] as? String == "M-1" ? "M-2" : "M-1"
        }
        let result = try await box.run("verify", scenario, try Self.write(solution, "tampered.json", in: box))
        #expect(result.status == 1)
        #expect(result.stdout.contains("[bayOverlap]"), "report: \(result.stdout)")
        #expect(!result.stdout.contains("[mechanicOverlap]"), "report: \(result.stdout)")
        let line = result.stdout.split(separator: "\n").first { $0.contains("[bayOverlap]") } ?? ""
        #expect(line.contains("J-1") && line.contains("J-2") && line.contains("BAY-A"), "report: \(result.stdout)")
    }

    // Why: a plan whose claimed objective is off by one is wrong even if feasible.
    @Test func wrongObjectiveIsCaught() async throws {
        let box = try Sandbox()
        var (scenario, solution) = try await Self.solvedTinyShop(in: box)
        let objective = try #require(solution["objective"] as? Int)
        solution["objective"] = objective - 1
        solution["bound"] = objective - 1
        let result = try await box.run("verify", scenario, try Self.write(solution, "tampered.json", in: box))
        #expect(result.status == 1)
        #expect(result.stdout.contains("[objective]"), "report: \(result.stdout)")
        #expect(!result.stdout.contains("[bayOverlap]"))
    }

    // Why: dropping a job from the file breaks "every job appears exactly once".
    @Test func missingJobIsCaught() async throws {
        let box = try Sandbox()
        var (scenario, solution) = try await Self.solvedTinyShop(in: box)
        try Self.editAssignments(&solution) { list in list.remove(at: try Self.index(of: "J-3", in: list)) }
        let result = try await box.run("verify", scenario, try Self.write(solution, "tampered.json", in: box))
        #expect(result.status == 1)
        #expect(result.stdout.contains("[completeness]"), "report: \(result.stdout)")
        #expect(result.stdout.contains("J-3"))
    }

    // Why: a solution file that is not a solution file is bad input (exit 2), not a verdict.
    @Test func unreadableSolutionIsBadInput() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let garbage = try box.write("garbage.json", "[1, 2, 3")
        let result = try await box.run("verify", scenario, garbage)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
        let missing = try await box.run("verify", scenario, "no-such-solution.json")
        #expect(missing.status == 2)
    }
}
