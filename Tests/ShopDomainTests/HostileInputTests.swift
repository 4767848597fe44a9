import Foundation
import ShopDomain
import Testing

/// Inputs from the fuzz campaign that were read wrongly or reported badly
/// (findings W6, W8 and the unhelpful messages).
@Suite("Hostile input")
struct HostileInputTests {
    // Why (W8): with a key written twice Foundation kept the first value, so
    // "slotMinutes": 0, "slotMinutes": 15 read as 0. Every duplicate is
    // rejected with its path, whatever the values.
    @Test func duplicateKeyIsRejectedWithItsPath() throws {
        let text = try Sample.fullJSON(
            replacing: "\"slotMinutes\": 15", with: "\"slotMinutes\": 0, \"slotMinutes\": 15")
        let issues = Sample.issues(json: text)
        #expect(issues.map(\.path) == ["facility.slotMinutes"])
        #expect(issues.first?.message.hasPrefix("duplicate key \"slotMinutes\"") == true, "\(issues)")
        // The same value twice, deeper down, and in a solution file.
        let nested = try Sample.fullJSON(replacing: "\"priority\": 2,", with: "\"priority\": 2, \"priority\": 2,")
        #expect(Sample.issues(json: nested).map(\.path) == ["jobs[0].priority"])
        let solution = Sample.solutionJSON.replacingOccurrences(
            of: "\"seconds\": 0.42", with: "\"seconds\": 0.42, \"seconds\": 1")
        #expect(throws: InputError.self) { try SolutionFile.load(from: Data(solution.utf8)) }
    }

    // Why (review): the duplicate-key check kept each object's keys in a set
    // copied on every insert, so one object of many keys took quadratic time
    // (100,000 keys, a 1.7 MB file, ran for minutes). Every key of a wide
    // object is still checked: the one repeated at the end is found.
    @Test func wideObjectIsCheckedInOnePass() {
        var fields = (0..<100_000).map { "\"k\($0)\": \($0)" }
        fields.append("\"k7\": 0")
        let text = "{" + fields.joined(separator: ", ") + "}"
        #expect(throws: InputError.self) { try JSONShape.check(Data(text.utf8)) }
        do { try JSONShape.check(Data(text.utf8)) } catch {
            #expect(error.issues.map(\.path) == ["k7"])
        }
    }

    // Why (W8): nesting is bounded before parsing, so a deep document is a
    // clear error rather than a deep recursion in the parser.
    @Test func nestingIsBoundedBeforeParsing() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let issues = Sample.issues(json: deep)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("nested deeper than \(JSONShape.maxNestingDepth)") == true, "\(issues)")
        let fine =
            String(repeating: "[", count: JSONShape.maxNestingDepth)
            + String(repeating: "]", count: JSONShape.maxNestingDepth)
        #expect(throws: Never.self) { try JSONShape.check(Data(fine.utf8)) }
    }

    // Why (W8): an out-of-range number and a lone surrogate name the field and the problem.
    @Test func hugeNumberAndLoneSurrogateNameTheField() throws {
        let huge = Sample.issues(
            json: try Sample.fullJSON(replacing: "\"durationMinutes\": 90", with: "\"durationMinutes\": 1e400"))
        #expect(huge.map(\.path) == ["jobs[0].durationMinutes"])
        #expect(huge.first?.message.contains("1e400 is too large") == true, "\(huge)")
        let lone = Sample.issues(json: try Sample.fullJSON(replacing: "\"id\": \"FAC-1\"", with: "\"id\": \"\\ud800\""))
        #expect(lone.map(\.path) == ["facility.id"])
        #expect(
            lone.first?.message.contains("line 4, column") == true && lone.first?.message.contains("surrogate") == true,
            "\(lone)")
        let low = Sample.issues(json: "{\"format\": \"\\udc00\"}")
        #expect(low.first?.message.contains("surrogate") == true)
        // A proper pair is fine.
        #expect(throws: Never.self) { try JSONShape.check(Data("{\"a\": \"\\ud83d\\ude97\"}".utf8)) }
    }

    // Why (W6): verify took `optimal` with a bound below the objective, a
    // bound above it, and a negative time; each is rejected with its field.
    @Test(arguments: [
        ("\"status\": \"feasible\"", "\"status\": \"optimal\"", "bound"),
        ("\"bound\": 1200", "\"bound\": 1300", "bound"),
        ("\"seconds\": 0.42", "\"seconds\": -1", "seconds"),
        ("\"status\": \"feasible\"", "\"status\": \"done\"", "status"),
        ("\"start\": \"2026-11-23T09:00\"", "\"start\": \"9 am\"", "assignments[0].start"),
    ])
    func malformedSolutionClaimsAreRejected(find: String, replace: String, path: String) throws {
        let text = Sample.solutionJSON.replacingOccurrences(of: find, with: replace)
        #expect(text != Sample.solutionJSON)
        do {
            _ = try SolutionFile.load(from: Data(text.utf8))
            Issue.record("accepted \(replace)")
        } catch {
            #expect(error.paths == [path], "\(error)")
        }
    }

    // Why: 10,000 duplicate ids printed 10,000 lines; after 20 of a kind the rest is one line.
    @Test func issuesOfOneKindAreCapped() {
        let many = InputError(
            (0..<10_000).map {
                ValidationIssue(
                    path: "jobs[\($0 + 1)].id", message: "duplicate job id \"J-\($0)\" (first used at index 0)")
            }
                + [ValidationIssue(path: "facility.slotMinutes", message: "7 does not divide a day")])
        let lines = many.reportLines
        #expect(lines.count == InputError.issuesShownPerKind + 2)
        #expect(lines[InputError.issuesShownPerKind] == "… and 9,980 more of this kind")
        #expect(lines.last == "facility.slotMinutes: 7 does not divide a day")
        #expect(many.issues.count == 10_001)  // all kept for callers; only the report is short
    }

    // Why: one bad line of a 600 KB file was echoed whole.
    @Test func echoedInputIsShort() {
        let echoed = ValidationIssue.excerpt(String(repeating: "x", count: 600_000))
        #expect(echoed.count == 80 && echoed.hasSuffix("…"))
        let line = ValidationIssue(path: "a", message: String(repeating: "y", count: 10_000)).description
        #expect(line.count <= 400)
    }
}
