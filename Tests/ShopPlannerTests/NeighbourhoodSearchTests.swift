import MILP
import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

@testable import ShopPlanner

/// An overloaded morning: more work than bays and mechanics can take, so
/// the greedy plan leaves jobs out and a better plan exists to be found.
/// Capacity, labour and `mechanicUsed` come and go with the seed, so every
/// constraint family is met by the held jobs.
func overloadedMorning(seed: UInt64) throws -> Scenario {
    var random = SeededRandom(seed: seed)
    var shop = ShopBuilder()
    shop.hours = [["08:00", "12:00"]]
    shop.maxConcurrent = random.chance(30) ? 3 : nil
    if random.chance(30) { shop.labour = .init(limit: 600) }
    shop.bay("BAY-1")
    shop.bay("BAY-2")
    shop.bay("BAY-3", .lift)
    shop.mechanic("M-1", skills: ["A"], shifts: [("08:00", "12:00")])
    shop.mechanic("M-2", skills: ["A", "B"], shifts: [("08:00", "12:00")])
    shop.mechanic("M-3", skills: ["B"], shifts: [("08:30", "12:00")])
    shop.weights = .init(unscheduled: 100, mechanicUsed: random.chance(40) ? 30 : 0)
    shop.jobs = (1...7).map { i in
        let start = random.int(8...11)
        let hour = start < 10 ? "0\(start)" : "\(start)"
        return job(
            "J-\(i)", minutes: random.pick([60, 90, 120]),
            bays: random.chance(30) ? [.lift] : [.generalService, .lift],
            skills: random.chance(50) ? [random.pick(["A", "B"])] : [],
            preferredSkills: random.chance(30) ? [random.pick(["A", "B"])] : nil,
            mode: random.chance(15) ? .optional : nil, priority: random.int(1...3),
            window: random.chance(40) ? ("\(hour):00", "\(min(12, start + random.int(2...3))):00") : nil,
            preferred: ["\(hour):\(random.pick(["00", "30"]))"])
    }
    return try shop.scenario()
}

@Suite("Neighbourhood search")
struct NeighbourhoodSearchTests {
    /// The search on `scenario` from the greedy plan, with a deadline far
    /// enough never to matter: the iteration budget decides.
    func search(_ instance: Instance, from start: [SlotPlacement?]) -> [SlotPlacement?] {
        var settings = NeighbourhoodSearch.Settings()
        settings.iterations = 12
        // Neighbourhoods small enough for every sub-model to be solved to
        // the end: then the iteration count alone decides the plan.
        settings.initialSize = 3
        settings.largestSize = 4
        settings.subModelSeconds = 600
        return NeighbourhoodSearch.improve(
            instance, start, jobs: Array(instance.jobs.indices), solver: MILPStrategy.defaultSolver,
            solverOptions: MILPStrategy.defaultSolverOptions, formulation: .init(), settings: settings,
            deadline: ContinuousClock.now.advanced(by: .seconds(600)))
    }

    /// `plan` as a solution file, checked by the independent verifier;
    /// returns the verifier's objective.
    func verified(_ instance: Instance, _ plan: [SlotPlacement?], sourceLocation: SourceLocation = #_sourceLocation)
        -> Int
    {
        let result = PlanResult(
            strategy: "lns", status: .feasible, placements: plan, objective: instance.objective(of: plan), bound: 0,
            seconds: 0, reasons: GreedyStrategy.reasons(instance, plan), problems: [], instance: instance)
        let report = PlanVerifier(scenario: instance.scenario).verify(result.solutionFile())
        #expect(report.violations == [], "the verifier rejects the plan: \(report)", sourceLocation: sourceLocation)
        #expect(report.objective == instance.objective(of: plan), sourceLocation: sourceLocation)
        return report.objective
    }

    @Test("never worse than its start, every plan verified, and it finds better plans")
    func neverWorse() throws {
        var improved = 0
        for seed in UInt64(0)..<6 {
            let instance = Instance(try overloadedMorning(seed: seed))
            let greedy = GreedyStrategy.greedyPlan(instance)
            let greedyCost = verified(instance, greedy)
            let found = search(instance, from: greedy)
            let cost = verified(instance, found)
            #expect(cost <= greedyCost, "seed \(seed): \(cost) after the search, \(greedyCost) before")
            if cost < greedyCost { improved += 1 }
        }
        // Greedy leaves these mornings far from their optimum: a search that
        // never improves one is broken, not lucky.
        #expect(improved >= 3)
    }

    @Test("the same input gives the same plan")
    func deterministic() throws {
        let instance = Instance(try overloadedMorning(seed: 3))
        let greedy = GreedyStrategy.greedyPlan(instance)
        #expect(search(instance, from: greedy) == search(instance, from: greedy))
    }

    @Test("held jobs stay put and jobs left out stay out")
    func heldCopy() throws {
        let instance = Instance(try overloadedMorning(seed: 1))
        let greedy = GreedyStrategy.greedyPlan(instance)
        let free = Set([0, 1])
        let kept = instance.jobs.indices.filter { free.contains($0) || greedy[$0] != nil }
        let copy = try #require(NeighbourhoodSearch.heldCopy(instance, greedy, jobs: kept, free: free))
        #expect(copy.jobs.count == kept.count)
        for (i, j) in kept.enumerated() {
            #expect(copy.jobs[i].id == instance.jobs[j].id)
            #expect(copy.jobs[i].pinned == (free.contains(j) ? nil : greedy[j]))
        }
        #expect(PinCheck.problems(in: copy).isEmpty)
        // The engine's own check agrees with the verifier's reading of the same plan.
        _ = verified(instance, greedy)
        #expect(NeighbourhoodSearch.isValid(instance, greedy, jobs: Array(instance.jobs.indices)))
    }

    @Test("milp-lns proves the same optimum as milp")
    func sameOptimum() throws {
        let lns = try #require(StrategyCatalog.strategy(named: "milp-lns"))
        for seed in UInt64(0)..<3 {
            let scenario = try overloadedMorning(seed: seed)
            let (exact, _) = planAndVerify(scenario, MILPStrategy(), timeLimit: 30, threads: 1)
            let (searched, _) = planAndVerify(scenario, lns, timeLimit: 30, threads: 1)
            if exact.status == .optimal && searched.status == .optimal {
                #expect(exact.objective == searched.objective, "seed \(seed)")
            }
            // A bound of one run never passes the other's plan.
            #expect(searched.bound! <= exact.objective! && exact.bound! <= searched.objective!, "seed \(seed)")
        }
    }
}
