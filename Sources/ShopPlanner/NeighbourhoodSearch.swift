import MILP
import ShopDomain

/// A large-neighbourhood search from an incumbent plan: again and again,
/// free a few jobs of a part, hold every other job where the incumbent has
/// it, and let the MILP re-plan the freed jobs; keep the result only when the
/// whole part's objective gets strictly better.
///
/// Why: on overloaded days GLPK's branch and bound over the whole day finds
/// better plans slowly, while a model of a dozen free jobs among fixed ones
/// solves in a blink. The search only ever improves the plan it was given;
/// it claims no bound, so the exact MILP that runs after it stays the only
/// source of `optimal`.
///
/// The held jobs are pinned on a copy of the scenario, compiled on the same
/// grid (`Instance(_:onGridOf:)`), so every constraint family of the
/// formulation (bays, mechanics, capacity, labour, pins) still holds them;
/// jobs that the incumbent leaves out and that are not freed are left out of
/// the copy, so they stay out.
///
/// Deterministic: the neighbourhoods are drawn by iteration number from a
/// fixed seed (``SplitMix64``), never by the clock. The time budget may stop
/// the search early, and a sub-model that hits its own time limit gives the
/// best plan it found by then; either way the plan is feasible.
enum NeighbourhoodSearch {
    /// How long and how widely to search.
    struct Settings: Sendable {
        /// Neighbourhoods to try at most.
        var iterations = 400
        /// Free jobs per neighbourhood at the start; it grows while small
        /// neighbourhoods are solved to the end without a gain and shrinks
        /// when one runs out of time.
        var initialSize = 12
        /// The most free jobs per neighbourhood.
        var largestSize = 30
        /// Seconds one sub-model may take at most.
        var subModelSeconds = 0.5
        /// The seed of the neighbourhood draws.
        var seed: UInt64 = 0x5EED_1A5
    }

    /// The three kinds of neighbourhood.
    enum Kind: CaseIterable {
        /// Jobs near in time to a drawn job: a window of the day.
        case window
        /// The jobs of one to three drawn mechanics, and the unscheduled
        /// jobs they could do.
        case mechanics
        /// Unscheduled jobs and the jobs placed around them.
        case unscheduled
    }

    /// `incumbent` improved on `jobs` (a part closed under interaction, see
    /// ``IndependentParts``); entries outside `jobs` are returned unchanged.
    /// Never worse than `incumbent`: a candidate is kept only when it is
    /// valid (``isValid(_:_:jobs:)``) and strictly cheaper.
    static func improve(
        _ instance: Instance, _ incumbent: [SlotPlacement?], jobs: [Int], solver: any Solver,
        solverOptions: SolveOptions, formulation: ShopFormulation.Options, settings: Settings = Settings(),
        deadline: ContinuousClock.Instant
    ) -> [SlotPlacement?] {
        var plan = incumbent
        var cost = instance.objective(of: plan, jobs: jobs)
        guard jobs.count > 1 else { return plan }
        var random = SplitMix64(seed: settings.seed)
        var size = min(settings.initialSize, jobs.count)
        for iteration in 0..<settings.iterations {
            guard ContinuousClock.now < deadline else { break }
            let kind = Kind.allCases[iteration % Kind.allCases.count]
            let free = neighbourhood(kind, instance, plan, jobs: jobs, size: size, random: &random)
            guard !free.isEmpty else { continue }
            let outcome = resolve(
                instance, plan, jobs: jobs, free: free, solver: solver, solverOptions: solverOptions,
                formulation: formulation, seconds: settings.subModelSeconds, deadline: deadline)
            if let candidate = outcome.plan {
                let candidateCost = instance.objective(of: candidate, jobs: jobs)
                if candidateCost < cost, isValid(instance, candidate, jobs: jobs) {
                    plan = candidate
                    cost = candidateCost
                    continue
                }
            }
            // No gain: a neighbourhood searched to the end was too small,
            // one that ran out of time too large.
            if outcome.complete {
                size = min(size + 2, settings.largestSize, jobs.count)
            } else {
                size = max(size - 2, 2)
            }
        }
        return plan
    }

