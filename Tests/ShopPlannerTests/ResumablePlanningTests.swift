import Foundation
import ShopDomain
import ShopPlanner
import ShopTestSupport
import Testing

/// The planner pauses resumable jobs (contract §7). Each scenario is small and its optimum
/// is argued in the test; every plan goes through the verifier, and every MILP variant of
/// the catalog must find and prove that optimum. Greedy must keep the rule and never claim
/// better than the optimum.
@Suite("Resumable jobs: the planner pauses them")
struct ResumablePlanningTests {
    static func contract(_ name: String) throws -> Scenario {
        try Scenario.load(path: Repository.dataset("contract/\(name).scenario.json"))
    }

    /// Plans `scenario` with every strategy of the catalog: each MILP variant must be
    /// `optimal` at `optimum`, greedy at least `optimum` with a bound at most it. Returns
    /// the default MILP's result.
    @discardableResult
    static func expectOptimum(
        _ scenario: Scenario, _ optimum: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) -> PlanResult {
        var milp: PlanResult?
        for name in StrategyCatalog.names {
            let (result, _) = planAndVerify(
                scenario, StrategyCatalog.strategy(named: name)!, sourceLocation: sourceLocation)
            if name.hasPrefix("milp") {
                #expect(
                    result.status == .optimal && result.objective == optimum,
                    "\(name): \(result.status) \(result.objective.map(String.init) ?? "none")",
                    sourceLocation: sourceLocation)
            } else {
                #expect((result.objective ?? Int.max) >= optimum, "\(name)", sourceLocation: sourceLocation)
                #expect((result.bound ?? Int.max) <= optimum, "\(name)", sourceLocation: sourceLocation)
            }
            if name == "milp" { milp = result }
        }
        return milp!
    }

    /// Hourly slots, one bay, open 08:00–12:00 and 13:00–17:00.
    static func lunchShop() -> ShopBuilder {
        var shop = ShopBuilder()
        shop.slotMinutes = 60
        shop.hours = [["08:00", "12:00"], ["13:00", "17:00"]]
        return shop
    }

    static func resumable(_ job: ScenarioFile.Job) -> ScenarioFile.Job {
        var job = job
        job.resumable = true
        return job
    }

    @Test func acrossLunch() throws {
        // A (5 h, resumable) prefers 10:00; B (1 h) prefers 13:00; one bay. No four open
        // hours follow each other, so A must pause over lunch. From s = 08, 09, 10, 11 it
        // ends at 14, 15, 16, 17 (later starts cannot finish) and holds the bay until
        // then, lunch included; B takes a free open hour of the bay outside [s, e).
        // s = 08: A pays 2, B at 14 pays 1: 3. s = 09: 1 + (B at 15) 2 = 3. s = 10: 0 + (B
        // at 09 or 16) 3 = 3. s = 11: 1 + (B at 10) 3 = 4. Optimum 3.
        var shop = Self.lunchShop()
        shop.bay("BAY-1")
        shop.jobs = [
            Self.resumable(job("A", minutes: 300, mode: MechanicMode.none, preferred: ["10:00"])),
            job("B", minutes: 60, mode: MechanicMode.none, preferred: ["13:00"]),
        ]
        let result = Self.expectOptimum(try shop.scenario(), 3)
        let a = try #require(result.assignment("A"))
        #expect(a.work?.count == 2)
    }

    @Test func acrossANight() throws {
        // The contract's example: J-1 at its preferred Monday 16:00 works until 18:00 and
        // Tuesday 08:00–09:00, so M-1 is free for J-2 at its preferred Tuesday 09:00 on the
        // other bay. Both at their preferences cost 0, the least any plan can.
        let result = Self.expectOptimum(try Self.contract("resumable-night"), 0)
        let j1 = try #require(result.assignment("J-1"))
        #expect(j1.start == "2026-11-23T16:00" && j1.end == "2026-11-24T09:00")
        #expect(j1.work?.count == 2)
        #expect(result.assignment("J-2")?.start == "2026-11-24T09:00")
    }

    @Test func acrossAClosedDayAndAWeekend() throws {
        // Open 08:00–12:00 on weekdays; Friday 2026-11-27 is closed, and so is the weekend.
        // The 10-hour job prefers Thursday 10:00 and must end by Tuesday 2026-12-01 11:00.
        // From Thursday 10:00 it works 2 h Thursday, 4 h Monday and 4 h Tuesday, ending at
        // 12:00: too late. Every later start ends later still. From 09:00 it works 3 + 4 + 3
        // hours and ends Tuesday 11:00: one slot from the preference, the optimum (1).
        var shop = ShopBuilder()
        shop.slotMinutes = 60
        shop.days = 9
        shop.closedDates = ["2026-11-27"]
        var file = shop.file()
        file.facility.operatingHours["sat"] = nil
        file.facility.operatingHours["sun"] = nil
        file.bays = [.init(id: "BAY-1", type: BayType.generalService.rawValue)]
        file.jobs = [
            Self.resumable(
                job(
                    "J-1", minutes: 600, mode: MechanicMode.none,
                    window: ("2026-11-23T08:00", "2026-12-01T11:00"), preferred: ["2026-11-26T10:00"]))
        ]
        let result = Self.expectOptimum(try Scenario(file: file), 1)
        let j1 = try #require(result.assignment("J-1"))
        #expect(j1.start == "2026-11-26T09:00" && j1.end == "2026-12-01T11:00")
        #expect(
            j1.work?.map { [$0.start, $0.end] } == [
                ["2026-11-26T09:00", "2026-11-26T12:00"], ["2026-11-30T08:00", "2026-11-30T12:00"],
                ["2026-12-01T08:00", "2026-12-01T11:00"],
            ])
    }

    /// Open 08:00–18:00 on Monday and Tuesday, hourly slots; M-1 on shift 08:00–17:00 both
    /// days; A (3 h, resumable, with a mechanic) prefers Monday 16:00, B (1 h, no mechanic)
    /// Monday 17:00.
    static func earlyLeaver(bays: Int, maxConcurrent: Int?) throws -> Scenario {
        var shop = ShopBuilder()
        shop.slotMinutes = 60
        shop.days = 2
        shop.hours = [["08:00", "18:00"]]
        shop.maxConcurrent = maxConcurrent
        for b in 1...bays { shop.bay("BAY-\(b)") }
        shop.mechanic("M-1", shifts: [("08:00", "17:00"), ("2026-11-24T08:00", "2026-11-24T17:00")])
        shop.jobs = [
            Self.resumable(job("A", minutes: 180, preferred: ["16:00"])),
            job("B", minutes: 60, mode: MechanicMode.none, preferred: ["17:00"]),
        ]
        return try shop.scenario()
    }

    @Test func aMechanicWhoLeavesEarlyPausesTheJobWithTheBayHeld() throws {
        // One bay. A at 16:00 works 16–17, then M-1 leaves: A pauses while the shop is
        // open and holds the bay until it ends Tuesday 10:00, so B cannot have 17:00 and
        // goes to 15:00 (2). A at 15:00 (1) holds the bay from 15:00 to Tuesday 09:00: B
        // only at 14:00 or earlier (3 more). A at 14:00 (2) ends at 17:00: B at 17:00 (0).
        // Earlier A costs more. Optimum 2; a planner that freed the bay during the pause
        // would find 0.
        Self.expectOptimum(try Self.earlyLeaver(bays: 1, maxConcurrent: nil), 2)
    }

    @Test func capacityCountsOnlyWorkSlots() throws {
        // Two bays, at most one job working at once. A at 16:00 does not work 17–18 (M-1
        // is off shift), so B may work then on the other bay: both at their preferences,
        // 0. Counting A over all of [16:00, Tuesday 10:00) would force a cost.
        let result = Self.expectOptimum(try Self.earlyLeaver(bays: 2, maxConcurrent: 1), 0)
        #expect(result.assignment("A")?.end == "2026-11-24T10:00")
    }

    @Test func outOfServiceDuringThePause() throws {
        // The lunch example over two days; the lift is out of service Monday 12:15–12:45.
        // Every Monday start before noon pauses over that lunch, holding the lift, so with
        // the lift alone the job starts at 13:00 at the earliest (3 slots from 10:00) and
        // ends Tuesday 09:00.
        var file = try Self.contract("resumable-lunch").file
        file.facility.horizon.days = 2
        file.facility.operatingHours["tue"] = file.facility.operatingHours["mon"]
        file.bays[0].outOfService = [.init(start: "2026-11-23T12:15", end: "2026-11-23T12:45")]
        let result = Self.expectOptimum(try Scenario(file: file), 3)
        #expect(result.assignment("J-1")?.start == "2026-11-23T13:00")
        #expect(result.assignment("J-1")?.end == "2026-11-24T09:00")
        // A second lift that is in service: the job keeps its 10:00 there (0).
        file.bays.append(.init(id: "LIFT-2", type: "LIFT_BAY"))
        let other = Self.expectOptimum(try Scenario(file: file), 0)
        #expect(other.assignment("J-1")?.bay == "LIFT-2")
    }

    @Test func labourCountsWholeOnTheStartDay() throws {
        // Open 08:00–18:00 Monday and Tuesday, two bays, M-1 and M-2 on shift then, at most
        // 180 labour minutes a day. A (3 h, resumable) prefers Monday 16:00 and works
        // 16–18 and Tuesday 08–09; B (2 h) prefers Tuesday 10:00; C (1 h) Monday 08:00.
        // A books all 180 minutes on Monday (contract §7), so C cannot run on Monday
        // beside it; A on Tuesday would book 300 there with B. So C goes to Tuesday 08:00
        // with M-2 (24 slots away; B and C book 180 on Tuesday): 24. Leaving A or C out
        // costs 1000. Counting A's minutes on the days it works would allow 0.
        var shop = ShopBuilder()
        shop.slotMinutes = 60
        shop.days = 2
        shop.hours = [["08:00", "18:00"]]
        shop.labour = .init(limit: 180)
        shop.bay("BAY-1")
        shop.bay("BAY-2")
        for id in ["M-1", "M-2"] {
            shop.mechanic(id, shifts: [("08:00", "18:00"), ("2026-11-24T08:00", "2026-11-24T18:00")])
        }
        shop.jobs = [
            Self.resumable(job("A", minutes: 180, preferred: ["16:00"])),
            job("B", minutes: 120, preferred: ["2026-11-24T10:00"]),
            job("C", minutes: 60, preferred: ["08:00"]),
        ]
        let result = Self.expectOptimum(try shop.scenario(), 24)
        #expect(result.assignment("A")?.end == "2026-11-24T09:00")
        #expect(result.assignment("C")?.start == "2026-11-24T08:00")
    }

    @Test func aPinThatPausesHolds() throws {
        // The lunch example pinned at its preferred 10:00: it pauses over lunch, 0.
        var file = try Self.contract("resumable-lunch").file
        file.jobs[0].pinned = .init(start: "2026-11-23T10:00", bay: "LIFT-1", mechanic: nil)
        let result = Self.expectOptimum(try Scenario(file: file), 0)
        #expect(result.assignment("J-1")?.end == "2026-11-23T16:00")
        #expect(result.problems.isEmpty)
    }

    @Test func scenariosWithoutResumableJobsAreUnchanged() throws {
        // J-1 straight through: Monday 08:00–18:00 holds it from 15:00 at the latest, one
        // slot from its preferred 16:00; J-2 keeps Tuesday 09:00.
        var file = try Self.contract("resumable-night").file
        file.jobs[0].resumable = nil
        let result = Self.expectOptimum(try Scenario(file: file), 1)
        #expect(result.problems.isEmpty)
        #expect(result.assignment("J-1")?.work == nil)
    }
}

