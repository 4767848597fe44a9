import Foundation
import ShopDomain
import ShopPlanner
import ShopTestSupport
import Testing

/// The time limit holds in every phase before the solver (fuzz finding H2):
/// a large scenario the size limits accept, given a tiny limit, comes back
/// soon with an honest plan. Not a speed test: the bound is generous (five
/// times the limit plus five seconds) and counts this thread's CPU time, so a
/// loaded machine, which stretches the wall clock, cannot fail it; a phase that
/// ignores the limit spends CPU and still does.
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
            // One thread: the whole solve runs on this one, so its CPU clock sees all of it.
            let started = threadCPUSeconds()
            let (result, _) = planAndVerify(scenario, strategy, timeLimit: limit, threads: 1)
            let spent = threadCPUSeconds() - started
            #expect(spent < 5 * limit + 5, "\(strategy.name) on the \(name) took \(spent) s of CPU")
            #expect(result.status == .feasible || result.status == .optimal)
            // Honest: optimal only with the proof, and the bound never above the plan.
            if result.status == .optimal { #expect(result.bound == result.objective) }
        }
    }
}

/// CPU seconds the calling thread has used.
private func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
