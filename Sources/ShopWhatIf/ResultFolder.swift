import Foundation
import ShopDomain

/// What a finished variant leaves in an output folder, beside its scenario
/// and solution files: written last, so its presence means the variant is
/// complete.
public struct VariantResult: Codable, Sendable, Hashable {
    public static let formatName = "shopsched.whatif-result/1"

    public var format: String
    /// ``WhatIfBatch/id`` of the batch this variant belongs to.
    public var batch: String
    /// How many variants the whole batch has (all shards).
    public var batchSize: Int
    /// A fingerprint of the variant's edited scenario and the strategy: a
    /// result is reused by a resumed run only while this is unchanged.
    public var fingerprint: String
    public var row: ComparisonRow

    public init(batch: String, batchSize: Int, fingerprint: String, row: ComparisonRow) {
        format = Self.formatName
        self.batch = batch
        self.batchSize = batchSize
        self.fingerprint = fingerprint
        self.row = row
    }
}

/// The layout of an output folder (`--out`):
///
/// - `scenarios/<variant>.json` the edited scenario (`shopsched.scenario/1`);
/// - `solutions/<variant>.json` its plan (`shopsched.solution/1`), absent for an invalid variant;
/// - `results/<variant>.json` the ``VariantResult``, written last;
/// - `summary.csv`, `report.txt`, `report.html` the comparison.
///
/// Every file is written atomically (a temporary file renamed into place),
/// so a run that is stopped leaves each variant either complete or absent.
public struct ResultFolder: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public func scenarioPath(_ fileName: String) -> String { path + "/scenarios/" + fileName + ".json" }
    public func solutionPath(_ fileName: String) -> String { path + "/solutions/" + fileName + ".json" }
    public func resultPath(_ fileName: String) -> String { path + "/results/" + fileName + ".json" }

    /// Creates the folder and its subfolders.
    public func prepare() throws {
        for sub in ["", "/scenarios", "/solutions", "/results"] {
            try FileManager.default.createDirectory(atPath: path + sub, withIntermediateDirectories: true)
        }
    }

    /// The stored result of a variant, or `nil` when absent or unreadable.
    public func result(_ fileName: String) -> VariantResult? {
        guard let data = FileManager.default.contents(atPath: resultPath(fileName)) else { return nil }
        return try? JSONFiles.decode(VariantResult.self, from: data)
    }

    /// Every stored result, by variant index (then name); unreadable files are skipped.
    public func results() -> [VariantResult] {
        let folder = path + "/results"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".json")
        }
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).flatMap {
                try? JSONFiles.decode(VariantResult.self, from: $0)
            }
        }.sorted { ($0.row.index, $0.row.name) < ($1.row.index, $1.row.name) }
    }

    /// The scenario and solution of a stored variant, for pictures and diffs.
    public func plan(_ fileName: String) -> (scenario: ScenarioFile, solution: SolutionFile)? {
        guard let scenarioData = FileManager.default.contents(atPath: scenarioPath(fileName)),
            let solutionData = FileManager.default.contents(atPath: solutionPath(fileName)),
            let scenario = try? JSONFiles.decode(ScenarioFile.self, from: scenarioData),
            let solution = try? JSONFiles.decode(SolutionFile.self, from: solutionData)
        else { return nil }
        return (scenario, solution)
    }

    /// Writes `data` atomically.
    public static func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

/// Writes a large text file piece by piece into a temporary file that is
/// renamed into place at the end, so the text is never held whole and a
/// failed run leaves no half-written file.
public final class AtomicTextWriter {
    private let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = Data()

    public init(path: String) throws {
        self.path = path
        temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    private func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames the file into place.
    public func finish() throws {
        flush()
        try handle.close()
        // rename(2) replaces the old file in one step.
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
