import Foundation
import ShopDomain
import ShopPlanner
import ShopVerifier
import ShopWhatIf
import Testing

/// `setLabourLimit` and the `labourLimit` grid axis: `facility.labourMinutesPerDay`.
@Suite("What-if: the daily labour limit")
struct LabourLimitEditTests {
    let base: ScenarioFile
    init() throws { base = try Datasets.file("small-shop-day.json") }

    @Test func settingALimitBindsThePlan() throws {
        let edited = try ScenarioEditor.apply([edit(.setLabourLimit) { $0.limit = 1080 }], to: base)
        #expect(edited.facility.labourMinutesPerDay == .init(limit: 1080))
        let (plan, _, scenario) = try solveAndVerify(edited)
        #expect(plan.status == "optimal")
        #expect(plan.unscheduled.map(\.job) == ["J-13"])
        let instance = Instance(scenario)
        let placements = try scenario.jobs.map { job -> SlotPlacement? in
            guard let a = plan.assignments.first(where: { $0.job == job.id }) else { return nil }
            let start = try #require(LocalDateTime(a.start))
            return SlotPlacement(
                start: (start.absoluteMinutes - scenario.facility.horizonBegin.absoluteMinutes) / instance.slotMinutes,
                bay: scenario.bayIndex(a.bay)!, mechanic: a.mechanic.flatMap(scenario.mechanicIndex))
        }
        #expect(instance.labourByDay(placements) == [1080])  // exactly at the limit
    }

    @Test func warnAboveIsKeptUnlessGivenAndNullClears() throws {
        var withWarning = base
        withWarning.facility.labourMinutesPerDay = .init(limit: 1200, warnAbove: 900)
        let limitOnly = try ScenarioEditor.apply([edit(.setLabourLimit) { $0.limit = 1000 }], to: withWarning)
        #expect(limitOnly.facility.labourMinutesPerDay == .init(limit: 1000, warnAbove: 900))
        let both = try ScenarioEditor.apply(
            [
                edit(.setLabourLimit) {
                    $0.limit = nil; $0.warnAbove = 800; $0.setsWarnAbove = true
                }
            ], to: withWarning)
        #expect(both.facility.labourMinutesPerDay == .init(warnAbove: 800))
        let cleared = try ScenarioEditor.apply(
            [
                edit(.setLabourLimit) {
                    $0.limit = nil; $0.setsWarnAbove = true
                }
            ], to: withWarning)
        #expect(cleared.facility.labourMinutesPerDay == nil)
    }

    @Test func decodedFromTheWhatIfFileAndAGridAxis() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(
            atPath: Datasets.folder.appendingPathComponent("small-shop-day.json").path, toPath: folder + "/base.json")
        let path = folder + "/batch.json"
        try Data(
            """
            { "format": "shopsched.whatif/1", "base": "base.json",
              "variants": [ { "name": "tight", "edits": [ { "edit": "setLabourLimit", "limit": 960, "warnAbove": null } ] } ],
              "grids": [ { "name": "g", "axes": [ { "set": "labourLimit", "values": [1080, "unlimited"] } ] } ] }
            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let batch = try WhatIfBatch.load(path: path)
        let files = try batch.variants.map { try batch.scenarioFile(of: $0) }
        let limits = files.map { $0.facility.labourMinutesPerDay?.limit }
        #expect(limits == [nil, 960, 1080, nil])  // base, tight, the grid's two
        #expect(batch.variants[1].edits.first?.description == "setLabourLimit 960 min warn never")
    }

    // A warning above the new limit is the variant's validation error, naming the field.
    @Test func anInvertedPairIsAnInvalidVariant() throws {
        var withWarning = base
        withWarning.facility.labourMinutesPerDay = .init(limit: 1200, warnAbove: 900)
        let edited = try ScenarioEditor.apply([edit(.setLabourLimit) { $0.limit = 600 }], to: withWarning)
        #expect {
            _ = try Scenario(file: edited)
        } throws: { error in
            (error as? InputError)?.issues.map(\.path) == ["facility.labourMinutesPerDay.warnAbove"]
        }
    }
}
