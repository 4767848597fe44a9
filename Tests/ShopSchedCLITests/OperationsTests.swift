import Foundation
import Testing

/// `shopsched revalidate`, `cancel`, `no-show` and `refill` on the bundled examples:
/// exit 0 when done (the claims hold, cancelled, marked, something proposed), 3 when not,
/// 2 on bad input with the file and field named and nothing written.
@Suite("operations")
struct OperationsTests {
    static func operations(_ name: String) -> String { CLI.dataset("operations/" + name) }
    static func booking(_ name: String) -> String { CLI.dataset("booking/" + name) }

    func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func revalidateSaysTheClaimsHoldThenThatTheyAreLost() async throws {
        let box = try Sandbox()
        let booked = try await box.run(
            "book", "--snapshot", Self.booking("snapshot.json"), "--request", Self.booking("request-created.json"),
            "--now", "2026-11-23T07:30", "--output", "decision.json")
        #expect(booked.status == 0, "stderr: \(booked.stderr)")
        let decision = try json(try #require(box.contents("decision.json")))
        #expect((decision["claims"] as? [[String: Any]])?.count == 3)
        #expect((decision["basis"] as? [String: Any])?["fingerprint"] as? String != nil)

        let holds = try await box.run(
            "revalidate", "--snapshot", Self.booking("snapshot.json"), "--request", "decision.json",
            "--now", "2026-11-23T07:30")
        #expect(holds.status == 0, "stderr: \(holds.stderr)")
        let first = try json(holds.stdoutData)
        #expect(first["format"] as? String == "shopsched.revalidation/1")
        #expect(first["outcome"] as? String == "holds")
        #expect(first["basisUnchanged"] as? Bool == true)

        // Someone else's booking lands on the same bay and time, with the same mechanic.
        var snapshot = try json(try Data(contentsOf: URL(fileURLWithPath: Self.booking("snapshot.json"))))
        let appointment = try #require(decision["appointment"] as? [String: Any])
        var appointments = snapshot["appointments"] as? [[String: Any]] ?? []
        appointments.append([
            "id": "APT-OTHER", "status": "SCHEDULED", "start": appointment["start"]!,
            "durationMinutes": appointment["durationMinutes"]!, "bay": appointment["bay"]!,
            "mechanic": appointment["mechanic"]!, "customerId": "C-OTHER", "vehicleId": "V-OTHER",
        ])
        snapshot["appointments"] = appointments
        let newer = try box.write("newer.json", try JSONSerialization.data(withJSONObject: snapshot))
        let lost = try await box.run(
            "revalidate", "--snapshot", newer, "--request", "decision.json", "--now", "2026-11-23T07:30",
            "--format", "table")
        #expect(lost.status == 3)
        #expect(lost.stdout.contains(": CONFLICTS"))
        #expect(lost.stdout.contains("CLAIMED_BAY_TAKEN"))
        #expect(lost.stdout.contains("Alternatives:"))
    }

    @Test func revalidateRefusesAFileThatIsNoDecision() async throws {
        let box = try Sandbox()
        try box.write("out.json", "yesterday\n")
        let result = try await box.run(
            "revalidate", "--snapshot", Self.booking("snapshot.json"), "--request",
            Self.booking("request-created.json"),
            "--now", "2026-11-23T07:30", "--output", "out.json")
        #expect(result.status == 2)
        #expect(
            result.stderrLines.first?.contains("request-created.json: format: expected") == true, "\(result.stderr)")
        #expect(box.contents("out.json") == Data("yesterday\n".utf8))
    }

