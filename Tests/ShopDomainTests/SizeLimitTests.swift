import Foundation
import ShopDomain
import Testing

/// Scenarios too large to plan within memory are refused by validation,
/// naming the fields to change (fuzz finding H2).
@Suite("Size limits")
struct SizeLimitTests {
    /// The full sample file after `edit`.
    static func file(_ edit: (inout ScenarioFile) -> Void) throws -> ScenarioFile {
        var file = try Sample.fullFile()
        edit(&file)
        return file
    }

    // Why: 1-minute slots over 366 days (527,040 slots) ran for minutes and gigabytes.
    @Test func tooManySlotsNamesSlotMinutes() throws {
        let issues = Sample.issues(
            try Self.file {
                $0.facility.slotMinutes = 1
                $0.facility.horizon.days = 366
            })
        #expect(issues.map(\.path) == ["facility.slotMinutes"])
        #expect(issues.first?.message.contains("527,040 slots, more than 50,000") == true, "\(issues)")
        #expect(issues.first?.message.contains("facility.horizon.days") == true)
    }

    // Why: 20,000 jobs took 2.7 GB; more than maxJobs is refused, at `jobs`.
    @Test func tooManyJobs() throws {
        let issues = Sample.issues(
            try Self.file { file in
                let first = file.jobs[1]
                file.jobs = (0...ScenarioLimits.maxJobs).map {
                    var job = first; job.id = "J-\($0)"; return job
                }
            })
        #expect(issues.first?.path == "jobs")
        #expect(issues.first?.message.contains("10,001 jobs are more than the 10,000") == true, "\(issues)")
    }

    // Why: a month of 1-minute slots with unwindowed jobs passes the slot limit but
    // implies 26 million placements (300 × 44,640 × 2); the message names what to narrow.
    @Test func tooManyPlacementsNamesWindows() throws {
        let issues = Sample.issues(
            try Self.file { file in
                file.facility.slotMinutes = 1
                file.facility.horizon.days = 31
                for key in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
                    file.facility.operatingHours[key] = [["00:00", "24:00"]]
                }
                file.mechanics[0].shifts = [.init(start: "2026-11-23T00:00", end: "2026-12-24T00:00")]
                file.jobs = (0..<300).map {
                    ScenarioFile.Job(
                        id: "J-\($0)", durationMinutes: 60, bayTypes: ["LIFT_BAY"], requiredSkills: [],
                        preferredSkills: nil,
                        mechanic: nil, priority: nil, window: nil, preferredStarts: nil, pinned: nil, current: nil)
                }
            })
        #expect(issues.map(\.path) == ["jobs"])
        #expect(issues.first?.message.contains("jobs[].window") == true, "\(issues)")
    }

    // The bundled datasets are far inside the limits.
    @Test func bundledDatasetsAreAccepted() throws {
        for file in Sample.jsonFiles(in: Sample.datasetsDirectory) {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            guard
                (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["format"] as? String
                    == ScenarioFile.formatName
            else { continue }
            #expect(throws: Never.self) { try Scenario.load(from: data) }
        }
    }
}
