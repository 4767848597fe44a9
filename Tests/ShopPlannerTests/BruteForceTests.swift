import ShopDomain
import ShopPlanner
import ShopTestSupport
import ShopVerifier
import Testing

/// Small random scenarios that exercise every rule and term at once, small
/// enough to enumerate every plan.
func randomScenario(seed: UInt64) throws -> Scenario {
    var random = SeededRandom(seed: seed)
    var shop = ShopBuilder()
    shop.slotMinutes = random.pick([30, 60])
    let slot = shop.slotMinutes
    shop.hours = random.chance(30) ? [["08:00", "10:00"], ["10:30", "12:00"]] : [["08:00", "11:30"]]
    shop.maxConcurrent = random.chance(30) ? random.int(1...2) : nil
    let types: [BayType] = [.generalService, .lift]
    let bayCount = random.int(1...2)
    for i in 1...bayCount {
        let oos: [(String, String)] =
            random.chance(25) ? [("09:\(random.pick(["00", "10", "30"]))", "10:\(random.pick(["00", "20"]))")] : []
        shop.bay("BAY-\(i)", random.pick(types), outOfService: oos)
    }
    let skills = ["A", "B"]
    for i in 1...random.int(1...2) {
        let has = skills.filter { _ in random.chance(60) }
        let shift = random.pick([("08:00", "12:00"), ("09:00", "12:00"), ("08:00", "10:15")])
        shop.mechanic("M-\(i)", skills: has, shifts: [shift], active: random.chance(90))
    }
    var weights = ScenarioFile.Weights(
        unscheduled: random.int(3...40), startDeviationPerSlot: random.int(0...3),
        missingPreferredSkill: random.int(0...6), unassignedMechanic: random.int(0...15),
        moved: random.int(0...9), changedBay: random.int(0...5), changedMechanic: random.int(0...5))
    if random.chance(30) { weights.mechanicUsed = random.int(1...10) }
    shop.weights = weights
    let jobCount = random.int(2...3)
    for i in 1...jobCount {
        let minutes = random.pick([slot / 2 + 5, slot, 2 * slot, 60, 90])  // some not a slot multiple
        let modes: [MechanicMode?] = [nil, .required, .optional, MechanicMode.none]
        let mode = random.pick(modes)
        var window: (String, String)? = nil
        if random.chance(30) {
            window = (random.pick(["08:00", "08:40", "09:00"]), random.pick(["10:00", "11:20", "12:00"]))
        }
        let preferred: [String]? =
            random.chance(60) ? [random.pick(["08:00", "08:15", "09:45", "11:00", "10:05"])] : nil
        var current: (String, String, String?)? = nil
        if random.chance(30) {
            current = (
                "0\(random.int(8...9)):00", "BAY-\(random.int(1...bayCount))",
                random.chance(70) ? "M-\(random.int(1...shop.mechanics.count))" : nil
            )
        }
        var pinned: (String, String, String?)? = nil
        if random.chance(12) {
            pinned = (
                "0\(random.int(8...9)):00", "BAY-\(random.int(1...bayCount))",
                random.chance(70) ? "M-\(random.int(1...shop.mechanics.count))" : nil
            )
        }
        shop.jobs.append(
            job(
                "J-\(i)", minutes: minutes,
                bays: random.chance(70) ? [random.pick(types)] : types,
                skills: skills.filter { _ in random.chance(30) },
                preferredSkills: random.chance(40) ? [random.pick(skills)] : nil,
                mode: mode, priority: random.int(1...3), window: window, preferred: preferred,
                pinned: pinned, current: current))
    }
    return try shop.scenario()
}

