import Foundation
import ShopDomain
import ShopPlanner
import ShopTestSupport
import ShopVerifier
import Testing

/// The brute-force comparison with resumable jobs that pause. Exhaustive enumeration,
/// judged by the verifier's own reading of contract §7, gives the true optimum; every MILP
/// variant of the ``StrategyCatalog`` must reach it and prove it (these scenarios are
/// small), and greedy's claims must hold (no bound above the optimum, `optimal` only at it).
@Suite("Resumable jobs: every MILP variant equals brute force")
struct ResumableBruteForceTests {
    /// The brute-force scenarios with about half their jobs resumable. Most shops close
    /// 10:00–10:30, and half run over two days with the mechanics back on the second
    /// day, so that resumable jobs pause over a break or a night; mechanics who leave
    /// at 10:15 (or shops where every mechanic starts at 09:00) make a job pause while its bay
    /// stays held.
    static func scenario(seed: UInt64) throws -> Scenario {
        var file = try randomScenario(seed: seed).file
        var random = SeededRandom(seed: seed ^ 0x5EED)
        for i in file.jobs.indices where random.chance(50) {
            file.jobs[i].resumable = true
            // Most of them longer than any open run, so that they pause if they run at all.
            if random.chance(70) { file.jobs[i].durationMinutes = random.pick([120, 150, 180, 210]) }
            // A window ending by noon would leave such a job no time on the second day.
            if random.chance(60) { file.jobs[i].window = nil }
        }
        if random.chance(80) {
            for day in file.facility.operatingHours.keys {
                file.facility.operatingHours[day] = [["08:00", "10:00"], ["10:30", "12:00"]]
            }
        }
        if random.chance(50) {
            // A second day like the first, each mechanic back at the same hours: the night
            // is a pause.
            file.facility.horizon.days = 2
            for m in file.mechanics.indices {
                let shifts = file.mechanics[m].shifts ?? []
                file.mechanics[m].shifts =
                    shifts
                    + shifts.map {
                        .init(
                            start: $0.start.replacingOccurrences(of: "2026-11-23", with: "2026-11-24"),
                            end: $0.end.replacingOccurrences(of: "2026-11-23", with: "2026-11-24"))
                    }
            }
        }
        return try Scenario(file: file)
    }

    /// Whether some resumable job of `result` works in more than one run.
    static func pauses(_ result: PlanResult) -> Bool {
        result.solutionFile().assignments.contains { ($0.work?.count ?? 0) > 1 }
    }

    /// 120 seeds in six batches.
    @Test(arguments: 0..<6)
    func everyVariantEqualsEnumeration(batch: Int) throws {
        var compared = 0, pausing = 0
        for seed in UInt64(1000 + batch * 20)..<UInt64(1000 + batch * 20 + 20) {
            let scenario = try Self.scenario(seed: seed)
            let optimum = bruteForceOptimum(scenario)
            let strategies = StrategyCatalog.names.map { StrategyCatalog.strategy(named: $0)! }
            var pricing = MILPStrategy.defaultSolver
            pricing.columnsPerRound = 2
            pricing.directUpTo = 0
            for strategy in strategies + [MILPStrategy(name: "milp-priced", solver: pricing)] {
                let (result, _) = planAndVerify(scenario, strategy)
                let label = "seed \(seed) \(strategy.name)"
                guard let optimum else {
                    #expect(result.status == .infeasible, "\(label)")
                    continue
                }
                guard let objective = result.objective, let bound = result.bound else {
                    Issue.record("\(label): no plan (\(result.status), \(result.problems))")
                    continue
                }
                #expect(bound <= optimum, "\(label)")
                if strategy.name.hasPrefix("milp") {
                    // Exact and small: optimal, at the optimum.
                    #expect(result.status == .optimal && objective == optimum, "\(label): \(objective) vs \(optimum)")
                } else {
                    #expect(objective >= optimum, "\(label)")
                    if result.status == .optimal { #expect(objective == optimum, "\(label)") }
                }
                if strategy.name == "milp" {
                    compared += 1
                    if Self.pauses(result) { pausing += 1 }
                }
            }
        }
        // Most scenarios have plans, and some optima pause, or the test would prove little.
        #expect(compared >= 10)
        #expect(pausing >= 1)
        print("resumable brute force batch \(batch): \(compared) compared, \(pausing) optimal plans pause")
    }
}
