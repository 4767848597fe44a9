import ArgumentParser
import Foundation
import ShopFuzz

@main
struct ShopSchedFuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopsched-fuzz",
        abstract:
            "Feeds mutated input files to every entry point of the engine and reports traps, hangs, runaway memory and fooled checks.",
        discussion: """
            `campaign` supervises: it runs `run` children, restarts them after a crash and saves the crasher. \
            `run` is one child (inputs START..START+COUNT of one format). `replay` runs saved inputs, \
            `minimise` shrinks a crasher. Formats: \(FuzzFormat.allCases.map(\.rawValue).joined(separator: ", ")).
            """,
        subcommands: [Campaign.self, Run.self, Replay.self, Minimise.self])
}

extension FuzzFormat: ExpressibleByArgument {}

/// Options every command that runs inputs shares.
struct Limits: ParsableArguments {
    @Option(help: "The repository (holding datasets/ and fuzz/corpus/).")
    var repo: String = "."
    @Option(name: .customLong("time-limit"), help: "Seconds each solve may take.")
    var timeLimit: Double = 0.2
    @Option(name: .customLong("hang-seconds"), help: "An input running longer than this is a hang.")
    var hangSeconds: Double = 10
    @Option(name: .customLong("max-rss-mb"), help: "Resident memory above this is a finding.")
    var maxRSSMB: Int = 2048
    @Option(name: .customLong("max-depth"), help: "Deepest nesting a mutation builds.")
    var maxDepth: Int = 2_000
    @Option(name: .customLong("alias-levels"), help: "Most levels of a YAML alias bomb (width up to 10).")
    var aliasLevels: Int = 5
    @Option(
        name: .customLong("solve-jobs"),
        help: "Scenarios with more jobs (or snapshots with more appointments) are checked, not solved.")
    var solveJobs: Int = 60
    @Flag(
        name: .customLong("one-request"),
        help: "Book a booking snapshot with one request seed (chosen by the input), not all four.")
    var oneRequest = false

    var childArguments: [String] {
        [
            "--repo", repo, "--time-limit", "\(timeLimit)", "--hang-seconds", "\(hangSeconds)",
            "--max-rss-mb", "\(maxRSSMB)", "--max-depth", "\(maxDepth)", "--alias-levels", "\(aliasLevels)",
            "--solve-jobs", "\(solveJobs)",
        ] + (oneRequest ? ["--one-request"] : [])
    }

    func drivers(work: URL) throws -> (FuzzSeeds, FuzzDrivers) {
        Mutator.maxDepth = maxDepth
        let seeds = try FuzzSeeds(root: URL(fileURLWithPath: repo))
        var options = FuzzDrivers.Options()
        options.timeLimit = timeLimit
        options.maxJobs = solveJobs
        options.everyRequest = !oneRequest
        return (seeds, try FuzzDrivers(seeds: seeds, workFolder: work, options: options))
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One child: runs inputs of one format in this process.")

    @Option var format: FuzzFormat
    @Option var seed: UInt64 = 20_261_123
    @Option var start: Int = 0
    @Option var count: Int = 1_000
    @Option(help: "Work folder: current-input, stats/, findings/.")
    var workdir: String
    @Flag(help: "Add to the counts already in the work folder.")
    var resume = false
    @Option(name: .customLong("max-seconds"), help: "Stop after this many seconds.")
    var maxSeconds: Double?
    @Flag(name: .customLong("generate-only"), help: "Make the inputs (watched for time and memory) but run none.")
    var generateOnly = false
    @Option(name: .customLong("stop-file"), help: "Stop soon after this file appears.")
    var stopFile: String?
    @OptionGroup var limits: Limits

    func run() throws {
        let work = URL(fileURLWithPath: workdir)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let (seeds, drivers) = try limits.drivers(work: work)
        var inputs = FuzzInputs(seeds: seeds, campaignSeed: seed)
        inputs.maxAliasLevels = limits.aliasLevels
        let watchdog = Watchdog(
            hangSeconds: limits.hangSeconds, maxResidentBytes: limits.maxRSSMB << 20,
            report: work.appendingPathComponent("watchdog.txt"))
        let session = FuzzSession(format: format, inputs: inputs, drivers: drivers, workFolder: work)
        let stats = session.run(
            start: start, count: count, resume: resume, watchdog: watchdog, maxSeconds: maxSeconds,
            generateOnly: generateOnly, stopFile: stopFile.map { URL(fileURLWithPath: $0) })
        print(stats.line)
    }
}

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs saved inputs through the drivers and prints each outcome (a trap still ends the process).")

    @Option var format: FuzzFormat
    @Argument var files: [String]
    @Option var workdir: String = ".build/fuzz-replay"
    @OptionGroup var limits: Limits

    func run() throws {
        let work = URL(fileURLWithPath: workdir)
        let (_, drivers) = try limits.drivers(work: work)
        let watchdog = Watchdog(
            hangSeconds: limits.hangSeconds, maxResidentBytes: limits.maxRSSMB << 20,
            report: work.appendingPathComponent("watchdog.txt"))
        var findings = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file)")
            }
            watchdog.begin(file)
            let outcome = drivers.run(format, [UInt8](data))
            watchdog.end()
            if case .finding = outcome { findings += 1 }
            print("\(file): \(outcome)")
        }
        if findings > 0 { throw ExitCode(1) }
    }
}