/// Enumerates every plan: each job unscheduled or at any (start, bay,
/// mechanic) on the slot grid of the horizon. Each complete plan is judged
/// by the verifier alone, so this optimum is independent of the planner.
/// Returns `nil` when no plan is feasible.
func bruteForceOptimum(_ scenario: Scenario) -> Int? {
    let verifier = PlanVerifier(scenario: scenario)
    let slot = scenario.facility.slotMinutes
    let begin = scenario.facility.horizonBegin
    let slots = 1440 * scenario.facility.horizonDays / slot
    typealias Option = (start: LocalDateTime, bay: String, mechanic: String?)?
    let mechanics: [String?] = [nil] + scenario.mechanics.map(\.id)

    // Prune with the verifier: keep a job's option only if the plan with
    // that job alone (others unscheduled, pinned jobs at their pins) breaks
    // no rule of that job.
    var base: [String: (start: LocalDateTime, bay: String, mechanic: String?)] = [:]
    for job in scenario.jobs {
        if let pin = job.pinned {
            base[job.id] = (pin.start, scenario.bays[pin.bay].id, pin.mechanic.map { scenario.mechanics[$0].id })
        }
    }
    var options: [[Option]] = []
    for job in scenario.jobs {
        var list: [Option] = job.pinned == nil ? [nil] : []
        for t in 0..<slots {
            for bay in scenario.bays {
                for mechanic in mechanics {
                    var placements = base
                    placements[job.id] = (begin.adding(minutes: t * slot), bay.id, mechanic)
                    let report = verifier.verify(SolutionFile.plan(for: scenario, placements: placements))
                    if !report.violations.contains(where: { $0.job == job.id }) {
                        list.append((begin.adding(minutes: t * slot), bay.id, mechanic))
                    }
                }
            }
        }
        options.append(list)
    }
    var best: Int?
    var chosen: [String: (start: LocalDateTime, bay: String, mechanic: String?)] = [:]
    func walk(_ index: Int) {
        if index == scenario.jobs.count {
            let report = verifier.verify(SolutionFile.plan(for: scenario, placements: chosen))
            if report.isFeasible, best == nil || report.objective < best! { best = report.objective }
            return
        }
        for option in options[index] {
            chosen[scenario.jobs[index].id] = option
            if option == nil { chosen.removeValue(forKey: scenario.jobs[index].id) }
            walk(index + 1)
        }
        chosen.removeValue(forKey: scenario.jobs[index].id)
    }
    walk(0)
    return best
}

@Suite("MILP equals brute force")
struct BruteForceTests {
    /// 240 seeded random scenarios: the MILP's optimum (and every MILP
    /// variant's) equals exhaustive enumeration's, every plan passes the
    /// verifier, greedy is feasible and never better than the optimum, and
    /// bounds never exceed it.
    @Test(arguments: 0..<8)
    func milpMatchesEnumeration(batch: Int) throws {
        var infeasible = 0
        for seed in UInt64(batch * 30)..<UInt64(batch * 30 + 30) {
            let scenario = try randomScenario(seed: seed)
            guard let optimum = expectMILPEqualsEnumeration(scenario, seed: seed).optimum else {
                infeasible += 1
                continue
            }
            // Pricing and fixing on these small models too (the default
            // hands models this small to GLPK whole).
            var pricing = MILPStrategy.defaultSolver
            pricing.columnsPerRound = 2
            pricing.directUpTo = 0
            let (priced, _) = planAndVerify(scenario, MILPStrategy(name: "milp-priced", solver: pricing))
            #expect(priced.status == .optimal && priced.objective == optimum, "seed \(seed) priced")
            // Every MILP variant in the catalog is exact too.
            for name in StrategyCatalog.names where name.hasPrefix("milp-") {
                let (variant, _) = planAndVerify(scenario, StrategyCatalog.strategy(named: name)!)
                #expect(variant.status == .optimal && variant.objective == optimum, "seed \(seed) \(name)")
            }
        }
        // Most scenarios must have plans, or the test would prove little.
        #expect(infeasible < 10)
    }
}

