import Foundation

/// Counts of one format's campaign, kept in the work folder after every
/// input so a run killed by a trap can be resumed and still summed up.
public struct FuzzStats: Codable, Sendable {
    public var format: String
    public var nextIndex = 0
    public var inputs = 0
    public var results = 0
    public var inputErrors = 0
    /// Input errors whose issues name no field (whole-document problems such as "not valid JSON").
    public var pathlessErrors = 0
    public var findings = 0
    /// Seconds in the drivers (`seconds`) and in making the inputs.
    public var seconds = 0.0
    public var generateSeconds = 0.0
    public var peakRSSBytes = 0
    /// The slowest input, and its index.
    public var slowestSeconds = 0.0
    public var slowestIndex = -1
    /// The input during which resident memory last reached a new peak (-1: before any input).
    public var peakIndex = -1
    /// Inputs run but not counted: the counts are saved every fraction of a
    /// second, so a trap loses the outcomes of the inputs since the last save.
    public var unrecorded = 0
    /// Outcomes per entry point ("book", "replan", …): an input one entry
    /// point refuses may still be a result for another.
    public var entryPoints: [String: EntryCounts] = [:]

    public struct EntryCounts: Codable, Sendable, Equatable {
        public var results = 0
        public var inputErrors = 0
        public init(results: Int = 0, inputErrors: Int = 0) {
            self.results = results
            self.inputErrors = inputErrors
        }
    }

    public init(format: String) { self.format = format }

    public var line: String {
        String(
            format:
                "%@: inputs %d, results %d, input errors %d (%d pathless), findings %d, %.1f s (+ %.1f s generating), peak RSS %d MiB (#%d), slowest %.2f s (#%d)",
            format, inputs, results, inputErrors, pathlessErrors, findings, seconds, generateSeconds,
            peakRSSBytes >> 20, peakIndex,
            slowestSeconds, slowestIndex) + (unrecorded > 0 ? ", \(unrecorded) unrecorded" : "")
    }

    /// "book 120/880 replan 40/960": results/input errors per entry point.
    public var entryLine: String {
        entryPoints.keys.sorted().map { "\($0) \(entryPoints[$0]!.results)/\(entryPoints[$0]!.inputErrors)" }.joined(
            separator: " ")
    }

    // Older stats files lack the newer counts.
    enum CodingKeys: String, CodingKey {
        case format, nextIndex, inputs, results, inputErrors, pathlessErrors, findings, seconds, peakRSSBytes
        case slowestSeconds, slowestIndex, peakIndex, unrecorded, entryPoints, generateSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        nextIndex = try c.decodeIfPresent(Int.self, forKey: .nextIndex) ?? 0
        inputs = try c.decodeIfPresent(Int.self, forKey: .inputs) ?? 0
        results = try c.decodeIfPresent(Int.self, forKey: .results) ?? 0
        inputErrors = try c.decodeIfPresent(Int.self, forKey: .inputErrors) ?? 0
        pathlessErrors = try c.decodeIfPresent(Int.self, forKey: .pathlessErrors) ?? 0
        findings = try c.decodeIfPresent(Int.self, forKey: .findings) ?? 0
        seconds = try c.decodeIfPresent(Double.self, forKey: .seconds) ?? 0
        generateSeconds = try c.decodeIfPresent(Double.self, forKey: .generateSeconds) ?? 0
        peakRSSBytes = try c.decodeIfPresent(Int.self, forKey: .peakRSSBytes) ?? 0
        slowestSeconds = try c.decodeIfPresent(Double.self, forKey: .slowestSeconds) ?? 0
        slowestIndex = try c.decodeIfPresent(Int.self, forKey: .slowestIndex) ?? -1
        peakIndex = try c.decodeIfPresent(Int.self, forKey: .peakIndex) ?? -1
        unrecorded = try c.decodeIfPresent(Int.self, forKey: .unrecorded) ?? 0
        entryPoints = try c.decodeIfPresent([String: EntryCounts].self, forKey: .entryPoints) ?? [:]
    }
}

/// Resident memory of this process, from /proc/self/statm (0 where there is none).
/// Reads into a fixed buffer: the watchdog must not need much from a process in trouble.
public func residentBytes() -> Int {
    let fd = open("/proc/self/statm", O_RDONLY)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 128)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
    guard n > 0 else { return 0 }
    // "size resident shared …" in pages.
    var fields: [Int] = [0]
    for byte in buffer[0..<n] {
        if byte == 0x20 {
            fields.append(0); if fields.count > 2 { break }
        } else if byte >= 0x30, byte <= 0x39 {
            fields[fields.count - 1] = fields[fields.count - 1] * 10 + Int(byte - 0x30)
        }
    }
    return fields.count >= 2 ? fields[1] * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

