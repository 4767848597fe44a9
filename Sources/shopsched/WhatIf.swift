import ArgumentParser
import Foundation
import ShopScheduler

/// `--shard I/N`, 1-based.
struct Shard: ExpressibleByArgument {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, none
}

struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Solves every variant of a what-if file side by side and compares them.",
        discussion: """
            FILE is a shopsched.whatif/1 file (JSON, or YAML for .yaml/.yml): a base scenario and named \
            variants or grids of edits (see datasets/whatif/). Each variant's scenario, plan and result go \
            to --out as it finishes; a variant already solved there (same edited scenario and strategy) is \
            not solved again. A variant that fails (invalid, clashing pins) is reported; the others go on. \
            At the end --out holds summary.csv, report.txt and report.html, and the table is printed.
            Exit status: 0 when every variant ran (failed variants are results too), 1 when a plan fails \
            the verifier, 2 on bad input (every problem named with its path).
            """)

    @Argument(help: "A what-if file (shopsched.whatif/1, JSON or YAML).")
    var file: String

    @Option(parsing: .unconditional, help: "Variants solved at once, one solver thread each (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("time-limit"), parsing: .unconditional, help: "Seconds each variant's solve may take.")
    var timeLimit: Double = 60

    @Option(
        parsing: .unconditional, help: "Stop each solve within this relative gap of the bound (0 proves optimality).")
    var gap: Double = 0

    @Option(help: ArgumentHelp("How to plan.", discussion: StrategyCatalog.summary))
    var strategy: String = StrategyCatalog.names[0]

    @Option(help: "Output folder (results are streamed here; a second run resumes).")
    var out: String = "whatif-out"

    @Option(help: "Solve only shard I of N (1-based; variant k goes to shard k mod N + 1). Merge with whatif-merge.")
    var shard: Shard?

    @Option(help: "What to print at the end: table, csv or none.")
    var format: ReportFormat = .table

    func validate() throws {
        try OptionRules.timeLimit(timeLimit)
        try OptionRules.gap(gap)
        try OptionRules.threads(jobs, option: "--jobs")
        guard StrategyCatalog.strategy(named: strategy) != nil else {
            throw ValidationError(
                "--strategy must be one of \(StrategyCatalog.names.joined(separator: ", ")), not '\(strategy)'")
        }
    }

    func run() throws {
        let batch: WhatIfBatch
        do { batch = try WhatIfBatch.load(path: file) } catch { failBadInput(error, file: file) }
        var options = WhatIfRunner.Options()
        options.jobs = jobs
        options.timeLimitSeconds = timeLimit
        options.relativeGap = gap
        options.planner = StrategyCatalog.strategy(named: strategy)!
        options.shard = shard.map { ($0.index, $0.count) }
        let runner = WhatIfRunner(batch: batch, folder: ResultFolder(path: out), options: options)
        let bar = ProgressLine(total: runner.variants.count)
        let summary: WhatIfRunner.Summary
        do { summary = try runner.run(progress: bar.show) } catch {
            writeToStandardError("cannot write \(out): \(describeWriteFailure(error, path: out))\n")
            throw ExitCode(ExitStatus.badInput)
        }
        bar.end()
        let names = Set(runner.variants.map(\.name))
        let results: WhatIfResults
        do { results = try WhatIfResults.gather([out], batch: batch, names: names) } catch {
            failBadInput(error, file: out)
        }
        let title =
            "What-if: " + URL(fileURLWithPath: file).lastPathComponent
            + (shard.map { " (shard \($0.index)/\($0.count))" } ?? "")
        do { try results.writeReports(to: out, title: title) } catch {
            writeToStandardError("cannot write \(out): \(describeWriteFailure(error, path: out))\n")
            throw ExitCode(ExitStatus.badInput)
        }
        try printReport(results.report, format: format)
        writeToStandardError(
            "whatif: \(summary.variants) variant(s): \(summary.solved) solved, \(summary.reused) already in \(out)\(summary.rejected > 0 ? " (\(summary.rejected) stored result(s) failed the re-check and were solved again)" : ""), \(summary.failed) without a verified plan; report in \(out)/report.html\n"
        )
        if results.report.rows.contains(where: { $0.hasPlan && !$0.verified }) { throw ExitCode(ExitStatus.infeasible) }
    }
}