/// Small random scenarios whose open time joins: either one day open
/// 08:00–10:00 and 10:00–12:00 (touching at 10:00), or two days open
/// 00:00–02:00 and 20:00–24:00 every day (so Mon 20:00 – Tue 02:00 runs
/// through midnight). Shifts touch, overlap or leave gaps at those joins;
/// jobs are long enough to need them. `crossing` is the join a job can
/// run over (10:00, or Tuesday 00:00).
func randomJoinedScenario(seed: UInt64) throws -> (scenario: Scenario, crossing: LocalDateTime) {
    var random = SeededRandom(seed: seed)
    var shop = ShopBuilder()
    let midnight = random.chance(50)
    let times: (shifts: [[(String, String)]], windowStarts: [String], windowEnds: [String], starts: [String])
    if midnight {
        shop.days = 2
        shop.slotMinutes = 60
        shop.hours = [["00:00", "02:00"], ["20:00", "24:00"]]
        times = (
            shifts: [
                [("2026-11-23T20:00", "2026-11-24T00:00"), ("2026-11-24T00:00", "2026-11-24T02:00")],
                [("2026-11-23T21:00", "2026-11-24T01:00")],
                [("2026-11-23T00:00", "2026-11-23T02:00"), ("2026-11-23T22:00", "2026-11-24T02:00")],
                [("2026-11-23T20:00", "2026-11-23T23:00"), ("2026-11-24T00:00", "2026-11-24T02:00")],
                [("2026-11-23T20:00", "2026-11-24T01:00"), ("2026-11-23T23:00", "2026-11-24T02:00")],
            ],
            windowStarts: ["2026-11-23T00:00", "2026-11-23T21:00", "2026-11-23T22:30"],
            windowEnds: ["2026-11-24T01:00", "2026-11-24T02:00", "2026-11-25T00:00"],
            starts: ["2026-11-23T20:00", "2026-11-23T22:00", "2026-11-23T23:00", "2026-11-24T00:00"]
        )
    } else {
        let slot = random.pick([30, 60])
        shop.slotMinutes = slot
        shop.hours =
            random.chance(70)
            ? [["08:00", "10:00"], ["10:00", "12:00"]]
            : [["08:00", "10:00"], ["10:00", "11:00"], ["11:30", "12:30"]]
        times = (
            shifts: [
                [("08:00", "10:00"), ("10:00", "12:00")], [("08:00", "12:00")],
                [("09:00", "10:00"), ("10:00", "11:30")], [("08:00", "10:30"), ("09:30", "12:00")],
                [("08:00", "10:00"), ("10:30", "12:00")],
            ],
            windowStarts: ["08:00", "08:40", "09:00"],
            windowEnds: ["11:00", "11:20", "12:30"],
            // Pins and current starts must lie on the grid.
            starts: ["08:00", "09:00", slot == 30 ? "09:30" : "11:00", "10:00"]
        )
    }
    let slot = shop.slotMinutes
    shop.maxConcurrent = random.chance(25) ? 1 : nil
    let types: [BayType] = [.generalService, .lift]
    let jobCount = random.int(2...3)
    // Three jobs on two bays would make enumeration slow; one bay then.
    let bayCount = jobCount == 3 ? 1 : random.int(1...2)
    for i in 1...bayCount {
        let oos: [(String, String)] =
            random.chance(15) ? [(random.pick(times.starts), random.pick(times.windowEnds))] : []
        shop.bay("BAY-\(i)", random.pick(types), outOfService: oos.filter { at($0.0) < at($0.1) })
    }
    let skills = ["A", "B"]
    for i in 1...random.int(1...2) {
        shop.mechanic(
            "M-\(i)", skills: skills.filter { _ in random.chance(60) }, shifts: random.pick(times.shifts),
            active: random.chance(90))
    }
    var weights = ScenarioFile.Weights(
        unscheduled: random.int(3...40), startDeviationPerSlot: random.int(0...3),
        missingPreferredSkill: random.int(0...6), unassignedMechanic: random.int(0...15),
        moved: random.int(0...9), changedBay: random.int(0...5), changedMechanic: random.int(0...5))
    if random.chance(25) { weights.mechanicUsed = random.int(1...10) }
    shop.weights = weights
    for i in 1...jobCount {
        var minutes = random.pick([slot, 2 * slot + 5, 150, 180, 240])
        var mode = random.pick([nil, .required, .optional, MechanicMode.none] as [MechanicMode?])
        var window: (String, String)? = nil
        if random.chance(30) { window = (random.pick(times.windowStarts), random.pick(times.windowEnds)) }
        let preferred: [String]? = random.chance(60) ? [random.pick(times.starts)] : nil
        var current: (String, String, String?)? = nil
        if random.chance(25) {
            current = (
                random.pick(times.starts), "BAY-\(random.int(1...bayCount))",
                random.chance(70) ? "M-\(random.int(1...shop.mechanics.count))" : nil
            )
        }
        var pinned: (String, String, String?)? = nil
        if random.chance(10) {
            pinned = (
                random.pick(times.starts), "BAY-\(random.int(1...bayCount))",
                random.chance(70) ? "M-\(random.int(1...shop.mechanics.count))" : nil
            )
            // A short pinned job that suits its pin's bay and mechanic (which may still be
            // inactive or off shift), so that most scenarios have plans.
            minutes = slot
            mode = pinned!.2 == nil ? .optional : nil
        }
        let anyBay = pinned != nil || random.chance(30)
        shop.jobs.append(
            job(
                "J-\(i)", minutes: minutes, bays: anyBay ? types : [random.pick(types)],
                skills: pinned != nil ? [] : skills.filter { _ in random.chance(25) },
                preferredSkills: random.chance(30) ? [random.pick(skills)] : nil,
                mode: mode, priority: random.int(1...3), window: window, preferred: preferred,
                pinned: pinned, current: current))
    }
    let crossing = LocalDateTime(midnight ? "2026-11-24T00:00" : at("10:00"))!
    return (try shop.scenario(), crossing)
}

