import ArgumentParser
import Foundation
import ShopScheduler

@main
struct ShopSched: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopsched",
        abstract: "Schedules auto-repair shop jobs onto bays and mechanics.",
        discussion: """
            Exit status, every command: 2 on bad input (files, fields, options), 4 when the output cannot \
            be written to standard output; each command's help gives the rest. Input limits: docs/limits.md.
            """,
        version: ShopSchedulerVersion.current,
        subcommands: [
            Solve.self, Validate.self, Verify.self, Generate.self, Import.self, Book.self, Next.self, Reschedule.self,
            Replan.self, Revalidate.self, Cancel.self, NoShow.self, Refill.self, Board.self, WhatIf.self,
            WhatIfMerge.self, Diff.self, Serve.self,
        ])

    /// ArgumentParser exits 64 on a usage error; our contract is 2 for any
    /// bad input, options included.
    static func main() async {
        StandardOutput.prepare()
        do {
            var command = try parseAsRoot()
            if var serve = command as? any AsyncParsableCommand {
                try await serve.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                writeToStandardError(fullMessage(for: error) + "\n")
                Foundation.exit(ExitStatus.badInput)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes shared by the commands.
enum ExitStatus {
    static let infeasible: Int32 = 1
    static let badInput: Int32 = 2
    /// `book`: the appointment was not created (conflicts or denied); `reschedule`: not moved;
    /// `replan`: no plan exists.
    static let notCreated: Int32 = 3
    /// The result could not be written to standard output (closed, full
    /// disk, broken pipe): nothing was lost silently.
    static let outputFailed: Int32 = 4
}

/// Standard output, written so that a failed write is reported (exit 4)
/// instead of trapping or vanishing.
enum StandardOutput {
    /// `true` when the process started with file descriptor 1 closed.
    nonisolated(unsafe) static var wasClosed = false

    /// Run first: a broken pipe becomes a write error rather than a
    /// signal, and a closed descriptor 1 is held on /dev/null so no file
    /// the command opens later can take its place (writes still fail).
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        if fcntl(1, F_GETFD) == -1 && errno == EBADF {
            wasClosed = true
            let null = open("/dev/null", O_WRONLY)
            if null >= 0 && null != 1 { dup2(null, 1); close(null) }
        }
    }

    /// Writes `data` to standard output, or says why it could not and exits 4.
    static func write(_ data: Data) throws {
        do {
            guard !wasClosed else { throw CocoaError(.fileWriteUnknown) }
            try FileHandle.standardOutput.write(contentsOf: data)
        } catch {
            let why = wasClosed ? "it is closed" : String(cString: strerror(errno))
            writeToStandardError("shopsched: cannot write the output to standard output: \(why)\n")
            throw ExitCode(ExitStatus.outputFailed)
        }
    }
}

/// Writes to standard error; when even that fails there is no one left to
/// tell, so the failure is ignored rather than trapping.
func writeToStandardError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}

/// Prints every issue on its own line to standard error and exits 2.
func failBadInput(_ error: InputError, file: String) -> Never {
    for line in error.reportLines {
        writeToStandardError("\(file): \(line)\n")
    }
    Foundation.exit(ExitStatus.badInput)
}

/// Reports each problem of a two-file command against the file it is in:
/// paths starting with `prefix` are `file`'s (written there without the
/// prefix), the rest the snapshot's. Exits 2.
func failBadInput(_ error: InputError, snapshot: String, file: String, prefix: String) -> Never {
    for line in InputError(error.issues.filter { !$0.path.hasPrefix(prefix) }).reportLines {
        writeToStandardError("\(snapshot): \(line)\n")
    }
    let own = error.issues.filter { $0.path.hasPrefix(prefix) }
        .map { ValidationIssue(path: String($0.path.dropFirst(prefix.count)), message: $0.message) }
    for line in InputError(own).reportLines {
        writeToStandardError("\(file): \(line)\n")
    }
    Foundation.exit(ExitStatus.badInput)
}

func readScenario(_ path: String) -> Scenario {
    do {
        return try Scenario.load(path: path)
    } catch {
        failBadInput(error, file: path)
    }
}

/// The bytes of an input file; one that cannot be read is bad input (exit 2).
func readInput(_ path: String) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        failBadInput(InputError([ValidationIssue(path: "", message: "cannot read file")]), file: path)
    }
    return data
}

func readSolution(_ path: String) -> SolutionFile {
    do { return try SolutionFile.load(from: readInput(path)) } catch { failBadInput(error, file: path) }
}

/// Writes a command's result to `output` (atomically), or to standard output
/// when there is none; a file that cannot be written is bad input (exit 2).
func emit(_ data: Data, to output: String?) throws {
    guard let output else {
        try StandardOutput.write(data)
        return
    }
    do { try writeAtomically(data, to: output) } catch {
        writeToStandardError("cannot write \(output): \(describeWriteFailure(error, path: output))\n")
        throw ExitCode(ExitStatus.badInput)
    }
}

/// Text for standard output (the commands that print a report).
func emit(_ text: String) throws {
    try StandardOutput.write(Data(text.utf8))
}

/// Why `path` could not be written, in words (Foundation's text for these
/// is "The operation could not be completed", error 512).
func describeWriteFailure(_ error: any Error, path: String) -> String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        return "it is a folder; name a file to write"
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
        return "the folder \(folder) does not exist"
    }
    if !FileManager.default.isWritableFile(atPath: folder) {
        return "the folder \(folder) cannot be written"
    }
    let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError).map {
        String(cString: strerror(Int32($0.code)))
    }
    return underlying ?? "the file cannot be written"
}

/// Writes `data` to `path` atomically (a temporary file renamed into place),
/// so a failed run never leaves a half-written file.
func writeAtomically(_ data: Data, to path: String) throws {
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
}

/// The rules every command applies to its numeric options, so `solve`,
/// `replan` and `whatif` accept and refuse the same values with the same words.
enum OptionRules {
    /// The longest `--time-limit` any command takes, in seconds (a day):
    /// longer is a typo, and must not overflow a deadline.
    static let maxTimeLimitSeconds: Double = 86_400
    /// The most `--threads` (or `--jobs`) any command takes.
    static let maxThreads = 1024

    static func timeLimit(_ value: Double, option: String = "--time-limit") throws {
        guard value.isFinite, value > 0 else {
            throw ValidationError("\(option) must be a positive number of seconds, not \(value)")
        }
        guard value <= maxTimeLimitSeconds else {
            throw ValidationError("\(option) must be at most \(Int(maxTimeLimitSeconds)) seconds (a day), not \(value)")
        }
    }

    static func threads(_ value: Int, option: String = "--threads") throws {
        guard (1...maxThreads).contains(value) else {
            throw ValidationError("\(option) must be from 1 to \(maxThreads), not \(value)")
        }
    }

    static func gap(_ value: Double) throws {
        guard value.isFinite, value >= 0 else { throw ValidationError("--gap must be 0 or more, not \(value)") }
    }
}
