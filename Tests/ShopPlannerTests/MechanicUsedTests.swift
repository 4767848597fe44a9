import MILP
import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

@testable import ShopPlanner

/// Fixed-time jobs (window exactly the job) with `mechanicUsed` weighted:
/// shift minimisation inside the shop problem.
func fixedTimeScenario(seed: UInt64) throws -> Scenario {
    var random = SeededRandom(seed: seed)
    var shop = ShopBuilder()
    shop.slotMinutes = 60
    shop.hours = [["08:00", "13:00"]]
    shop.bay("BAY-1")
    shop.bay("BAY-2")
    shop.bay("BAY-3")
    let skills = ["A", "B"]
    for i in 1...random.int(2...3) {
        let shift = random.pick([("08:00", "13:00"), ("08:00", "11:00"), ("10:00", "13:00")])
        shop.mechanic("M-\(i)", skills: skills.filter { _ in random.chance(60) }, shifts: [shift])
    }
    shop.weights = .init(
        unscheduled: random.int(2...30), startDeviationPerSlot: random.int(0...2),
        missingPreferredSkill: random.int(0...3), mechanicUsed: random.int(1...10))
    for i in 1...random.int(3...4) {
        let start = random.int(8...11), hours = random.int(1...2)
        let window = (String(format: "%02d:00", start), String(format: "%02d:00", min(13, start + hours)))
        var pinned: (String, String, String?)? = nil
        if random.chance(10) { pinned = (window.0, "BAY-\(i % 3 + 1)", "M-1") }
        shop.jobs.append(
            job(
                "J-\(i)", minutes: 60 * (min(13, start + hours) - start),
                skills: skills.filter { _ in random.chance(35) },
                preferredSkills: random.chance(40) ? [random.pick(skills)] : nil,
                mode: random.chance(80) ? .required : .optional, window: window, pinned: pinned))
    }
    return try shop.scenario()
}

@Suite("mechanicUsed: crowd bound and staffing by chains")
struct MechanicUsedTests {
    /// The crowd bound never exceeds the optimum found by enumeration, and
    /// the MILP (whose start plan now comes from staffing by chains) still
    /// finds that optimum.
    @Test func crowdBoundIsValidAndTheOptimumHolds() throws {
        var crowdHelped = 0
        for seed in UInt64(0)..<60 {
            let scenario = try fixedTimeScenario(seed: seed)
            guard let optimum = bruteForceOptimum(scenario) else { continue }
            let instance = Instance(scenario)
            let bound = GreedyStrategy.simpleBound(instance)
            #expect(bound <= optimum, "seed \(seed)")
            if bound > GreedyStrategy.simpleBound(instance, crowd: false) { crowdHelped += 1 }
            let (milp, _) = planAndVerify(scenario)
            #expect(milp.status == .optimal && milp.objective == optimum, "seed \(seed)")
        }
        // The scenarios must exercise the crowd term at all.
        #expect(crowdHelped > 10)
    }

    /// With no other costs the crowd bound is the largest overlap of jobs
    /// that need a mechanic.
    @Test func crowdBoundIsTheLargestOverlap() throws {
        var shop = ShopBuilder()
        shop.slotMinutes = 30
        for i in 1...3 { shop.bay("BAY-\(i)") }
        for i in 1...4 { shop.mechanic("M-\(i)") }
        shop.weights = .init(
            unscheduled: 100, startDeviationPerSlot: 0, missingPreferredSkill: 0,
            unassignedMechanic: 0, mechanicUsed: 1)
        // 08:00–09:00, 08:30–10:00, 09:30–11:00, 10:00–11:00: at most two at once.
        for (i, (from, to)) in [("08:00", "09:00"), ("08:30", "10:00"), ("09:30", "11:00"), ("10:00", "11:00")]
            .enumerated()
        {
            let minutes =
                (Int(to.prefix(2))! * 60 + Int(to.suffix(2))!) - (Int(from.prefix(2))! * 60 + Int(from.suffix(2))!)
            shop.jobs.append(job("J-\(i + 1)", minutes: minutes, mode: .required, window: (from, to)))
        }
        let instance = Instance(try shop.scenario())
        #expect(GreedyStrategy.simpleBound(instance) == 2)
        let (milp, report) = planAndVerify(try shop.scenario())
        #expect(milp.status == .optimal && report.objective == 2)
    }

