import Foundation
import Testing

/// `shopsched board` on the bundled board snapshot (datasets/board/).
@Suite("board")
struct BoardTests {
    let snapshot = CLI.dataset("board/snapshot.json")

    // Why: the shop-floor board is a row per bay, then per mobile unit, then the
    // waiting and at-risk work; a stale GPS fix is flagged on its unit's row.
    @Test func tableListsBaysThenMobileUnitsThenWaitingAndAtRisk() async throws {
        let box = try Sandbox()
        let result = try await box.run("board", "--snapshot", snapshot, "--now", "2026-03-02T09:15")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let heads = lines.compactMap { $0.split(separator: " ").first.map(String.init) }
        let b1 = try #require(heads.firstIndex(of: "B1")), m1 = try #require(heads.firstIndex(of: "M1"))
        let waiting = try #require(lines.firstIndex(of: "Waiting for a mechanic:"))
        let risk = try #require(lines.firstIndex(of: "At risk:"))
        #expect(b1 < m1 && m1 < waiting && waiting < risk)
        #expect(lines.contains { $0.hasPrefix("M2 (GPS unavailable)") })
        #expect(lines.contains { $0.contains("WO-504 promised 15:00") })
    }

    // Why: the JSON carries every view a backend serves, and the same input gives the same bytes.
    @Test func jsonHoldsTheViewsAndIsDeterministic() async throws {
        let box = try Sandbox()
        let first = try await box.run("board", "--snapshot", snapshot, "--now", "2026-03-02T09:15", "--format", "json")
        let second = try await box.run("board", "--snapshot", snapshot, "--now", "2026-03-02T09:15", "--format", "json")
        #expect(first.status == 0)
        #expect(first.stdoutData == second.stdoutData)
        let json = try #require(try JSONSerialization.jsonObject(with: first.stdoutData) as? [String: Any])
        #expect(Set(json.keys) == ["board", "assignments", "workInProgress"])
    }

    // Why: the page must open offline: no scripts, nothing fetched, a Gantt with a "now" line.
    @Test func htmlIsSelfContained() async throws {
        let box = try Sandbox()
        let result = try await box.run(
            "board", "--snapshot", snapshot, "--now", "2026-03-02T09:15", "--format", "html",
            "--output", "board.html")
        #expect(result.status == 0)
        let page = String(decoding: try #require(box.contents("board.html")), as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("src="))
        #expect(page.contains("<svg") && page.contains(">now</text>"))
    }

    // Why: a caller's own permissions apply; an advisor of MAIN does not see LAKE.
    @Test func callerScopesTheBoard() async throws {
        let box = try Sandbox()
        let advisor = CLI.dataset("board/advisor.json")
        let result = try await box.run(
            "board", "--snapshot", snapshot, "--now", "2026-03-02T09:15", "--caller", advisor)
        #expect(result.status == 0)
        #expect(result.stdout.contains("(MAIN)") && !result.stdout.contains("(LAKE)"))
    }

    // Why: a bad snapshot names the field and exits 2 with nothing written.
    @Test func badSnapshotExitsTwoNamingTheField() async throws {
        let box = try Sandbox()
        var text = try String(contentsOfFile: snapshot, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"bay\": \"B1\"", with: "\"bay\": \"B1\", \"mobileUnit\": \"M1\"")
        let bad = try box.write("bad.json", text)
        let result = try await box.run("board", "--snapshot", bad, "--now", "2026-03-02T09:15", "--output", "out.txt")
        #expect(result.status == 2)
        #expect(result.stderr.contains("locations[0].appointments[0].mobileUnit"))
        #expect(!box.exists("out.txt"))
        let badNow = try await box.run("board", "--snapshot", snapshot, "--now", "monday")
        #expect(badNow.status == 2 && badNow.stderr.contains("--now"))
    }
}
