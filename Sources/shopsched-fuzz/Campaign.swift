import ArgumentParser
import Foundation
import ShopDomain
import ShopFuzz

/// How a child run ended.
struct ChildEnd {
    enum Kind: String { case done, crash, hang, memory, usage }
    var kind: Kind
    var status: Int32
    var log: String
    var seconds: Double

    /// What tells one crash from another: the runtime's "Fatal error" line, else the signal.
    var signature: String {
        if let line = log.split(separator: "\n").last(where: { $0.contains("Fatal error") }) {
            return String(line.drop { $0 != "F" }.prefix(200))
        }
        if kind == .hang || kind == .memory { return kind.rawValue }
        return "signal \(status)"
    }
}

/// Runs this executable as a child and waits; a child whose counts stop
/// moving for `stall` seconds is killed and counted as a hang.
func runChild(_ arguments: [String], log: URL, progress: URL?, stall: Double, backtrace: Bool = false) throws
    -> ChildEnd
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    if !process.executableURL!.path.hasPrefix("/")
        || !FileManager.default.fileExists(atPath: process.executableURL!.path)
    {
        process.executableURL = Bundle.main.executableURL
    }
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    // A backtrace takes seconds to symbolicate; only replays of new crashes get one.
    environment["SWIFT_BACKTRACE"] = backtrace ? "enable=yes,interactive=no,color=no,threads=crashed" : "enable=no"
    process.environment = environment
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    let began = Date()
    try process.run()
    var lastChange = Date()
    var lastStamp: Date?
    var killed = false
    while process.isRunning {
        usleep(50_000)
        if let progress {
            let stamp = (try? FileManager.default.attributesOfItem(atPath: progress.path))?[.modificationDate] as? Date
            if stamp != lastStamp { lastStamp = stamp; lastChange = Date() }
        }
        if Date().timeIntervalSince(lastChange) > stall {
            kill(process.processIdentifier, SIGKILL)
            killed = true
            break
        }
    }
    process.waitUntilExit()
    try? handle.close()
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    let seconds = Date().timeIntervalSince(began)
    let status = process.terminationStatus
    if killed { return ChildEnd(kind: .hang, status: status, log: text, seconds: seconds) }
    switch (process.terminationReason, status) {
    case (.exit, 0), (.exit, 1): return ChildEnd(kind: .done, status: status, log: text, seconds: seconds)
    case (.exit, Watchdog.hangStatus): return ChildEnd(kind: .hang, status: status, log: text, seconds: seconds)
    case (.exit, Watchdog.memoryStatus): return ChildEnd(kind: .memory, status: status, log: text, seconds: seconds)
    case (.exit, 64): return ChildEnd(kind: .usage, status: status, log: text, seconds: seconds)
    default: return ChildEnd(kind: .crash, status: status, log: text, seconds: seconds)
    }
}

/// The index in a child's current-input.meta ("FORMAT INDEX" or "FORMAT INDEX (generating)").
func metaIndex(_ meta: String) -> Int? {
    let words = meta.split(whereSeparator: { $0 == " " || $0 == "\n" })
    return words.count >= 2 ? Int(words[1]) : nil
}

/// "arithmetic overflow at Replan.swift:234": the runtime's message and the
/// first frame of the crashed thread in the package's own code, from a
/// Swift backtrace; nil when the text holds none.
func trapSite(_ backtrace: String) -> String? {
    let lines = backtrace.split(separator: "\n")
    let failure = lines.first { $0.contains("Swift runtime failure:") || $0.contains("Fatal error") }
        .map { $0.replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces) }
    guard let crashed = lines.firstIndex(where: { $0.contains("crashed:") }) else { return failure }
    for line in lines[(crashed + 1)...] {
        guard !line.contains("[system]"), !line.contains("<compiler-generated>"),
            let at = line.range(of: " at /", options: .backwards)
        else { continue }
        let place = line[at.upperBound...].split(separator: "/").last.map(String.init) ?? ""
        // "Replan.swift:234:129" -> "Replan.swift:234"
        let parts = place.split(separator: ":")
        let short = parts.count >= 2 ? "\(parts[0]):\(parts[1])" : place
        return (failure.map { $0 + " at " } ?? "trap at ") + short
    }
    return failure
}

/// A short stable hash for file names.
func shortHash(_ text: String) -> String {
    var hash = StableHash()
    hash.combineBytes(text.utf8)
    return String(String(hash.value, radix: 16).prefix(8))
}

