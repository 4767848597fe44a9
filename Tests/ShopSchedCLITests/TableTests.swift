import Foundation
import Testing

/// The default, human-readable output of `shopsched solve`.
@Suite("table output")
struct TableTests {
    struct Row: Equatable {
        var from: String, to: String, job: String, mechanic: String
    }

    /// Splits the table into bay sections (`BAY-ID (TYPE)` headers, job rows
    /// `HH:MM–HH:MM  JOB  MECHANIC` under them), the Unscheduled section, and the last line.
    static func parse(_ text: String) -> (
        bays: [String: [Row]], bayOrder: [String], unscheduled: [String: String], last: String
    ) {
        var bays: [String: [Row]] = [:], order: [String] = [], unscheduled: [String: String] = [:]
        var section: String?
        var inUnscheduled = false
        let row = /^\s+(\d\d:\d\d)–(\d\d:\d\d)\s+(\S+)\s+(.+?)\s*$/
        let header = /^(\S+) \(([A-Z_]+)\)$/
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines {
            if let m = line.wholeMatch(of: header) {
                section = String(m.1)
                order.append(String(m.1))
                bays[String(m.1), default: []] = []
                inUnscheduled = false
            } else if line == "Unscheduled" {
                inUnscheduled = true
                section = nil
            } else if inUnscheduled, line.hasPrefix("  ") {
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
                unscheduled[String(parts[0])] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            } else if let bay = section, let m = line.wholeMatch(of: row) {
                bays[bay, default: []].append(
                    Row(from: String(m.1), to: String(m.2), job: String(m.3), mechanic: String(m.4)))
            } else if line.isEmpty {
                inUnscheduled = false
            }
        }
        let last = lines.last(where: { !$0.isEmpty }) ?? ""
        return (bays, order, unscheduled, last)
    }

    // Why: the table is what a service writer reads. Each bay must list its jobs in time
    // order (J-2 at 08:00 before J-1 at 09:00, although the file lists J-1 first), a job
    // nobody is qualified for must show up under Unscheduled with its reason, and the
    // last line must sum the run up.
    @Test func tableListsBaysInTimeOrderUnscheduledAndSummary() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let result = try await box.run("solve", scenario)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let table = Self.parse(result.stdout)

        #expect(table.bayOrder == ["BAY-A", "BAY-L"], "every bay, in file order:\n\(result.stdout)")
        let bayA = table.bays["BAY-A"] ?? []
        #expect(bayA.map(\.job) == ["J-2", "J-1", "J-5"], "BAY-A in time order:\n\(result.stdout)")
        #expect(bayA.map(\.from) == ["08:00", "09:00", "10:00"])
        #expect(bayA.map(\.to) == ["08:30", "10:00", "10:30"])
        for row in bayA where row.job != "J-5" {
            #expect(["M-1", "M-2"].contains(row.mechanic), "\(row.job) has a mechanic")
        }
        let noMechanic = try #require(bayA.last)
        #expect(!noMechanic.mechanic.hasPrefix("M-"), "J-5 (mode none) shows no mechanic id")
        #expect(table.bays["BAY-L"] == [Row(from: "10:00", to: "11:30", job: "J-3", mechanic: "M-1")])

        #expect(table.unscheduled == ["J-4": "NO_QUALIFIED_MECHANIC"], "Unscheduled section:\n\(result.stdout)")

        let summary = try #require(
            table.last.wholeMatch(
                of: /status (\w+)\s+objective (\S+)\s+bound (\S+)\s+time ([0-9.]+) s.*/), "last line: \(table.last)")
        #expect(summary.1 == "optimal")
        #expect(summary.2 == "1000")
        #expect(summary.3 == "1000")
        #expect(Double(summary.4) != nil)
    }

    // Why: the same run written as JSON must tell the same story as the table (the
    // reasons array carries the machine-readable code).
    @Test func jsonAgreesOnTheUnscheduledReason() async throws {
        let box = try Sandbox()
        let scenario = try box.write("tiny.json", Scenarios.tinyShop)
        let result = try await box.run("solve", scenario, "--format", "json")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let solution = try Solution.decode(result.stdoutData)
        #expect(solution.unscheduled.map(\.job) == ["J-4"])
        #expect(solution.unscheduled.first?.reasons == ["NO_QUALIFIED_MECHANIC"])
        #expect(solution.assignment("J-5")?.mechanic == nil)
        #expect(solution.objective == 1000)
    }
}
