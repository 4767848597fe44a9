import Foundation
import Testing

/// `shopsched next` on the bundled booking snapshot: exit 0 with proposals, 3 without
/// (denied or nothing waiting), 2 on bad input with the field named and nothing written.
@Suite("next")
struct NextTests {
    static func booking(_ name: String) -> String { CLI.dataset("booking/" + name) }

    /// A caller file for the `--mechanic` form, holding `permissions` for the bundled facility.
    func caller(_ box: Sandbox, _ permissions: [String]) throws -> String {
        let grants = permissions.map { "{\"permission\": \"\($0)\", \"facility\": \"DOWNTOWN\"}" }
        return try box.write(
            "caller.json", "{\"id\": \"dispatcher-2\", \"permissions\": [\(grants.joined(separator: ", "))]}")
    }

    func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theBundledRequestProposesInRankOrder() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--request", Self.booking("next-request.json"),
            "--now", "2026-11-23T07:30", "--output", "next.json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdoutData.isEmpty)
        let decision = try json(try #require(box.contents("next.json")))
        #expect(decision["format"] as? String == "shopsched.next/1")
        #expect(decision["outcome"] as? String == "PROPOSED")
        let proposals = try #require(decision["proposals"] as? [[String: Any]])
        #expect(proposals.map { $0["work"] as? String } == ["E-101", "E-103", "APT-7"])
        #expect(proposals.map { $0["costDifference"] as? Int } == [-1000, -1000, 50])
    }

    @Test func optionsInsteadOfARequestAndATable() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--mechanic", "M-1", "--at", "2026-11-23T09:00",
            "--count", "1", "--now", "2026-11-23T07:30", "--format", "table", "--caller",
            try caller(box, ["VIEW_ASSIGNMENTS"]))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(
            result.stdout.hasPrefix("Next for M-1 from 2026-11-23T09:00: PROPOSED\n  1. UNSCHEDULED_ESTIMATE E-101"))
    }

    @Test func anInactiveMechanicExitsThree() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--mechanic", "M-6", "--now", "2026-11-23T07:30",
            "--caller", try caller(box, ["VIEW_ASSIGNMENTS"]))
        #expect(result.status == 3)
        let decision = try json(result.stdoutData)
        #expect(decision["outcome"] as? String == "DENIED")
    }

    @Test func anUnknownMechanicIsBadInputAndWritesNothing() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--mechanic", "M-9", "--now", "2026-11-23T07:30",
            "--output", "next.json", "--caller", try caller(box, ["VIEW_ASSIGNMENTS"]))
        #expect(result.status == 2)
        #expect(result.stderr.contains("--mechanic: no mechanic \"M-9\""))
        #expect(!box.exists("next.json"))
        let both = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--request", Self.booking("next-request.json"),
            "--mechanic", "M-1")
        #expect(both.status == 2)
    }

    /// The permission is enforced: without VIEW_ASSIGNMENTS (here, only CREATE_APPOINTMENT) the
    /// answer is DENIED with the code and nothing of the waiting work; with no caller at all
    /// the --mechanic form is a usage error.
    @Test func aCallerWithoutViewAssignmentsIsDeniedAndLearnsNothing() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--mechanic", "M-1", "--now", "2026-11-23T07:30",
            "--caller", try caller(box, ["CREATE_APPOINTMENT"]))
        #expect(result.status == 3)
        let decision = try json(result.stdoutData)
        #expect(decision["outcome"] as? String == "DENIED")
        let denials = try #require(decision["denials"] as? [[String: Any]])
        #expect(denials.map { $0["code"] as? String } == ["MISSING_PERMISSION_VIEW_ASSIGNMENTS"])
        #expect((decision["proposals"] as? [Any])?.isEmpty == true)
        let anonymous = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--mechanic", "M-1", "--now", "2026-11-23T07:30")
        #expect(anonymous.status == 2)
        #expect(anonymous.stderr.contains("--caller"))
    }

    /// A request file without `caller` is bad input naming the field, and nothing is written.
    @Test func aRequestWithoutACallerNamesTheField() async throws {
        let box = try Sandbox()
        let request = try box.write(
            "next-request.json", "{\"format\": \"shopsched.next-request/1\", \"mechanic\": \"M-1\"}")
        let result = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--request", request, "--now", "2026-11-23T07:30",
            "--output", "next.json")
        #expect(result.status == 2)
        #expect(result.stderr.contains("caller: missing"), "stderr: \(result.stderr)")
        #expect(!box.exists("next.json"))
    }
}