struct Campaign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs the campaign over formats, restarting after crashes and saving crashers.",
        discussion: """
            ci: a bounded, deterministic campaign (fixed seed and counts); exit status 1 on any finding, \
            crash, hang or memory. long: at least --inputs inputs per format, round robin in chunks; crashers \
            go to --crashers/FORMAT/ (at most 3 per distinct crash, with a backtrace for the first).
            """)

    enum Mode: String, ExpressibleByArgument { case ci, long }

    @Option var mode: Mode = .ci
    @Option(help: "Inputs per format (ci: 150; long: 100000).")
    var inputs: Int?
    @Option(help: "Inputs of some formats, overriding --inputs: scenario=120,caller=1500.")
    var counts: String?
    @Option var seed: UInt64 = 20_261_123
    @Option(help: "Comma-separated formats (default: all).")
    var formats: String?
    @Option var workdir: String = ".build/fuzz-work"
    @Option var crashers: String = "fuzz/crashers"
    @Option(help: "Inputs per child before the next format (long mode).")
    var chunk: Int = 1_000
    @Option(name: .customLong("max-seconds"), help: "Stop the whole campaign after this many seconds.")
    var maxSeconds: Double?
    @Option(help: "Children at once (one format each).")
    var jobs: Int = 1
    @OptionGroup var limits: Limits

    struct FormatState {
        var next = 0
        var seconds = 0.0
        var crashes = 0, hangs = 0, memory = 0
        /// Hangs that finished when run again alone: a loaded machine, not a finding.
        var slow = 0
        var signatures: [String: Int] = [:]
    }

    func run() throws {
        let chosen: [FuzzFormat] =
            try formats.map {
                try $0.split(separator: ",").map { name in
                    guard let f = FuzzFormat(rawValue: String(name)) else {
                        throw ValidationError("unknown format \(name)")
                    }
                    return f
                }
            } ?? FuzzFormat.allCases
        let fallback = inputs ?? (mode == .ci ? 150 : 100_000)
        var counted = [FuzzFormat: Int]()
        for pair in (counts ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let f = FuzzFormat(rawValue: String(parts[0])), let n = Int(parts[1]) else {
                throw ValidationError("--counts wants FORMAT=N,…, not '\(pair)'")
            }
            counted[f] = n
        }
        let targets = counted
        func target(_ f: FuzzFormat) -> Int { targets[f] ?? fallback }
        let work = URL(fileURLWithPath: workdir)
        let fm = FileManager.default
        try? fm.removeItem(at: work)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        let began = Date()
        var states = [FuzzFormat: FormatState]()
        for f in chosen { states[f] = FormatState() }
        var findingsLog: [String] = []
        let chunkSize = mode == .ci ? Int.max / 2 : chunk
        // One chunk of one format in a child; `state` moves on past it (and past a crash).
        func runChunk(_ format: FuzzFormat, _ state: inout FormatState, _ found: inout [String]) throws {
            let folder = work.appendingPathComponent(format.rawValue)
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let end = min(target(format), state.next + chunkSize)
            var arguments =
                [
                    "run", "--format", format.rawValue, "--seed", "\(seed)", "--start", "\(state.next)",
                    "--count", "\(end - state.next)", "--workdir", folder.path,
                ] + limits.childArguments
            if state.next > 0 || fm.fileExists(atPath: folder.appendingPathComponent("stats").path) {
                arguments.append("--resume")
            }
            // `touch WORKDIR/STOP` ends the campaign early, with its summary.
            arguments += ["--stop-file", work.appendingPathComponent("STOP").path]
            // The child stops by itself at the campaign's end (a ci child runs a whole format).
            if let maxSeconds {
                arguments += ["--max-seconds", "\(max(1, maxSeconds - Date().timeIntervalSince(began)))"]
            }
            let child = try runChild(
                arguments, log: folder.appendingPathComponent("child.log"),
                progress: folder.appendingPathComponent("stats/\(format.rawValue).json"),
                stall: max(6 * limits.hangSeconds + 60, 120))
            state.seconds += child.seconds
            switch child.kind {
            case .done:
                state.next = end
            case .usage:
                throw ValidationError("child failed: \(child.log)")
            case .crash, .hang, .memory:
                let meta0 =
                    (try? String(contentsOf: folder.appendingPathComponent("current-input.meta"), encoding: .utf8))
                    ?? ""
                if child.kind == .hang,
                    let again = try? runChild(
                        [
                            "replay", "--format", format.rawValue, folder.appendingPathComponent("current-input").path,
                            "--workdir", folder.appendingPathComponent("replay").path,
                        ] + limits.childArguments,
                        log: folder.appendingPathComponent("confirm.log"), progress: nil,
                        stall: 6 * limits.hangSeconds + 30),
                    again.kind == .done
                {
                    state.slow += 1
                    let index = metaIndex(meta0) ?? state.next
                    FileHandle.standardError.write(
                        Data(
                            "campaign: \(format.rawValue) #\(index) was slow, not hung (it finished when run again)\n"
                                .utf8))
                    state.next = index + 1
                    return
                }
                let meta =
                    (try? String(contentsOf: folder.appendingPathComponent("current-input.meta"), encoding: .utf8))
                    ?? ""
                let index = metaIndex(meta) ?? state.next
                switch child.kind {
                case .hang: state.hangs += 1
                case .memory: state.memory += 1
                default: state.crashes += 1
                }
                // A child that died making its input leaves the previous input in current-input:
                // the finding is the mutator's, replayed by its seed and index, not by a file.
                let generating = meta.contains("(generating)")
                // A trap prints nothing without a backtrace (children run without one, for speed),
                // so every trap is replayed once with one: its kind and place tell traps apart.
                let backtraceFile = folder.appendingPathComponent("last-backtrace.txt")
                var site: String?
                if child.kind == .crash, !generating {
                    try? fm.removeItem(at: backtraceFile)
                    _ = try? runChild(
                        [
                            "replay", "--format", format.rawValue, folder.appendingPathComponent("current-input").path,
                            "--workdir", folder.appendingPathComponent("replay").path,
                        ] + limits.childArguments,
                        log: backtraceFile, progress: nil, stall: limits.hangSeconds + 120, backtrace: true)
                    site = trapSite((try? String(contentsOf: backtraceFile, encoding: .utf8)) ?? "")
                }
                let signature = (generating ? "while generating: " : "") + (site ?? child.signature)
                let seen = state.signatures[signature, default: 0]
                state.signatures[signature] = seen + 1
                if generating {
                    found.append(
                        "\(format.rawValue) \(child.kind.rawValue) generating #\(index): shopsched-fuzz run --format \(format.rawValue) --seed \(seed) --start \(index) --count 1 --generate-only --workdir .build/fuzz-generate"
                    )
                    state.next = index + 1
                    return
                }
                if seen < 3 {
                    let dir = URL(fileURLWithPath: crashers).appendingPathComponent(format.rawValue)
                    try fm.createDirectory(at: dir, withIntermediateDirectories: true)
                    let name = "\(child.kind.rawValue)-\(shortHash(signature))-\(index)"
                    let saved = dir.appendingPathComponent(name + "." + format.fileExtension)
                    try? fm.removeItem(at: saved)
                    try fm.copyItem(at: folder.appendingPathComponent("current-input"), to: saved)
                    try Data((signature + "\n\n" + String(child.log.suffix(4_000))).utf8)
                        .write(to: dir.appendingPathComponent(name + ".log"))
                    if child.kind == .crash, fm.fileExists(atPath: backtraceFile.path) {
                        try? fm.removeItem(at: dir.appendingPathComponent(name + ".backtrace.txt"))
                        try? fm.copyItem(at: backtraceFile, to: dir.appendingPathComponent(name + ".backtrace.txt"))
                    }
                }
                if seen == 0 { found.append("\(format.rawValue) \(child.kind.rawValue) #\(index): \(signature)") }
                FileHandle.standardError.write(
                    Data("campaign: \(format.rawValue) #\(index) \(child.kind.rawValue): \(signature)\n".utf8))
                state.next = index + 1
            }
        }
        // `--jobs` workers, each taking the next format no other worker is running, round robin.
        let board = Board(states: states)
        let workers = max(1, min(jobs, chosen.count))
        let failure = Board.Failure()
        // The workers share these read-only (the chunk's own state is passed in and out).
        let shared = Unchecked((runChunk: runChunk, target: target))
        let threads = (0..<workers).map { _ in
            Thread {
                defer { board.workerEnded() }
                do {
                    while true {
                        if let maxSeconds, Date().timeIntervalSince(began) > maxSeconds { board.stop(); return }
                        if FileManager.default.fileExists(atPath: work.appendingPathComponent("STOP").path) {
                            board.stop(); return
                        }
                        guard let (format, state) = board.claim(chosen, target: shared.value.target) else { return }
                        var mine = state
                        var found: [String] = []
                        defer { board.release(format, mine, found) }
                        try shared.value.runChunk(format, &mine, &found)
                    }
                } catch {
                    failure.set(error)
                    board.stop()
                }
            }
        }
        for thread in threads { thread.stackSize = 8 << 20; thread.start() }
        board.waitUntilDone(workers: workers)
        if let error = failure.error { throw error }
        let stopped = board.stopped
        states = board.states
        findingsLog = board.findings
        // The summary: the children's counts plus the crashes they could not count.
        var lines: [String] = []
        var bad = 0
        let decoder = JSONDecoder()
        for format in chosen {
            let state = states[format]!
            let statsURL = work.appendingPathComponent("\(format.rawValue)/stats/\(format.rawValue).json")
            let stats =
                fm.contents(atPath: statsURL.path).flatMap { try? decoder.decode(FuzzStats.self, from: $0) }
                ?? FuzzStats(format: format.rawValue)
            let lost = state.crashes + state.hangs + state.memory
            bad += stats.findings + lost
            let name = format.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            lines.append(
                name
                    + String(
                        format:
                            "inputs %7d  results %7d  input errors %7d  findings %4d  crashes %4d  hangs %3d  memory %3d  slow %3d  %7.1f s  peak RSS %5d MiB (#%d)  distinct %d",
                        stats.inputs + stats.unrecorded + lost + state.slow, stats.results, stats.inputErrors,
                        stats.findings,
                        state.crashes, state.hangs, state.memory, state.slow, state.seconds, stats.peakRSSBytes >> 20,
                        stats.peakIndex, state.signatures.count))
            // Results/input errors per entry point, and inputs whose outcome a trap lost.
            let entries = stats.entryLine + (stats.unrecorded > 0 ? "  (\(stats.unrecorded) unrecorded)" : "")
            if !entries.isEmpty { lines.append(String(repeating: " ", count: 20) + entries) }
            let findingsDir = work.appendingPathComponent("\(format.rawValue)/findings/\(format.rawValue)")
            for name in ((try? fm.contentsOfDirectory(atPath: findingsDir.path)) ?? []).sorted()
            where name.hasSuffix(".txt") {
                let text = (try? String(contentsOf: findingsDir.appendingPathComponent(name), encoding: .utf8)) ?? ""
                findingsLog.append(
                    "\(format.rawValue) finding \(name): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }
        let report =
            ([
                "shopsched-fuzz \(mode.rawValue) campaign, seed \(seed), \(String(format: "%.0f", Date().timeIntervalSince(began))) s"
                    + (stopped ? " (stopped early: --max-seconds or WORKDIR/STOP)" : "")
            ] + lines
            + (findingsLog.isEmpty
                ? ["no findings"] : ["findings (first of each kind):"] + findingsLog.map { "  " + $0 }))
            .joined(separator: "\n") + "\n"
        print(report, terminator: "")
        try? Data(report.utf8).write(to: work.appendingPathComponent("summary.txt"))
        if mode == .ci && bad > 0 { throw ExitCode(1) }
    }
}

/// The formats' states shared by the campaign's workers: a worker claims a
/// format no other worker runs (the next one round robin), runs a chunk and
/// hands the state back.
/// A value the campaign's worker threads only read.
final class Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

final class Board: @unchecked Sendable {
    private let lock = NSCondition()
    private(set) var states: [FuzzFormat: Campaign.FormatState]
    private(set) var findings: [String] = []
    private(set) var stopped = false
    private var busy: Set<FuzzFormat> = []
    private var cursor = 0
    private var finished = 0

    init(states: [FuzzFormat: Campaign.FormatState]) { self.states = states }

    /// The next format to run and its state, or nil when every format is done or claimed
    /// for good (waits while the only formats left are running elsewhere).
    func claim(_ formats: [FuzzFormat], target: (FuzzFormat) -> Int) -> (FuzzFormat, Campaign.FormatState)? {
        lock.lock(); defer { lock.unlock() }
        while !stopped {
            for step in 0..<formats.count {
                let format = formats[(cursor + step) % formats.count]
                if !busy.contains(format), states[format]!.next < target(format) {
                    cursor = (cursor + step + 1) % formats.count
                    busy.insert(format)
                    return (format, states[format]!)
                }
            }
            if busy.isEmpty { return nil }
            lock.wait()
        }
        return nil
    }

    func release(_ format: FuzzFormat, _ state: Campaign.FormatState, _ found: [String]) {
        lock.lock()
        states[format] = state
        findings += found
        busy.remove(format)
        lock.broadcast()
        lock.unlock()
    }

    func stop() { lock.lock(); stopped = true; lock.broadcast(); lock.unlock() }

    /// Called by each worker as it ends (see ``waitUntilDone(workers:)``).
    func workerEnded() { lock.lock(); finished += 1; lock.broadcast(); lock.unlock() }

    func waitUntilDone(workers: Int) {
        lock.lock()
        while finished < workers { lock.wait() }
        lock.unlock()
    }

    final class Failure: @unchecked Sendable {
        private let lock = NSLock()
        private var first: (any Error)?
        var error: (any Error)? { lock.lock(); defer { lock.unlock() }; return first }
        func set(_ error: any Error) { lock.lock(); if first == nil { first = error }; lock.unlock() }
    }
}

struct Minimise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shrinks a crasher while it still crashes the same way (each try runs in a child).")

    @Option var format: FuzzFormat
    @Argument var input: String
    @Option var output: String
    @Option(name: .customLong("max-tries")) var maxTries: Int = 400
    @Option var workdir: String = ".build/fuzz-minimise"
    @OptionGroup var limits: Limits

    func run() throws {
        let work = URL(fileURLWithPath: workdir)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        guard let data = FileManager.default.contents(atPath: input) else {
            throw ValidationError("cannot read \(input)")
        }
        let candidate = work.appendingPathComponent("candidate." + format.fileExtension)
        var tries = 0
        func ends(_ bytes: [UInt8]) -> ChildEnd? {
            tries += 1
            guard (try? Data(bytes).write(to: candidate)) != nil else { return nil }
            return try? runChild(
                [
                    "replay", "--format", format.rawValue, candidate.path, "--workdir",
                    work.appendingPathComponent("replay").path,
                ] + limits.childArguments,
                log: work.appendingPathComponent("replay.log"), progress: nil, stall: limits.hangSeconds + 30)
        }
        guard let first = ends([UInt8](data)), first.kind != .done else {
            throw ValidationError("\(input) does not crash, hang or run out of memory as \(format.rawValue)")
        }
        let wanted = (first.kind, first.signature)
        func same(_ bytes: [UInt8]) -> Bool {
            guard tries < maxTries, let end = ends(bytes) else { return false }
            return end.kind == wanted.0 && end.signature == wanted.1
        }
        var best = [UInt8](data)
        if format.isJSON, var tree = try? JSONParser.parse(best) {
            var progress = true
            while progress && tries < maxTries {
                progress = false
                for path in tree.nodes() where tries < maxTries {
                    let node = tree[path]
                    var smaller: [JSONValue] = []
                    switch node {
                    case .array(let items) where !items.isEmpty:
                        var size = max(1, items.count / 2)
                        while size >= 1 {
                            for start in stride(from: 0, to: items.count, by: size) {
                                var rest = items
                                rest.removeSubrange(start..<min(items.count, start + size))
                                smaller.append(.array(rest))
                            }
                            size = size == 1 ? 0 : size / 2
                        }
                    case .object(let members) where !members.isEmpty:
                        for i in members.indices {
                            var rest = members; rest.remove(at: i); smaller.append(.object(rest))
                        }
                    default: continue
                    }
                    for option in smaller {
                        var trial = tree
                        trial[path] = option
                        if same(Array(trial.text.utf8)) { tree = trial; progress = true; break }
                    }
                    if progress { break }
                }
            }
            best = Array(tree.text.utf8)
        } else {
            // Lines, halves first.
            var lines = String(decoding: best, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            var size = max(1, lines.count / 2)
            while size >= 1 && tries < maxTries {
                var start = 0
                var shrank = false
                while start < lines.count && tries < maxTries {
                    var rest = lines
                    rest.removeSubrange(start..<min(lines.count, start + size))
                    if same(Array(rest.joined(separator: "\n").utf8)) {
                        lines = rest; shrank = true
                    } else {
                        start += size
                    }
                }
                if !shrank { size /= 2 }
            }
            best = Array(lines.joined(separator: "\n").utf8)
        }
        try Data(best).write(to: URL(fileURLWithPath: output))
        print(
            "\(output): \(best.count) bytes (from \(data.count)) after \(tries) tries; \(wanted.0.rawValue): \(wanted.1)"
        )
    }
}
