import ShopDomain
import Testing

/// `"resumable"` is in the contract, but this version plans only work that runs
/// straight through: `true` is refused at its path, `false` (the default) accepted.
@Suite("Resumable jobs are refused until they are supported")
struct ResumableTests {
    @Test func resumableTrueIsRejectedAtItsPath() throws {
        var file = try Sample.fullFile()
        file.jobs[1].resumable = true
        let issues = Sample.issues(file)
        #expect(issues.map(\.path) == ["jobs[1].resumable"])
        #expect(
            issues.first?.message
                == "resumable jobs (work that pauses over closed time) are not supported by this version yet")
    }

    @Test func resumableFalseAndAbsentAreAccepted() throws {
        #expect(try Sample.paths { $0.jobs[0].resumable = false } == [])
        #expect(try Sample.paths { $0.jobs[0].resumable = nil } == [])
    }

    // Read from JSON, the field is decoded (not ignored) and its path is the JSON path.
    @Test func resumableFromJSON() throws {
        let anchor = #"{ "id": "J-2", "durationMinutes": 30,"#
        let yes = try Sample.fullJSON(
            replacing: anchor, with: #"{ "id": "J-2", "resumable": true, "durationMinutes": 30,"#)
        #expect(Sample.issues(json: yes).map(\.path) == ["jobs[1].resumable"])
        let no = try Sample.fullJSON(
            replacing: anchor, with: #"{ "id": "J-2", "resumable": false, "durationMinutes": 30,"#)
        #expect(Sample.issues(json: no) == [])
        // A wrong JSON type is a parse error at the same path.
        let text = try Sample.fullJSON(
            replacing: anchor, with: #"{ "id": "J-2", "resumable": "yes", "durationMinutes": 30,"#)
        #expect(Sample.issues(json: text).map(\.path) == ["jobs[1].resumable"])
    }

    // An accepted `false` is written back as given (the file keeps its shape).
    @Test func resumableFalseRoundTrips() throws {
        var file = try Sample.minimalFile()
        file.jobs[0].resumable = false
        let data = JSONFiles.encode(file)
        let back = try JSONFiles.decode(ScenarioFile.self, from: data)
        #expect(back.jobs[0].resumable == false)
        #expect(try Sample.allKeys(data).contains("resumable"))
    }
}
