import Foundation
import ShopDomain
import ShopPlanner
import ShopTestSupport
import Testing

/// The time limit holds in every phase before the solver (fuzz finding H2):
/// a large scenario the size limits accept, given a tiny limit, comes back
/// soon with an honest plan. Not a speed test: the bound on the wall clock
/// is generous (five times the limit plus five seconds).
@Suite struct DeadlineTests {
    /// A month of 1-minute slots, open around the clock, with jobs free to
    /// start at any of its 44,640 slots: near the limits, far beyond a 0.3 s solve.
    static func month(jobs: Int) throws -> Scenario {
        var shop = ShopBuilder()
        shop.slotMinutes = 1
        shop.days = 31
        shop.hours = [["00:00", "24:00"]]
        shop.bay("BAY-1")
        shop.bay("BAY-2")
        shop.mechanic("M-1", shifts: [("2026-11-23T00:00", "2026-12-24T00:00")])
        shop.mechanic("M-2", shifts: [("2026-11-23T00:00", "2026-12-24T00:00")])
        shop.jobs = (1...jobs).map { job("J-\($0)", minutes: 60, preferred: ["2026-12-10T12:00"]) }
        return try shop.scenario()
    }

    /// A day of 15-minute slots with as many jobs as a scenario may hold.
    static func crowdedDay() throws -> Scenario {
        var shop = ShopBuilder()
        shop.hours = [["00:00", "24:00"]]
        shop.bay("BAY-1")
        shop.bay("BAY-2")
        shop.mechanic("M-1", shifts: [("00:00", "2026-11-24T00:00")])
        shop.mechanic("M-2", shifts: [("00:00", "2026-11-24T00:00")])
        shop.jobs = (1...ScenarioLimits.maxJobs).map { job("J-\($0)", minutes: 30) }
        return try shop.scenario()
    }

    @Test(arguments: ["month", "crowded day"])
    func tinyLimitReturnsAnHonestPlanSoon(name: String) throws {
        let scenario = name == "month" ? try Self.month(jobs: 3) : try Self.crowdedDay()
        let limit = 0.3
        for strategy in [MILPStrategy(), GreedyStrategy()] as [any PlanningStrategy] {
            let started = Date()
            let (result, _) = planAndVerify(scenario, strategy, timeLimit: limit)
            let wall = Date().timeIntervalSince(started)
            #expect(wall < 5 * limit + 5, "\(strategy.name) on the \(name) took \(wall) s")
            #expect(result.status == .feasible || result.status == .optimal)
            // Honest: optimal only with the proof, and the bound never above the plan.
            if result.status == .optimal { #expect(result.bound == result.objective) }
        }
    }
}
