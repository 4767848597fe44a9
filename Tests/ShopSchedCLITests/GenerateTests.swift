import Foundation
import Testing

/// `shopsched generate`: scenario files the rest of the CLI accepts, the same
/// bytes for the same options, and bad options refused naming the option.
@Suite("generate")
struct GenerateTests {
    // Why: the generated file is meant to be fed straight back to the CLI; stdout
    // and --output carry the same bytes, and `validate` accepts them with the counts asked for.
    @Test func generatedScenarioValidates() async throws {
        let box = try Sandbox()
        let arguments = ["generate", "--seed", "7", "--jobs", "25", "--mechanics", "5", "--bays", "4", "--days", "2"]
        let printed = try await CLI.run(arguments, in: box.url)
        #expect(printed.status == 0, "stderr: \(printed.stderr)")
        #expect(printed.stderr.isEmpty)
        let written = try await CLI.run(arguments + ["--output", "scenario.json"], in: box.url)
        #expect(written.status == 0, "stderr: \(written.stderr)")
        #expect(written.stdout.isEmpty, "--output sends nothing to stdout")
        #expect(box.contents("scenario.json") == printed.stdoutData)
        let object = try jsonObject(printed.stdoutData)
        #expect(object["format"] as? String == "shopsched.scenario/1")

        let validated = try await box.run("validate", "scenario.json")
        #expect(validated.status == 0, "stderr: \(validated.stderr)")
        #expect(validated.stdout.contains("valid (25 jobs, 4 bays, 5 mechanics, 2 day(s))"), "\(validated.stdout)")
    }

    // Why: with no options the command writes the documented default family member.
    @Test func defaults() async throws {
        let box = try Sandbox()
        let result = try await box.run("generate", "--output", "default.json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let validated = try await box.run("validate", "default.json")
        #expect(validated.stdout.contains("valid (40 jobs, 6 bays, 6 mechanics, 1 day(s))"), "\(validated.stdout)")
        let again = try await box.run(
            "generate", "--seed", "1", "--jobs", "40", "--mechanics", "6", "--bays", "6",
            "--days", "1", "--start-date", "2026-11-23")
        #expect(again.stdoutData == box.contents("default.json"))
    }

    // Why: pins and replanning days end to end: the scenario validates, greedy plans it
    // (exit 0: the pins hold), and the independent verifier accepts the plan.
    @Test func pinnedReplanningDaySolvesAndVerifies() async throws {
        let box = try Sandbox()
        let generated = try await box.run(
            "generate", "--seed", "11", "--jobs", "40", "--days", "2", "--pinned", "0.3",
            "--disrupted", "--output", "replan.json")
        #expect(generated.status == 0, "stderr: \(generated.stderr)")
        let text = String(decoding: try #require(box.contents("replan.json")), as: UTF8.self)
        #expect(text.contains(#""current""#) && text.contains(#""pinned""#))
        let solved = try await box.run(
            "solve", "replan.json", "--strategy", "greedy", "--format", "json",
            "--output", "plan.json")
        #expect(solved.status == 0, "stderr: \(solved.stderr)")
        let verified = try await box.run("verify", "replan.json", "plan.json")
        #expect(verified.status == 0, "stdout: \(verified.stdout)\nstderr: \(verified.stderr)")
    }

    // Why: the benchmark family `week-multiday` end to end: resumable multi-day jobs in the
    // file, `solve` writes a plan the independent verifier accepts.
    @Test func multiDayWeekSolvesAndVerifies() async throws {
        let box = try Sandbox()
        let generated = try await box.run(
            "generate", "--seed", "1", "--jobs", "60", "--mechanics", "6", "--bays", "6", "--days", "6",
            "--multi-day", "0.1", "--resumable", "0.2", "--output", "week.json")
        #expect(generated.status == 0, "stderr: \(generated.stderr)")
        let object = try jsonObject(try #require(box.contents("week.json")))
        let jobs = try #require(object["jobs"] as? [[String: Any]])
        let resumable = jobs.filter { $0["resumable"] as? Bool == true }
        #expect(resumable.contains { ($0["durationMinutes"] as? Int ?? 0) > 600 })
        #expect(resumable.contains { ($0["durationMinutes"] as? Int ?? 0) <= 600 })
        let solved = try await box.run(
            "solve", "week.json", "--threads", "1", "--time-limit", "10", "--format", "json", "--output", "plan.json")
        #expect(solved.status == 0, "stderr: \(solved.stderr)")
        let verified = try await box.run("verify", "week.json", "plan.json")
        #expect(verified.status == 0, "stdout: \(verified.stdout)\nstderr: \(verified.stderr)")
    }

    // Why: a bad option exits 2, names the option, writes nothing to stdout and
    // creates no file.
    @Test(arguments: [
        (["--jobs", "0"], "--jobs"),
        (["--jobs", "5001"], "--jobs"),
        (["--mechanics", "0"], "--mechanics"),
        (["--bays", "501"], "--bays"),
        (["--days", "29"], "--days"),
        (["--pinned", "1.5"], "--pinned"),
        (["--start-date", "2026-02-30"], "--start-date"),
        (["--slot-minutes", "7"], "--slot-minutes"),
        (["--seed", "abc"], "--seed"),
        (["--resumable", "2"], "--resumable"),
        (["--multi-day", "-0.5"], "--multi-day"),
        (["--resumable", "0.6", "--multi-day", "0.6"], "--resumable"),
    ])
    func badOptionExitsTwoNamingIt(options: [String], name: String) async throws {
        let box = try Sandbox()
        let result = try await CLI.run(["generate"] + options + ["--output", "out.json"], in: box.url)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(!result.crashed)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(name), "stderr: \(result.stderr)")
        #expect(!box.exists("out.json"))
    }
}
