import ShopDomain
import Testing

/// Each test breaks one thing in a valid file and expects exactly one issue at an exact path;
/// the full example and the minimal file are themselves valid, so any extra or missing issue fails.
@Suite("Validation errors and their paths")
struct ValidationTests {
    // The base files are valid, so the single-error tests below measure only their own change.
    @Test func baseFilesAreValid() throws {
        #expect(try Sample.paths { _ in } == [])
        #expect(try Sample.minimalPaths { _ in } == [])
    }

    // MARK: Bay types and ids

    // A bay of a type the contract does not know.
    @Test func unknownBayTypeOfBay() throws {
        #expect(try Sample.paths { $0.bays[0].type = "LIFT" } == ["bays[0].type"])
        #expect(try Sample.paths { $0.bays[0].type = "lift_bay" } == ["bays[0].type"])  // exact spelling
    }

    // A job asking for an unknown bay type is reported at that entry of bayTypes.
    @Test func unknownBayTypeOfJob() throws {
        #expect(try Sample.paths { $0.jobs[1].bayTypes = ["LIFT_BAY", "CAR_WASH"] } == ["jobs[1].bayTypes[1]"])
    }

    // A job must name at least one bay type.
    @Test func emptyBayTypes() throws {
        #expect(try Sample.paths { $0.jobs[0].bayTypes = [] } == ["jobs[0].bayTypes"])
    }

    // Pins and current placements must name a known bay and a known mechanic.
    @Test func unknownIdsInPinned() throws {
        #expect(try Sample.paths { $0.jobs[0].pinned?.bay = "BAY-9" } == ["jobs[0].pinned.bay"])
        #expect(try Sample.paths { $0.jobs[0].pinned?.mechanic = "M-9" } == ["jobs[0].pinned.mechanic"])
        // A job id is not a bay id.
        #expect(try Sample.paths { $0.jobs[0].pinned?.bay = "J-1" } == ["jobs[0].pinned.bay"])
    }

