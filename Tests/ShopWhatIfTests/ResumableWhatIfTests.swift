import Foundation
import ShopDomain
import ShopPlanner
import ShopTestSupport
import ShopVerifier
import ShopWhatIf
import Testing

/// What-if and resumable jobs (contract §7): the `setResumable` edit, and the report's
/// reading of plans whose jobs pause.
@Suite("What-if with resumable jobs")
struct ResumableWhatIfTests {
    @Test("setResumable picks jobs by id, bay type and length together; off leaves the field out")
    func selectors() throws {
        let base = try Datasets.file("small-shop-day.json")
        let lifts = try ScenarioEditor.apply(
            [
                edit(.setResumable) {
                    $0.resumable = true; $0.bayType = "LIFT_BAY"
                }
            ], to: base)
        let expected = base.jobs.filter { $0.bayTypes.contains("LIFT_BAY") }.map(\.id)
        #expect(!expected.isEmpty && expected.count < base.jobs.count)
        #expect(lifts.jobs.filter { $0.resumable == true }.map(\.id) == expected)

        let long = base.jobs.map(\.durationMinutes).max()!
        let both = try ScenarioEditor.apply(
            [
                edit(.setResumable) {
                    $0.resumable = true; $0.minMinutes = long; $0.jobs = base.jobs.map(\.id)
                }
            ], to: base)
        #expect(
            both.jobs.filter { $0.resumable == true }.map(\.id)
                == base.jobs.filter { $0.durationMinutes >= long }.map(\.id))

