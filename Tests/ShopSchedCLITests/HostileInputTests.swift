import Foundation
import Testing

/// Findings of the fuzz campaign ("hostile input never crashes, hangs or
/// fools the engine"), each as the command a fuzzer ran.
@Suite("hostile input")
struct HostileInputCLITests {
    /// `text` of a bundled dataset as a JSON object, for editing.
    static func dataset(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.dataset(name)))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func write(_ object: [String: Any], _ name: String, in box: Sandbox) throws -> String {
        try box.write(name, try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// `file` with a shift of `from`–`to` added to its first mechanic.
    static func withSubSlotShift(_ name: String, from: String, to: String, slot: Int? = nil) throws -> [String: Any] {
        var file = try dataset(name)
        var mechanics = try #require(file["mechanics"] as? [[String: Any]])
        var shifts = mechanics[0]["shifts"] as? [[String: Any]] ?? []
        shifts.append(["start": from, "end": to])
        mechanics[0]["shifts"] = shifts
        file["mechanics"] = mechanics
        if let slot, var facility = file["facility"] as? [String: Any] {
            facility["slotMinutes"] = slot
            file["facility"] = facility
        }
        return file
    }

    /// Runs `script` with `/bin/sh -c`, `$SHOPSCHED` set to the binary: for
    /// redirections the test runner cannot make itself (`> /dev/full`, `>&-`).
    static func shell(_ script: String, in box: Sandbox) throws -> (status: Int32, crashed: Bool, stderr: String) {
        let binary = try #require(CLI.binary)
        let errURL = box.url.appendingPathComponent("shell-stderr")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.environment = ["SHOPSCHED": binary.path, "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = box.url
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try err.close()
        // sh reports a child killed by a signal as 128 + the signal.
        let status = process.terminationStatus
        return (
            status, status > 128 || process.terminationReason == .uncaughtSignal,
            String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    // Why (C1): a shift that holds no whole slot once rounded trapped every planning
    // command ("Range requires lowerBound <= upperBound"); it is no availability.
    @Test(arguments: [
        ("2026-11-23T08:05", "2026-11-23T08:10", 15), ("2026-11-23T08:10", "2026-11-23T08:50", 60),
        ("2026-11-23T08:00", "2026-11-23T16:30", 1440),
    ])
    func subSlotShiftPlansAndVerifies(from: String, to: String, slot: Int) async throws {
        let box = try Sandbox()
        let scenario = try Self.write(
            try Self.withSubSlotShift("small-shop-day.json", from: from, to: to, slot: slot),
            "scenario.json", in: box)
        for strategy in ["milp", "greedy"] {
            let result = try await box.run(
                "solve", scenario, "--strategy", strategy, "--format", "json",
                "--time-limit", "10", "--output", "plan-\(strategy).json")
            #expect(!result.crashed && result.status == 0, "\(strategy): \(result.stderr)")
            let verify = try await box.run("verify", scenario, "plan-\(strategy).json")
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        }
    }

    // Why (C1): the same sub-slot shift in a snapshot took down book, reschedule and replan.
    @Test func subSlotShiftInSnapshotsIsNoAvailability() async throws {
        let box = try Sandbox()
        let booking = try Self.write(
            try Self.withSubSlotShift(
                "booking/snapshot.json", from: "2026-11-23T07:05",
                to: "2026-11-23T07:10"), "booking.json", in: box)
        let book = try await box.run(
            "book", "--snapshot", booking, "--request", CLI.dataset("booking/request-created.json"),
            "--now", "2026-11-23T07:30")
        #expect(!book.crashed && book.status == 0, "\(book.stderr)")
        let day = try Self.write(
            try Self.withSubSlotShift(
                "reschedule/snapshot.json", from: "2026-11-23T07:05",
                to: "2026-11-23T07:10"), "day.json", in: box)
        let move = try await box.run(
            "reschedule", "--snapshot", day, "--request", CLI.dataset("reschedule/request-moved.json"),
            "--now", "2026-11-23T06:30")
        #expect(!move.crashed && [0, 3].contains(move.status), "\(move.stderr)")
        let replan = try await box.run(
            "replan", "--snapshot", day, "--disruption", CLI.dataset("reschedule/disruption.json"),
            "--now", "2026-11-23T11:00")
        #expect(!replan.crashed && [0, 3].contains(replan.status), "\(replan.stderr)")
    }

    // Why (C2): a failed write to standard output trapped (solve > /dev/full) or was
    // lost with exit 0 (validate >&-); both now say so and exit 4.
    @Test func failedStandardOutputIsReported() throws {
        let box = try Sandbox()
        let busy = CLI.dataset("busy-day.json")
        let full = try Self.shell("\"$SHOPSCHED\" solve '\(busy)' --strategy greedy --format json > /dev/full", in: box)
        #expect(!full.crashed && full.status == 4, "\(full)")
        #expect(full.stderr.contains("cannot write the output to standard output"), "\(full.stderr)")
        let closed = try Self.shell("\"$SHOPSCHED\" validate '\(busy)' >&-", in: box)
        #expect(!closed.crashed && closed.status == 4, "\(closed)")
        #expect(closed.stderr.contains("standard output: it is closed"), "\(closed.stderr)")
    }

    // Why (W6, W3): verify took optimal with a bound below the objective and seconds -1,
    // and gave exit 1 (a wrong plan) for malformed fields; they are bad input, exit 2.
    @Test(arguments: [("optimal", -1, 0.1, "bound"), ("feasible", 0, -1, "seconds"), ("finished", 0, 0.1, "status")])
    func verifyRejectsMalformedClaims(status: String, boundOffset: Int, seconds: Double, path: String) async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let solved = try await box.run("solve", scenario, "--format", "json")
        var solution = try #require(try JSONSerialization.jsonObject(with: solved.stdoutData) as? [String: Any])
        let objective = try #require(solution["objective"] as? Int)
        solution["status"] = status
        solution["bound"] = objective + boundOffset
        solution["seconds"] = seconds
        let result = try await box.run("verify", scenario, try Self.write(solution, "claims.json", in: box))
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("claims.json: \(path): "), "\(result.stderr)")
    }

    // Why (W4): replan took --threads 0 while solve refused it; negative values read as
    // "Missing value". Every command applies the same rules in the same words.
    @Test func numericOptionsAreCheckedAlike() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let replan = try await box.run(
            "replan", "--snapshot", CLI.dataset("reschedule/snapshot.json"),
            "--disruption", CLI.dataset("reschedule/disruption.json"),
            "--now", "2026-11-23T11:00", "--threads", "0")
        #expect(replan.status == 2 && replan.stderr.contains("--threads must be from 1 to"), "\(replan.stderr)")
        let solve = try await box.run("solve", scenario, "--threads", "0")
        #expect(solve.status == 2 && solve.stderr.contains("--threads must be from 1 to"), "\(solve.stderr)")
        for option in ["--time-limit", "--gap"] {
            let negative = try await box.run("solve", scenario, option, "-1")
            #expect(negative.status == 2, "\(negative.stderr)")
            #expect(!negative.stderr.contains("Missing value"), "\(negative.stderr)")
        }
        let limit = try await box.run("solve", scenario, "--time-limit", "-1")
        #expect(limit.stderr.contains("--time-limit must be a positive number of seconds"), "\(limit.stderr)")
        let jobs = try await box.run("whatif", CLI.dataset("whatif/busy-day.json"), "--jobs", "-2")
        #expect(jobs.status == 2 && jobs.stderr.contains("--jobs must be from 1 to"), "\(jobs.stderr)")
    }

    // Why: --output naming a folder said "NSCocoaErrorDomain error 512".
    @Test func outputToAFolderSaysSo() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        try FileManager.default.createDirectory(atPath: box.path("plans"), withIntermediateDirectories: true)
        let result = try await box.run("solve", scenario, "--output", "plans")
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write plans: it is a folder"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        let nowhere = try await box.run("solve", scenario, "--output", "no/such/folder/plan.json")
        #expect(nowhere.status == 2 && nowhere.stderr.contains("does not exist"), "\(nowhere.stderr)")
    }

    // Why: 10,000 duplicate ids printed 10,000 lines; one bad ptask line echoed 600 KB.
    @Test func reportsStayShort() async throws {
        let box = try Sandbox()
        var file = try Self.dataset("small-shop-day.json")
        let jobs = try #require(file["jobs"] as? [[String: Any]])
        file["jobs"] = Array(repeating: jobs[0], count: 10_000)
        let many = try await box.run("validate", try Self.write(file, "many.json", in: box))
        #expect(many.status == 2)
        #expect(many.stderrLines.count <= 21, "\(many.stderrLines.count) lines")
        #expect(many.stderr.contains("… and 9,979 more of this kind"), "\(many.stderr.suffix(300))")

        let long = "Type = 1\nJobs = 1\n" + String(repeating: "7 ", count: 300_000) + "\nQualifications = 0\n"
        let ptask = try await box.run("import", "ptask", try box.write("long.dat", long))
        #expect(ptask.status == 2)
        #expect(ptask.stderr.count < 400, "\(ptask.stderr.count) characters")
        #expect(ptask.stderr.contains("…"))
    }

    // Why: an unknown caller role printed Swift's "Cannot initialize Role from invalid
    // String value" without the roles there are.
    @Test func unknownRoleListsTheRoles() async throws {
        let box = try Sandbox()
        var caller = try Self.dataset("board/advisor.json")
        caller["role"] = "BOSS"
        let result = try await box.run(
            "board", "--snapshot", CLI.dataset("board/snapshot.json"),
            "--now", "2026-03-02T09:15", "--caller", try Self.write(caller, "boss.json", in: box))
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("role: unknown value \"BOSS\"; use one of DISPATCHER, SERVICE_ADVISOR"),
            "\(result.stderr)")
    }

    // Why (W8): a duplicated key is refused in every JSON input, a snapshot as much as a scenario.
    @Test func duplicateKeyInASnapshotIsBadInput() async throws {
        let box = try Sandbox()
        let text = try String(contentsOfFile: CLI.dataset("booking/snapshot.json"), encoding: .utf8)
        let doubled = text.replacingOccurrences(
            of: "\"slotMinutes\": 15", with: "\"slotMinutes\": 15, \"slotMinutes\": 7")
        #expect(doubled != text)
        let result = try await box.run(
            "book", "--snapshot", try box.write("snap.json", doubled),
            "--request", CLI.dataset("booking/request-created.json"), "--now", "2026-11-23T07:30")
        #expect(result.status == 2)
        #expect(result.stderr.contains("facility.slotMinutes: duplicate key \"slotMinutes\""), "\(result.stderr)")
    }
}
