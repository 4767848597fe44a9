import Foundation
import ShopDomain
import ShopPlanner
import ShopVerifier
import ShopWhatIf
import Testing

/// Plan differences, comparison rows and the HTML page.
@Suite struct ReportTests {
    func assignment(_ job: String, _ start: String, _ bay: String, _ mechanic: String?) -> SolutionFile.Assignment {
        .init(job: job, start: "2026-11-23T" + start, end: "2026-11-23T23:00", bay: bay, mechanic: mechanic)
    }

    func solution(_ assignments: [SolutionFile.Assignment], _ unscheduled: [String], objective: Int) -> SolutionFile {
        .init(
            scenario: "S", strategy: "milp", status: "optimal", objective: objective, bound: objective, seconds: 0,
            assignments: assignments, unscheduled: unscheduled.map { .init(job: $0, reasons: ["CAPACITY"]) })
    }

    @Test func diffNamesEveryKindOfChange() {
        let a = solution(
            [
                assignment("J-1", "08:00", "BAY-1", "M-1"), assignment("J-2", "09:00", "BAY-2", "M-2"),
                assignment("J-3", "10:00", "BAY-1", nil), assignment("J-4", "11:00", "BAY-3", "M-1"),
                assignment("J-6", "12:00", "BAY-1", "M-3"),
            ],
            ["J-5", "J-7"], objective: 2000)
        let b = solution(
            [
                assignment("J-1", "08:00", "BAY-1", "M-1"), assignment("J-2", "09:30", "BAY-4", "M-2"),
                assignment("J-3", "10:00", "BAY-1", "M-2"), assignment("J-5", "13:00", "BAY-2", nil),
                assignment("J-8", "14:00", "BAY-2", "M-1"),
            ],
            ["J-4", "J-7"], objective: 1500)
        let diff = PlanDiff(a, b)
        #expect(diff.entries.map(\.job) == ["J-2", "J-3", "J-4", "J-6", "J-5", "J-8"])
        #expect(
            diff.entries[0].changes == [
                .moved(from: "2026-11-23T09:00", to: "2026-11-23T09:30"), .changedBay(from: "BAY-2", to: "BAY-4"),
            ])
        #expect(diff.entries[1].changes == [.changedMechanic(from: nil, to: "M-2")])
        #expect(diff.entries[2].changes == [.dropped(reasons: ["CAPACITY"])])
        #expect(diff.entries[3].changes == [.onlyInA])
        #expect(diff.entries[4].changes == [.newlyScheduled(start: "2026-11-23T13:00", bay: "BAY-2", mechanic: nil)])
        #expect(diff.entries[5].changes == [.onlyInB])
        #expect(PlanDiff(a, a).entries.isEmpty)
        #expect(
            diff.description.hasSuffix(
                "6 job(s) changed: 1 moved, 1 changed bay, 1 changed mechanic, 1 newly scheduled, 1 dropped, 1 only in A, 1 only in B; objective 2000 -> 1500\n"
            ))
    }

    @Test func rowMeasuresFollowFromThePlan() throws {
        let file = try Datasets.file("small-shop-day.json")
        let (plan, report, scenario) = try solveAndVerify(file)
        let row = ComparisonRow(index: 0, name: "base", edits: [], scenario: scenario, solution: plan)
        #expect(row.verified && row.objective == report.objective)
        #expect(row.scheduled == plan.assignments.count && row.scheduled + row.unscheduled == 16)
        #expect(row.unscheduledByReason.values.reduce(0, +) == row.unscheduled)
        #expect(row.terms["unscheduled"] == report.terms.unscheduled)
        // The one lift is open 08:00–18:00: 600 minutes; its utilisation is the lift jobs' minutes over that.
        let liftMinutes = plan.assignments.filter { $0.bay == "BAY-3" }.map { span($0).1 - span($0).0 }.reduce(0, +)
        #expect(abs(row.bayUtilisation["LIFT_BAY"]! - Double(liftMinutes) / 600) < 1e-9)
        // Mechanics: shifts inside 08:00–18:00 are 510 + 510 + 510 + 510 + 270 minutes.
        let working = plan.assignments.filter { $0.mechanic != nil }.map { span($0).1 - span($0).0 }.reduce(0, +)
        #expect(abs(row.mechanicUtilisation! - Double(working) / 2310) < 1e-9)
        #expect(abs(row.freeMechanicHours - Double(2310 - working) / 60) < 1e-9)
    }

    @Test func htmlIsSelfContainedWithAGanttPerPlan() throws {
        let base = try Datasets.file("small-shop-day.json")
        let batch = try WhatIfBatch(
            file: .init(
                base: "",
                variants: [
                    .init(
                        name: "extra-lift",
                        edits: [
                            edit(.addBays) {
                                $0.type = "LIFT_BAY"; $0.count = 1
                            }
                        ]),
                    .init(name: "closed", edits: [edit(.closeDates) { $0.dates = ["2026-11-23"] }]),
                    .init(name: "<odd & name>", edits: [edit(.setMaxConcurrent) { $0.value = 3 }]),
                ], grids: nil), base: base)
        let out = try temporaryFolder()
        var options = WhatIfRunner.Options()
        options.planner = GreedyStrategy()
        _ = try WhatIfRunner(batch: batch, folder: ResultFolder(path: out), options: options).run()
        let results = try WhatIfResults.gather([out])
        try results.writeReports(to: out, title: "Test")
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(
            !html.contains("http://") && !html.contains("https://") && !html.contains("<script")
                && !html.contains("src="))
        #expect(html.contains("&lt;odd &amp; name&gt;") && !html.contains("<odd & name>"))
        // One Gantt per variant with open hours (the closed day has none), one bar per assignment.
        let planned = results.report.rows.filter { $0.hasPlan && $0.scheduled > 0 }
        #expect(planned.count == 3)
        let assignmentTitles = html.components(separatedBy: "<title>J-").count - 1
        let assigned = try planned.map { row in try #require(results.plan(of: row)).solution.assignments.count }.reduce(
            0, +)
        #expect(assignmentTitles == assigned)
        #expect(html.contains("The shop is never open in this variant."))
        #expect(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8).split(separator: "\n").count == 5)
    }
}