    @Test func cancelExitsZeroWithTheEventAndTheNotifications() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "cancel", "--snapshot", Self.operations("snapshot.json"), "--request",
            Self.operations("cancel-request.json"),
            "--now", "2026-11-23T09:00")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let d = try json(result.stdoutData)
        #expect(d["format"] as? String == "shopsched.cancellation-decision/1")
        #expect(d["outcome"] as? String == "cancelled")
        #expect((d["events"] as? [[String: Any]])?.map { $0["type"] as? String } == ["AppointmentCancelled"])
        #expect((d["outbox"] as? [String: Any]).flatMap { $0["entries"] as? [Any] }?.count == 2)
    }

    @Test func cancelWithoutPermissionExitsThree() async throws {
        let box = try Sandbox()
        let request = try box.write(
            "cancel.json",
            """
            {"requestId": "CX-9", "facility": "RIVERSIDE", "appointmentId": "APT-22", "reason": "WEATHER",
             "caller": {"id": "a", "permissions": []}}
            """)
        let result = try await box.run(
            "cancel", "--snapshot", Self.operations("snapshot.json"), "--request", request,
            "--now", "2026-11-23T09:00", "--format", "table")
        #expect(result.status == 3)
        #expect(result.stdout.contains("MISSING_PERMISSION_CANCEL_APPOINTMENT"))
    }

    @Test func cancelWithAnUnknownReasonIsBadInput() async throws {
        let box = try Sandbox()
        let request = try box.write(
            "cancel.json",
            """
            {"requestId": "CX-9", "facility": "RIVERSIDE", "appointmentId": "APT-22", "reason": "BORED",
             "caller": {"id": "a", "permissions": []}}
            """)
        let result = try await box.run(
            "cancel", "--snapshot", Self.operations("snapshot.json"), "--request", request, "--now", "2026-11-23T09:00")
        #expect(result.status == 2)
        #expect(
            result.stderrLines.first?.hasPrefix("\(request): reason: unknown reason \"BORED\"") == true,
            "\(result.stderr)")
    }

    @Test func noShowBeforeTheGracePeriodExitsThreeAndAfterItZero() async throws {
        let box = try Sandbox()
        let args = [
            "no-show", "--snapshot", Self.operations("snapshot.json"), "--request",
            Self.operations("no-show-request.json"),
        ]
        let early = try await CLI.run(args + ["--now", "2026-11-24T09:10"], in: box.url)
        #expect(early.status == 3)
        #expect(early.stdout.contains("NO_SHOW_BEFORE_GRACE_PERIOD"))
        let late = try await CLI.run(args + ["--now", "2026-11-24T09:20", "--output", "no-show.json"], in: box.url)
        #expect(late.status == 0, "stderr: \(late.stderr)")
        let d = try json(try #require(box.contents("no-show.json")))
        #expect(d["outcome"] as? String == "no-show")
        let event = try #require((d["events"] as? [[String: Any]])?.first)
        #expect(event["type"] as? String == "AppointmentNoShow")
        #expect(event["customerNoShowCount"] as? Int == 2)
        #expect((d["sourceUpdate"] as? [String: Any])?["status"] as? String == "APPROVED")
    }

    @Test func refillProposesBestFirst() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "refill", "--snapshot", Self.operations("snapshot.json"), "--request",
            Self.operations("refill-request.json"),
            "--now", "2026-11-24T09:20")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let r = try json(result.stdoutData)
        #expect(r["format"] as? String == "shopsched.refill/1")
        let proposals = try #require(r["proposals"] as? [[String: Any]])
        #expect(proposals.map { $0["kind"] as? String } == ["PULL_IN_REQUEST", "ASSIGN_MECHANIC", "MOVE_EARLIER"])
        #expect(proposals.first?["estimateId"] as? String == "E-205")
        let deltas = proposals.compactMap { $0["objectiveDelta"] as? Int }
        #expect(deltas == deltas.sorted())
        #expect(proposals.allSatisfy { $0["verified"] as? Bool == true })
    }

    @Test func refillWithNothingToOfferExitsThree() async throws {
        let box = try Sandbox()
        let request = try box.write(
            "refill.json",
            """
            {"requestId": "RF-9", "facility": "RIVERSIDE", "start": "2026-11-24T17:45", "end": "2026-11-24T18:00",
             "bay": "LIFT-1", "includeMoves": false, "caller": {"id": "a", "permissions": []}}
            """)
        let result = try await box.run(
            "refill", "--snapshot", Self.operations("snapshot.json"), "--request", request, "--now", "2026-11-24T08:00")
        #expect(result.status == 3)
        #expect(try json(result.stdoutData)["proposals"] as? [Any] != nil)
    }

    @Test func refillBadRangeIsBadInput() async throws {
        let box = try Sandbox()
        let request = try box.write(
            "refill.json",
            """
            {"requestId": "RF-9", "facility": "RIVERSIDE", "start": "2026-11-24T10:00", "end": "2026-11-24T09:00",
             "caller": {"id": "a", "permissions": []}}
            """)
        let result = try await box.run(
            "refill", "--snapshot", Self.operations("snapshot.json"), "--request", request, "--now", "2026-11-24T08:00")
        #expect(result.status == 2)
        #expect(result.stderrLines == ["\(request): end: 2026-11-24T09:00 must be after the start 2026-11-24T10:00"])
    }
}
