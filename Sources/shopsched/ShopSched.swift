import ArgumentParser
import Foundation
import ShopScheduler

@main
struct ShopSched: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shopsched",
        abstract: "Schedules auto-repair shop jobs onto bays and mechanics.",
        version: ShopSchedulerVersion.current,
        subcommands: [Solve.self, Validate.self, Verify.self, Generate.self, Import.self, Book.self, Reschedule.self,
                      Replan.self, Board.self, WhatIf.self, WhatIfMerge.self, Diff.self])

    /// ArgumentParser exits 64 on a usage error; our contract is 2 for any
    /// bad input, options included.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
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
}

/// Prints every issue on its own line to standard error and exits 2.
func failBadInput(_ error: InputError, file: String) -> Never {
    for issue in error.issues {
        FileHandle.standardError.write(Data("\(file): \(issue)\n".utf8))
    }
    Foundation.exit(ExitStatus.badInput)
}

/// Reports each problem of a two-file command against the file it is in:
/// paths starting with `prefix` are `file`'s (written there without the
/// prefix), the rest the snapshot's. Exits 2.
func failBadInput(_ error: InputError, snapshot: String, file: String, prefix: String) -> Never {
    for issue in error.issues where !issue.path.hasPrefix(prefix) {
        FileHandle.standardError.write(Data("\(snapshot): \(issue)\n".utf8))
    }
    for issue in error.issues where issue.path.hasPrefix(prefix) {
        let unprefixed = ValidationIssue(path: String(issue.path.dropFirst(prefix.count)), message: issue.message)
        FileHandle.standardError.write(Data("\(file): \(unprefixed)\n".utf8))
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
        FileHandle.standardOutput.write(data)
        return
    }
    do { try writeAtomically(data, to: output) } catch {
        FileHandle.standardError.write(Data("cannot write \(output): \(error.localizedDescription)\n".utf8))
        throw ExitCode(ExitStatus.badInput)
    }
}

/// Writes `data` to `path` atomically (a temporary file renamed into place),
/// so a failed run never leaves a half-written file.
func writeAtomically(_ data: Data, to path: String) throws {
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
}
