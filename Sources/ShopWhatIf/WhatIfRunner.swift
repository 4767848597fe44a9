import Foundation
import ShopDomain
import ShopPlanner
import ShopVerifier

/// Solves the variants of a batch side by side and streams each result to
/// a ``ResultFolder`` as it finishes.
///
/// - One planner run per worker thread, each with `threads = 1`, so at most
///   ``Options/jobs`` GLPK solves run at once. GLPK keeps its environment in
///   thread-local storage (Debian's build: `glp_config("TLS")` is
///   `_Thread_local`), and the shim traps its fatal errors per call, so
///   solves in threads of one process do not share state.
/// - A variant that fails (invalid scenario, clashing pins, solver error)
///   is recorded with its status and problems; the others go on.
/// - Resume: a variant whose result is in the folder with the same
///   fingerprint (edited scenario and strategy) is not solved again, once
///   its stored plan has been read back and passed the verifier against the
///   variant's own scenario, and the row rebuilt from it equals the stored
///   one. A stored result that fails (a truncated solution, an edited
///   objective or status) is solved again, and the progress says why.
/// - Nothing but the variant being solved is held per worker: memory stays
///   flat as the batch grows.
public struct WhatIfRunner: Sendable {
    public struct Options: Sendable {
        /// Variants solved at once (default: every core).
        public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        public var timeLimitSeconds: Double = 60
        public var relativeGap: Double = 0
        public var planner: any PlanningStrategy = MILPStrategy()
        /// `(shard, count)`, 1-based: solve only that shard.
        public var shard: (index: Int, count: Int)?
        public init() {}
    }

