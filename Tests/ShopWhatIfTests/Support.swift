import Foundation
import ShopDomain
import ShopPlanner
import ShopTestSupport
import ShopVerifier
import ShopWhatIf
import Testing

/// The bundled datasets, found from this file.
enum Datasets {
    static let folder: URL = Repository.root.appendingPathComponent("datasets")

    static func file(_ name: String) throws -> ScenarioFile {
        let data = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path))
        return try JSONFiles.decode(ScenarioFile.self, from: data)
    }

    /// The small shop day (16 jobs, solved to optimality in well under a second)
    /// with J-1 pinned at 08:00 on BAY-1 with M-1, so slot and staff edits can clash.
    static func smallShopWithPin() throws -> ScenarioFile {
        var file = try file("small-shop-day.json")
        file.jobs[0].pinned = .init(start: "2026-11-23T08:00", bay: "BAY-1", mechanic: "M-1")
        return file
    }
}

/// Solves a scenario file with the MILP (short limit, one thread) and checks
/// the plan with the independent verifier; returns the plan and its report.
func solveAndVerify(
    _ file: ScenarioFile, limit: Double = 20,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> (SolutionFile, VerificationReport, Scenario) {
    let scenario = try Scenario(file: file)
    let (result, report) = planAndVerify(
        scenario, MILPStrategy(), timeLimit: limit, threads: 1, sourceLocation: sourceLocation)
    let solution = result.solutionFile()
    #expect(report.isFeasible, "\(report)", sourceLocation: sourceLocation)
    #expect(report.objective == solution.objective, sourceLocation: sourceLocation)
    return (solution, report, scenario)
}

func edit(_ kind: Edit.Kind, _ set: (inout Edit) -> Void = { _ in }) -> Edit {
    var edit = Edit(kind)
    set(&edit)
    return edit
}

/// The paths of the error `edit` raises on `base`, written as the first edit of the first
/// variant (`variants[0].edits[0]`).
func errorPaths(_ edit: Edit, on base: ScenarioFile) throws -> [String] {
    var edit = edit
    edit.path = "variants[0].edits[0]"
    let error = try #require(throws: InputError.self) { try ScenarioEditor.apply([edit], to: base) }
    return error.paths
}

/// A fresh, empty temporary folder.
func temporaryFolder(_ name: String = #function) throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent(
            "whatif-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))"
        ).path
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A strategy that counts its runs, to see what a resumed batch solves.
final class CountingStrategy: PlanningStrategy, @unchecked Sendable {
    let inner: any PlanningStrategy
    private let lock = NSLock()
    private var runs: [String] = []
    init(_ inner: any PlanningStrategy) { self.inner = inner }
    var name: String { inner.name }
    func plan(_ instance: Instance, options: PlanOptions) -> PlanResult {
        lock.lock()
        runs.append(instance.scenario.facility.id + "/\(instance.scenario.jobs.count)")
        lock.unlock()
        return inner.plan(instance, options: options)
    }
    var count: Int { lock.lock(); defer { lock.unlock() }; return runs.count }
}

/// Minutes since the horizon's first midnight of an assignment's start and end.
func span(_ assignment: SolutionFile.Assignment) -> (Int, Int) {
    (LocalDateTime(assignment.start)!.absoluteMinutes, LocalDateTime(assignment.end)!.absoluteMinutes)
}
