import Foundation
import ShopDomain
import Testing

/// `facility.labourMinutesPerDay`: optional, both parts optional, each 0 to the cap,
/// the warning at or below the limit; a bad value names its own field.
@Suite("Labour minutes per day: validation")
struct LabourLimitValidationTests {
    @Test func absentMeansNoLimitAndNoWarning() throws {
        let scenario = try Scenario(file: Sample.fullFile())
        #expect(scenario.facility.labourLimitPerDay == nil)
        #expect(scenario.facility.labourWarningPerDay == nil)
        #expect(!scenario.facility.countsLabour)
    }

    @Test func bothPartsAreRead() throws {
        var file = try Sample.fullFile()
        file.facility.labourMinutesPerDay = .init(limit: 2880, warnAbove: 2400)
        let scenario = try Scenario(file: file)
        #expect(scenario.facility.labourLimitPerDay == 2880)
        #expect(scenario.facility.labourWarningPerDay == 2400)
        // Written from typed parts and read again: the same.
        let again = try Scenario(file: ScenarioFile(scenario))
        #expect(again.facility.labourLimitPerDay == 2880 && again.facility.labourWarningPerDay == 2400)
    }

    // Zero is a limit (no job may have a mechanic); a warning equal to the limit is allowed.
    @Test func edgesAreAccepted() throws {
        #expect(try Sample.paths { $0.facility.labourMinutesPerDay = .init(limit: 0) } == [])
        #expect(try Sample.paths { $0.facility.labourMinutesPerDay = .init(limit: 480, warnAbove: 480) } == [])
        #expect(try Sample.paths { $0.facility.labourMinutesPerDay = .init(warnAbove: 420) } == [])
        #expect(try Sample.paths { $0.facility.labourMinutesPerDay = .init() } == [])
        #expect(
            try Sample.paths {
                $0.facility.labourMinutesPerDay = .init(limit: Scenario.maxLabourMinutesPerDay)
            } == [])
    }

    @Test func badValuesNameTheirField() throws {
        #expect(
            try Sample.paths { $0.facility.labourMinutesPerDay = .init(limit: -1) } == [
                "facility.labourMinutesPerDay.limit"
            ])
        #expect(
            try Sample.paths { $0.facility.labourMinutesPerDay = .init(warnAbove: -5) } == [
                "facility.labourMinutesPerDay.warnAbove"
            ])
        #expect(
            try Sample.paths {
                $0.facility.labourMinutesPerDay = .init(limit: Scenario.maxLabourMinutesPerDay + 1)
            } == ["facility.labourMinutesPerDay.limit"])
        #expect(
            try Sample.paths { $0.facility.labourMinutesPerDay = .init(limit: 480, warnAbove: 481) } == [
                "facility.labourMinutesPerDay.warnAbove"
            ])
    }

    @Test func aWrongJSONTypeNamesThePath() throws {
        let text = """
            { "format": "shopsched.scenario/1",
              "facility": { "id": "F", "timeZone": "America/Chicago", "slotMinutes": 15,
                            "horizon": { "start": "2026-11-23", "days": 1 }, "operatingHours": {},
                            "labourMinutesPerDay": { "limit": "eight hours" } },
              "bays": [], "mechanics": [], "jobs": [] }
            """
        #expect {
            _ = try Scenario.load(from: Data(text.utf8))
        } throws: { error in
            (error as? InputError)?.issues.map(\.path) == ["facility.labourMinutesPerDay.limit"]
        }
    }
}