    /// One finished (or skipped) variant, for progress display.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var row: ComparisonRow
        /// `true` when the result was already in the folder.
        public var reused: Bool
        /// Why the stored result of this variant was not trusted (it was solved again).
        public var rejected: String?
    }

    /// What a run did.
    public struct Summary: Sendable, Hashable {
        /// Variants of this run (this shard).
        public var variants: Int
        public var solved: Int
        public var reused: Int
        /// Solved or reused variants without a verified plan (invalid, infeasible, error, or not verified).
        public var failed: Int
        /// Of the solved: stored results that failed the re-check and were solved again.
        public var rejected: Int
        public init(variants: Int, solved: Int, reused: Int, failed: Int, rejected: Int = 0) {
            self.variants = variants
            self.solved = solved
            self.reused = reused
            self.failed = failed
            self.rejected = rejected
        }
    }

    public var batch: WhatIfBatch
    public var folder: ResultFolder
    public var options: Options

    public init(batch: WhatIfBatch, folder: ResultFolder, options: Options = Options()) {
        self.batch = batch
        self.folder = folder
        self.options = options
    }

    /// The variants this run is responsible for.
    public var variants: [VariantSpec] {
        guard let shard = options.shard else { return batch.variants }
        return batch.variants(inShard: shard.index, of: shard.count)
    }

    /// Solves every variant not already done; calls `progress` (from worker
    /// threads, one call at a time) after each.
    public func run(progress: @escaping @Sendable (Progress) -> Void = { _ in }) throws -> Summary {
        try folder.prepare()
        let work = variants
        let state = RunState(total: work.count)
        let workers = max(1, min(options.jobs, work.count))
        let failure = FirstError()
        // Threads of our own rather than Dispatch's pool, which caps its
        // width at the core count: `--jobs N` means N solves at once.
        let finished = DispatchGroup()
        for _ in 0..<workers {
            finished.enter()
            let thread = Thread {
                while let next = state.claim() {
                    do {
                        let (row, reused, rejected) = try solveOrReuse(work[next])
                        state.finish(row: row, reused: reused, rejected: rejected, progress: progress)
                    } catch {
                        failure.record(error)
                        state.stop()
                    }
                }
                finished.leave()
            }
            thread.stackSize = 8 << 20  // as the main thread's: the planner's searches recurse
            thread.start()
        }
        finished.wait()
        if let error = failure.error { throw error }
        return state.summary
    }

    /// The fingerprint of a variant's edited scenario under this run's strategy.
    public func fingerprint(_ file: ScenarioFile) -> String {
        var hash = StableHash()
        hash.combine(JSONFiles.encode(file))
        hash.combine(options.planner.name)
        return hash.hex
    }

    /// Solves one variant, or returns its stored row when the fingerprint
    /// matches and the stored plan checks out (``recheck(_:file:spec:)``);
    /// the third value says why a stored result was not trusted. Throws only
    /// when the folder cannot be written.
    func solveOrReuse(_ spec: VariantSpec) throws -> (ComparisonRow, Bool, String?) {
        let edits = spec.edits.map(\.description)
        let file: ScenarioFile
        do { file = try batch.scenarioFile(of: spec) } catch {
            // Checked at load; kept as a failure of this variant alone.
            return (
                try store(
                    ComparisonRow(
                        index: spec.index, name: spec.name, edits: edits, jobs: 0,
                        problems: error.issues.map(\.description)),
                    spec: spec, fingerprint: ""), false, nil
            )
        }
        let print = fingerprint(file)
        var rejected: String?
        if let stored = folder.result(spec.fileName), stored.fingerprint == print {
            switch recheck(stored, file: file, spec: spec) {
            case .success(let row):
                // Same scenario, same strategy, the plan checks out: keep it. The
                // batch may have grown or been reordered, so the record is brought up to date.
                if stored.batch != batch.id || stored.batchSize != batch.variants.count || row != stored.row {
                    _ = try store(row, spec: spec, fingerprint: print)
                }
                if FileManager.default.contents(atPath: folder.scenarioPath(spec.fileName)) != JSONFiles.encode(file) {
                    try ResultFolder.write(JSONFiles.encode(file), to: folder.scenarioPath(spec.fileName))
                }
                return (row, true, nil)
            case .failure(let why):
                rejected = why.reason
            }
        }
        try ResultFolder.write(JSONFiles.encode(file), to: folder.scenarioPath(spec.fileName))
        let row: ComparisonRow
        do {
            let scenario = try Scenario(file: file)
            var planOptions = PlanOptions()
            planOptions.timeLimitSeconds = options.timeLimitSeconds
            planOptions.relativeGap = options.relativeGap
            planOptions.threads = 1  // one solve per worker thread
            let solution = options.planner.plan(Instance(scenario), options: planOptions).solutionFile()
            try ResultFolder.write(JSONFiles.encode(solution), to: folder.solutionPath(spec.fileName))
            row = ComparisonRow(
                index: spec.index, name: spec.name, edits: edits, scenario: scenario, solution: solution)
        } catch let error as InputError {
            try? FileManager.default.removeItem(atPath: folder.solutionPath(spec.fileName))
            row = ComparisonRow(
                index: spec.index, name: spec.name, edits: edits, jobs: file.jobs.count,
                problems: error.issues.map(\.description))
        }
        return (try store(row, spec: spec, fingerprint: print), false, rejected)
    }

    /// Why a stored result is not reused.
    struct Untrusted: Error {
        var reason: String
    }

    /// The stored result of a variant, trusted only when what it says follows
    /// from the files again: the variant's scenario (`file`, from the batch,
    /// not the stored copy) still fails validation with the same problems,
    /// or the stored solution decodes, its plan passes ``PlanVerifier``
    /// (feasible, objective and bound as claimed) when it has one, and the
    /// row rebuilt from scenario and solution equals the stored row (status,
    /// objective and every measure). A stored `infeasible` must be borne out
    /// by the pins clashing again (``PinCheck``, cheap); a stored `error` (a
    /// solver failure, perhaps passing) is never reused.
    func recheck(_ stored: VariantResult, file: ScenarioFile, spec: VariantSpec) -> Result<ComparisonRow, Untrusted> {
        let edits = spec.edits.map(\.description)
        var claimed = stored.row
        claimed.index = spec.index
        claimed.edits = edits
        let rebuilt: ComparisonRow
        do {
            let scenario = try Scenario(file: file)
            guard let data = FileManager.default.contents(atPath: folder.solutionPath(spec.fileName)) else {
                return .failure(Untrusted(reason: "its solution file is missing"))
            }
            let solution: SolutionFile
            do { solution = try SolutionFile.load(from: data) } catch {
                return .failure(
                    Untrusted(
                        reason: "its solution file cannot be read (\(error.issues.first?.description ?? "bad JSON"))"))
            }
            rebuilt = ComparisonRow(
                index: spec.index, name: spec.name, edits: edits, scenario: scenario, solution: solution)
            if solution.status == "error" {
                return .failure(Untrusted(reason: "it stored a solver error, which is tried again"))
            }
            if solution.status == "infeasible", PinCheck.problems(in: Instance(scenario)).isEmpty {
                return .failure(Untrusted(reason: "it says infeasible, but its pins do not clash"))
            }
            if rebuilt.hasPlan && !rebuilt.verified {
                let report = PlanVerifier(scenario: scenario).verify(solution)
                let first = report.violations.first.map { "\($0)" } ?? "not verified"
                return .failure(Untrusted(reason: "its plan fails the verifier: \(first)"))
            }
        } catch {
            rebuilt = ComparisonRow(
                index: spec.index, name: spec.name, edits: edits, jobs: file.jobs.count,
                problems: error.issues.map(\.description))
        }
        guard rebuilt == claimed else {
            var differences: [String] = []
            if rebuilt.status != claimed.status {
                differences.append("status \(claimed.status) stored, \(rebuilt.status) in its files")
            }
            if rebuilt.objective != claimed.objective {
                differences.append(
                    "objective \(claimed.objective.map(String.init) ?? "none") stored, \(rebuilt.objective.map(String.init) ?? "none") recomputed"
                )
            }
            if rebuilt.verified != claimed.verified {
                differences.append("verified \(claimed.verified) stored, \(rebuilt.verified) recomputed")
            }
            return .failure(
                Untrusted(
                    reason:
                        "its result does not follow from its files (\(differences.isEmpty ? "measures differ" : differences.joined(separator: "; ")))"
                ))
        }
        return .success(rebuilt)
    }

    private func store(_ row: ComparisonRow, spec: VariantSpec, fingerprint: String) throws -> ComparisonRow {
        let result = VariantResult(batch: batch.id, batchSize: batch.variants.count, fingerprint: fingerprint, row: row)
        try ResultFolder.write(JSONFiles.encode(result), to: folder.resultPath(spec.fileName))
        return row
    }
}

/// The shared queue and counts of a run.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var stopped = false
    private var done = 0
    private(set) var counts: WhatIfRunner.Summary
    let total: Int

    init(total: Int) {
        self.total = total
        counts = .init(variants: total, solved: 0, reused: 0, failed: 0)
    }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard !stopped, next < total else { return nil }
        next += 1
        return next - 1
    }

    func stop() {
        lock.lock(); defer { lock.unlock() }
        stopped = true
    }

    /// Counts a finished variant and reports it, under the lock so progress
    /// lines never interleave.
    func finish(row: ComparisonRow, reused: Bool, rejected: String?, progress: (WhatIfRunner.Progress) -> Void) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        if reused { counts.reused += 1 } else { counts.solved += 1 }
        if rejected != nil { counts.rejected += 1 }
        if !(row.hasPlan && row.verified) { counts.failed += 1 }
        progress(.init(done: done, total: total, row: row, reused: reused, rejected: rejected))
    }

    var summary: WhatIfRunner.Summary {
        lock.lock(); defer { lock.unlock() }
        return counts
    }
}

/// The first error a worker hit (the folder cannot be written): the run stops.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: (any Error)?
    func record(_ error: any Error) {
        lock.lock(); defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}
