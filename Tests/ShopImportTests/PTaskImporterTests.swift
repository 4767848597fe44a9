import Foundation
import ShopDomain
import ShopImport
import ShopPlanner
import ShopVerifier
import Testing

@Suite("ptask importer")
struct PTaskImporterTests {
    /// Three jobs: 0 and 1 overlap, 2 touches 1 at minute 100 (half-open
    /// ranges: no overlap). Two workers.
    let small = """
        # a comment
        Type = 1
        Jobs = 3
          0  60
         30 100
        100 200
        Qualifications = 2
         2:   0   2
         2:   1   2
        """

    @Test func parsesJobsWorkersAndTheOverlapBound() throws {
        let instance = try PTaskImporter.parse(small)
        #expect(instance.jobs == [0..<60, 30..<100, 100..<200])
        #expect(instance.qualifications == [[0, 2], [1, 2]])
        #expect(instance.largestOverlap == 2)
    }

    @Test func scenarioFollowsTheMapping() throws {
        let file = PTaskImporter.scenario(try PTaskImporter.parse(small), id: "PTASK-small")
        let scenario = try Scenario(file: file)  // the project's own validation
        #expect(scenario.facility.slotMinutes == 1)
        #expect(file.bays.count == 2)
        #expect(file.mechanics.map(\.skills) == [["J-0", "J-2"], ["J-1", "J-2"]])
        #expect(file.jobs[1].durationMinutes == 70)
        #expect(file.jobs[1].window?.earliest == "2026-11-23T00:30")
        #expect(file.jobs[1].window?.latest == "2026-11-23T01:40")
        #expect(file.jobs[1].requiredSkills == ["J-1"])
        #expect(file.weights?.mechanicUsed == 1)
        #expect(file.weights?.unscheduled == 3)
    }

