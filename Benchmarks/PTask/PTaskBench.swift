// ptask-bench: the shift minimisation benchmark (Krishnamoorthy, Ernst and
// Baatar 2012) through the engine. Each file of a folder is imported as a
// scenario (ShopImport), solved with one strategy under a time limit, and
// its plan checked by the independent verifier. One row per instance goes to
// a CSV as soon as it is known (an interrupted run keeps what it did), and a
// markdown summary and table are written at the end.
import ArgumentParser
import Foundation
import ShopScheduler

@main
struct PTaskBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptask-bench",
        abstract: "Solve every ptask instance of a folder, verify every plan, and tabulate the results.")

    @Argument(
        help:
            "Folder of ptask .dat files (the 137 published files, for example $SHOPSCHED_PTASK_DIR; ../datasets/ptask has five)."
    )
    var folder: String

    @Option(help: "Seconds per instance.")
    var timeLimit: Double = 60

    @Option(help: "Solver threads per instance.")
    var threads: Int = 1

    @Option(help: "Strategy (see shopsched solve --help).")
    var strategy: String = "milp"

    @Option(help: "Where to write ptask.csv and ptask.md.")
    var out: String = "results/ptask"

    @Option(help: "Only the first N instances, smallest first.")
    var first: Int?

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive; got \(timeLimit).") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1; got \(threads).") }
        guard StrategyCatalog.strategy(named: strategy) != nil else {
            throw ValidationError(
                "--strategy \(strategy) is unknown; use one of \(StrategyCatalog.names.joined(separator: ", ")).")
        }
    }

    /// Bad input of any kind (options, folder, instance files) is reported
    /// on standard error and exits 2, as `shopsched` does; ArgumentParser
    /// alone would exit 64 for options and 1 for the rest.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as BadInput {
            FileHandle.standardError.write(Data((error.lines.joined(separator: "\n") + "\n").utf8))
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func run() throws {
        let files: [URL]
        do { files = try Self.instanceFiles(in: folder) } catch {
            throw BadInput(lines: ["\(folder): cannot read the folder (\(error.localizedDescription))"])
        }
        let chosen = first.map { Array(files.prefix($0)) } ?? files
        guard !chosen.isEmpty else { throw BadInput(lines: ["\(folder): holds no .dat files"]) }
        // Every file is read and parsed before anything is solved or written,
        // so a bad file stops the run at once and leaves no partial output.
        var instances: [(name: String, ptask: PTaskImporter.Instance)] = []
        var problems: [String] = []
        for file in chosen {
            do {
                let text = try String(contentsOf: file, encoding: .utf8)
                instances.append((file.deletingPathExtension().lastPathComponent, try PTaskImporter.parse(text)))
            } catch let error as InputError {
                problems += error.issues.map { "\(file.path): \($0)" }
            } catch {
                problems.append("\(file.path): cannot read the file (\(error.localizedDescription))")
            }
        }
        guard problems.isEmpty else { throw BadInput(lines: problems) }

        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let csvPath = (out as NSString).appendingPathComponent("ptask.csv")
        FileManager.default.createFile(atPath: csvPath, contents: Data((Row.csvHeader + "\n").utf8))
        let csv = try FileHandle(forWritingTo: URL(fileURLWithPath: csvPath))
        try csv.seekToEnd()
        var rows: [Row] = []
        for (n, instance) in instances.enumerated() {
            let row = try solve(instance.ptask, name: instance.name)
            rows.append(row)
            try csv.write(contentsOf: Data((row.csvLine + "\n").utf8))
            print(
                "[\(n + 1)/\(instances.count)] \(row.instance): \(row.used.map(String.init) ?? "-") mechanics, "
                    + "bound \(row.lowerBound), \(row.proof), \(String(format: "%.2f", row.seconds)) s")
        }
        try csv.close()
        let table = Report(rows: rows, timeLimit: timeLimit, strategy: strategy, threads: threads).markdown
        try table.write(toFile: (out as NSString).appendingPathComponent("ptask.md"), atomically: true, encoding: .utf8)
        print(table)
    }

    /// The `.dat` files, smallest instance first (jobs, then workers, then name).
    static func instanceFiles(in folder: String) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".dat") }
        func key(_ name: String) -> (Int, Int, String) {
            let parts = name.dropLast(4).split(separator: "_")  // data_<id>_<workers>_<jobs>_<multi>
            return (parts.count > 3 ? Int(parts[3]) ?? 0 : 0, parts.count > 2 ? Int(parts[2]) ?? 0 : 0, name)
        }
        return names.sorted { key($0) < key($1) }.map { URL(fileURLWithPath: folder).appendingPathComponent($0) }
    }

    func solve(_ ptask: PTaskImporter.Instance, name: String) throws -> Row {
        let scenario = try Scenario(file: PTaskImporter.scenario(ptask, id: name))
        var options = PlanOptions()
        options.timeLimitSeconds = timeLimit
        options.threads = threads
        let clock = ContinuousClock()
        let started = clock.now
        let result = StrategyCatalog.strategy(named: strategy)!.plan(Instance(scenario), options: options)
        let elapsed = clock.now - started
        let report = PlanVerifier(scenario: scenario).verify(result.solutionFile())
        let hasPlan = result.status == .optimal || result.status == .feasible
        // The verifier's own count: mechanicUsed has weight 1.
        let allPlaced = report.terms.unscheduled == 0
        return Row(
            instance: name, jobs: ptask.jobs.count, workers: ptask.qualifications.count,
            lowerBound: ptask.largestOverlap,
            used: hasPlan && allPlaced ? report.terms.mechanicUsed : nil,
            status: result.status.rawValue, bound: result.bound,
            verified: hasPlan && report.violations.isEmpty && report.objective == result.objective,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
}

/// Bad input, one line per problem, each naming its file (and line).
struct BadInput: Error {
    var lines: [String]
}

/// One instance's outcome.
struct Row {
    var instance: String
    var jobs: Int
    var workers: Int
    /// The largest number of jobs at one moment: no plan uses fewer mechanics.
    var lowerBound: Int
    /// Mechanics in the plan, when every job is placed.
    var used: Int?
    var status: String
    /// The solver's proven lower bound on the objective.
    var bound: Int?
    /// The verifier found no violation and the same objective.
    var verified: Bool
    var seconds: Double

    /// How optimality is known, in words for the table.
    var proof: String {
        guard verified, let used else { return "not solved" }
        if used == lowerBound { return "proven by the overlap bound" }
        if status == "optimal" { return "proven by the solver" }
        return "not proven (gap \(used - max(lowerBound, bound ?? 0)))"
    }
    var proven: Bool { proof.hasPrefix("proven") }

    static let csvHeader = "instance,jobs,workers,overlap_bound,mechanics_used,status,bound,verified,seconds,proof"
    var csvLine: String {
        [
            instance, "\(jobs)", "\(workers)", "\(lowerBound)", used.map(String.init) ?? "", status,
            bound.map(String.init) ?? "", verified ? "yes" : "no", String(format: "%.3f", seconds), proof,
        ]
        .joined(separator: ",")
    }
}

/// The summary by size class and the per-instance table.
struct Report {
    var rows: [Row]
    var timeLimit: Double
    var strategy: String
    var threads: Int

    static let classes: [(name: String, range: ClosedRange<Int>)] = [
        ("≤ 250 jobs", 0...250), ("251–1000 jobs", 251...1000), ("> 1000 jobs", 1001...Int.max),
    ]

    var markdown: String {
        var lines: [String] = []
        lines.append("Strategy `\(strategy)`, \(threads) thread(s), \(Int(timeLimit)) s per instance.")
        lines.append("")
        lines.append(
            "| size | instances | solved and verified | proven optimal | by overlap bound | median s | worst s |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for (name, range) in Self.classes + [("all", 0...Int.max)] {
            let here = rows.filter { range.contains($0.jobs) }
            guard !here.isEmpty else { continue }
            let times = here.map(\.seconds).sorted()
            let median =
                times.count % 2 == 1
                ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
            lines.append(
                "| \(name) | \(here.count) | \(here.count { $0.verified && $0.used != nil }) | "
                    + "\(here.count(where: \.proven)) | \(here.count { $0.proof == "proven by the overlap bound" }) | "
                    + String(format: "%.2f | %.2f |", median, times.last!))
        }
        lines.append("")
        lines.append("| instance | jobs | workers | overlap bound | mechanics used | status | bound | time s | proof |")
        lines.append("|---|---:|---:|---:|---:|---|---:|---:|---|")
        for row in rows {
            lines.append(
                "| \(row.instance) | \(row.jobs) | \(row.workers) | \(row.lowerBound) | "
                    + "\(row.used.map(String.init) ?? "–") | \(row.status) | \(row.bound.map(String.init) ?? "–") | "
                    + String(format: "%.2f", row.seconds) + " | \(row.proof) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