        let everyJob = try ScenarioEditor.apply([edit(.setResumable) { $0.resumable = true }], to: base)
        #expect(everyJob.jobs.allSatisfy { $0.resumable == true })
        let undone = try ScenarioEditor.apply(
            [
                edit(.setResumable) {
                    $0.resumable = false; $0.jobs = [base.jobs[0].id]
                }
            ], to: everyJob)
        #expect(undone.jobs[0].resumable == nil)
        #expect(undone.jobs.dropFirst().allSatisfy { $0.resumable == true })
        _ = try Scenario(file: everyJob)
    }

    @Test("setResumable names the field that is wrong, and a selection of no job is an error")
    func errors() throws {
        let base = try Datasets.file("small-shop-day.json")
        func path(_ edit: Edit) throws -> [String] { try errorPaths(edit, on: base) }
        #expect(
            try path(
                edit(.setResumable) {
                    $0.resumable = true; $0.jobs = [base.jobs[0].id, "J-404"]
                })
                == ["variants[0].edits[0].jobs[1]"])
        #expect(
            try path(
                edit(.setResumable) {
                    $0.resumable = true; $0.bayType = "LIFT"
                }) == ["variants[0].edits[0].bayType"])
        #expect(
            try path(
                edit(.setResumable) {
                    $0.resumable = true; $0.minMinutes = 0
                }) == ["variants[0].edits[0].minMinutes"])
        #expect(
            try path(
                edit(.setResumable) {
                    $0.resumable = true; $0.minMinutes = 100_000
                })
                == ["variants[0].edits[0].resumable"])
    }

    @Test("a variant file's setResumable decodes, with its fields checked and its line in the table")
    func decodes() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(
            atPath: Datasets.folder.appendingPathComponent("small-shop-day.json").path, toPath: folder + "/base.json")
        let text = """
            { "format": "shopsched.whatif/1", "base": "base.json",
              "variants": [ { "name": "long-pause", "edits": [ { "edit": "setResumable", "resumable": true, "minMinutes": 90 } ] } ] }
            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/batch.json"))
        let batch = try WhatIfBatch.load(path: folder + "/batch.json")
        #expect(batch.variants[1].edits.first?.description == "setResumable on ≥90 min")
        let edited = try batch.scenarioFile(of: batch.variants[1])
        #expect(
            edited.jobs.filter { $0.resumable == true }.map(\.id)
                == edited.jobs.filter { $0.durationMinutes >= 90 }.map(\.id))
        try Data(text.replacingOccurrences(of: "minMinutes", with: "minMinute").utf8)
            .write(to: URL(fileURLWithPath: folder + "/typo.json"))
        let error = try #require(throws: InputError.self) { try WhatIfBatch.load(path: folder + "/typo.json") }
        #expect(error.paths == ["variants[0].edits[0].minMinute"])
    }

    @Test("a job that may pause over lunch: the edited variant solves to a verified plan")
    func lunchVariantSolves() throws {
        var base = try Datasets.file("contract/resumable-lunch.scenario.json")
        base.jobs[0].resumable = nil
        // Not resumable, five hours fit in no four-hour interval.
        let (before, _, _) = try solveAndVerify(base)
        #expect(before.unscheduled.map(\.job) == ["J-1"])
        let variant = try ScenarioEditor.apply(
            [
                edit(.setResumable) {
                    $0.resumable = true; $0.jobs = ["J-1"]
                }
            ], to: base)
        let (after, report, _) = try solveAndVerify(variant)
        #expect(report.isFeasible)
        // The planner pauses it: at its preferred 10:00, over lunch (objective 0, the
        // contract's example).
        let placed = try #require(after.assignments.first)
        #expect(placed.end == "2026-11-23T16:00")
        #expect(placed.work?.count == 2)
        #expect(after.objective == 0)
    }

    /// The contract's night example, its plan checked by the verifier.
    static func night() throws -> (Scenario, SolutionFile) {
        let scenario = try Scenario(file: Datasets.file("contract/resumable-night.scenario.json"))
        let data = try #require(
            FileManager.default.contents(
                atPath: Datasets.folder.appendingPathComponent("contract/resumable-night.solution.json").path))
        let solution = try JSONFiles.decode(SolutionFile.self, from: data)
        let report = PlanVerifier(scenario: scenario).verify(solution)
        #expect(report.violations == [], "\(report)")
        return (scenario, solution)
    }

    @Test("across a night: the comparison counts the mechanic in the work pieces and the bay in the open time held")
    func utilisation() throws {
        let (scenario, solution) = try Self.night()
        let row = ComparisonRow(index: 0, name: "base", edits: [], scenario: scenario, solution: solution)
        #expect(row.verified)
        // M-1 is on shift 20 h of open time and works 2 h + 1 h on J-1 and 1 h on J-2, not
        // the 17 h from J-1's start to its end.
        #expect(row.freeMechanicHours == 16)
        #expect(row.mechanicUtilisation == 4.0 / 20.0)
        // Two bays, 20 open hours each; J-1 holds BAY-1 for 3 open hours (the night is closed).
        #expect(row.bayUtilisation["GENERAL_SERVICE_BAY"] == 4.0 / 40.0)
    }

    @Test("across a night: the report's Gantt draws the pieces joined by a line, and names the later-day end")
    func gantt() throws {
        let (scenario, solution) = try Self.night()
        let report = ComparisonReport(
            rows: [ComparisonRow(index: 0, name: "base <night>", edits: [], scenario: scenario, solution: solution)])
        var html = ""
        HTMLReport.render(
            report, title: "Night & day", missing: 0, plan: { _ in (scenario.file, solution) }, write: { html += $0 })
        let group = try #require(html.components(separatedBy: "<g class=\"resumable\">").dropFirst().first)
        let body = group.prefix { $0 != "\n" }.components(separatedBy: "</g>")[0]
        #expect(body.components(separatedBy: "class=\"piece\"").count - 1 == 2)
        #expect(body.components(separatedBy: "class=\"pause\"").count - 1 == 1)
        #expect(body.contains("J-1 11-23 16:00–11-24 09:00 on BAY-1, M-1; works 11-23 16:00–18:00, 11-24 08:00–09:00"))
        // J-2, in one piece, stays one bar.
        #expect(html.contains("J-2 09:00–10:00 on BAY-2, M-1</title></rect>"))
        #expect(html.contains("Night &amp; day") && html.contains("base &lt;night&gt;"))
        #expect(!html.contains("<night>"))
    }

    @Test("the diff names a resumable job that keeps its start but ends later, as its mechanic leaves early")
    func diffNamesTheEnd() throws {
        let (_, a) = try Self.night()
        var b = a
        b.assignments[0].end = "2026-11-24T10:00"
        b.assignments[0].work = [
            .init(start: "2026-11-23T16:00", end: "2026-11-23T17:00"),
            .init(start: "2026-11-24T08:00", end: "2026-11-24T10:00"),
        ]
        let diff = PlanDiff(a, b)
        #expect(diff.entries.map(\.job) == ["J-1"])
        #expect(diff.entries[0].changes == [.changedEnd(from: "2026-11-24T09:00", to: "2026-11-24T10:00")])
        #expect(diff.description.contains("J-1: ends 2026-11-24T09:00 -> 2026-11-24T10:00"))
        #expect(diff.description.contains("0 only in B, 1 end(s) changed; objective 0 -> 0"))
        // Moved jobs are moves, not end changes too.
        b.assignments[0].start = "2026-11-23T15:00"
        #expect(PlanDiff(a, b).entries[0].changes == [.moved(from: "2026-11-23T16:00", to: "2026-11-23T15:00")])
    }
}
