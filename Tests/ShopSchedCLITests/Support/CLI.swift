import Foundation
import Testing

/// The outcome of one run of the `shopsched` binary.
struct RunResult {
    var status: Int32
    /// `true` when the process died of a signal (a crash) rather than exiting.
    var crashed: Bool
    var stdoutData: Data
    var stderrData: Data
    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }
    /// The non-empty lines of standard error.
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init).filter { !$0.isEmpty } }
}

/// Finds and runs the `shopsched` executable that `swift build` put next to the tests.
enum CLI {
    /// Where the binary is, or `nil` when it cannot be found (the tests then fail with a message).
    ///
    /// Order: `$SHOPSCHED_BIN`; a `shopsched` file in a folder that holds (or is an ancestor of)
    /// the running test bundle, which honours any `--scratch-path`; finally
    /// `<package root>/.build/debug/shopsched`, the root found by walking up from this file.
    static let binary: URL? = {
        let fm = FileManager.default
        func executable(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fm.isExecutableFile(atPath: url.path)
        }
        if let given = ProcessInfo.processInfo.environment["SHOPSCHED_BIN"], !given.isEmpty {
            return URL(fileURLWithPath: given)
        }
        var starts: [URL] = [Bundle.main.bundleURL]
        if let url = Bundle.main.executableURL { starts.append(url) }
        starts += Bundle.allBundles.map(\.bundleURL)
        if let first = CommandLine.arguments.first, first.contains("/") {
            starts.append(URL(fileURLWithPath: first).resolvingSymlinksInPath())
        }
        for start in starts {
            var dir = start.standardizedFileURL
            while dir.path != "/" && !dir.path.isEmpty {
                let candidate = dir.appendingPathComponent("shopsched")
                if executable(candidate) { return candidate }
                dir = dir.deletingLastPathComponent()
            }
        }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                let candidate = dir.appendingPathComponent(".build/debug/shopsched")
                return executable(candidate) ? candidate : nil
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// The package root (the folder with `Package.swift`), for the bundled datasets.
    static let packageRoot: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static func dataset(_ name: String) -> String {
        packageRoot.appendingPathComponent("datasets").appendingPathComponent(name).path
    }

    /// Runs `shopsched arguments…` in `directory`, capturing both streams (through files,
    /// so a large output cannot block on a full pipe). A run that takes longer than
    /// `timeout` seconds is killed and recorded as a failure.
    static func run(
        _ arguments: [String], in directory: URL, timeout: Double = 120,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RunResult {
        let binary = try #require(
            CLI.binary, "cannot find the shopsched executable; set SHOPSCHED_BIN",
            sourceLocation: sourceLocation)
        let io = FileManager.default.temporaryDirectory.appendingPathComponent("shopsched-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: io) }
        let outURL = io.appendingPathComponent("stdout"), errURL = io.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let started = Date()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(started) > timeout {
                timedOut = true
                process.terminate()
                process.waitUntilExit()
                break
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        #expect(
            !timedOut, "shopsched \(arguments.joined(separator: " ")) took more than \(timeout) s",
            sourceLocation: sourceLocation)
        return RunResult(
            status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal,
            stdoutData: try Data(contentsOf: outURL),
            stderrData: try Data(contentsOf: errURL))
    }
}

/// A fresh temporary folder for one test, removed when the test lets go of it.
final class Sandbox {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("shopsched-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` in the sandbox and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        try data.write(to: url.appendingPathComponent(name))
        return path(name)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    /// Runs `shopsched` with this sandbox as the working folder.
    func run(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) async throws -> RunResult {
        try await CLI.run(arguments, in: url, sourceLocation: sourceLocation)
    }
}
