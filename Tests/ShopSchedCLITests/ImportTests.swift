import Foundation
import Testing

@Suite("import")
struct ImportTests {
    @Test func ptaskImportValidatesAndBadInputExitsTwo() async throws {
        let box = try Sandbox()
        let good = try box.write("tiny.dat", "Type = 1\nJobs = 2\n 0 60\n 30 90\nQualifications = 2\n 1: 0\n 2: 0 1\n")
        let written = try await box.run("import", "ptask", good, "--output", "tiny.json")
        #expect(written.status == 0, "stderr: \(written.stderr)")
        let validate = try await box.run("validate", "tiny.json")
        #expect(validate.status == 0, "stderr: \(validate.stderr)")
        #expect(validate.stdout.contains("2 jobs, 2 bays, 2 mechanics"))

        let bad = try box.write("bad.dat", "Type = 1\nJobs = 1\n 50 10\nQualifications = 0\n")
        let refused = try await box.run("import", "ptask", bad, "--output", "bad.json")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("line 3"))
        #expect(!FileManager.default.fileExists(atPath: box.path("bad.json")))
    }
}
