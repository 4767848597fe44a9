import Foundation
import ShopDomain

/// Results gathered from one or more output folders (the shards of a batch,
/// or a single run): the report and where each variant's files are.
///
/// Invariants: every result belongs to one batch; each variant name occurs
/// once (the same variant found twice with the same fingerprint is kept
/// once, from the first folder given).
public struct WhatIfResults: Sendable {
    public var report: ComparisonReport
    /// The folder holding each variant's scenario and solution, by name.
    public var folders: [String: ResultFolder]
    /// The file name of each variant, by name.
    public var fileNames: [String: String]
    /// Indices of the batch with no result in any folder.
    public var missing: [Int]
    public var batchSize: Int

    /// Reads every result in `paths`; throws when they mix batches or one
    /// variant has two different results.
    ///
    /// With `batch`, only that batch's results among `names` are read (a
    /// run's own folder may hold results of variants since removed), and
    /// `missing` counts only `names`' indices.
    public static func gather(
        _ paths: [String], batch only: WhatIfBatch? = nil,
        names: Set<String>? = nil
    ) throws(InputError) -> WhatIfResults {
        var issues: [ValidationIssue] = []
        var rows: [ComparisonRow] = []
        var folders: [String: ResultFolder] = [:]
        var fileNames: [String: String] = [:]
        var fingerprints: [String: String] = [:]
        var batch: (id: String, size: Int, folder: String)?
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path + "/results", isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                issues.append(.init(path: "", message: "\(path): not a what-if output folder (no results/)"))
                continue
            }
            let folder = ResultFolder(path: path)
            for result in folder.results() {
                if let only, result.batch != only.id || !(names ?? []).contains(result.row.name) { continue }
                if let batch, batch.id != result.batch {
                    issues.append(
                        .init(
                            path: "",
                            message:
                                "\(path): variant '\(result.row.name)' is from another batch (\(result.batch)) than \(batch.folder) (\(batch.id))"
                        ))
                    continue
                }
                batch = batch ?? (result.batch, result.batchSize, path)
                if let seen = fingerprints[result.row.name] {
                    if seen != result.fingerprint {
                        issues.append(
                            .init(
                                path: "",
                                message:
                                    "\(path): variant '\(result.row.name)' has a different result in \(folders[result.row.name]!.path)"
                            ))
                    }
                    continue
                }
                fingerprints[result.row.name] = result.fingerprint
                folders[result.row.name] = folder
                fileNames[result.row.name] =
                    VariantSpec(index: result.row.index, name: result.row.name, edits: []).fileName
                rows.append(result.row)
            }
        }
        guard issues.isEmpty else { throw InputError(issues) }
        let size = only?.variants.count ?? batch?.size ?? 0
        let present = Set(rows.map(\.index))
        let expected =
            only.map { batch in batch.variants.filter { (names ?? []).contains($0.name) }.map(\.index) }
            ?? Array(0..<size)
        return WhatIfResults(
            report: ComparisonReport(rows: rows), folders: folders, fileNames: fileNames,
            missing: expected.filter { !present.contains($0) }, batchSize: size)
    }

    /// The scenario and plan of a variant, read when needed.
    public func plan(of row: ComparisonRow) -> (scenario: ScenarioFile, solution: SolutionFile)? {
        guard let folder = folders[row.name], let fileName = fileNames[row.name] else { return nil }
        return folder.plan(fileName)
    }

    /// Writes `summary.csv`, `report.txt` and `report.html` into `path`, each atomically.
    public func writeReports(to path: String, title: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try ResultFolder.write(Data(report.csv().utf8), to: path + "/summary.csv")
        try ResultFolder.write(Data(report.table().utf8), to: path + "/report.txt")
        let writer = try AtomicTextWriter(path: path + "/report.html")
        HTMLReport.render(report, title: title, missing: missing.count, plan: plan(of:), write: writer.write)
        try writer.finish()
    }
}