    /// The free jobs of one neighbourhood of `kind`, ascending; at most
    /// about `size` of them.
    static func neighbourhood(
        _ kind: Kind, _ instance: Instance, _ plan: [SlotPlacement?], jobs: [Int], size: Int,
        random: inout SplitMix64
    ) -> [Int] {
        let unscheduled = jobs.filter { plan[$0] == nil && instance.jobs[$0].pinned == nil }
        let movable = jobs.filter { instance.jobs[$0].pinned == nil }
        guard !movable.isEmpty else { return [] }
        // Where a job sits in time: its placement, or the middle of its window.
        func when(_ j: Int) -> Int {
            if let placement = plan[j] { return placement.start + instance.jobs[j].length / 2 }
            let job = instance.jobs[j]
            return (job.earliest + job.latestEnd) / 2
        }
        func nearest(to anchor: Int, among pool: [Int]) -> [Int] {
            let sorted = pool.sorted { (abs(when($0) - anchor), $0) < (abs(when($1) - anchor), $1) }
            return Array(sorted.prefix(size))
        }
        switch kind {
        case .window:
            let anchor = random.pick(movable)
            return nearest(to: when(anchor), among: movable).sorted()
        case .mechanics:
            let used = Array(Set(jobs.compactMap { plan[$0]?.mechanic })).sorted()
            guard !used.isEmpty else { return nearest(to: when(random.pick(movable)), among: movable).sorted() }
            let chosen = Set(random.sample(used, count: random.int(in: 1...min(3, used.count))))
            var free = movable.filter { j in plan[j]?.mechanic.map(chosen.contains) ?? false }
            let couldJoin = unscheduled.filter { j in instance.jobs[j].mechanicOptions.contains(where: chosen.contains)
            }
            free += random.sample(couldJoin, count: max(size - free.count, 2))
            if free.count > 2 * size { free = random.sample(free, count: 2 * size) }
            return free.sorted()
        case .unscheduled:
            guard !unscheduled.isEmpty else {
                return nearest(to: when(random.pick(movable)), among: movable).sorted()
            }
            let seeds = random.sample(unscheduled, count: random.int(in: 1...min(3, unscheduled.count)))
            var free = Set(seeds)
            // Around them: jobs placed in their windows, nearest first.
            let share = max(1, (size - seeds.count) / seeds.count)
            for u in seeds {
                let job = instance.jobs[u]
                let around = movable.filter { j in
                    guard let placement = plan[j] else { return false }
                    // Until its bay is free again (a paused job's end, not start plus length).
                    return placement.start < job.latestEnd
                        && instance.occupation(job: j, placement).end > job.earliest
                }
                free.formUnion(nearest(to: when(u), among: around).prefix(share))
            }
            return free.sorted()
        }
    }

    /// Re-plans `free` with every other job of `jobs` held at its place in
    /// `plan`; the whole plan with the re-planned jobs (or `nil` when the
    /// sub-model gave none), and whether the sub-model was solved to the end.
    static func resolve(
        _ instance: Instance, _ plan: [SlotPlacement?], jobs: [Int], free: [Int], solver: any Solver,
        solverOptions: SolveOptions, formulation: ShopFormulation.Options, seconds: Double,
        deadline: ContinuousClock.Instant
    ) -> (plan: [SlotPlacement?]?, complete: Bool) {
        let isFree = Set(free)
        // The copy holds the free jobs and the held ones that are placed.
        let kept = jobs.filter { isFree.contains($0) || plan[$0] != nil }
        guard let sub = heldCopy(instance, plan, jobs: kept, free: isFree) else { return (nil, false) }
        let model = ShopFormulation(sub, options: formulation, deadline: deadline)
        guard model.isComplete else { return (nil, false) }
        var options = solverOptions
        let left = ContinuousClock.now.duration(to: deadline).inSeconds
        guard left > 0 else { return (nil, false) }
        options.timeLimitSeconds = max(0.001, min(seconds, left))
        options.relativeGap = 0
        options.verbose = false
        options.incumbent = model.values(for: kept.map { plan[$0] })
        options.rounding = Rounding { [model] lp in
            model.values(for: model.roundedPlan(lpValues: lp, deadline: deadline))
        }
        let result = solver.solve(model.model, options: options)
        guard result.hasSolution, let found = model.plan(from: result.values) else {
            return (nil, result.status == .optimal)
        }
        var candidate = plan
        for (i, j) in kept.enumerated() { candidate[j] = found[i] }
        return (candidate, result.status == .optimal)
    }

    /// A scenario of `jobs` (in that order) on `instance`'s grid in which
    /// every job not in `free` is pinned where `plan` places it; `nil` when
    /// the copy cannot be built (it always can for a valid plan).
    static func heldCopy(_ instance: Instance, _ plan: [SlotPlacement?], jobs: [Int], free: Set<Int>) -> Instance? {
        let scenario = instance.scenario
        let copied = jobs.map { j -> Scenario.Job in
            var job = scenario.jobs[j]
            if !free.contains(j), let placement = plan[j] {
                job.pinned = Scenario.Placement(
                    start: instance.time(ofSlot: placement.start), bay: placement.bay, mechanic: placement.mechanic)
            }
            return job
        }
        guard
            let copy = try? Scenario(
                facility: scenario.facility, bays: scenario.bays, mechanics: scenario.mechanics, jobs: copied,
                weights: scenario.weights)
        else { return nil }
        return Instance(copy, onGridOf: instance)
    }

    /// Whether `plan` keeps every rule on `jobs`: each placed job pinned
    /// where the plan has it passes ``PinCheck`` (hours, window, bay,
    /// mechanic, overlaps, capacity, labour), and pinned jobs are at their pins.
    static func isValid(_ instance: Instance, _ plan: [SlotPlacement?], jobs: [Int]) -> Bool {
        for j in jobs {
            if let pin = instance.jobs[j].pinned, plan[j] != pin { return false }
        }
        let placed = jobs.filter { plan[$0] != nil }
        guard let copy = heldCopy(instance, plan, jobs: placed, free: []) else { return false }
        return PinCheck.problems(in: copy).isEmpty
    }
}