struct WhatIfMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif-merge",
        abstract: "Merges the output folders of a sharded what-if batch into one report.",
        discussion: """
            Reads results/ of every DIR (the --out folders of `whatif --shard I/N` runs) and writes \
            summary.csv, report.txt and report.html to --out, equal to the report of the same batch run \
            on one machine. Exit status: 0 when every variant of the batch is there, 1 when some are \
            missing (listed on stderr; the report is written all the same), 2 when the folders mix \
            batches or disagree.
            """)

    @Argument(help: "Output folders of the shards.")
    var folders: [String]

    @Option(help: "Folder for the merged summary.csv, report.txt and report.html.")
    var out: String = "whatif-merged"

    @Option(help: "What to print: table, csv or none.")
    var format: ReportFormat = .table

    func run() throws {
        let results: WhatIfResults
        do { results = try WhatIfResults.gather(folders) } catch {
            failBadInput(error, file: folders.joined(separator: " "))
        }
        do { try results.writeReports(to: out, title: "What-if (merged from \(folders.count) folder(s))") } catch {
            writeToStandardError("cannot write \(out): \(describeWriteFailure(error, path: out))\n")
            throw ExitCode(ExitStatus.badInput)
        }
        try printReport(results.report, format: format)
        if !results.missing.isEmpty {
            writeToStandardError(
                "whatif-merge: \(results.missing.count) of \(results.batchSize) variant(s) missing (indices \(results.missing.map(String.init).joined(separator: ", ")))\n"
            )
            throw ExitCode(ExitStatus.infeasible)
        }
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Lists what changed between two plans (solution files): jobs moved, bay or mechanic changed, newly scheduled or dropped."
    )

    @Argument(help: "Plan A (shopsched.solution/1).")
    var a: String
    @Argument(help: "Plan B (shopsched.solution/1).")
    var b: String

    func run() throws {
        try emit("\(PlanDiff(readSolution(a), readSolution(b)))")
    }
}

private func printReport(_ report: ComparisonReport, format: ReportFormat) throws {
    switch format {
    case .table: try emit(Data(report.table().utf8), to: nil)
    case .csv: try emit(Data(report.csv().utf8), to: nil)
    case .none: break
    }
}

/// Progress on standard error: a bar redrawn in place on a terminal, one
/// plain line per variant otherwise (logs, CI).
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let terminal = isatty(STDERR_FILENO) == 1
    private var failed = 0

    init(total: Int) { self.total = total }

    /// Called by the runner one at a time.
    func show(_ progress: WhatIfRunner.Progress) {
        let row = progress.row
        if !(row.hasPlan && row.verified) { failed += 1 }
        if terminal {
            let width = 30
            let filled = total == 0 ? width : progress.done * width / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let line = "\r[\(bar)] \(progress.done)/\(total)  \(failed) failed  \(row.name.prefix(40))"
            writeToStandardError((line + "\u{1B}[K"))
        } else {
            let outcome =
                row.hasPlan
                ? "\(row.status), objective \(row.objective ?? 0)"
                : row.status + (row.problems.first.map { ": \($0)" } ?? "")
            let line =
                "[\(progress.done)/\(total)] \(row.name): \(outcome)\(progress.reused ? " (already solved)" : String(format: ", %.2f s", row.seconds))\n"
            writeToStandardError(line)
        }
        if let why = progress.rejected {
            // Said on its own line, terminal or not: a stored result was not trusted.
            let line =
                "\(terminal ? "\r\u{1B}[K" : "")whatif: \(row.name): the stored result was solved again: \(why)\n"
            writeToStandardError(line)
        }
    }

    func end() {
        if terminal { writeToStandardError("\n") }
    }
}
