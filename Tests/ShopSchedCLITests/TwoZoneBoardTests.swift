import Foundation
import Testing

/// `shopsched board` on the bundled two-location board in different time
/// zones (datasets/board/two-zones.json; issue 19, part 5).
@Suite("board: two time zones")
struct TwoZoneBoardTests {
    let snapshot = CLI.dataset("board/two-zones.json")

    // Why: one instant is each location's own now; with one local now for both, Denver's
    // GPS fix (08:05) would be 85 min old and its 09:00 assignment deadline past.
    @Test func eachLocationIsShownOnItsOwnClock() async throws {
        let box = try Sandbox()
        let result = try await box.run("board", "--snapshot", snapshot, "--now", "2026-03-02T09:30:00")
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("(DOWNTOWN), 2026-03-02, now 09:30 America/Chicago"))
        #expect(out.contains("(FOOTHILLS), 2026-03-02, now 08:30 America/Denver"))
        #expect(out.contains("\nM1          08:30–09:00 FH-W1 Ben Nash\n"), "the fix is fresh: no GPS flag")
        #expect(out.contains("  DT-A3 at 14:00: due 09:00, 30 min overdue\n") && !out.contains("FH-A2 at"))
        #expect(out.contains("! DOWNTOWN: Work Execution data read 105 s ago (stale after 60 s)"))
        #expect(
            out.contains(
                "! FOOTHILLS: Work Execution unavailable: work orders served from a cache taken 18 min ago (2026-03-02T08:12)"
            ))
    }

    // Why: the same instant given in UTC gives the same board, byte for byte.
    @Test func anInstantInUTCIsTheSameBoard() async throws {
        let box = try Sandbox()
        let local = try await box.run("board", "--snapshot", snapshot, "--now", "2026-03-02T09:30", "--format", "json")
        let utc = try await box.run("board", "--snapshot", snapshot, "--now", "2026-03-02T15:30Z", "--format", "json")
        #expect(local.status == 0 && utc.status == 0)
        #expect(local.stdoutData == utc.stdoutData)
        let json = try #require(try JSONSerialization.jsonObject(with: local.stdoutData) as? [String: Any])
        let wip = try #require(json["workInProgress"] as? [String: Any])
        let rows = try #require(wip["rows"] as? [[String: Any]])
        #expect(
            rows.map { $0["statusLabel"] as? String } == [
                "On the lift", "Scheduled", "Scheduled", "Being worked on", "In the queue",
            ])
    }

    // Why: --now that is no time is refused before anything is read.
    @Test func aBadNowExitsTwo() async throws {
        let box = try Sandbox()
        let result = try await box.run("board", "--snapshot", snapshot, "--now", "2026-03-02T09:30+5")
        #expect(result.status == 2 && result.stderr.contains("--now"))
    }
}