extension ResumablePlanningTests {
    @Test func aResumableJobTiesTheDaysItSpans() throws {
        // Two days open 08:00–12:00, one bay; J-0 may run on Monday only, J-1 on Tuesday
        // only: two parts. J-2 (resumable, 6 h, by Tuesday 12:00) holds the bay from Monday
        // into Tuesday, so it ties both days, and both jobs, into one part.
        var shop = ShopBuilder()
        shop.slotMinutes = 60
        shop.days = 2
        shop.bay("BAY-1")
        shop.jobs = [
            job("J-0", minutes: 60, mode: MechanicMode.none, window: ("08:00", "12:00")),
            job("J-1", minutes: 60, mode: MechanicMode.none, window: ("2026-11-24T08:00", "2026-11-24T12:00")),
        ]
        func parts() throws -> [[Int]] {
            let instance = Instance(try shop.scenario())
            return IndependentParts.parts(
                of: instance, bayGroups: instance.bayGroups(aggregate: true),
                mechanicGroups: instance.mechanicGroups(aggregate: true))
        }
        #expect(try parts() == [[0], [1]])
        shop.jobs.append(
            Self.resumable(
                job(
                    "J-2", minutes: 360, mode: MechanicMode.none, window: ("08:00", "2026-11-24T12:00"),
                    preferred: ["08:00"])))
        #expect(try parts() == [[0, 1, 2]])
        // J-2 can start Monday 08:00, 09:00 or 10:00 (ending Tuesday 10:00, 11:00, 12:00;
        // later starts end too late). At 08:00 (0) it holds every Monday hour: J-0 out
        // (1000). At 09:00 (1) J-0 takes 08:00 and J-1 Tuesday 11:00. At 10:00 (2) J-1 has
        // no hour left (1000). Optimum 1, which needs both days solved together.
        let result = Self.expectOptimum(try shop.scenario(), 1)
        #expect(result.assignment("J-2")?.end == "2026-11-24T11:00")
    }