    /// The harder family's shape (Smet et al. 2014, `Data_100`): CRLF line ends,
    /// three comment lines before `Type = 1`, and times past 1440, so job 1
    /// (23:00 to 01:00 the next day) crosses midnight and the horizon is two
    /// days. Job 1 overlaps jobs 0 and 2, so two workers are needed: W-0
    /// (0 and 2) and W-1 (1); W-2 can do everything but is not needed. The
    /// plan must run job 1 through midnight and use two mechanics, the overlap
    /// bound, which proves it optimal.
    @Test func crlfFileWithJobsPastMidnight() throws {
        let text = [
            "# Smet et al. shape", "# CRLF line ends", "# times past one day",
            "Type = 1", "Jobs = 3", " 1200 1400", " 1380 1500", " 1450 2000",
            "Qualifications = 3", " 2: 0 2", " 1: 1", " 3: 0 1 2", "",
        ].joined(separator: "\r\n")
        let ptask = try PTaskImporter.parse(text)
        #expect(ptask.jobs == [1200..<1400, 1380..<1500, 1450..<2000])
        #expect(ptask.largestOverlap == 2)
        let file = PTaskImporter.scenario(ptask, id: "PTASK-crlf")
        #expect(file.facility.horizon.days == 2)
        #expect(file.jobs[1].window?.earliest == "2026-11-23T23:00")
        #expect(file.jobs[1].window?.latest == "2026-11-24T01:00")
        #expect(file.mechanics[0].shifts?.first?.end == "2026-11-25T00:00")
        let scenario = try Scenario(file: file)
        let result = MILPStrategy().plan(Instance(scenario), options: PlanOptions())
        let report = PlanVerifier(scenario: scenario).verify(result.solutionFile())
        #expect(report.violations == [])
        #expect(report.terms.unscheduled == 0 && report.terms.mechanicUsed == 2)
        #expect(result.status == .optimal && result.bound == report.objective)
        #expect(result.solutionFile().assignments.first { $0.job == "J-1" }?.end == "2026-11-24T01:00")
        // A line number in a CRLF file is the line a text editor shows.
        #expect {
            try PTaskImporter.parse(text.replacingOccurrences(of: " 1380 1500", with: " 1380 x"))
        } throws: { error in
            (error as? InputError)?.issues.map(\.path) == ["line 7"]
        }
        // Past a week is refused, naming the line.
        #expect {
            try PTaskImporter.parse(text.replacingOccurrences(of: " 1450 2000", with: " 1450 10081"))
        } throws: { error in
            (error as? InputError)?.issues.map(\.path) == ["line 8"]
        }
    }

    /// The horizon is as many days as the latest end needs: an end at exactly
    /// 2880 (the second midnight) is two days, one minute more is three; a
    /// job from 1430 to 1450 starts on day one and ends on day two.
    @Test func horizonCoversTheLatestEnd() throws {
        func read(_ lines: [String]) throws -> PTaskImporter.Instance {
            try PTaskImporter.parse(
                (["#", "#", "#", "Type = 1", "Jobs = \(lines.count)"] + lines + ["Qualifications = 1", " 1: 0"])
                    .joined(separator: "\r\n") + "\r\n")
        }
        #expect(PTaskImporter.days(try read([" 0 1440"])) == 1)
        #expect(PTaskImporter.days(try read([" 1430 2880"])) == 2)
        #expect(PTaskImporter.days(try read([" 1430 2881"])) == 3)
        let file = PTaskImporter.scenario(try read([" 1430 1450"]), id: "PTASK-edge")
        #expect(file.facility.horizon.days == 2)
        #expect(file.jobs[0].window?.earliest == "2026-11-23T23:50")
        #expect(file.jobs[0].window?.latest == "2026-11-24T00:10")
        let scenario = try Scenario(file: file)
        let result = MILPStrategy().plan(Instance(scenario), options: PlanOptions())
        let report = PlanVerifier(scenario: scenario).verify(result.solutionFile())
        #expect(report.violations == [] && report.terms.unscheduled == 0)
        #expect(result.solutionFile().assignments.first?.start == "2026-11-23T23:50")
    }

    /// The harder family's layout line by line: CRLF ends, comment lines that
    /// carry `=` and `:` (only `#` marks them), qualification lists unsorted
    /// and ending in a space, and a last job past the first midnight.
    @Test func harderFamilyLayout() throws {
        let text =
            [
                "# tasks from a two-phase day", "# nbTasks=4, nbWorkers=2", "# seed = 7", "Type = 1", "Jobs = 4",
                " 1300 1420", " 1400 1500", " 1430 1520", " 1500 1610", "Qualifications = 2", " 3: 2 0 3 ", " 2: 3 1 ",
            ].joined(separator: "\r\n") + "\r\n"
        let ptask = try PTaskImporter.parse(text)
        #expect(ptask.jobs == [1300..<1420, 1400..<1500, 1430..<1520, 1500..<1610])
        #expect(ptask.qualifications == [[2, 0, 3], [3, 1]])
        #expect(ptask.largestOverlap == 2)
        let scenario = try Scenario(file: PTaskImporter.scenario(ptask, id: "PTASK-layout"))
        let result = MILPStrategy().plan(Instance(scenario), options: PlanOptions())
        let report = PlanVerifier(scenario: scenario).verify(result.solutionFile())
        // Only W-0 may run J-2 (through midnight), so J-3, which overlaps it, goes to W-1
        // after J-1 (they touch at minute 1500): two mechanics, the overlap bound.
        #expect(report.violations == [] && report.terms.unscheduled == 0 && report.terms.mechanicUsed == 2)
        #expect(result.status == .optimal)
        #expect(result.solutionFile().assignments.first { $0.job == "J-2" }?.mechanic == "W-0")
    }

    @Test func badLinesAreNamed() {
        let broken = """
            Type = 1
            Jobs = 2
             10 5
             a b
            Qualifications = 1
             3: 0 1
            """
        #expect {
            try PTaskImporter.parse(broken)
        } throws: { error in
            let paths = (error as? InputError)?.issues.map(\.path) ?? []
            return paths == ["line 3", "line 4", "line 6"]
        }
        #expect(throws: InputError.self) { try PTaskImporter.parse("Type = 1\nJobs = 4\n 0 10\n") }
    }

    /// Every published instance imports to a valid scenario whose overlap
    /// bound is what the file name's job count allows. The 137 files are not
    /// in the repository; `SHOPSCHED_PTASK_DIR` names a folder that holds them.
    @Test(.enabled(if: PTaskData.fullSet != nil, PTaskData.howToGet))
    func everyPublishedInstanceImports() throws {
        let folder = try #require(PTaskData.fullSet)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".dat") }
            .sorted()
        #expect(names.count == 137)
        for name in names {
            let parts = name.dropLast(4).split(separator: "_")  // data_<id>_<workers>_<jobs>_<multi>
            let instance = try PTaskImporter.parse(
                String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self))
            #expect(instance.qualifications.count == Int(parts[2]), "\(name)")
            #expect(instance.jobs.count == Int(parts[3]), "\(name)")
            #expect(instance.largestOverlap <= instance.qualifications.count, "\(name)")
        }
    }

    /// The benchmark's pipeline on the smallest published instances (bundled
    /// in datasets/ptask) and on
    /// two that need the MILP after staffing by chains: the plan verifies,
    /// places every job, and uses as many mechanics as the overlap bound,
    /// which proves it optimal.
    @Test(arguments: ["data_1_23_40_66", "data_2_24_40_33", "data_4_23_59_33", "data_6_48_80_66", "data_10_51_111_66"])
    func smallInstancesMeetTheOverlapBound(name: String) throws {
        let folder = PTaskData.bundled
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name + ".dat")), as: UTF8.self)
        let ptask = try PTaskImporter.parse(text)
        let scenario = try Scenario(file: PTaskImporter.scenario(ptask, id: name))
        var options = PlanOptions()
        options.timeLimitSeconds = 60
        options.threads = 1
        let result = MILPStrategy().plan(Instance(scenario), options: options)
        let report = PlanVerifier(scenario: scenario).verify(result.solutionFile())
        #expect(report.violations == [])
        #expect(report.terms.unscheduled == 0)
        #expect(report.terms.mechanicUsed == ptask.largestOverlap)
        #expect(result.status == .optimal && result.bound == report.objective)
    }
}

/// Where the published ptask instances are: five small ones ship in
/// `datasets/ptask/`; the full set of 137 is read from `SHOPSCHED_PTASK_DIR`.
enum PTaskData {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/ptask")

    /// The folder named by `SHOPSCHED_PTASK_DIR`, or `nil` when it is unset or empty.
    static var fullSet: URL? {
        guard let path = ProcessInfo.processInfo.environment["SHOPSCHED_PTASK_DIR"], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path)
    }

    static let howToGet: Comment = """
        SHOPSCHED_PTASK_DIR is not set: skipping the full set of 137 ptask instances. \
        Download the folder data/Data_137 of the public GitHub repository vale1410/SMPTSP \
        (or OR-Library's ptask files) and set SHOPSCHED_PTASK_DIR to it.
        """
}