    /// Staffing by chains frees a mechanic the greedy plan called in: a
    /// plan with one mechanic per job becomes one with as few as overlap.
    @Test func consolidationFreesMechanics() throws {
        var shop = ShopBuilder()
        shop.slotMinutes = 60
        for i in 1...2 { shop.bay("BAY-\(i)") }
        for i in 1...3 { shop.mechanic("M-\(i)") }
        shop.weights = .init(unscheduled: 50, mechanicUsed: 5)
        shop.jobs = [
            job("J-1", minutes: 60, mode: .required, window: ("08:00", "09:00")),
            job("J-2", minutes: 60, mode: .required, window: ("09:00", "10:00")),
            job("J-3", minutes: 120, mode: .required, window: ("08:00", "10:00")),
        ]
        let instance = Instance(try shop.scenario())
        // Three mechanics for three jobs: valid, and wasteful.
        let spread: [SlotPlacement?] = [
            SlotPlacement(start: 8, bay: 0, mechanic: 0),
            SlotPlacement(start: 9, bay: 0, mechanic: 1),
            SlotPlacement(start: 8, bay: 1, mechanic: 2),
        ]
        let improved = MechanicConsolidation.improve(instance, spread, jobs: [0, 1, 2])
        #expect(Set(improved.compactMap { $0?.mechanic }).count == 2)
        #expect(instance.objective(of: improved) == instance.objective(of: spread) - 5)
        #expect(improved.map { $0?.start } == spread.map { $0?.start })
    }

    /// On random days (every rule at once, and fixed-time days) the local
    /// search never breaks a rule and never raises the greedy plan's cost.
    @Test func consolidationNeverWorsensAPlan() throws {
        for seed in UInt64(0)..<80 {
            let scenario = try seed % 2 == 0 ? randomScenario(seed: seed) : fixedTimeScenario(seed: seed)
            let instance = Instance(scenario)
            guard PinCheck.problems(in: instance).isEmpty else { continue }  // no plan exists
            let greedy = GreedyStrategy.greedyPlan(instance)
            let improved = MechanicConsolidation.improve(instance, greedy, jobs: Array(instance.jobs.indices))
            #expect(instance.objective(of: improved) <= instance.objective(of: greedy), "seed \(seed)")
            let result = PlanResult(
                strategy: "test", status: .feasible, placements: improved,
                objective: instance.objective(of: improved), bound: 0, seconds: 0,
                reasons: GreedyStrategy.reasons(instance, improved), problems: [], instance: instance)
            let report = PlanVerifier(scenario: scenario).verify(result.solutionFile())
            #expect(report.violations == [], "seed \(seed): \(report)")
            #expect(report.objective == instance.objective(of: improved), "seed \(seed)")
        }
    }
}

@Suite("slot covers")
struct SlotCoversTests {
    /// Against brute force on random interval families: every slot's
    /// covered set lies inside a kept row, and no kept row lies inside
    /// another (the kept rows are exactly the maximal sets).
    @Test func keptRowsAreTheMaximalCoveredSets() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<200 {
            var covers = SlotCovers()
            var intervals: [Range<Int>] = []
            for i in 0..<random.int(1...12) {
                let start = random.int(0...30), length = random.int(1...8)
                intervals.append(start..<(start + length))
                covers.add(start: start, end: start + length, term: Model.Term(Model.Variable(index: i)), job: i % 5)
            }
            let rows = covers.maximalRows().map { Set($0.terms.map(\.variable.index)) }
            for t in 0..<40 {
                let covered = Set(intervals.indices.filter { intervals[$0].contains(t) })
                guard !covered.isEmpty else { continue }
                #expect(rows.contains { covered.isSubset(of: $0) }, "slot \(t)")
            }
            for (a, row) in rows.enumerated() {
                #expect(!rows.enumerated().contains { $0.offset != a && row.isSubset(of: $0.element) })
            }
        }
    }
}