    @Test func unknownIdsInCurrent() throws {
        #expect(try Sample.paths { $0.jobs[0].current?.bay = "BAY-2" } == ["jobs[0].current.bay"])
        #expect(try Sample.paths { $0.jobs[0].current?.mechanic = "M-2" } == ["jobs[0].current.mechanic"])
        #expect(
            try Sample.paths {
                $0.jobs[1].current = .init(start: "2026-11-23T10:00", bay: "X", mechanic: "Y")
            } == ["jobs[1].current.bay", "jobs[1].current.mechanic"])
    }

    // Ids are unique per kind; the second use is the one reported.
    @Test func duplicateIds() throws {
        #expect(try Sample.paths { $0.bays.append(.init(id: "BAY-1", type: "TIRE_BAY")) } == ["bays[1].id"])
        #expect(try Sample.paths { $0.mechanics.append(.init(id: "M-1", shifts: [])) } == ["mechanics[1].id"])
        #expect(try Sample.paths { $0.jobs[1].id = "J-1" } == ["jobs[1].id"])
        // The same id in different kinds is fine.
        #expect(try Sample.paths { $0.bays.append(.init(id: "M-1", type: "TIRE_BAY")) } == [])
    }

    // An empty id is no id.
    @Test func emptyIds() throws {
        #expect(try Sample.paths { $0.jobs[1].id = "" } == ["jobs[1].id"])
        #expect(try Sample.paths { $0.facility.id = "" } == ["facility.id"])
    }

    // MARK: Durations and ranges

    // A duration must be positive.
    @Test(arguments: [0, -30])
    func nonPositiveDuration(minutes: Int) throws {
        #expect(try Sample.paths { $0.jobs[0].durationMinutes = minutes } == ["jobs[0].durationMinutes"])
    }

    // A shift, an out-of-service range and a window must end after they start (equal is empty, so wrong).
    @Test(arguments: ["2026-11-23T08:00", "2026-11-23T07:45"])
    func rangeEndNotAfterStart(end: String) throws {
        #expect(try Sample.paths { $0.mechanics[0].shifts![0].end = end } == ["mechanics[0].shifts[0].end"])
        #expect(
            try Sample.paths { $0.bays[0].outOfService = [.init(start: "2026-11-23T08:00", end: end)] }
                == ["bays[0].outOfService[0].end"])
        #expect(try Sample.paths { $0.jobs[0].window?.latest = end } == ["jobs[0].window.latest"])
    }

    // A window given only at its latest end that falls before the horizon starts is empty.
    @Test func windowLatestBeforeHorizon() throws {
        #expect(try Sample.paths { $0.jobs[1].window = .init(latest: "2026-11-22T12:00") } == ["jobs[1].window.latest"])
    }

    // Operating hours must close after they open.
    @Test(arguments: [["08:00", "08:00"], ["18:00", "08:00"]])
    func closeNotAfterOpen(range: [String]) throws {
        #expect(
            try Sample.paths { $0.facility.operatingHours["mon"] = [range] } == ["facility.operatingHours.mon[0][1]"])
    }

    // MARK: Times

    // Malformed or impossible date-times are rejected wherever a date-time is expected.
    @Test(arguments: [
        "2026-11-23 09:00", "2026-02-30T10:00", "2026-11-23T25:00", "2026-11-23T09:60",
        "2026-11-23T24:00", "2026-11-23T9:00", "2026-11-23", "", "2026-11-23T09:00Z",
    ])
    func badDateTime(text: String) throws {
        #expect(try Sample.paths { $0.mechanics[0].shifts![0].start = text } == ["mechanics[0].shifts[0].start"])
        #expect(try Sample.paths { $0.bays[0].outOfService![0].end = text } == ["bays[0].outOfService[0].end"])
        #expect(try Sample.paths { $0.jobs[0].window?.earliest = text } == ["jobs[0].window.earliest"])
        #expect(try Sample.paths { $0.jobs[0].preferredStarts![1] = text } == ["jobs[0].preferredStarts[1]"])
        #expect(try Sample.paths { $0.jobs[0].pinned?.start = text } == ["jobs[0].pinned.start"])
        #expect(try Sample.paths { $0.jobs[0].current?.start = text } == ["jobs[0].current.start"])
    }

    // An opening time must be 00:00–23:59: 24:00 may only close a day.
    @Test(arguments: ["24:00", "25:00", "09:60", "9:00", "noon"])
    func badOpeningTime(text: String) throws {
        #expect(
            try Sample.paths { $0.facility.operatingHours["mon"] = [[text, "24:00"]] }
                == ["facility.operatingHours.mon[0][0]"])
    }

    // A closing time may be 24:00 but nothing later or malformed.
    @Test func closingTimes() throws {
        #expect(try Sample.paths { $0.facility.operatingHours["mon"] = [["08:00", "24:00"]] } == [])
        for text in ["24:01", "25:00", "09:60", "18"] {
            #expect(
                try Sample.paths { $0.facility.operatingHours["mon"] = [["08:00", text]] }
                    == ["facility.operatingHours.mon[0][1]"], "closing time \(text)")
        }
    }

    // An operating-hours range is a pair.
    @Test func rangeNotAPair() throws {
        #expect(
            try Sample.paths { $0.facility.operatingHours["tue"] = [["08:00"]] } == ["facility.operatingHours.tue[0]"])
        #expect(
            try Sample.paths {
                $0.facility.operatingHours["tue"] = [["08:00", "12:00"], ["13:00", "14:00", "15:00"]]
            }
                == ["facility.operatingHours.tue[1]"])
    }

    // Weekday keys are exactly mon…sun; a missing key or [] is a closed day and fine.
    @Test func weekdayKeys() throws {
        #expect(
            try Sample.paths { $0.facility.operatingHours["monday"] = [["08:00", "12:00"]] }
                == ["facility.operatingHours.monday"])
        #expect(try Sample.paths { $0.facility.operatingHours["Mon"] = [] } == ["facility.operatingHours.Mon"])
        #expect(try Sample.paths { $0.facility.operatingHours["sun"] = [] } == [])
        #expect(try Sample.paths { $0.facility.operatingHours = [:] } == [])
    }

    // Open time is the union of the ranges (contract §4), so ranges of one day may
    // overlap or touch, in any order; a bad range among them is still named.
    @Test func overlappingRangesAreAUnion() throws {
        #expect(
            try Sample.paths { $0.facility.operatingHours["mon"] = [["08:00", "12:00"], ["11:00", "14:00"]] } == [])
        #expect(
            try Sample.paths { $0.facility.operatingHours["mon"] = [["11:00", "14:00"], ["08:00", "12:00"]] } == [])
        #expect(
            try Sample.paths { $0.facility.operatingHours["mon"] = [["08:00", "18:00"], ["09:00", "10:00"]] } == [])
        #expect(
            try Sample.paths { $0.facility.operatingHours["mon"] = [["08:00", "12:00"], ["12:00", "14:00"]] } == [])
        #expect(
            try Sample.paths { $0.facility.operatingHours["mon"] = [["08:00", "12:00"], ["14:00", "11:00"]] }
                == ["facility.operatingHours.mon[1][1]"])
    }

    // MARK: Facility

    // The time zone must exist.
    @Test(arguments: ["Mars/Olympus", "", "America/Springfield"])
    func unknownTimeZone(zone: String) throws {
        #expect(try Sample.paths { $0.facility.timeZone = zone } == ["facility.timeZone"])
    }

    // Real IANA zones are accepted.
    @Test(arguments: ["UTC", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"])
    func knownTimeZone(zone: String) throws {
        #expect(try Sample.paths { $0.facility.timeZone = zone } == [])
    }

    // Slots are aligned to midnight, so a slot must divide 1440 minutes.
    @Test(arguments: [7, 0, -15, 1441, 2880, 45 * 7])
    func slotNotDividingDay(minutes: Int) throws {
        #expect(try Sample.minimalPaths { $0.facility.slotMinutes = minutes } == ["facility.slotMinutes"])
    }

    @Test(arguments: [1, 5, 10, 15, 30, 60, 90, 1440])
    func slotDividingDay(minutes: Int) throws {
        #expect(try Sample.minimalPaths { $0.facility.slotMinutes = minutes } == [])
    }

    // A horizon has at least one day and a real start date.
    @Test func badHorizon() throws {
        #expect(try Sample.paths { $0.facility.horizon.days = 0 } == ["facility.horizon.days"])
        #expect(try Sample.paths { $0.facility.horizon.days = -1 } == ["facility.horizon.days"])
        #expect(try Sample.paths { $0.facility.horizon.start = "2026-11-31" } == ["facility.horizon.start"])
        #expect(try Sample.paths { $0.facility.horizon.start = "2026-11-23T00:00" } == ["facility.horizon.start"])
    }

    // Closed dates are dates; maxConcurrent is not negative (0 is allowed: nothing runs).
    @Test func closedDatesAndCapacity() throws {
        #expect(
            try Sample.paths { $0.facility.closedDates = ["2026-11-26", "2026-02-29"] } == ["facility.closedDates[1]"])
        #expect(try Sample.paths { $0.facility.maxConcurrent = -1 } == ["facility.maxConcurrent"])
        #expect(try Sample.paths { $0.facility.maxConcurrent = 0 } == [])
    }

    // MARK: Jobs

    // pinned.start and current.start must lie on a slot boundary (other times may be off it and are rounded).
    @Test func placementOffSlotBoundary() throws {
        #expect(try Sample.paths { $0.jobs[0].pinned?.start = "2026-11-23T09:05" } == ["jobs[0].pinned.start"])
        #expect(try Sample.paths { $0.jobs[0].current?.start = "2026-11-23T09:10" } == ["jobs[0].current.start"])
        // Other times off the grid are fine.
        #expect(
            try Sample.paths {
                $0.jobs[0].window = .init(earliest: "2026-11-23T08:07", latest: "2026-11-23T17:52")
                $0.jobs[0].preferredStarts = ["2026-11-23T09:07"]
                $0.mechanics[0].shifts = [.init(start: "2026-11-23T08:05", end: "2026-11-23T16:10")]
            } == [])
    }

    // The slot boundary follows slotMinutes: 09:30 is on a 30-minute grid, 09:15 is not.
    @Test func boundaryFollowsSlotSize() throws {
        #expect(
            try Sample.paths {
                $0.facility.slotMinutes = 30; $0.jobs[0].pinned?.start = "2026-11-23T09:30"
                $0.jobs[0].current?.start = "2026-11-23T10:00"
            } == [])
        #expect(
            try Sample.paths {
                $0.facility.slotMinutes = 30; $0.jobs[0].pinned?.start = "2026-11-23T09:15"
                $0.jobs[0].current?.start = "2026-11-23T10:00"
            } == ["jobs[0].pinned.start"])
    }

    // Mechanic mode is required, optional or none, spelled exactly.
    @Test(arguments: ["sometimes", "Required", ""])
    func unknownMechanicMode(mode: String) throws {
        #expect(try Sample.paths { $0.jobs[0].mechanic = mode } == ["jobs[0].mechanic"])
    }

    // Priority is an integer of at least 1.
    @Test(arguments: [0, -2])
    func priorityBelowOne(priority: Int) throws {
        #expect(try Sample.paths { $0.jobs[0].priority = priority } == ["jobs[0].priority"])
    }

    // A mechanic must have a shifts key; [] (no shift in the horizon) is fine.
    @Test func mechanicWithoutShifts() throws {
        #expect(try Sample.paths { $0.mechanics[0].shifts = nil } == ["mechanics[0].shifts"])
        #expect(try Sample.paths { $0.mechanics[0].shifts = [] } == [])
    }

    // Numbers so large that the planner's slot and cost arithmetic overflows must be refused here,
    // "before any solver sees it" (today `shopsched solve` traps on them after `validate` said valid).
    @Test
    func absurdlyLargeNumbers() throws {
        #expect(try Sample.paths { $0.jobs[0].durationMinutes = Int.max } == ["jobs[0].durationMinutes"])
        #expect(try Sample.paths { $0.jobs[0].priority = Int.max } == ["jobs[0].priority"])
        #expect(try Sample.paths { $0.weights?.unscheduled = Int.max } == ["weights.unscheduled"])
    }

    // Large but sensible numbers stay valid (a bound must not be too tight).
    @Test func largeSensibleNumbers() throws {
        #expect(
            try Sample.paths {
                $0.jobs[0].durationMinutes = 366 * 1440
                $0.jobs[0].priority = 1000
                $0.weights?.unscheduled = 1_000_000
            } == [])
    }

    // MARK: Weights and format

    // Weights are 0 or more; each negative one is reported at its own key.
    @Test func negativeWeights() throws {
        #expect(try Sample.paths { $0.weights?.moved = -1 } == ["weights.moved"])
        #expect(
            try Sample.paths { $0.weights = .init(startDeviationPerSlot: -1, mechanicUsed: -5) }
                == ["weights.startDeviationPerSlot", "weights.mechanicUsed"])
        #expect(try Sample.paths { $0.weights = .init(unscheduled: 0) } == [])
    }

    // The format string names the contract version exactly.
    @Test(arguments: ["shopsched.scenario/2", "shopsched.solution/1", ""])
    func wrongFormat(format: String) throws {
        #expect(try Sample.paths { $0.format = format } == ["format"])
    }

    // MARK: All at once

    // Many problems across the file are all reported in one error, each at its own path.
    @Test func allErrorsReportedAtOnce() throws {
        var file = try Sample.fullFile()
        file.format = "shopsched.scenario/2"
        file.facility.timeZone = "Mars/Olympus"
        file.facility.slotMinutes = 0
        file.facility.horizon.days = 0
        file.facility.operatingHours = [
            "mon": [["24:00", "18:00"]],
            "tue": [["08:00", "12:00"], ["13:00"]],
            "funday": [],
            "sat": [["09:00", "09:00"]],
        ]
        file.facility.closedDates = ["2026-02-29"]
        file.bays[0].type = "LIFT"
        file.bays.append(
            .init(
                id: "BAY-1", type: "TIRE_BAY",
                outOfService: [.init(start: "2026-11-23T12:00", end: "2026-11-23T11:00")]))
        file.mechanics[0].shifts![0].start = "2026-11-23 08:00"
        file.mechanics.append(.init(id: "M-1", skills: []))
        file.jobs[0].durationMinutes = -5
        file.jobs[0].bayTypes = ["LIFT_BAY", "CAR_WASH"]
        file.jobs[0].mechanic = "sometimes"
        file.jobs[0].priority = 0
        file.jobs[0].window?.latest = "2026-11-23T24:00"
        file.jobs[0].preferredStarts![1] = "2026-11-23T09:60"
        file.jobs[0].pinned = .init(start: "2026-11-23T09:00", bay: "BAY-9", mechanic: "M-9")
        file.jobs[0].current = .init(start: "2026-02-30T10:00", bay: "BAY-1", mechanic: "M-7")
        file.jobs[1].id = "J-1"
        file.jobs[1].durationMinutes = 0
        file.jobs[1].bayTypes = []
        file.jobs[1].window = .init(earliest: "2026-11-23T10:00", latest: "2026-11-23T10:00")
        file.weights?.moved = -1
        file.weights?.changedBay = -2

        let issues = Sample.issues(file)
        let expected = [
            "format",
            "facility.timeZone", "facility.slotMinutes", "facility.horizon.days",
            "facility.operatingHours.mon[0][0]", "facility.operatingHours.tue[1]", "facility.operatingHours.funday",
            "facility.operatingHours.sat[0][1]", "facility.closedDates[0]",
            "bays[0].type", "bays[1].id", "bays[1].outOfService[0].end",
            "mechanics[0].shifts[0].start", "mechanics[1].id", "mechanics[1].shifts",
            "jobs[0].durationMinutes", "jobs[0].bayTypes[1]", "jobs[0].mechanic", "jobs[0].priority",
            "jobs[0].window.latest", "jobs[0].preferredStarts[1]", "jobs[0].pinned.bay", "jobs[0].pinned.mechanic",
            "jobs[0].current.start", "jobs[0].current.mechanic",
            "jobs[1].id", "jobs[1].durationMinutes", "jobs[1].bayTypes", "jobs[1].window.latest",
            "weights.moved", "weights.changedBay",
        ]
        #expect(issues.map(\.path).sorted() == expected.sorted())
        // Every issue explains itself, and its description starts with its path.
        for issue in issues {
            #expect(!issue.message.isEmpty)
            #expect(issue.description.hasPrefix(issue.path + ": "))
        }
    }

    // Issues come in document order within a section (jobs in index order), so a reader can follow them.
    @Test func issuesInDocumentOrder() throws {
        let paths = try Sample.paths { file in
            file.jobs[1].priority = 0
            file.jobs[0].priority = 0
            file.bays[0].type = "X"
        }
        #expect(paths == ["bays[0].type", "jobs[0].priority", "jobs[1].priority"])
    }

    // MARK: JSON-level errors

    // A wrong JSON type names the field's path like any other issue.
    @Test func typeErrorHasPath() throws {
        let issues = Sample.issues(
            json: try Sample.fullJSON(
                replacing: "\"durationMinutes\": 90",
                with: "\"durationMinutes\": \"90\""))
        #expect(issues.map(\.path) == ["jobs[0].durationMinutes"])
        #expect(issues.first?.message.contains("whole number") == true)
    }

    // Deeper type errors too: a list where an object belongs, a number where a string belongs.
    @Test func nestedTypeErrors() throws {
        let window = Sample.issues(
            json: try Sample.fullJSON(
                replacing: "\"window\": { \"earliest\": \"2026-11-23T10:00\" }", with: "\"window\": []"))
        #expect(window.map(\.path) == ["jobs[1].window"])
        let skill = Sample.issues(
            json: try Sample.fullJSON(
                replacing: "\"requiredSkills\": [\"BRAKES\"]",
                with: "\"requiredSkills\": [\"BRAKES\", 7]"))
        #expect(skill.map(\.path) == ["jobs[0].requiredSkills[1]"])
    }

    // A fraction where a whole number belongs is a type error at that field: the file is valid JSON.
    @Test
    func fractionalNumberHasPath() throws {
        let slot = Sample.issues(
            json: try Sample.fullJSON(replacing: "\"slotMinutes\": 15", with: "\"slotMinutes\": 15.5"))
        #expect(slot.map(\.path) == ["facility.slotMinutes"])
        #expect(slot.first?.message.hasPrefix("not valid JSON") == false)
        let duration = Sample.issues(
            json: try Sample.fullJSON(
                replacing: "\"durationMinutes\": 90",
                with: "\"durationMinutes\": 90.5"))
        #expect(duration.map(\.path) == ["jobs[0].durationMinutes"])
    }

    // A missing required field and a null required field name the field.
    @Test func missingAndNullRequiredFields() throws {
        let missing = Sample.issues(
            json: try Sample.fullJSON(replacing: "\"bayTypes\": [\"LIFT_BAY\", \"TIRE_BAY\"],", with: ""))
        #expect(missing.map(\.path) == ["jobs[1].bayTypes"])
        #expect(missing.first?.message == "required field is missing")
        let null = Sample.issues(
            json: try Sample.fullJSON(replacing: "\"durationMinutes\": 30", with: "\"durationMinutes\": null"))
        #expect(null.map(\.path) == ["jobs[1].durationMinutes"])
    }

    // Text that is not JSON gives one clear issue, with the line and column
    // where it stops being JSON and the field it was in, if any.
    @Test(arguments: [
        ("{ \"format\": ", "format", "line 1, column 13"), ("", "", "line 1, column 1"),
        ("not json", "", "line 1, column 1"), ("{ \"a\": 1, }x", "", "line 1, column 11"),
        ("{\n  \"a\": [1,\n  2 x", "a[1]", "line 3, column 5"),
    ])
    func malformedJSON(text: String, path: String, place: String) throws {
        let issues = Sample.issues(json: text)
        #expect(issues.count == 1)
        #expect(issues.first?.path == path)
        #expect(issues.first?.message.hasPrefix("not valid JSON at \(place): ") == true, "\(issues)")
    }

    // A JSON document of the wrong shape is a type error at the top, not "not valid JSON".
    @Test func wrongTopLevel() {
        let issues = Sample.issues(json: "[1, 2]")
        #expect(issues.map(\.path) == [""])
        #expect(issues.first?.message.hasPrefix("not valid JSON") == false)
    }
}
