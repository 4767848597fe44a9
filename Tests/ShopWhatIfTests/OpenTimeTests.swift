import ShopDomain
import ShopVerifier
import Testing

@testable import ShopWhatIf

/// The what-if report where open time joins: a Gantt of a shop open through
/// midnight labels each day, and overlapping shifts count their time once.
@Suite("What-if report: open time that joins")
struct WhatIfOpenTimeTests {
    static func scenario(hours: [[String]], days: Int, shifts: [(String, String)]) throws -> Scenario {
        let week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].reduce(into: [String: [[String]]]()) {
            $0[$1] = hours
        }
        return try Scenario(
            file: ScenarioFile(
                facility: .init(
                    id: "NIGHT", timeZone: "America/Chicago", slotMinutes: 15,
                    horizon: .init(start: "2026-11-23", days: days), operatingHours: week),
                bays: [.init(id: "BAY-1", type: "GENERAL_SERVICE_BAY")],
                mechanics: [.init(id: "M-1", shifts: shifts.map { .init(start: $0.0, end: $0.1) })],
                jobs: [.init(id: "J-1", durationMinutes: 240, bayTypes: ["GENERAL_SERVICE_BAY"])]))
    }

    // Open round the clock for two days: one open interval, so the chart has no
    // gap at midnight, yet both days are labelled; the job's bar runs over midnight.
    @Test func ganttLabelsEachDayOfARunThroughMidnight() throws {
        let scenario = try Self.scenario(
            hours: [["00:00", "24:00"]], days: 2,
            shifts: [("2026-11-23T20:00", "2026-11-24T04:00")])
        let solution = SolutionFile(
            scenario: "NIGHT", strategy: "test", status: "feasible", objective: 0, bound: nil, seconds: 0,
            assignments: [
                .init(
                    job: "J-1", start: "2026-11-23T22:00", end: "2026-11-24T02:00",
                    bay: "BAY-1", mechanic: "M-1")
            ],
            unscheduled: [])
        #expect(PlanVerifier.verify(solution, against: scenario).violations == [])
        let svg = HTMLReport.gantt(scenario, solution)
        #expect(svg.contains(">mon 11-23</text>"))
        #expect(svg.contains(">tue 11-24</text>"))
        // The chart ends at Wednesday 00:00, which has no time on it: no label (review).
        #expect(!svg.contains(">wed 11-25</text>"))
        #expect(svg.components(separatedBy: "font-weight=\"600\"").count == 3)
        #expect(!svg.contains("fill=\"#e8e8e8\""))  // no gap between open intervals: there is one
        #expect(svg.components(separatedBy: "<title>J-1 ").count == 2)
    }

    // Shifts 08:00–12:00 and 10:00–14:00 overlap: 6 hours on shift, not 8.
    @Test func overlappingShiftsCountOnce() throws {
        let scenario = try Self.scenario(
            hours: [["08:00", "18:00"]], days: 1,
            shifts: [("2026-11-23T08:00", "2026-11-23T12:00"), ("2026-11-23T10:00", "2026-11-23T14:00")])
        let solution = SolutionFile(
            scenario: "NIGHT", strategy: "test", status: "feasible", objective: 0, bound: nil, seconds: 0,
            assignments: [
                .init(
                    job: "J-1", start: "2026-11-23T08:00", end: "2026-11-23T12:00",
                    bay: "BAY-1", mechanic: "M-1")
            ],
            unscheduled: [])
        #expect(PlanVerifier.verify(solution, against: scenario).isFeasible)
        let row = ComparisonRow(index: 0, name: "base", edits: [], scenario: scenario, solution: solution)
        #expect(abs(row.mechanicUtilisation! - 240.0 / 360.0) < 1e-9)
        #expect(abs(row.freeMechanicHours - 2) < 1e-9)
    }
}
