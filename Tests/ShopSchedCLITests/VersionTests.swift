import Foundation
import Testing

/// `shopsched --version`: the release a user reports in a bug, which the
/// changelog must describe.
@Suite("version")
struct VersionTests {
    @Test func printsASemanticVersionThatTheChangelogDescribes() async throws {
        let box = try Sandbox()
        let result = try await box.run("--version")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        #expect(
            parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) },
            "not MAJOR.MINOR.PATCH: \(version)")
        let changelog = try String(contentsOf: CLI.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("## [\(version)]"), "CHANGELOG.md has no section for \(version)")
    }
}