    static let strategies: [any PlanningStrategy] = [MILPStrategy(), GreedyStrategy()]

    static func lunch(pin start: String?, outOfService: ScenarioFile.TimeRange? = nil) throws -> Scenario {
        var file = try Self.contract("resumable-lunch").file
        file.jobs[0].pinned = start.map { .init(start: $0, bay: "LIFT-1", mechanic: nil) }
        if let outOfService { file.bays[0].outOfService = [outOfService] }
        return try Scenario(file: file)
    }

    @Test func aResumablePinThatCannotHoldNamesItsPath() throws {
        let cases: [(Scenario, String)] = [
            // 12:00 is lunch: not a work slot.
            (try Self.lunch(pin: "2026-11-23T12:00"), "cannot work then"),
            // From 14:00, three open slots are left; the job needs five.
            (try Self.lunch(pin: "2026-11-23T14:00"), "cannot finish"),
            // The lift breaks down over lunch, while the job holds it.
            (
                try Self.lunch(
                    pin: "2026-11-23T10:00", outOfService: .init(start: "2026-11-23T12:15", end: "2026-11-23T12:45")),
                "out of service"
            ),
        ]
        for (scenario, words) in cases {
            for strategy in Self.strategies {
                let (result, _) = planAndVerify(scenario, strategy)
                #expect(result.status == .infeasible)
                #expect(result.problems.count == 1)
                #expect(result.problems.first?.contains("pin of J-1 (jobs[0].pinned)") == true)
                #expect(result.problems.first?.contains(words) == true, "\(result.problems)")
            }
        }
    }

