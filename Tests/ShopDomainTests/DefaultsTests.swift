import Foundation
import ShopDomain
import Testing

@Suite("Defaults applied by validation")
struct DefaultsTests {
    private func minimal() throws -> Scenario { try Scenario(file: try Sample.minimalFile()) }

    // The contract (docs/contract.md §2): active true, preferredSkills [], mechanic required, priority 1, preferredStarts [],
    // pinned and current absent, outOfService [], maxConcurrent unlimited.
    @Test func fieldDefaults() throws {
        let scenario = try minimal()
        #expect(scenario.mechanics[0].active == true)
        #expect(scenario.bays[0].outOfService.isEmpty)
        let job = scenario.jobs[0]
        #expect(job.preferredSkills.isEmpty)
        #expect(job.mechanicMode == .required)
        #expect(job.priority == 1)
        #expect(job.preferredStarts.isEmpty)
        #expect(job.pinned == nil && job.current == nil)
        #expect(scenario.facility.maxConcurrent == nil)
        #expect(scenario.facility.closedDates.isEmpty)
    }

    // A given value is not overwritten by a default (the defaults test above could pass by accident otherwise).
    @Test func givenValuesAreKept() throws {
        var file = try Sample.minimalFile()
        file.mechanics[0].active = false
        file.jobs[0].mechanic = "none"
        file.jobs[0].priority = 3
        file.jobs[0].preferredSkills = ["EV"]
        file.facility.maxConcurrent = 0
        let scenario = try Scenario(file: file)
        #expect(scenario.mechanics[0].active == false)
        #expect(scenario.jobs[0].mechanicMode == .none)
        #expect(scenario.jobs[0].priority == 3)
        #expect(scenario.jobs[0].preferredSkills == ["EV"])
        #expect(scenario.facility.maxConcurrent == 0)
    }

    // The default window is the whole horizon: from 00:00 of the first day to the midnight after the last.
    @Test func windowDefaultsToHorizon() throws {
        let job = try minimal().jobs[0]
        #expect(job.earliest == LocalDateTime("2026-11-23T00:00"))
        #expect(job.latest == LocalDateTime("2026-11-25T00:00"))  // horizon of 2 days
    }

    // A window given at one end keeps the horizon at the other.
    @Test func halfWindowKeepsOtherEnd() throws {
        var file = try Sample.minimalFile()
        file.jobs[0].window = .init(earliest: "2026-11-24T10:00")
        file.jobs.append(
            .init(
                id: "J2", durationMinutes: 30, bayTypes: ["GENERAL_SERVICE_BAY"],
                window: .init(latest: "2026-11-23T12:00")))
        file.jobs.append(.init(id: "J3", durationMinutes: 30, bayTypes: ["GENERAL_SERVICE_BAY"], window: .init()))
        let jobs = try Scenario(file: file).jobs
        #expect(jobs[0].earliest == LocalDateTime("2026-11-24T10:00"))
        #expect(jobs[0].latest == LocalDateTime("2026-11-25T00:00"))
        #expect(jobs[1].earliest == LocalDateTime("2026-11-23T00:00"))
        #expect(jobs[1].latest == LocalDateTime("2026-11-23T12:00"))
        #expect(jobs[2].earliest == LocalDateTime("2026-11-23T00:00"))
        #expect(jobs[2].latest == LocalDateTime("2026-11-25T00:00"))
    }

    // With no weights object, every weight has the value the contract (docs/contract.md §2) gives.
    @Test func weightDefaults() throws {
        let w = try minimal().weights
        #expect(w.unscheduled == 1000)
        #expect(w.startDeviationPerSlot == 1)
        #expect(w.missingPreferredSkill == 5)
        #expect(w.unassignedMechanic == 200)
        #expect(w.moved == 50)
        #expect(w.changedBay == 10)
        #expect(w.changedMechanic == 20)
        #expect(w.mechanicUsed == 0)
    }

    // A partial weights object changes only the weights it names (0 is a real value, not "absent").
    @Test func partialWeightsKeepOtherDefaults() throws {
        var file = try Sample.minimalFile()
        file.weights = .init(unscheduled: 0, moved: 7, mechanicUsed: 300)
        let w = try Scenario(file: file).weights
        #expect(w.unscheduled == 0)
        #expect(w.moved == 7)
        #expect(w.mechanicUsed == 300)
        #expect(w.startDeviationPerSlot == 1)
        #expect(w.missingPreferredSkill == 5)
        #expect(w.unassignedMechanic == 200)
        #expect(w.changedBay == 10)
        #expect(w.changedMechanic == 20)
    }

    // Each weight key is read into its own weight (no two fields crossed).
    @Test func everyWeightIsRead() throws {
        var file = try Sample.minimalFile()
        file.weights = .init(
            unscheduled: 11, startDeviationPerSlot: 12, missingPreferredSkill: 13,
            unassignedMechanic: 14, moved: 15, changedBay: 16, changedMechanic: 17, mechanicUsed: 18)
        let w = try Scenario(file: file).weights
        let read: [Int] = [
            w.unscheduled, w.startDeviationPerSlot, w.missingPreferredSkill, w.unassignedMechanic,
            w.moved, w.changedBay, w.changedMechanic, w.mechanicUsed,
        ]
        #expect(read == [11, 12, 13, 14, 15, 16, 17, 18])
    }

    // The weights object in JSON may omit keys too (decoding, not only the Swift initializer).
    @Test func partialWeightsFromJSON() throws {
        let text = Sample.minimalJSON.replacingOccurrences(
            of: "\"format\": \"shopsched.scenario/1\",",
            with: "\"format\": \"shopsched.scenario/1\", \"weights\": { \"changedBay\": 3 },")
        #expect(text != Sample.minimalJSON)
        let w = try Scenario.load(from: Data(text.utf8)).weights
        #expect(w.changedBay == 3 && w.unscheduled == 1000 && w.changedMechanic == 20)
    }

    // Facility fields are parsed: hours per weekday, horizon, slot size; missing weekday = closed.
    @Test func facilityParsed() throws {
        let facility = try Scenario(file: try Sample.fullFile()).facility
        #expect(facility.slotMinutes == 15)
        #expect(facility.horizonStart == LocalDate("2026-11-23"))
        #expect(facility.horizonDays == 1)
        #expect(facility.operatingHours[.sat] == [.init(open: ClockTime("09:00")!, close: ClockTime("13:00")!)])
        #expect(facility.operatingHours[.sun] == nil)
        #expect(facility.closedDates == [LocalDate("2026-11-26")!])
        #expect(facility.maxConcurrent == 7)
        // A closing time of 24:00 is kept as 1440 minutes.
        let minimal = try minimal().facility
        #expect(minimal.operatingHours[.mon]?.first?.close.minutes == 1440)
    }

    // Operating-hour ranges come out sorted by opening time.
    @Test func operatingHoursSorted() throws {
        var file = try Sample.minimalFile()
        file.facility.operatingHours["mon"] = [["13:00", "18:00"], ["08:00", "12:00"]]
        let ranges = try #require(try Scenario(file: file).facility.operatingHours[.mon])
        #expect(ranges.map(\.open.description) == ["08:00", "13:00"])
    }
}
