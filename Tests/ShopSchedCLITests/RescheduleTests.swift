import Foundation
import Testing

/// `shopsched reschedule` and `shopsched replan` on the bundled examples: exit 0 when done,
/// 3 when refused, 2 on bad input with the file and field named and nothing written.
@Suite("reschedule and replan")
struct RescheduleCLITests {
    static func file(_ name: String) -> String { CLI.dataset("reschedule/" + name) }

    func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func rescheduledExitsZeroWithTheUpdate() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "reschedule", "--snapshot", Self.file("snapshot.json"),
            "--request", Self.file("request-moved.json"), "--now", "2026-11-23T09:30")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let decision = try json(result.stdoutData)
        #expect(decision["format"] as? String == "shopsched.reschedule-decision/1")
        #expect(decision["outcome"] as? String == "rescheduled")
        let update = try #require(decision["update"] as? [String: Any])
        #expect(update["toStart"] as? String == "2026-11-25T09:00" && update["assignment"] as? String == "PRESERVED")
        let events = try #require(decision["events"] as? [[String: Any]])
        #expect(events.map { $0["type"] as? String } == ["AppointmentRescheduled"])
    }

    // Work that may pause (contract §7): the 14-hour rebuild of the lunch shop
    // (datasets/booking/lunch-snapshot.json), booked Monday 14:00 with J. Doe, moved to
    // Tuesday 08:00: Tue 08–12 and 13–17, Wed 08–12 and 13–15, so it now ends Wednesday 15:00.
    @Test func resumableAppointmentMovesWithItsWorkRecomputed() async throws {
        let box = try Sandbox()
        var snapshot = try json(try Data(contentsOf: URL(fileURLWithPath: CLI.dataset("booking/lunch-snapshot.json"))))
        snapshot["appointments"] = [
            [
                "id": "R-1", "status": "SCHEDULED", "start": "2026-11-23T14:00", "durationMinutes": 840,
                "bay": "LIFT-1", "mechanic": "M-1", "customerId": "C-32", "vehicleId": "V-32",
                "requiredSkills": ["ENGINE"], "resumable": true,
            ]
        ]
        let snapshotFile = try box.write("snapshot.json", try JSONSerialization.data(withJSONObject: snapshot))
        let request = try box.write(
            "request.json",
            """
            {"format": "shopsched.reschedule-request/1", "requestId": "RS-3001", "facility": "NORTHSIDE",
             "appointmentId": "R-1", "newStart": "2026-11-24T08:00", "reason": "CUSTOMER_REQUEST",
             "caller": {"id": "sched-3", "permissions": [
               {"permission": "RESCHEDULE_APPOINTMENT", "facility": "NORTHSIDE"},
               {"permission": "APPROVE_RESCHEDULE", "facility": "NORTHSIDE"}]}}
            """)
        let args = ["reschedule", "--snapshot", snapshotFile, "--request", request, "--now", "2026-11-23T07:30"]
        let result = try await CLI.run(args, in: box.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let update = try #require(try json(result.stdoutData)["update"] as? [String: Any])
        #expect(update["fromEnd"] as? String == "2026-11-25T11:00")
        #expect(update["toEnd"] as? String == "2026-11-25T15:00")
        let work = try #require(update["toWork"] as? [[String: String]])
        #expect(
            work.map { $0["start"] ?? "" } == [
                "2026-11-24T08:00", "2026-11-24T13:00", "2026-11-25T08:00", "2026-11-25T13:00",
            ])
        let table = try await CLI.run(args + ["--format", "table"], in: box.url)
        #expect(
            table.stdout.contains("until 2026-11-25T15:00; works 2026-11-24T08:00 – 12:00, 2026-11-24T13:00 – 17:00"),
            "\(table.stdout)")
    }

    @Test func shortNoticeWithoutApprovalExitsThree() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "reschedule", "--snapshot", Self.file("snapshot.json"),
            "--request", Self.file("request-short-notice.json"), "--now", "2026-11-23T09:30",
            "--format", "table")
        #expect(result.status == 3)
        #expect(result.stdout.hasPrefix("Request RS-1002: DENIED"))
        #expect(result.stdout.contains("MISSING_PERMISSION_APPROVE_RESCHEDULE"))
    }

    @Test func badRequestExitsTwoNamingFileAndFieldAndWritesNothing() async throws {
        let box = try Sandbox()
        let request = try box.write(
            "request.json",
            """
            {"requestId": "R-1", "facility": "RIVERSIDE", "appointmentId": "APT-7", "newStart": "2026-11-25T09:00",
             "reason": "BORED", "caller": {"id": "a", "permissions": []}}
            """)
        try box.write("out.json", "yesterday\n")
        let result = try await box.run(
            "reschedule", "--snapshot", Self.file("snapshot.json"), "--request", request,
            "--now", "2026-11-23T09:30", "--output", "out.json")
        #expect(result.status == 2)
        #expect(result.stderrLines.count == 1)
        #expect(
            result.stderrLines.first?.hasPrefix("\(request): reason: unknown reason \"BORED\"") == true,
            "\(result.stderr)")
        #expect(box.contents("out.json") == Data("yesterday\n".utf8))
    }

    @Test func replanExitsZeroWithChangesAndRisks() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "replan", "--snapshot", Self.file("snapshot.json"),
            "--disruption", Self.file("disruption.json"), "--now", "2026-11-23T11:00",
            "--output", "replan.json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let replan = try json(try #require(box.contents("replan.json")))
        #expect(replan["format"] as? String == "shopsched.replan/1" && replan["status"] as? String == "optimal")
        let changes = try #require(replan["changes"] as? [[String: Any]])
        #expect(changes.map { $0["appointment"] as? String } == ["APT-4", "APT-5"])
        #expect(changes.allSatisfy { $0["reason"] as? String == "MECHANIC_UNAVAILABLE" })
        let risks = try #require(replan["atRisk"] as? [[String: Any]])
        #expect(risks.compactMap { $0["appointment"] as? String } == ["APT-2", "APT-2"], "hand-over, and 45 min over")
    }

    @Test func replanTableIsReadable() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "replan", "--snapshot", Self.file("snapshot.json"),
            "--disruption", Self.file("disruption.json"), "--now", "2026-11-23T11:00",
            "--format", "table")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Replan DIS-2026-11-23-1 of 2026-11-23 at 2026-11-23T11:00: OPTIMAL"))
        #expect(result.stdout.contains("APT-4  REASSIGNED"))
        #expect(result.stdout.contains("M-1 unavailable from 12:00"))
    }

    @Test func badDisruptionExitsTwoNamingFileAndField() async throws {
        let box = try Sandbox()
        let disruption = try box.write(
            "disruption.json",
            """
            {"requestId": "D-1", "facility": "RIVERSIDE", "events": [{"type": "MECHANIC_UNAVAILABLE", "mechanic": "M-9"}]}
            """)
        let result = try await box.run(
            "replan", "--snapshot", Self.file("snapshot.json"), "--disruption", disruption,
            "--now", "2026-11-23T11:00", "--output", "out.json")
        #expect(result.status == 2)
        #expect(result.stderrLines == ["\(disruption): events[0].mechanic: unknown mechanic id \"M-9\""])
        #expect(!box.exists("out.json"))
    }

    /// An urgent job's bad priority was blamed on the snapshot (`jobs[5].priority`);
    /// an event of another day was dropped ("optimal, 0 changes").
    @Test func disruptionProblemsAreTheDisruptionFilesOwn() async throws {
        let box = try Sandbox()
        let urgent = try box.write(
            "urgent.json",
            """
            {"requestId": "D-1", "facility": "RIVERSIDE", "day": "2026-11-23", "events": [{"type": "URGENT_JOB",
             "job": {"id": "U-1", "durationMinutes": 60, "bayTypes": ["GENERAL_SERVICE_BAY"], "priority": 2000000}}]}
            """)
        let result = try await box.run(
            "replan", "--snapshot", Self.file("snapshot.json"), "--disruption", urgent,
            "--now", "2026-11-23T11:00")
        #expect(result.status == 2)
        #expect(
            result.stderrLines == [
                "\(urgent): events[0].job.priority: must be a whole number from 1 to 1000000, not 2000000"
            ])
        let tomorrow = try box.write(
            "tomorrow.json",
            """
            {"requestId": "D-2", "facility": "RIVERSIDE", "day": "2026-11-24",
             "events": [{"type": "MECHANIC_UNAVAILABLE", "mechanic": "M-1", "from": "2026-11-25T10:00"}]}
            """)
        let off = try await box.run(
            "replan", "--snapshot", Self.file("snapshot.json"), "--disruption", tomorrow,
            "--now", "2026-11-23T11:00")
        #expect(off.status == 2)
        #expect(
            off.stderrLines == ["\(tomorrow): events[0].from: 2026-11-25T10:00 is not on the replan day 2026-11-24"])
    }

    @Test func replanWithoutNowIsBadInput() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "replan", "--snapshot", Self.file("snapshot.json"), "--disruption", Self.file("disruption.json"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("--now"))
    }
}
