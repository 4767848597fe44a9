import Foundation
import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

/// `docs/contract.md` shows only real files: every ```json block is a copy of a
/// file under `datasets/contract/`, named by the marker on the line above it, and
/// those files stay valid (scenarios pass validation, solutions pass the verifier
/// with the objective they claim). So the document cannot drift from the code.
@Suite("docs/contract.md examples")
struct ContractExamplesTests {
    // MARK: The document and its blocks

    /// The package root (the directory holding Package.swift).
    static let root: URL = Repository.root

    static let documentPath = "docs/contract.md"
    static let examplesFolder = "datasets/contract"

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// One fenced ```json block of a Markdown text.
    struct Block {
        /// 1-based line of the opening fence.
        var line: Int
        /// The path the marker just above names, e.g. `datasets/contract/x.json`; `nil` when unmarked.
        var file: String?
        var body: String
    }

    /// Every ```json block of `markdown`, with its marker, plus the lines that break
    /// the form (a marker not followed by a json block, an unclosed block).
    static func jsonBlocks(in markdown: String) -> (blocks: [Block], problems: [String]) {
        let lines = markdown.components(separatedBy: "\n")
        var blocks: [Block] = []
        var problems: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            if let file = marker(line),
                !(i + 1 < lines.count && lines[i + 1].trimmingCharacters(in: .whitespaces) == "```json")
            {
                problems.append("line \(i + 1): the marker for \(file) is not directly above a ```json block")
            }
            guard line == "```json" else {
                i += 1
                continue
            }
            let file = i > 0 ? marker(lines[i - 1].trimmingCharacters(in: .whitespaces)) : nil
            var body: [String] = []
            var j = i + 1
            while j < lines.count, !lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                body.append(lines[j])
                j += 1
            }
            if j == lines.count { problems.append("line \(i + 1): the ```json block is never closed") }
            blocks.append(Block(line: i + 1, file: file, body: body.joined(separator: "\n")))
            i = j + 1
        }
        return (blocks, problems)
    }

    /// The path in `<!-- example: PATH -->`, or `nil` when the line is no marker.
    static func marker(_ line: String) -> String? {
        let prefix = "<!-- example: ", suffix = " -->"
        guard line.hasPrefix(prefix), line.hasSuffix(suffix), line.count > prefix.count + suffix.count else {
            return nil
        }
        return String(line.dropFirst(prefix.count).dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
    }

    /// A decoded JSON value, compared by meaning: key order and spacing do not matter.
    indirect enum JSON: Equatable, Decodable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case array([JSON])
        case object([String: JSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSON].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: JSON].self))
            }
        }

        static func parse(_ text: String) throws -> JSON { try JSONDecoder().decode(JSON.self, from: Data(text.utf8)) }
    }

    static func exampleFiles(suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(examplesFolder).path)
            .filter { $0.hasSuffix(suffix) }.sorted().map { examplesFolder + "/" + $0 }
    }

    // MARK: The document shows the files

    @Test func everyJSONBlockIsAMarkedCopyOfItsFile() throws {
        let (blocks, problems) = Self.jsonBlocks(in: try Self.text(Self.documentPath))
        #expect(problems == [])
        #expect(blocks.count >= 4)
        for block in blocks {
            guard let file = block.file else {
                Issue.record(
                    "\(Self.documentPath) line \(block.line): a ```json block without <!-- example: \(Self.examplesFolder)/NAME.json --> on the line above"
                )
                continue
            }
            #expect(file.hasPrefix(Self.examplesFolder + "/") && file.hasSuffix(".json"), "line \(block.line): \(file)")
            let shown = try #require(
                try? JSON.parse(block.body), "line \(block.line): the block for \(file) is not valid JSON")
            let stored = try #require(try? JSON.parse(try Self.text(file)), "\(file) is missing or not valid JSON")
            let same = shown == stored  // compared outside #expect, which would print both documents
            #expect(same, "line \(block.line): the block differs from \(file)")
        }
    }

    @Test func everyExampleFileIsShownInTheDocument() throws {
        let named = Set(Self.jsonBlocks(in: try Self.text(Self.documentPath)).blocks.compactMap(\.file))
        let files = try Self.exampleFiles(suffix: ".json")
        #expect(!files.isEmpty)
        for file in files { #expect(named.contains(file), "\(file) is not shown in \(Self.documentPath)") }
    }

    /// The block finder itself: an unmarked block, a marker too far above, and a
    /// stray marker are all caught, so the test above can fail.
    @Test func unmarkedBlocksAreFound() throws {
        let markdown = """
            <!-- example: datasets/contract/a.json -->
            ```json
            {"a": 1}
            ```
            text
            ```json
            {"b": 2}
            ```
            <!-- example: datasets/contract/c.json -->

            ```json
            {}
            ```
            <!-- example: datasets/contract/d.json -->
            ```text
            ```
            """
        let (blocks, problems) = Self.jsonBlocks(in: markdown)
        #expect(blocks.map(\.file) == ["datasets/contract/a.json", nil, nil])
        #expect(blocks.map(\.line) == [2, 6, 11])
        #expect(problems.count == 2)
        #expect(try JSON.parse(blocks[0].body) == .object(["a": .integer(1)]))
        // Meaning, not bytes: spacing and key order do not matter, values do.
        #expect(
            try JSON.parse(#"{"x": [1, 2.5, "s", true, null], "y": {}}"#)
                == JSON.parse(#"{ "y" : { }, "x" : [1,2.5,"s",true,null] }"#))
        #expect(
            try JSON.parse(#"{"x": [1, 2.5, "s", true, null]}"#) != JSON.parse(#"{"x": [1, 2.5, "s", false, null]}"#))
        #expect(try JSON.parse("[1]") != JSON.parse("[1.5]"))
    }

    // MARK: The files are valid

    @Test func everyExampleScenarioValidates() throws {
        let files = try Self.exampleFiles(suffix: ".scenario.json")
        #expect(files.count >= 3)
        for file in files {
            #expect(throws: Never.self, "\(file)") {
                _ = try Scenario.load(path: Self.root.appendingPathComponent(file).path)
            }
        }
    }

    @Test func everyExampleSolutionVerifiesAgainstItsScenario() throws {
        let files = try Self.exampleFiles(suffix: ".solution.json")
        #expect(files.count >= 2)
        for file in files {
            let scenarioFile = String(file.dropLast(".solution.json".count)) + ".scenario.json"
            let scenario = try Scenario.load(path: Self.root.appendingPathComponent(scenarioFile).path)
            let solution = try SolutionFile.load(from: Data(try Self.text(file).utf8))
            let report = PlanVerifier.verify(solution, against: scenario)
            #expect(report.violations.isEmpty, "\(file): \(report)")
            if solution.status == "optimal" || solution.status == "feasible" {
                #expect(solution.objective == report.objective, "\(file): the verifier's objective is \(report.terms)")
                #expect(solution.bound.map { $0 <= report.objective } ?? true, "\(file)")
            } else {
                #expect(solution.objective == nil, "\(file): a solution without a plan states no objective")
            }
        }
    }

    /// The worked example's table in §12 of the document, term by term.
    @Test func workedExampleObjectiveTerms() throws {
        let scenario = try Scenario.load(
            path: Self.root.appendingPathComponent("datasets/contract/example.scenario.json").path)
        let solution = try SolutionFile.load(from: Data(try Self.text("datasets/contract/example.solution.json").utf8))
        let report = PlanVerifier.verify(solution, against: scenario)
        #expect(
            report.terms
                == ObjectiveTerms(
                    unscheduled: 2000, startDeviation: 2, missingPreferredSkills: 5,
                    unassignedMechanic: 200, moved: 0, changedBay: 10, changedMechanic: 20,
                    mechanicUsed: 6))
        #expect(report.objective == 2243)
        #expect(try Self.text(Self.documentPath).contains("**2243**"))
    }

    /// An example that stops being right is caught: a plan that breaks a rule, a
    /// claimed objective that is off, a scenario that no longer validates.
    @Test func brokenExamplesAreCaught() throws {
        let scenario = try Scenario.load(
            path: Self.root.appendingPathComponent("datasets/contract/example.scenario.json").path)
        let solution = try SolutionFile.load(from: Data(try Self.text("datasets/contract/example.solution.json").utf8))

        var intoBreakdown = solution  // J-1 at 09:00 meets the lift's out-of-service time
        intoBreakdown.assignments[0].start = "2026-11-23T09:00"
        intoBreakdown.assignments[0].end = "2026-11-23T10:30"
        #expect(PlanVerifier.verify(intoBreakdown, against: scenario).rules.contains(.outOfService))

        var wrongSum = solution
        wrongSum.objective = 2242
        #expect(PlanVerifier.verify(wrongSum, against: scenario).rules == [.objective])

        var offGrid = scenario.file  // a pin off the 30-minute grid
        offGrid.jobs[5].pinned?.start = "2026-11-23T13:15"
        #expect(throws: InputError.self) { _ = try Scenario(file: offGrid) }
    }

    // MARK: The document names what the code emits

    /// Every reason code of `UnscheduledReason` and every status is explained in the document.
    @Test func everyReasonCodeAndStatusIsDocumented() throws {
        let source = try Self.text("Sources/ShopPlanner/UnscheduledReason.swift")
        let codes = source.components(separatedBy: "\n").compactMap { line -> String? in
            let parts = line.components(separatedBy: "\"")
            guard line.trimmingCharacters(in: .whitespaces).hasPrefix("case "), parts.count == 3 else { return nil }
            return parts[1]
        }
        #expect(codes.count >= 8)
        let document = try Self.text(Self.documentPath)
        for code in codes { #expect(document.contains("| `\(code)` |"), "\(code) has no row in \(Self.documentPath)") }
        for status in PlanVerifier.statuses { #expect(document.contains("| `\(status)` |"), "status \(status)") }
    }
}
