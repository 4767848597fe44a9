import Foundation
import Testing

/// `shopsched book` on the bundled booking examples: exit 0 when created, 3 when not,
/// 2 on bad input with the file and field named and nothing written.
@Suite("book")
struct BookTests {
    static func booking(_ name: String) -> String { CLI.dataset("booking/" + name) }

    func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func createdExitsZeroWithTheAppointment() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "book", "--snapshot", Self.booking("snapshot.json"),
            "--request", Self.booking("request-created.json"), "--now", "2026-11-23T07:30")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let decision = try json(result.stdoutData)
        #expect(decision["format"] as? String == "shopsched.booking-decision/1")
        #expect(decision["outcome"] as? String == "created")
        let appointment = try #require(decision["appointment"] as? [String: Any])
        #expect(appointment["estimateId"] as? String == "E-101")
        #expect(appointment["start"] as? String == "2026-11-23T10:00")
        let events = try #require(decision["events"] as? [[String: Any]])
        #expect(events.map { $0["type"] as? String } == ["AppointmentCreatedFromEstimate"])
    }

    // Work that may pause: the JSON carries the work ranges and the later-day end, the table shows both.
    @Test func engineRebuildShowsItsWorkRangesAndLaterDayEnd() async throws {
        let box = try Sandbox()
        let args = [
            "book", "--snapshot", Self.booking("lunch-snapshot.json"), "--request",
            Self.booking("request-engine-rebuild.json"), "--now", "2026-11-23T07:30",
        ]
        let result = try await CLI.run(args, in: box.url)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let appointment = try #require(try json(result.stdoutData)["appointment"] as? [String: Any])
        #expect(appointment["end"] as? String == "2026-11-25T11:00")
        #expect(appointment["resumable"] as? Bool == true)
        let work = try #require(appointment["work"] as? [[String: String]])
        #expect(work.first == ["start": "2026-11-23T14:00", "end": "2026-11-23T17:00"])
        #expect(work.last == ["start": "2026-11-25T08:00", "end": "2026-11-25T11:00"])
        let table = try await CLI.run(args + ["--format", "table"], in: box.url)
        #expect(table.stdout.contains("2026-11-23T14:00 – 2026-11-25T11:00"), "\(table.stdout)")
        #expect(table.stdout.contains("works 2026-11-23T14:00 – 17:00, 2026-11-24T08:00 – 12:00"), "\(table.stdout)")
    }

    @Test func acrossLunchIsCreated() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "book", "--snapshot", Self.booking("lunch-snapshot.json"), "--request",
            Self.booking("request-across-lunch.json"), "--now", "2026-11-23T07:30")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let appointment = try #require(try json(result.stdoutData)["appointment"] as? [String: Any])
        #expect(appointment["end"] as? String == "2026-11-23T16:00")
        #expect((appointment["work"] as? [Any])?.count == 2)
    }

    @Test func conflictsExitThreeWithAlternatives() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "book", "--snapshot", Self.booking("snapshot.json"),
            "--request", Self.booking("request-conflicts.json"), "--now", "2026-11-23T07:30")
        #expect(result.status == 3)
        let decision = try json(result.stdoutData)
        #expect(decision["outcome"] as? String == "conflicts")
        let alternatives = try #require(decision["alternatives"] as? [[String: Any]])
        #expect(alternatives.count == 3)
        #expect(decision["appointment"] == nil)
    }

    @Test func fullDayOffersAlternativesWithMoves() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "book", "--snapshot", Self.booking("snapshot.json"),
            "--request", Self.booking("request-moves.json"), "--now", "2026-11-23T07:30")
        #expect(result.status == 3)
        let moves = try #require(try json(result.stdoutData)["alternativesWithMoves"] as? [[String: Any]])
        #expect(!moves.isEmpty)
        #expect(moves.allSatisfy { !(($0["moves"] as? [Any]) ?? []).isEmpty })
    }

    @Test func sameRequestTwiceGivesTheSameBytes() async throws {
        let box = try Sandbox()
        let args = [
            "book", "--snapshot", Self.booking("snapshot.json"), "--request", Self.booking("request-work-order.json"),
            "--now", "2026-11-23T07:30",
        ]
        let first = try await CLI.run(args, in: box.url), second = try await CLI.run(args, in: box.url)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdoutData == second.stdoutData)
    }

    @Test func tableFormatIsReadable() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "book", "--snapshot", Self.booking("snapshot.json"),
            "--request", Self.booking("request-conflicts.json"), "--now", "2026-11-23T07:30",
            "--format", "table")
        #expect(result.status == 3)
        #expect(result.stdout.hasPrefix("Request REQ-1002: CONFLICTS"))
        #expect(result.stdout.contains("NO_ELIGIBLE_BAY"))
        #expect(result.stdout.contains("P. Okafor has ALIGNMENT"))
    }

    @Test func badRequestExitsTwoNamingFileAndFieldAndWritesNothing() async throws {
        let box = try Sandbox()
        let request = try box.write(
            "request.json",
            """
            {"requestId": "R-1", "facility": "DOWNTOWN", "source": {"type": "ESTIMATE", "id": "E-101"},
             "preferredStarts": ["2026-11-23T10:05"], "caller": {"id": "a", "permissions": []}}
            """)
        try box.write("out.json", "yesterday\n")
        let result = try await box.run(
            "book", "--snapshot", Self.booking("snapshot.json"), "--request", request,
            "--now", "2026-11-23T07:30", "--output", "out.json")
        #expect(result.status == 2)
        #expect(
            result.stderrLines == [
                "\(request): preferredStarts[0]: 2026-11-23T10:05 is not on a 15-minute slot boundary"
            ])
        #expect(box.contents("out.json") == Data("yesterday\n".utf8))
    }

    @Test func badSnapshotTypeExitsTwo() async throws {
        let box = try Sandbox()
        let snapshot = try box.write("snapshot.json", #"{"format": "shopsched.booking-snapshot/1", "facility": 3}"#)
        let result = try await box.run(
            "book", "--snapshot", snapshot, "--request", Self.booking("request-created.json"))
        #expect(result.status == 2)
        #expect(result.stderrLines.first?.hasPrefix("\(snapshot): facility:") == true, "\(result.stderr)")
    }

    @Test func badNowExitsTwo() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "book", "--snapshot", Self.booking("snapshot.json"),
            "--request", Self.booking("request-created.json"), "--now", "tomorrow")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--now"))
    }

    @Test func outputIsWrittenToTheFile() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "book", "--snapshot", Self.booking("snapshot.json"),
            "--request", Self.booking("request-created.json"), "--now", "2026-11-23T07:30",
            "--output", "decision.json")
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let decision = try json(try #require(box.contents("decision.json")))
        #expect(decision["outcome"] as? String == "created")
    }
}
