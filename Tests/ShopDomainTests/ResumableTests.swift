import ShopDomain
import Testing

/// `"resumable"` (contract §7): `true` and `false` are both accepted and reach the
/// validated scenario; the default is `false`.
@Suite("Resumable jobs are accepted")
struct ResumableTests {
    @Test func resumableTrueIsAcceptedAndKept() throws {
        var file = try Sample.fullFile()
        file.jobs[1].resumable = true
        #expect(Sample.issues(file) == [])
        let scenario = try Scenario(file: file)
        #expect(scenario.jobs.map(\.resumable) == scenario.jobs.indices.map { $0 == 1 })
        // Written back (the split into parts keeps it too).
        #expect(ScenarioFile(scenario).jobs[1].resumable == true)
        #expect(ScenarioFile(scenario).jobs[0].resumable == nil)
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
        #expect(Sample.issues(json: yes) == [])
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
