import ShopDomain
import ShopPlanner
import ShopTestSupport
import ShopVerifier
import Testing

/// The contract's open-time rule: open intervals are maximal runs of open
/// time, so ranges that touch (on one day, or a day open until 24:00 and the
/// next from 00:00) form one interval, and so do a mechanic's touching
/// shifts. Every plan is checked by the independent verifier.
@Suite("Open time: touching ranges and shifts join")
struct OpenTimeTests {
    /// A scenario with per-weekday hours (the builder's are the same every day).
    static func scenario(_ shop: ShopBuilder, hours: [String: [[String]]]) throws -> Scenario {
        var file = shop.file()
        file.facility.operatingHours = hours
        return try Scenario(file: file)
    }

    // 08:00–12:00 and 12:00–17:00 are one interval, 08:00–17:00 (9 h). A 6 h
    // job fits in neither range alone (4 h, 5 h), so it is scheduled only
    // because they join; with default weights and no preferences any
    // feasible placement costs 0, so the optimum is 0 and the job runs over noon.
    @Test func sixHourJobAcrossTouchingRanges() throws {
        var shop = ShopBuilder()
        shop.hours = [["08:00", "12:00"], ["12:00", "17:00"]]
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("08:00", "17:00")])
        shop.jobs = [job("J-1", minutes: 360)]
        let scenario = try shop.scenario()
        let instance = Instance(scenario)
        #expect(instance.openIntervals == [32..<68])  // 08:00–17:00 in 15-minute slots
        #expect(
            PlanVerifier(scenario: scenario).openIntervals
                == [LocalRange(start: LocalDateTime(at("08:00"))!, end: LocalDateTime(at("17:00"))!)])

        let (result, report) = planAndVerify(scenario)
        #expect(result.status == .optimal)
        #expect(report.objective == 0)
        let assignment = try #require(result.assignment("J-1"))
        let start = try #require(LocalDateTime(assignment.start)), end = try #require(LocalDateTime(assignment.end))
        #expect(start >= LocalDateTime(at("08:00"))! && end <= LocalDateTime(at("17:00"))!)
        #expect(start < LocalDateTime(at("12:00"))! && end > LocalDateTime(at("12:00"))!)
        // Greedy finds it too.
        let (greedy, _) = planAndVerify(scenario, GreedyStrategy())
        #expect(greedy.assignment("J-1") != nil)
    }

    // Open time is the union of the ranges: 08:00–13:00 and 12:00–17:00 overlap
    // and make one interval, 08:00–17:00, as do the verifier's; the 6 h job
    // fits in neither range alone (5 h each), so the optimum 0 needs the union.
    @Test func sixHourJobAcrossOverlappingRanges() throws {
        var shop = ShopBuilder()
        shop.hours = [["12:00", "17:00"], ["08:00", "13:00"]]
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("08:00", "17:00")])
        shop.jobs = [job("J-1", minutes: 360)]
        let scenario = try shop.scenario()
        #expect(Instance(scenario).openIntervals == [32..<68])
        #expect(
            PlanVerifier(scenario: scenario).openIntervals
                == [LocalRange(start: LocalDateTime(at("08:00"))!, end: LocalDateTime(at("17:00"))!)])
        let (result, report) = planAndVerify(scenario)
        #expect(result.status == .optimal && report.objective == 0)
        #expect(result.assignment("J-1") != nil)
    }

    // The same job with a real lunch closing (12:00–13:00): the longest
    // interval is 4 h, so the 6 h job cannot run anywhere; left out, it pays
    // unscheduled × priority = 1000, and the reason is the hours.
    @Test func sixHourJobWithARealGapStaysOut() throws {
        var shop = ShopBuilder()
        shop.hours = [["08:00", "12:00"], ["13:00", "17:00"]]
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("08:00", "17:00")])
        shop.jobs = [job("J-1", minutes: 360)]
        let scenario = try shop.scenario()
        #expect(Instance(scenario).openIntervals.count == 2)
        let (result, report) = planAndVerify(scenario)
        #expect(result.status == .optimal)
        #expect(report.objective == 1000)
        #expect(result.reasons("J-1") == ["OUTSIDE_HOURS"])
    }

    // Open 00:00–24:00 every day for two days: one interval of 48 h. A 10 h
    // job whose window is Mon 20:00 – Tue 08:00 and who prefers Mon 21:00 can
    // start there (mechanic on one shift Mon 18:00 – Tue 08:00), so the
    // optimum is 0 with the job running through midnight, 21:00 – 07:00.
    @Test func roundTheClockShopRunsAJobThroughMidnight() throws {
        var shop = ShopBuilder()
        shop.days = 2
        shop.hours = [["00:00", "24:00"]]
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("2026-11-23T18:00", "2026-11-24T08:00")])
        shop.jobs = [
            job(
                "J-1", minutes: 600, window: ("2026-11-23T20:00", "2026-11-24T08:00"),
                preferred: ["2026-11-23T21:00"])
        ]
        let scenario = try shop.scenario()
        #expect(Instance(scenario).openIntervals == [0..<192])
        let (result, report) = planAndVerify(scenario)
        #expect(result.status == .optimal)
        #expect(report.objective == 0)
        #expect(result.assignment("J-1")?.start == "2026-11-23T21:00")
        #expect(result.assignment("J-1")?.end == "2026-11-24T07:00")
        // Greedy takes the cheapest free placement: the same one, through midnight.
        let (greedy, greedyReport) = planAndVerify(scenario, GreedyStrategy())
        #expect(greedyReport.objective == 0)
        #expect(greedy.assignment("J-1")?.end == "2026-11-24T07:00")
    }

    // A night shop: Monday 20:00–24:00 and Tuesday 00:00–06:00 join into
    // Mon 20:00 – Tue 06:00 (10 h). The mechanic's two shifts touch at
    // midnight too, so a 10 h job fits exactly, only at Mon 20:00. Its
    // preferred start Mon 22:00 is 8 slots away: the optimum is 8.
    @Test func nightShopAndTouchingShiftsAcrossMidnight() throws {
        var shop = ShopBuilder()
        shop.days = 2
        shop.bay("BAY-1")
        shop.mechanic(
            "M-1", shifts: [("2026-11-23T20:00", "2026-11-24T00:00"), ("2026-11-24T00:00", "2026-11-24T06:00")])
        shop.jobs = [job("J-1", minutes: 600, preferred: ["2026-11-23T22:00"])]
        let scenario = try Self.scenario(shop, hours: ["mon": [["20:00", "24:00"]], "tue": [["00:00", "06:00"]]])
        let instance = Instance(scenario)
        #expect(instance.openIntervals == [80..<120])
        #expect(instance.mechanics[0].shifts == [80..<120])
        #expect(instance.jobs[0].starts == [80])
        let (result, report) = planAndVerify(scenario)
        #expect(result.status == .optimal)
        #expect(report.objective == 8)
        #expect(result.assignment("J-1")?.start == "2026-11-23T20:00")
        #expect(result.assignment("J-1")?.end == "2026-11-24T06:00")
        #expect(result.assignment("J-1")?.mechanic == "M-1")
        // Greedy finds the one start over the night too, on the joined shifts.
        let (greedy, greedyReport) = planAndVerify(scenario, GreedyStrategy())
        #expect(greedyReport.objective == 8)
        #expect(greedy.assignment("J-1")?.mechanic == "M-1")
    }

    // Open 08:00–17:00. M-1's shifts 08:00–12:00 and 12:00–17:00 touch, so
    // M-1 can do a 6 h job; M-2's 08:00–12:00 and 12:30–17:00 do not, and a
    // job only M-2 is qualified for cannot be staffed (no single shift of
    // 6 h). Optimum: J-1 scheduled with M-1 (0), J-2 out (1000).
    @Test func touchingShiftsJoinAndAGapDoesNot() throws {
        var shop = ShopBuilder()
        shop.hours = [["08:00", "17:00"]]
        shop.bay("BAY-1")
        shop.bay("BAY-2")
        shop.mechanic("M-1", skills: ["A"], shifts: [("08:00", "12:00"), ("12:00", "17:00")])
        shop.mechanic("M-2", skills: ["B"], shifts: [("08:00", "12:00"), ("12:30", "17:00")])
        shop.jobs = [job("J-1", minutes: 360, skills: ["A"]), job("J-2", minutes: 360, skills: ["B"])]
        let scenario = try shop.scenario()
        let instance = Instance(scenario)
        #expect(instance.mechanics[0].shifts == [32..<68])
        #expect(instance.mechanics[1].shifts == [32..<48, 50..<68])
        let (result, report) = planAndVerify(scenario)
        #expect(result.status == .optimal)
        #expect(report.objective == 1000)
        #expect(result.assignment("J-1")?.mechanic == "M-1")
        #expect(result.reasons("J-2") == ["NO_MECHANIC_ON_SHIFT"])
    }

    // Overlapping shifts join as well: 08:00–12:00 and 10:00–17:00 cover
    // 08:00–17:00, so a 7 h job (longer than either shift) can be staffed
    // at 09:00, its preferred start: optimum 0.
    @Test func overlappingShiftsJoin() throws {
        var shop = ShopBuilder()
        shop.hours = [["08:00", "17:00"]]
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("08:00", "12:00"), ("10:00", "17:00")])
        shop.jobs = [job("J-1", minutes: 420, preferred: ["09:00"])]
        let scenario = try shop.scenario()
        #expect(Instance(scenario).mechanics[0].shifts == [32..<68])
        let (result, report) = planAndVerify(scenario)
        #expect(result.status == .optimal)
        #expect(report.objective == 0)
        #expect(result.assignment("J-1")?.start == "2026-11-23T09:00")
    }

    // Rounding comes first: 08:00–12:05 and 12:05–17:00 touch as written, but
    // on 15-minute slots they become 08:00–12:00 and 12:15–17:00, which do
    // not; a 6 h job stays out.
    @Test func rangesTouchingOnlyOffTheGridDoNotJoin() throws {
        var shop = ShopBuilder()
        shop.hours = [["08:00", "12:05"], ["12:05", "17:00"]]
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("08:00", "17:00")])
        shop.jobs = [job("J-1", minutes: 360)]
        let scenario = try shop.scenario()
        #expect(Instance(scenario).openIntervals == [32..<48, 49..<68])
        #expect(PlanVerifier(scenario: scenario).openIntervals.count == 2)
        let (result, _) = planAndVerify(scenario)
        #expect(result.reasons("J-1") == ["OUTSIDE_HOURS"])
    }

    // A closed date breaks a 24-hour run: Mon and Wed open round the clock,
    // Tue closed, so a job cannot run from Monday night into Tuesday; the
    // two days are separate parts.
    @Test func aClosedDateBreaksTheRun() throws {
        var shop = ShopBuilder()
        shop.days = 3
        shop.hours = [["00:00", "24:00"]]
        shop.closedDates = ["2026-11-24"]
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("2026-11-23T00:00", "2026-11-26T00:00")])
        shop.jobs = [job("J-1", minutes: 120, window: ("2026-11-23T23:00", "2026-11-24T23:00"))]
        let scenario = try shop.scenario()
        #expect(Instance(scenario).openIntervals == [0..<96, 192..<288])
        let (result, _) = planAndVerify(scenario)
        #expect(result.reasons("J-1") == ["OUTSIDE_HOURS"])
    }
}
