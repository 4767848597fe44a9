import Foundation
import ShopDomain
import Testing

@Suite("Reading and writing files")
struct RoundTripTests {
    // Every field of the contract survives decode → encode → decode, and the written
    // JSON means the same as the text read (nothing dropped, renamed or added).
    @Test func fullScenarioRoundTrip() throws {
        let file = try Sample.fullFile()
        // The sample really uses every optional field.
        #expect(file.facility.closedDates == ["2026-11-26"])
        #expect(file.facility.maxConcurrent == 7)
        #expect(file.bays[0].outOfService?.count == 1)
        #expect(file.mechanics[0].active == true)
        let job = file.jobs[0]
        #expect(job.preferredSkills == ["ENGINE"] && job.mechanic == "required" && job.priority == 2)
        #expect(job.window?.latest == "2026-11-23T18:00" && job.preferredStarts?.count == 2)
        #expect(job.pinned?.mechanic == "M-1")
        #expect(job.current != nil && job.current?.mechanic == nil)
        #expect(file.weights?.changedMechanic == 20 && file.weights?.mechanicUsed == 0)

        let encoded = JSONFiles.encode(file)
        let again = try JSONFiles.decode(ScenarioFile.self, from: encoded)
        #expect(again == file)

        let original = try JSONSerialization.jsonObject(with: Data(Sample.fullJSON.utf8)) as? NSDictionary
        let written = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
        #expect(original != nil && original == written)
    }

    // A null mechanic in `current` means "none" and is written back as an explicit null.
    @Test func currentNullMechanicIsWrittenAsNull() throws {
        let encoded = JSONFiles.encode(try Sample.fullFile())
        let root = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        let jobs = try #require(root["jobs"] as? [[String: Any]])
        let current = try #require(jobs[0]["current"] as? [String: Any])
        #expect(current.keys.contains("mechanic"))
        #expect(current["mechanic"] is NSNull)
        // The validated form agrees: a current placement with no mechanic.
        let scenario = try Scenario(file: try Sample.fullFile())
        #expect(scenario.jobs[0].current?.mechanic == nil)
        #expect(scenario.jobs[0].current?.bay == 0)
        #expect(scenario.jobs[0].pinned?.mechanic == 0)
    }

    // Absent optional fields stay absent: re-encoding does not invent defaults.
    @Test func minimalScenarioRoundTrip() throws {
        let file = try Sample.minimalFile()
        let encoded = JSONFiles.encode(file)
        #expect(try JSONFiles.decode(ScenarioFile.self, from: encoded) == file)
        let keys = try Sample.allKeys(encoded)
        #expect(
            keys.isDisjoint(with: Sample.optionalKeys),
            "optional keys written: \(keys.intersection(Sample.optionalKeys))")
        // Sanity: the key walk does see the required keys.
        #expect(
            keys.isSuperset(of: [
                "format", "facility", "horizon", "operatingHours", "bays", "shifts", "durationMinutes",
            ]))
        // And the minimal file is a valid scenario.
        #expect(Sample.issues(file).isEmpty)
    }

    // The validated scenario keeps its file; writing that file and loading it again gives the same scenario.
    @Test func scenarioRoundTripThroughFile() throws {
        let scenario = try Scenario.load(from: Data(Sample.fullJSON.utf8))
        let again = try Scenario.load(from: JSONFiles.encode(scenario.file))
        #expect(again == scenario)
    }

    // A solution keeps `mechanic: null` explicitly, `bound`, `objective` and the unscheduled reasons.
    @Test func solutionRoundTrip() throws {
        let solution = try SolutionFile.load(from: Data(Sample.solutionJSON.utf8))
        #expect(solution.bound == 1200 && solution.objective == 1234 && solution.seconds == 0.42)
        #expect(solution.assignments[1].mechanic == nil)
        #expect(solution.unscheduled == [.init(job: "J-9", reasons: ["NO_QUALIFIED_MECHANIC", "CAPACITY"])])
        #expect(solution.problems == nil)

        let encoded = JSONFiles.encode(solution)
        #expect(try SolutionFile.load(from: encoded) == solution)
        let root = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        let assignments = try #require(root["assignments"] as? [[String: Any]])
        #expect(assignments[1]["mechanic"] is NSNull)
        #expect(assignments[0]["mechanic"] as? String == "M-1")
        #expect((root["bound"] as? NSNumber)?.intValue == 1200)
        #expect(root["problems"] == nil)  // absent stays absent
    }

    // A solution with no plan: objective and bound absent, problems given; mechanic may be absent.
    @Test func solutionWithoutPlan() throws {
        let text = """
            { "format": "shopsched.solution/1", "scenario": "F", "strategy": "milp", "status": "infeasible",
              "seconds": 0, "assignments": [ { "job": "J", "start": "2026-11-23T09:00", "end": "2026-11-23T09:30", "bay": "B" } ],
              "unscheduled": [], "problems": ["pins of J-1 and J-2 clash on BAY-1"] }
            """
        let solution = try SolutionFile.load(from: Data(text.utf8))
        #expect(solution.objective == nil && solution.bound == nil)
        #expect(solution.assignments[0].mechanic == nil)
        let encoded = JSONFiles.encode(solution)
        #expect(try SolutionFile.load(from: encoded) == solution)
        let keys = try Sample.allKeys(encoded)
        #expect(!keys.contains("objective") && !keys.contains("bound"))
        #expect(keys.contains("problems"))
    }

    // A solution file of another format is refused at `format`.
    @Test func solutionWrongFormat() throws {
        let text = Sample.solutionJSON.replacingOccurrences(of: "shopsched.solution/1", with: "shopsched.solution/2")
        #expect(text != Sample.solutionJSON)
        do {
            _ = try SolutionFile.load(from: Data(text.utf8))
            Issue.record("a solution of another format was accepted")
        } catch {
            #expect(error.paths == ["format"])
        }
    }

    // The bundled directories are found (otherwise the parameterized test below checks nothing).
    @Test func bundledScenariosExist() {
        #expect(Sample.jsonFiles(in: Sample.datasetsDirectory).count >= 3)
        #expect(Sample.jsonFiles(in: Sample.referenceDirectory).count >= 3)
    }

    // Every bundled scenario validates and survives a round trip, as a file and as a scenario.
    @Test(arguments: Sample.bundledScenarios())
    func bundledScenarioLoadsAndRoundTrips(path: String) throws {
        let scenario = try Scenario.load(path: path)
        #expect(!scenario.jobs.isEmpty)
        let data = try #require(FileManager.default.contents(atPath: path))
        let file = try JSONFiles.decode(ScenarioFile.self, from: data)
        let encoded = JSONFiles.encode(file)
        #expect(try JSONFiles.decode(ScenarioFile.self, from: encoded) == file)
        #expect(try Scenario.load(from: encoded) == scenario)
    }

    // A missing file is an InputError naming the file, not a crash.
    @Test func missingFile() {
        do {
            _ = try Scenario.load(path: "/nonexistent/nowhere.json")
            Issue.record("loading a missing file succeeded")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.message.contains("/nonexistent/nowhere.json") == true)
        }
    }
}
