import ShopDomain
import ShopPlanner
import ShopTestSupport
import Testing

/// Hand-made scenarios whose optimum follows from reasoning (given in each
/// test). Every plan is checked by the independent verifier, and greedy must
/// stay feasible and never beat the optimum.
@Suite("Known optima")
struct KnownOptimumTests {
    func expectOptimum(_ builder: ShopBuilder, _ optimum: Int, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> PlanResult
    {
        let scenario = try builder.scenario()
        let (result, _) = planAndVerify(scenario, sourceLocation: sourceLocation)
        #expect(result.status == .optimal, sourceLocation: sourceLocation)
        #expect(result.objective == optimum, sourceLocation: sourceLocation)
        #expect(result.bound == optimum, sourceLocation: sourceLocation)
        let (greedy, _) = planAndVerify(scenario, GreedyStrategy(), sourceLocation: sourceLocation)
        #expect(greedy.objective! >= optimum, sourceLocation: sourceLocation)
        #expect(greedy.bound! <= optimum, sourceLocation: sourceLocation)
        return result
    }

    /// Hours 08–12, a 90-minute job preferring 11:00 must end by 12:00, so it
    /// starts 10:30 at best: 2 slots of deviation.
    @Test func closingTimeLimitsTheStart() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.jobs = [job("J-1", minutes: 90, preferred: ["11:00"])]
        let result = try expectOptimum(shop, 2)
        #expect(result.assignment("J-1")?.start == at("10:30"))
    }

    /// Two ranges 08–10 and 11–13 (8 slots each): a 150-minute job (10 slots)
    /// fits in neither, and may not span the lunch gap: unscheduled.
    @Test func jobMayNotSpanTwoOpenIntervals() throws {
        var shop = ShopBuilder()
        shop.hours = [["08:00", "10:00"], ["11:00", "13:00"]]
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.jobs = [job("J-1", minutes: 150)]
        let result = try expectOptimum(shop, 1000)
        #expect(result.reasons("J-1") == ["OUTSIDE_HOURS"])
    }