@Suite("MILP equals brute force where open time joins")
struct JoinedOpenTimeBruteForceTests {
    /// 80 seeded scenarios with touching ranges, midnight runs and touching or
    /// overlapping shifts: the MILP's optimum equals enumeration judged by the
    /// verifier (which joins open time on its own), every plan passes the
    /// verifier, greedy is feasible and never better. Some optimal plans
    /// must run a job over the join, or the test would not reach the rule.
    @Test(arguments: 0..<4)
    func milpMatchesEnumeration(batch: Int) throws {
        var infeasible = 0, crossings = 0
        for seed in UInt64(1000 + batch * 20)..<UInt64(1000 + batch * 20 + 20) {
            let (scenario, crossing) = try randomJoinedScenario(seed: seed)
            let (optimum, milp) = expectMILPEqualsEnumeration(scenario, seed: seed)
            guard optimum != nil else {
                infeasible += 1
                continue
            }
            crossings += milp.solutionFile().assignments.count { assignment in
                guard let start = LocalDateTime(assignment.start), let end = LocalDateTime(assignment.end) else {
                    return false
                }
                return start < crossing && crossing < end
            }
        }
        #expect(infeasible < 5)
        #expect(crossings >= 3, "only \(crossings) optimal placements run over the join")
    }
}

/// The core of both brute-force comparisons: the MILP's plan and greedy's
/// are verified (inside `planAndVerify`); when enumeration finds no plan both
/// say `infeasible`; otherwise the MILP proves enumeration's optimum, and
/// greedy's plan is no better than it and its bound no higher.
func expectMILPEqualsEnumeration(
    _ scenario: Scenario, seed: UInt64,
    sourceLocation: SourceLocation = #_sourceLocation
) -> (optimum: Int?, milp: PlanResult) {
    let optimum = bruteForceOptimum(scenario)
    let (milp, _) = planAndVerify(scenario, sourceLocation: sourceLocation)
    let (greedy, _) = planAndVerify(scenario, GreedyStrategy(), sourceLocation: sourceLocation)
    guard let optimum else {
        #expect(milp.status == .infeasible, "seed \(seed)", sourceLocation: sourceLocation)
        #expect(greedy.status == .infeasible, "seed \(seed)", sourceLocation: sourceLocation)
        return (nil, milp)
    }
    #expect(milp.status == .optimal, "seed \(seed)", sourceLocation: sourceLocation)
    #expect(milp.objective == optimum, "seed \(seed)", sourceLocation: sourceLocation)
    #expect(milp.bound == optimum, "seed \(seed)", sourceLocation: sourceLocation)
    #expect(greedy.objective! >= optimum, "seed \(seed)", sourceLocation: sourceLocation)
    #expect(greedy.bound! <= optimum, "seed \(seed)", sourceLocation: sourceLocation)
    return (optimum, milp)
}
