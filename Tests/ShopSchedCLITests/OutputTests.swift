import Foundation
import Testing

/// `--output` and determinism: the file is the same solution stdout would have shown,
/// and the same input always gives the same plan.
@Suite("output file and determinism")
struct OutputTests {
    /// The solution as parsed JSON without the wall-clock `seconds`.
    static func comparable(_ data: Data) throws -> NSDictionary {
        var object = try jsonObject(data)
        #expect(object["seconds"] is Double)
        object["seconds"] = nil
        return NSDictionary(dictionary: object)
    }

    // Why: writing to a file must not change the content: every field (except the measured
    // time) equals what stdout gives, and nothing goes to stdout when --output is set.
    @Test(arguments: ["milp", "greedy"])
    func outputFileMatchesStdout(strategy: String) async throws {
        let box = try Sandbox()
        let scenario = CLI.dataset("small-shop-day.json")
        let printed = try await box.run("solve", scenario, "--strategy", strategy, "--format", "json")
        #expect(printed.status == 0, "stderr: \(printed.stderr)")
        let written = try await box.run(
            "solve", scenario, "--strategy", strategy, "--format", "json", "--output", "plan.json")
        #expect(written.status == 0, "stderr: \(written.stderr)")
        #expect(written.stdout.isEmpty, "--output sends nothing to stdout")
        let file = try #require(box.contents("plan.json"))
        #expect(try Self.comparable(file) == Self.comparable(printed.stdoutData))
        _ = try Solution.decode(file)
    }

    // Why: --output replaces an old file completely (no leftover tail from a longer file).
    @Test func outputReplacesAnExistingFile() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        try box.write("plan.json", String(repeating: "old plan ", count: 2_000))
        let result = try await box.run("solve", scenario, "--format", "json", "--output", "plan.json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let solution = try Solution.decode(try #require(box.contents("plan.json")))
        #expect(solution.objective == 1000)
    }

    // Why: an output path that cannot be written is reported (exit 2), not silently lost.
    @Test func unwritableOutputIsReported() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let result = try await box.run("solve", scenario, "--output", "no-such-folder/plan.txt")
        #expect(result.status == 2)
        #expect(!result.crashed)
        #expect(result.stderr.contains("no-such-folder/plan.txt"), "stderr: \(result.stderr)")
    }

    // Why: shops re-run the planner and compare; two runs of the same solve must give the
    // same assignments and the same unscheduled list.
    @Test(arguments: ["milp", "greedy"])
    func repeatedSolvesAreIdentical(strategy: String) async throws {
        let box = try Sandbox()
        let scenario = CLI.dataset("small-shop-day.json")
        let first = try Solution.decode(
            try await box.run("solve", scenario, "--strategy", strategy, "--format", "json").stdoutData)
        let second = try Solution.decode(
            try await box.run("solve", scenario, "--strategy", strategy, "--format", "json").stdoutData)
        #expect(first.assignments == second.assignments)
        #expect(first.unscheduled == second.unscheduled)
        #expect(first.objective == second.objective)
        #expect(first.status == second.status)
    }
}
