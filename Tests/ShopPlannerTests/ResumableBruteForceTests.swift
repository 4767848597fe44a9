import ShopDomain
import ShopPlanner
import ShopTestSupport
import ShopVerifier
import Testing

/// The brute-force comparison with resumable jobs. Exhaustive enumeration, judged by the
/// verifier's own reading of contract §7, gives the true optimum. This version's planner
/// places resumable jobs without pauses, so it may miss that optimum; what it claims must
/// still be true: every plan passes the verifier, no bound is above the optimum, `optimal`
/// only when the plan is the optimum, `infeasible` only when no plan exists, and `error`
/// only for a pin that pauses.
@Suite("Resumable jobs: the planner's claims against brute force")
struct ResumableBruteForceTests {
    /// The brute-force scenarios with about half their jobs resumable (the break at
    /// 10:00–10:30 and mechanics leaving at 10:15 or starting at 09:00 make them pause).
    static func scenario(seed: UInt64) throws -> Scenario {
        var file = try randomScenario(seed: seed).file
        var random = SeededRandom(seed: seed ^ 0x5EED)
        for i in file.jobs.indices where random.chance(50) { file.jobs[i].resumable = true }
        return try Scenario(file: file)
    }

    @Test(arguments: 0..<4)
    func claimsHoldAgainstEnumeration(batch: Int) throws {
        var matched = 0, compared = 0
        for seed in UInt64(1000 + batch * 15)..<UInt64(1000 + batch * 15 + 15) {
            let scenario = try Self.scenario(seed: seed)
            let optimum = bruteForceOptimum(scenario)
            let pausedPins = !PinCheck.pausedPins(in: Instance(scenario)).isEmpty
            var strategies: [any PlanningStrategy] = [MILPStrategy(), GreedyStrategy()]
            strategies += StrategyCatalog.names.filter { $0.hasPrefix("milp-") }.map {
                StrategyCatalog.strategy(named: $0)!
            }
            for strategy in strategies {
                let (result, _) = planAndVerify(scenario, strategy)
                let label = "seed \(seed) \(strategy.name)"
                guard let optimum else {
                    #expect(result.status == .infeasible, "\(label)")
                    continue
                }
                if pausedPins {
                    #expect(result.status == .error, "\(label)")
                    continue
                }
                #expect(result.status == .optimal || result.status == .feasible, "\(label)")
                guard let objective = result.objective, let bound = result.bound else { continue }
                #expect(objective >= optimum, "\(label)")
                #expect(bound <= optimum, "\(label)")
                if result.status == .optimal { #expect(objective == optimum, "\(label)") }
                if strategy.name == "milp" {
                    compared += 1
                    if objective == optimum { matched += 1 }
                }
            }
        }
        // Most scenarios have plans, or the test would prove little.
        #expect(compared >= 5)
        // How often the unpaused plan is the optimum anyway (45 of 46 when written).
        #expect(matched > 0)
    }
}
