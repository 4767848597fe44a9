import Foundation
import Testing

/// `shopsched next` on the bundled booking snapshot: exit 0 with proposals, 3 without
/// (denied or nothing waiting), 2 on bad input with the field named and nothing written.
@Suite("next")
struct NextTests {
    static func booking(_ name: String) -> String { CLI.dataset("booking/" + name) }

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
            "--count", "1", "--now", "2026-11-23T07:30", "--format", "table")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(
            result.stdout.hasPrefix("Next for M-1 from 2026-11-23T09:00: PROPOSED\n  1. UNSCHEDULED_ESTIMATE E-101"))
    }

    @Test func anInactiveMechanicExitsThree() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--mechanic", "M-6", "--now", "2026-11-23T07:30")
        #expect(result.status == 3)
        let decision = try json(result.stdoutData)
        #expect(decision["outcome"] as? String == "DENIED")
    }

    @Test func anUnknownMechanicIsBadInputAndWritesNothing() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--mechanic", "M-9", "--now", "2026-11-23T07:30",
            "--output", "next.json")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--mechanic: no mechanic \"M-9\""))
        #expect(!box.exists("next.json"))
        let both = try await box.run(
            "next", "--snapshot", Self.booking("snapshot.json"), "--request", Self.booking("next-request.json"),
            "--mechanic", "M-1")
        #expect(both.status == 2)
    }
}