    static func reasons(_ file: ScenarioFile) throws -> [[String]] {
        try Self.strategies.map { strategy in
            let (result, _) = planAndVerify(try Scenario(file: file), strategy)
            return result.reasons("J-1")
        }
    }

    @Test func unscheduledResumableJobsGetTheRuleSReasons() throws {
        // Two days of 10 open hours hold 20 work slots; 25 hours never finish.
        var night = try Self.contract("resumable-night").file
        night.jobs[0].durationMinutes = 25 * 60
        #expect(try Self.reasons(night) == [["BEYOND_HORIZON"], ["BEYOND_HORIZON"]])

        // Lunch: `latest` 13:30 rounds down to 13:00; the window has five slots, but from
        // 08:00 the work ends at 14:00.
        var lunch = try Self.contract("resumable-lunch").file
        lunch.jobs[0].window = .init(latest: "2026-11-23T13:30")
        #expect(try Self.reasons(lunch) == [["OUTSIDE_HOURS"], ["OUTSIDE_HOURS"]])

        // The lift is out of service over lunch: every start that finishes holds it then.
        lunch.jobs[0].window = nil
        lunch.bays[0].outOfService = [.init(start: "2026-11-23T12:15", end: "2026-11-23T12:45")]
        #expect(try Self.reasons(lunch) == [["BAY_OUT_OF_SERVICE"], ["BAY_OUT_OF_SERVICE"]])

        // Placeable alone only by pausing over lunch, but a second job is pinned to the only
        // lift 13:00–14:00, and every start that finishes holds the lift then: CAPACITY.
        lunch.bays[0].outOfService = nil
        var blocker = lunch.jobs[0]
        blocker.id = "J-0"
        blocker.durationMinutes = 60
        blocker.resumable = nil
        blocker.pinned = .init(start: "2026-11-23T13:00", bay: "LIFT-1", mechanic: nil)
        lunch.jobs.append(blocker)
        #expect(try Self.reasons(lunch) == [["CAPACITY"], ["CAPACITY"]])
    }
}
