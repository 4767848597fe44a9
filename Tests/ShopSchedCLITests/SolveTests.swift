import Foundation
import Testing

/// `shopsched solve` on a bundled dataset, end to end: the JSON it prints must be a
/// complete solution file that the independent verifier (`shopsched verify`) accepts.
@Suite("solve")
struct SolveTests {
    static let smallShopJobs = (1...16).map { "J-\($0)" }

    // Why: the headline path. MILP on the 16-job day must prove optimality (objective equals
    // bound), place every job exactly once, and produce a plan the verifier agrees with.
    @Test func milpSolvesSmallShopDayOptimally() async throws {
        let box = try Sandbox()
        let scenario = CLI.dataset("small-shop-day.json")
        let result = try await box.run("solve", scenario, "--format", "json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(!result.crashed)
        let solution = try Solution.decode(result.stdoutData)
        #expect(solution.format == "shopsched.solution/1")
        #expect(solution.scenario == "SMALL-SHOP")
        #expect(solution.strategy == "milp")
        #expect(solution.status == "optimal")
        #expect(solution.objective != nil)
        #expect(solution.objective == solution.bound)
        #expect(solution.allJobs.sorted() == Self.smallShopJobs.sorted(), "every job exactly once")
        #expect(solution.unscheduled.isEmpty, "the dataset's README says all 16 jobs fit")
        #expect(solution.problems == nil)

        let file = try box.write("solution.json", result.stdoutData)
        let verify = try await box.run("verify", scenario, file)
        #expect(verify.status == 0, "verify says: \(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("OK"))
    }

    // Why: greedy is the fast fallback; its plan need not be optimal but must be feasible,
    // complete, honest about its objective, and no better than the proven optimum.
    @Test func greedyGivesAFeasiblePlanThatVerifies() async throws {
        let box = try Sandbox()
        let scenario = CLI.dataset("small-shop-day.json")
        let result = try await box.run("solve", scenario, "--strategy", "greedy", "--format", "json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let solution = try Solution.decode(result.stdoutData)
        #expect(solution.strategy == "greedy")
        #expect(["optimal", "feasible"].contains(solution.status))
        let objective = try #require(solution.objective)
        if let bound = solution.bound { #expect(bound <= objective) }
        #expect(solution.allJobs.sorted() == Self.smallShopJobs.sorted(), "every job exactly once")

        let file = try box.write("greedy.json", result.stdoutData)
        let verify = try await box.run("verify", scenario, file)
        #expect(verify.status == 0, "verify says: \(verify.stdout)\(verify.stderr)")

        let milp = try Solution.decode(try await box.run("solve", scenario, "--format", "json").stdoutData)
        #expect(try #require(milp.objective) <= objective, "greedy cannot beat the proven optimum")
    }

    // Why: --verbose sends the solver log to stderr; stdout must stay a clean solution file
    // so `solve --format json --verbose > plan.json` still works.
    @Test func verboseKeepsStdoutParseable() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let result = try await box.run("solve", scenario, "--format", "json", "--verbose")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let solution = try Solution.decode(result.stdoutData)
        #expect(solution.status == "optimal")
        #expect(!result.stderr.isEmpty, "verbose should show progress on stderr")
    }

    // Why: a limit of years used to overflow the deadline and crash (found in review); limits
    // are capped at a day (docs/limits.md): the cap itself runs, a longer one is bad input.
    @Test func hugeTimeLimitIsCapped() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let result = try await box.run("solve", scenario, "--format", "json", "--time-limit", "86400")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try Solution.decode(result.stdoutData).status == "optimal")
        let huge = try await box.run("solve", scenario, "--time-limit", "1e16")
        #expect(huge.status == 2 && !huge.crashed)
        #expect(huge.stderr.contains("--time-limit must be at most 86400 seconds"), "\(huge.stderr)")
    }
}
