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
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".dat") }.sorted()
        #expect(names.count == 137)
        for name in names {
            let parts = name.dropLast(4).split(separator: "_")  // data_<id>_<workers>_<jobs>_<multi>
            let instance = try PTaskImporter.parse(String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self))
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
