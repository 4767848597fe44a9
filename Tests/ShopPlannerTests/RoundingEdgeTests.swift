import ShopDomain
import ShopPlanner
import ShopTestSupport
import Testing

/// Ranges that round to nothing (fuzz finding C1): a shift, a window or
/// opening hours shorter than a slot once rounded inwards hold no slot; the
/// engine plans around them instead of trapping on an inverted range.
@Suite struct RoundingEdgeTests {
    /// A one-bay shop with mechanic M-1 on `shift` only and one 30-minute job.
    static func shop(
        slot: Int, shift: (String, String), window: (String, String)? = nil,
        pinned: (String, String, String?)? = nil, hours: [[String]] = [["08:00", "18:00"]]
    ) throws -> Scenario {
        var shop = ShopBuilder()
        shop.slotMinutes = slot
        shop.hours = hours
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [shift])
        shop.jobs = [job("J-1", minutes: 30, window: window, pinned: pinned)]
        return try shop.scenario()
    }

    // Why: 08:05–08:10 on 15-minute slots rounds to slots 33..<32; building
    // that range trapped every planning command. It is no availability.
    @Test(arguments: [(15, "08:05", "08:10"), (60, "08:10", "08:50"), (30, "08:01", "08:29")])
    func subSlotShiftIsNoAvailability(slot: Int, from: String, to: String) throws {
        let scenario = try Self.shop(slot: slot, shift: (from, to))
        let instance = Instance(scenario)
        #expect(instance.mechanics[0].shifts.isEmpty)
        for strategy in [MILPStrategy(), GreedyStrategy()] as [any PlanningStrategy] {
            let (result, _) = planAndVerify(scenario, strategy, timeLimit: 10)
            #expect(result.status == .optimal)
            #expect(result.reasons("J-1") == [UnscheduledReason.noMechanicOnShift.rawValue])
        }
    }

    // Why: with day-long slots an 08:00–18:00 shop and shift both round to
    // nothing; the job is left out for the hours, not a crash.
    @Test func daySlotsRoundEverythingAway() throws {
        let scenario = try Self.shop(slot: 1440, shift: ("08:00", "16:30"))
        let (result, _) = planAndVerify(scenario, MILPStrategy(), timeLimit: 10)
        #expect(result.status == .optimal)
        #expect(result.reasons("J-1") == [UnscheduledReason.outsideHours.rawValue])
    }

    // Why: a window inside one slot (08:05–08:10 rounds to earliest 08:15,
    // latest 08:00) leaves the job unscheduled with WINDOW_TOO_SHORT.
    @Test func windowInsideOneSlotIsTooShort() throws {
        let scenario = try Self.shop(slot: 15, shift: ("08:00", "16:00"), window: ("08:05", "08:10"))
        let (result, _) = planAndVerify(scenario, MILPStrategy(), timeLimit: 10)
        #expect(result.reasons("J-1") == [UnscheduledReason.windowTooShort.rawValue])
    }

    // Why: a pin on a mechanic whose only shift rounds away clashes; the
    // message says why (off shift) and does not call an active mechanic inactive.
    @Test func pinOnEmptyShiftNamesTheRealCause() throws {
        let scenario = try Self.shop(slot: 15, shift: ("08:05", "08:10"), pinned: ("08:00", "BAY-1", "M-1"))
        let result = MILPStrategy().plan(Instance(scenario), options: PlanOptions())
        #expect(result.status == .infeasible)
        let text = result.problems.joined(separator: "\n")
        #expect(text.contains("M-1, who is not on shift"), "\(text)")
        #expect(!text.contains("inactive"), "\(text)")
    }

    // Why: the wording names only the causes that hold.
    @Test func pinOnInactiveMechanicSaysInactive() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("08:00", "12:00")], active: false)
        shop.jobs = [job("J-1", minutes: 30, pinned: ("08:00", "BAY-1", "M-1"))]
        let result = GreedyStrategy().plan(Instance(try shop.scenario()), options: PlanOptions())
        let text = result.problems.joined(separator: "\n")
        #expect(text.contains("M-1, who is inactive"), "\(text)")
        #expect(!text.contains("not on shift"), "\(text)")
    }
}