/// CPU seconds this process has used.
public func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Watches the input being run from its own thread: one that uses more than
/// `hangSeconds` of CPU (or six times that in wall-clock time, for a process
/// stuck waiting), or memory above `maxResidentBytes`, ends the process.
/// CPU time, because a busy shared machine (CI) must not turn slow into hung.
/// It exits
/// with exit status 124 (hang) or 125 (memory), after writing what happened
/// to `report`. A trap needs no watchdog: it ends the process by itself.
public final class Watchdog: @unchecked Sendable {
    public static let hangStatus: Int32 = 124
    public static let memoryStatus: Int32 = 125

    private let lock = NSLock()
    private var started: Date?
    private var startedCPU = 0.0
    private var label = ""
    private var peak = 0
    /// Set when the current input pushed resident memory to a new peak.
    private var newPeak = false
    /// The peak when the current input began.
    private var baseline = 0
    let hangSeconds: Double
    let maxResidentBytes: Int
    let report: URL

    public init(hangSeconds: Double, maxResidentBytes: Int, report: URL) {
        self.hangSeconds = hangSeconds
        self.maxResidentBytes = maxResidentBytes
        self.report = report
        let thread = Thread { [self] in watch() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    public func begin(_ label: String) {
        let cpu = processCPUSeconds()
        lock.lock(); started = Date(); startedCPU = cpu; self.label = label; newPeak = false; baseline = peak;
        lock.unlock()
    }

    /// Ends the input; true when it raised the peak of resident memory (by
    /// more than 16 MiB, so allocator noise does not move the blame).
    @discardableResult
    public func end() -> Bool {
        // One last look: an input shorter than the watch interval must still be seen.
        let rss = residentBytes()
        lock.lock(); defer { lock.unlock() }
        if rss > baseline + (16 << 20) { newPeak = true }
        peak = max(peak, rss)
        started = nil
        return newPeak
    }

    public var peakResidentBytes: Int {
        lock.lock(); defer { lock.unlock() }
        return peak
    }

    private func watch() {
        while true {
            usleep(20_000)
            let rss = residentBytes()
            lock.lock()
            if started != nil, rss > baseline + (16 << 20) { newPeak = true }
            peak = max(peak, rss)
            let since = started.map { Date().timeIntervalSince($0) }
            let cpuFrom = startedCPU
            let what = label
            lock.unlock()
            let cpu = processCPUSeconds() - cpuFrom
            if rss > maxResidentBytes {
                fire(Self.memoryStatus, "memory: \(what) resident \(rss >> 20) MiB, over \(maxResidentBytes >> 20) MiB")
            }
            if let since, cpu > hangSeconds || since > 6 * hangSeconds {
                fire(Self.hangStatus, "hang: \(what) still running after \(Int(cpu)) s of CPU, \(Int(since)) s")
            }
        }
    }

    private func fire(_ status: Int32, _ text: String) -> Never {
        try? Data((text + "\n").utf8).write(to: report)
        FileHandle.standardError.write(Data(("shopsched-fuzz: " + text + "\n").utf8))
        _exit(status)
    }
}

/// A file rewritten in place for every input (current-input and its meta):
/// kept open, overwritten from the start and cut to length. Writing a new
/// file each time costs more than most inputs take (ext4 flushes a file
/// truncated and rewritten); the figures: `Benchmarks/README.md`, "Figures
/// the code relies on".
final class ScratchFile {
    private let fd: Int32

    init?(_ url: URL) {
        fd = open(url.path, O_RDWR | O_CREAT, 0o644)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    func replace(with bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(fd, off_t(bytes.count))
    }
}

/// One child run: inputs `start..<start+count` of one format, each saved as
/// `current-input` before it runs, counts kept in `stats/FORMAT.json`.
public struct FuzzSession {
    public var format: FuzzFormat
    public var inputs: FuzzInputs
    public var drivers: FuzzDrivers
    public var workFolder: URL

    public init(format: FuzzFormat, inputs: FuzzInputs, drivers: FuzzDrivers, workFolder: URL) {
        self.format = format
        self.inputs = inputs
        self.drivers = drivers
        self.workFolder = workFolder
    }

    public var statsFile: URL { workFolder.appendingPathComponent("stats/\(format.rawValue).json") }

    public func loadStats() -> FuzzStats? {
        guard let data = FileManager.default.contents(atPath: statsFile.path) else { return nil }
        return try? JSONDecoder().decode(FuzzStats.self, from: data)
    }

    /// Runs the inputs; returns the counts (also written after every input).
    /// `generateOnly`: make the inputs and run none (to time and watch the mutators alone).
    /// `stopFile`: the run ends, counts saved, soon after this file appears.
    public func run(
        start: Int, count: Int, resume: Bool, watchdog: Watchdog, maxSeconds: Double? = nil,
        generateOnly: Bool = false, stopFile: URL? = nil
    ) -> FuzzStats {
        let fm = FileManager.default
        try? fm.createDirectory(at: statsFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let findings = workFolder.appendingPathComponent("findings/\(format.rawValue)")
        var stats = (resume ? loadStats() : nil) ?? FuzzStats(format: format.rawValue)
        // A child restarted after a trap at input `start - 1`: the inputs between the
        // last saved counts and the trap ran, but their outcomes are lost.
        if resume, stats.nextIndex < start - 1 { stats.unrecorded += start - 1 - stats.nextIndex }
        var saved = Date.distantPast
        var stopping = false
        func save(force: Bool = false) {
            // Every input's counts would cost more than many inputs; four times a
            // second keeps the supervisor's progress stamp moving.
            guard force || Date().timeIntervalSince(saved) > 0.25 else { return }
            saved = Date()
            if let stopFile, fm.fileExists(atPath: stopFile.path) { stopping = true }
            if let data = try? JSONEncoder().encode(stats) { try? data.write(to: statsFile, options: .atomic) }
        }
        let currentFile = ScratchFile(workFolder.appendingPathComponent("current-input"))
        let metaFile = ScratchFile(workFolder.appendingPathComponent("current-input.meta"))
        let began = Date()
        var index = start
        while index < start + count {
            if stopping { break }
            if let maxSeconds, Date().timeIntervalSince(began) > maxSeconds { break }
            // The making of an input is watched too: a mutation can build a huge tree.
            metaFile?.replace(with: Array("\(format.rawValue) \(index) (generating)\n".utf8))
            let tGenerate = Date()
            watchdog.begin("\(format.rawValue) #\(index) (generating)")
            let input = inputs.input(format, index)
            if watchdog.end(), watchdog.peakResidentBytes > stats.peakRSSBytes { stats.peakIndex = index }
            stats.generateSeconds += Date().timeIntervalSince(tGenerate)
            // Written before the run: a trap kills the process, and the supervisor saves this file.
            currentFile?.replace(with: input)
            metaFile?.replace(with: Array("\(format.rawValue) \(index)\n".utf8))
            let t0 = Date()
            watchdog.begin("\(format.rawValue) #\(index)")
            var entries: [String: FuzzStats.EntryCounts] = [:]
            let outcome = generateOnly ? .result : drivers.run(format, input, entryPoints: &entries)
            if watchdog.end(), watchdog.peakResidentBytes > stats.peakRSSBytes { stats.peakIndex = index }
            for (name, counts) in entries {
                stats.entryPoints[name, default: .init()].results += counts.results
                stats.entryPoints[name, default: .init()].inputErrors += counts.inputErrors
            }
            let seconds = Date().timeIntervalSince(t0)
            stats.inputs += 1
            stats.seconds += seconds
            if seconds > stats.slowestSeconds { stats.slowestSeconds = seconds; stats.slowestIndex = index }
            switch outcome {
            case .result: stats.results += 1
            case .inputError(let pathless):
                stats.inputErrors += 1
                if pathless { stats.pathlessErrors += 1 }
            case .finding(let text):
                stats.findings += 1
                try? fm.createDirectory(at: findings, withIntermediateDirectories: true)
                let name = "finding-\(index)"
                try? Data(input).write(to: findings.appendingPathComponent(name + "." + format.fileExtension))
                try? Data((text + "\n").utf8).write(to: findings.appendingPathComponent(name + ".txt"))
                FileHandle.standardError.write(Data("finding: \(format.rawValue) #\(index): \(text)\n".utf8))
            }
            index += 1
            stats.nextIndex = index
            stats.peakRSSBytes = max(stats.peakRSSBytes, watchdog.peakResidentBytes)
            save()
        }
        save(force: true)
        return stats
    }
}