    /// A 90-minute job with a 60-minute window cannot run: 1000.
    @Test func windowShorterThanTheJob() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.jobs = [job("J-1", minutes: 90, window: ("09:00", "10:00"))]
        let result = try expectOptimum(shop, 1000)
        #expect(result.reasons("J-1") == ["WINDOW_TOO_SHORT"])
    }

    /// Window 09:10–11:20 rounds inwards to 09:15–11:15; a 60-minute job
    /// preferring 08:00 starts 09:15 at the earliest: 5 slots.
    @Test func windowBoundsRoundInwards() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.jobs = [
            job("J-1", minutes: 60, window: ("09:10", "11:20"), preferred: ["08:00"]),
            job("J-2", minutes: 60, window: ("09:10", "11:20"), preferred: ["11:00"]),
        ]
        // J-2 prefers 11:00 but must end by 11:15: starts 10:15, 3 slots. Both
        // on one bay do not overlap (09:15–10:15, 10:15–11:15). Total 5 + 3.
        _ = try expectOptimum(shop, 8)
    }

    /// A job needing a lift in a shop without one: `unscheduled × priority`.
    @Test func noBayOfTheRightType() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1", .generalService)
        shop.mechanic("M-1")
        shop.jobs = [job("J-1", minutes: 60, bays: [.lift], priority: 2)]
        let result = try expectOptimum(shop, 2000)
        #expect(result.reasons("J-1") == ["NO_ELIGIBLE_BAY"])
    }

    /// The only lift is out of service 08:00–10:07; the end rounds up to
    /// 10:15, so a job preferring 08:00 starts 10:15: 9 slots.
    @Test func outOfServiceRoundsOutwards() throws {
        var shop = ShopBuilder()
        shop.bay("LIFT", .lift, outOfService: [("08:00", "10:07")])
        shop.mechanic("M-1")
        shop.jobs = [job("J-1", minutes: 60, bays: [.lift], preferred: ["08:00"])]
        let result = try expectOptimum(shop, 9)
        #expect(result.assignment("J-1")?.start == at("10:15"))
    }

    /// M-1 lacks BRAKES; M-2 has it but works 10:00–12:00 and lacks the
    /// preferred EV skill: start 10:00 (8 slots late) + 5 = 13.
    @Test func skillsAndShiftsPickTheMechanic() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1", skills: ["ENGINE", "EV"])
        shop.mechanic("M-2", skills: ["BRAKES"], shifts: [("10:00", "12:00")])
        shop.mechanic("M-3", skills: ["BRAKES", "EV"], active: false)
        shop.jobs = [job("J-1", minutes: 60, skills: ["BRAKES"], preferredSkills: ["EV"], preferred: ["08:00"])]
        let result = try expectOptimum(shop, 13)
        #expect(result.assignment("J-1")?.mechanic == "M-2")
    }

    /// Nobody active has TRANSMISSION: unscheduled, NO_QUALIFIED_MECHANIC.
    /// A qualified mechanic who is never on shift when the job could run
    /// gives NO_MECHANIC_ON_SHIFT.
    @Test func mechanicReasons() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1", skills: ["ENGINE"])
        shop.mechanic("M-2", skills: ["TRANSMISSION"], active: false)
        shop.mechanic("M-3", skills: ["HVAC"], shifts: [("13:00", "17:00")])
        shop.jobs = [job("J-1", minutes: 60, skills: ["TRANSMISSION"]), job("J-2", minutes: 60, skills: ["HVAC"])]
        let result = try expectOptimum(shop, 2000)
        #expect(result.reasons("J-1") == ["NO_QUALIFIED_MECHANIC"])
        #expect(result.reasons("J-2") == ["NO_MECHANIC_ON_SHIFT"])
    }

    /// Two 4-hour jobs fill the day, one mechanic: the required one gets him,
    /// the optional one runs without a mechanic for `unassignedMechanic` 200.
    /// A mode-none job never gets one and costs nothing.
    @Test func optionalAndNoneModes() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.bay("BAY-2")
        shop.bay("BAY-3", .inspection)
        shop.mechanic("M-1")
        shop.jobs = [
            job("J-1", minutes: 240), job("J-2", minutes: 240, mode: .optional),
            job("J-3", minutes: 60, bays: [.inspection], mode: MechanicMode.none),
        ]
        let result = try expectOptimum(shop, 200)
        #expect(result.assignment("J-1")?.mechanic == "M-1")
        #expect(result.assignment("J-2")?.mechanic == nil)
        #expect(result.assignment("J-3")?.mechanic == nil)
    }

    /// One bay, two 3-hour jobs in a 4-hour day: the priority-1 job waits
    /// (1000 < 2000); it could run alone, so the reason is CAPACITY.
    @Test func oneJobAtATimePerBay() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.mechanic("M-2")
        shop.jobs = [job("J-1", minutes: 180), job("J-2", minutes: 180, priority: 2)]
        let result = try expectOptimum(shop, 1000)
        #expect(result.reasons("J-1") == ["CAPACITY"])
    }

    /// Two bays but one mechanic: the same, through the mechanic.
    @Test func oneJobAtATimePerMechanic() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.bay("BAY-2")
        shop.mechanic("M-1")
        shop.jobs = [job("J-1", minutes: 180, priority: 3), job("J-2", minutes: 180)]
        let result = try expectOptimum(shop, 1000)
        #expect(result.assignment("J-1") != nil)
    }

    /// Three bays, three mechanics, three 4-hour jobs, `maxConcurrent` 2:
    /// one job waits.
    @Test func maxConcurrentCapsTheShop() throws {
        var shop = ShopBuilder()
        shop.maxConcurrent = 2
        for i in 1...3 {
            shop.bay("BAY-\(i)")
            shop.mechanic("M-\(i)")
        }
        shop.jobs = (1...3).map { job("J-\($0)", minutes: 240) }
        let result = try expectOptimum(shop, 1000)
        #expect(result.solutionFile().unscheduled.map(\.reasons) == [["CAPACITY"]])
    }

    /// J-1 is pinned at 10:00 although it prefers 08:00 (8 slots); J-2 (2 h,
    /// preferring 10:00) must then run 08:00–10:00 on the only bay: 8 more.
    @Test func pinsHoldAtTheirCost() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.jobs = [
            job("J-1", minutes: 120, preferred: ["08:00"], pinned: ("10:00", "BAY-1", "M-1")),
            job("J-2", minutes: 120, preferred: ["10:00"]),
        ]
        let result = try expectOptimum(shop, 16)
        #expect(result.assignment("J-1")?.start == at("10:00"))
        #expect(result.assignment("J-2")?.start == at("08:00"))
    }

    /// Pins that overlap on one bay: no plan exists, and both are named.
    @Test func clashingPinsAreInfeasible() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.mechanic("M-2")
        shop.jobs = [
            job("J-1", minutes: 120, pinned: ("08:00", "BAY-1", "M-1")),
            job("J-2", minutes: 60, pinned: ("09:00", "BAY-1", "M-2")),
            job("J-3", minutes: 60, mode: .required, pinned: ("11:00", "BAY-1", nil)),
        ]
        let scenario = try shop.scenario()
        for strategy in [MILPStrategy(), GreedyStrategy()] as [any PlanningStrategy] {
            let (result, _) = planAndVerify(scenario, strategy)
            #expect(result.status == .infeasible)
            #expect(result.problems.contains { $0.contains("J-1") && $0.contains("J-2") && $0.contains("BAY-1") })
            #expect(result.problems.contains { $0.contains("J-3") && $0.contains("requires") })
            #expect(result.solutionFile().assignments.isEmpty)
        }
    }

    /// 30-minute slots, preferred start 08:15 is half a slot: it rounds up to
    /// 08:30. The window opens 09:00, so the deviation is 1 slot (2 if the
    /// rounding went down).
    @Test func preferredStartRoundsHalfUp() throws {
        var shop = ShopBuilder()
        shop.slotMinutes = 30
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.jobs = [job("J-1", minutes: 60, window: ("09:00", "12:00"), preferred: ["08:15"])]
        _ = try expectOptimum(shop, 1)
    }

    /// The current plan put J-1 on BAY-1 with M-1 at 08:00; BAY-1 is now out
    /// of service and M-1 inactive. Staying at 08:00 on BAY-2 with M-2 costs
    /// changedBay 10 + changedMechanic 20 = 30; moving would add 50.
    /// J-2's current mechanic is null and it is optional: keeping no mechanic
    /// costs 200, taking M-2 later costs changedMechanic 20 (cheaper).
    @Test func currentPlanChanges() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1", outOfService: [("08:00", "12:00")])
        shop.bay("BAY-2")
        shop.mechanic("M-1", active: false)
        shop.mechanic("M-2")
        shop.jobs = [
            job("J-1", minutes: 60, current: ("08:00", "BAY-1", "M-1")),
            job("J-2", minutes: 60, mode: .optional, current: ("09:00", "BAY-2", nil)),
        ]
        let result = try expectOptimum(shop, 50)
        #expect(result.assignment("J-1")?.start == at("08:00"))
        #expect(result.assignment("J-2")?.mechanic == "M-2")
    }

    /// `mechanicUsed` 100: two 1-hour jobs preferring 08:00 on two bays. One
    /// mechanic doing both (one starts 09:00: 4 slots) costs 104; two cost 200.
    @Test func mechanicUsedPrefersFewerMechanics() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.bay("BAY-2")
        shop.mechanic("M-1")
        shop.mechanic("M-2")
        shop.weights = .init(mechanicUsed: 100)
        shop.jobs = [job("J-1", minutes: 60, preferred: ["08:00"]), job("J-2", minutes: 60, preferred: ["08:00"])]
        let result = try expectOptimum(shop, 104)
        #expect(Set(result.solutionFile().assignments.map(\.mechanic)).count == 1)
    }

    /// With `unscheduled` 1, a job whose only start is 3 slots from its
    /// preferred time stays out (1 < 3): reason COST, not CAPACITY.
    @Test func leavingOutCanBeCheaper() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1")
        shop.weights = .init(unscheduled: 1)
        shop.jobs = [job("J-1", minutes: 60, window: ("08:45", "09:45"), preferred: ["08:00"])]
        let result = try expectOptimum(shop, 1)
        #expect(result.reasons("J-1") == ["COST"])
    }

    /// A closed date and a closed weekday: a job whose window is that day
    /// cannot run. Horizon Mon–Tue, Tuesday closed by date.
    @Test func closedDatesClose() throws {
        var shop = ShopBuilder()
        shop.days = 2
        shop.closedDates = ["2026-11-24"]
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("2026-11-23T08:00", "2026-11-24T18:00")])
        shop.jobs = [
            job("J-1", minutes: 60, window: ("2026-11-24T08:00", "2026-11-24T12:00")),
            job("J-2", minutes: 60, preferred: ["2026-11-24T08:00"]),
        ]
        // J-2 runs Monday 11:00 at the latest: 21:00 slots away? Monday 11:00 to
        // Tuesday 08:00 is 21 hours = 84 slots.
        let result = try expectOptimum(shop, 1000 + 84)
        #expect(result.reasons("J-1") == ["OUTSIDE_HOURS"])
    }
}
