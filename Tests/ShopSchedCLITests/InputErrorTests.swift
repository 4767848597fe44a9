import Foundation
import Testing

/// Bad input must be refused with exit status 2 before any solving, and must never
/// produce (or clobber) a plan.
@Suite("bad input")
struct InputErrorTests {
    // Why: a planner fixing a file wants every problem at once, each with the JSON path
    // of the field, one per line on stderr; nothing may reach stdout, where a plan would go.
    @Test func everyProblemIsReportedWithItsPath() async throws {
        let box = try Sandbox()
        let scenario = try box.write("bad.json", Scenarios.threeErrors)
        let result = try await box.run("solve", scenario, "--format", "json")
        #expect(result.status == 2)
        #expect(!result.crashed)
        #expect(result.stdout.isEmpty, "stdout: \(result.stdout)")
        let lines = result.stderrLines
        #expect(lines.count == Scenarios.threeErrorPaths.count, "one line per problem:\n\(result.stderr)")
        for path in Scenarios.threeErrorPaths {
            #expect(lines.filter { $0.contains(path + ":") }.count == 1, "\(path) named once:\n\(result.stderr)")
        }
    }

    // Why: with --output, a refused scenario must not create the file, so a script
    // cannot mistake an empty or stale file for a plan.
    @Test func badInputCreatesNoOutputFile() async throws {
        let box = try Sandbox()
        let scenario = try box.write("bad.json", Scenarios.threeErrors)
        let result = try await box.run("solve", scenario, "--format", "json", "--output", "out.json")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!box.exists("out.json"))
    }

    // Why: and an existing output file (yesterday's plan) must be left exactly as it was.
    @Test func badInputLeavesAnExistingOutputFileAlone() async throws {
        let box = try Sandbox()
        let scenario = try box.write("bad.json", Scenarios.threeErrors)
        let before = Data("yesterday's plan\n".utf8)
        try box.write("out.json", before)
        let result = try await box.run("solve", scenario, "--output", box.path("out.json"))
        #expect(result.status == 2)
        #expect(box.contents("out.json") == before)
    }

    // Why: a typo in the file name is bad input too (exit 2), and the message says which file.
    @Test func missingFileIsBadInput() async throws {
        let box = try Sandbox()
        let result = try await box.run("solve", "no-such-scenario.json")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no-such-scenario.json"))
    }

    // Why: a truncated or hand-mangled file must be refused cleanly, not crash the decoder.
    @Test(arguments: ["solve", "validate"])
    func malformedJSONIsBadInput(command: String) async throws {
        let box = try Sandbox()
        let scenario = try box.write("broken.json", #"{ "format": "shopsched.scenario/1", "facility": { "id": "#)
        let result = try await box.run(command, scenario)
        #expect(result.status == 2)
        #expect(!result.crashed)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("JSON"), "stderr: \(result.stderr)")
    }

    // Why: a value of the wrong JSON type is reported like any other problem, with its path.
    @Test func wrongTypeNamesThePath() async throws {
        let box = try Sandbox()
        let text = Scenarios.make(
            bays: [#"{ "id": "BAY-1", "type": "GENERAL_SERVICE_BAY" }"#],
            mechanics: [Scenarios.mechanic("M-1", [])],
            jobs: [#"{ "id": "J-1", "durationMinutes": "sixty", "bayTypes": ["GENERAL_SERVICE_BAY"] }"#])
        let scenario = try box.write("typed.json", text)
        let result = try await box.run("solve", scenario)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("jobs[0].durationMinutes"), "stderr: \(result.stderr)")
    }

    static let badOptions: [[String]] = [
        ["--time-limit", "0"],
        ["--time-limit=-5"],
        ["--gap", "-1"],
        ["--gap=-1"],
    ]

    // Why: nonsense limits must be refused by option validation before anything is read or
    // solved: no plan on stdout, no output file, and a message naming the option.
    @Test(arguments: badOptions)
    func badOptionsAreRefusedBeforeSolving(options: [String]) async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let result = try await CLI.run(["solve", scenario, "--output", "out.json"] + options, in: box.url)
        #expect(result.status != 0 && result.status != 1, "refused, not solved (exit \(result.status))")
        #expect(!result.crashed)
        #expect(result.stdout.isEmpty)
        #expect(!box.exists("out.json"))
        let option = options[0].split(separator: "=")[0]
        #expect(result.stderr.contains(option), "stderr names \(option): \(result.stderr)")
    }

    // Why: the documented exit status for bad input is 2 ("Exit status: 0 with a plan,
    // 1 when the pins clash, 2 on bad input"), and scripts branch on it; a bad option is bad input.
    @Test(arguments: badOptions)
    func badOptionsExitWithStatus2(options: [String]) async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let result = try await CLI.run(["solve", scenario] + options, in: box.url)
        #expect(result.status == 2, "stderr: \(result.stderr)")
    }
}
