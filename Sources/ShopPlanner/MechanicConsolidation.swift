/// Staffs jobs and frees mechanics by handing jobs from one mechanic to
/// another, keeping every job's start and bay.
///
/// Both moves rest on one search, an ejection chain: job `j` goes to a
/// qualified mechanic who is free for its whole run; or, where exactly one
/// job `k` is in the way, `j` takes its place and `k` goes on the same way,
/// and so on. The chain is found breadth first over jobs (each job once), so
/// the shortest one is used; its mechanics are distinct, so its moves do not
/// interfere.
///
/// - **Staffing**: a job left out for want of a free mechanic goes in, at a
///   free start and bay, when a chain ends at a mechanic; already-working
///   mechanics are tried before idle ones.
/// - **Consolidation** (when `mechanicUsed` is weighted): every job of one
///   mechanic goes to the others; this answers "can the others cover
///   Dana's jobs?", which rounding an LP at its bound rarely does, as the LP
///   spreads jobs over many half-used mechanics.
///
/// A resumable job keeps its mechanic and is not staffed here: its mechanic decides its
/// work slots and how long it holds its bay (contract §7).
///
/// A change is kept only when the objective drops. Deterministic: mechanics
/// are tried in order of fewest jobs, candidates by index, and a budget of
/// ``steps`` candidate checks ends the search.
enum MechanicConsolidation {
    /// `plan` improved by staffing and consolidation until neither helps.
    /// Only jobs in `jobs` change; pinned jobs never do.
    ///
    /// When `mechanicUsed` is weighted, the part is first staffed afresh:
    /// mechanics are stripped from its jobs, which are then staffed in order
    /// of start (each through a chain, working mechanics first), and
    /// consolidated. Unless that meets `bound`, the given plan is polished
    /// too, and the sweep is tried up to `restarts` times with mechanics
    /// preferred in a different fixed order each time, until a plan meets
    /// `bound` or `stall` sweeps in a row gain nothing. The cheapest plan
    /// wins, never worse than the given one. The search is deterministic;
    /// only a `deadline` that passes cuts it short (between attempts).
    static func improve(
        _ instance: Instance, _ plan: [SlotPlacement?], jobs: [Int], bound: Int? = nil,
        restarts: Int = 256, stall: Int = 64, steps: Int = 400_000_000,
        deadline: ContinuousClock.Instant? = nil
    ) -> [SlotPlacement?] {
        guard jobs.contains(where: { instance.jobs[$0].mode != .none }) else { return plan }
        let goal = bound ?? Int.min
        var budget = steps
        /// Staffs the part afresh (mechanics preferred by `rank`) and polishes.
        func sweep(_ rank: [UInt64]?) -> (plan: [SlotPlacement?], cost: Int) {
            var state = State(instance, plan, jobs: jobs, steps: budget, rank: rank)
            state.staffAfresh()
            defer { budget = state.steps }
            // Staffing afresh may give a day more labour than it may book:
            // such a sweep never wins.
            guard instance.keepsLabourLimit(state.plan) else { return (plan, Int.max) }
            return polish(instance, state.plan, jobs: jobs, rank: rank, budget: &state.steps, deadline: deadline)
        }
        guard instance.weights.mechanicUsed > 0 else {
            return polish(instance, plan, jobs: jobs, rank: nil, budget: &budget, deadline: deadline).plan
        }
        // The fresh sweep first: on fixed-time days it usually meets the bound
        // at once, and polishing a poor given plan is the slower road.
        var best = sweep(nil)
        if best.cost <= goal { return best.plan }
        let given = polish(instance, plan, jobs: jobs, rank: nil, budget: &budget, deadline: deadline)
        if given.cost < best.cost { best = given }
        var lastGain = 0
        for restart in 1..<max(restarts, 1) {
            // Flexible days rarely gain from more sweeps; stop when they stall.
            if budget <= 0 || best.cost <= goal || isPast(deadline) || restart - lastGain > stall { break }
            let trial = sweep(instance.mechanics.indices.map { scramble($0, restart) })
            if trial.cost < best.cost {
                best = trial
                lastGain = restart
            }
        }
        return best.plan
    }

    /// Staffs waiting jobs, then frees mechanics while that lowers the cost.
    private static func polish(
        _ instance: Instance, _ plan: [SlotPlacement?], jobs: [Int], rank: [UInt64]?,
        budget: inout Int, deadline: ContinuousClock.Instant?
    ) -> (plan: [SlotPlacement?], cost: Int) {
        var state = State(instance, plan, jobs: jobs, steps: budget, rank: rank)
        var cost = instance.objective(of: plan, jobs: jobs)
        defer { budget = state.steps }

        /// Runs `change` on a copy and keeps it when it lowers the cost.
        func attempt(_ change: (inout State) -> Bool) -> Bool {
            var trial = state
            let changed = change(&trial)
            state.steps = trial.steps
            // Staffing a waiting job books its labour (rule 7).
            guard changed, instance.keepsLabourLimit(trial.plan) else { return false }
            let trialCost = instance.objective(of: trial.plan, jobs: jobs)
            guard trialCost < cost else { return false }
            let steps = state.steps
            state = trial
            state.steps = steps
            cost = trialCost
            return true
        }

        let waiting = jobs.filter {
            plan[$0] == nil && instance.jobs[$0].mode != .none && !instance.jobs[$0].starts.isEmpty
                && !instance.jobs[$0].resumable
        }
        .sorted { (-instance.jobs[$0].priority, $0) < (-instance.jobs[$1].priority, $1) }
        for j in waiting where state.steps > 0 && !isPast(deadline) {
            _ = attempt { $0.staff(j) }
        }
        guard instance.weights.mechanicUsed > 0 else { return (state.plan, cost) }
        var improved = true
        while improved && state.steps > 0 && !isPast(deadline) {
            improved = false
            let targets = state.used.sorted { (state.assigned[$0].count, $0) < (state.assigned[$1].count, $1) }
            for target in targets where state.used.contains(target) && state.steps > 0 && !isPast(deadline) {
                if attempt({ $0.empty(target) }) { improved = true }
            }
        }
        return (state.plan, cost)
    }

    private static func isPast(_ deadline: ContinuousClock.Instant?) -> Bool {
        deadline.map { ContinuousClock.now >= $0 } ?? false
    }

    /// A fixed scramble of mechanic `m` for restart `r`: the order in which
    /// that restart prefers mechanics. Not random: the same every run.
    private static func scramble(_ m: Int, _ r: Int) -> UInt64 {
        var z = UInt64(m + 1) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(r) &* 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return z ^ (z >> 32)
    }

    /// Who does what while chains are tried. A value: a failed attempt is
    /// dropped by keeping the old copy.
    private struct State {
        let instance: Instance
        var plan: [SlotPlacement?]
        /// Jobs per mechanic (every placed job, in the part or not).
        var assigned: [[Int]]
        var used: Set<Int>
        /// Jobs of the part whose mechanic may change (not pinned).
        let movable: Set<Int>
        var steps: Int
        /// Preference among candidate mechanics (lowest first); index order when `nil`.
        let rank: [UInt64]?
        /// Qualified mechanics on shift per job and start, in ``rank`` order,
        /// shared by the copies of one search (the answers never change).
        let cache = CandidateCache()

        init(_ instance: Instance, _ plan: [SlotPlacement?], jobs: [Int], steps: Int, rank: [UInt64]?) {
            self.instance = instance
            self.plan = plan
            self.steps = steps
            self.rank = rank
            var assigned = [[Int]](repeating: [], count: instance.mechanics.count)
            for (j, placement) in plan.enumerated() {
                if let m = placement?.mechanic { assigned[m].append(j) }
            }
            self.assigned = assigned
            used = Set(assigned.indices.filter { !assigned[$0].isEmpty })
            // A resumable job's mechanic decides its work and how long it holds its bay
            // (contract §7): handing it to another mechanic would move its end, so it
            // keeps its mechanic; its work still blocks that mechanic.
            movable = Set(jobs.filter { instance.jobs[$0].pinned == nil && !instance.jobs[$0].resumable })
        }

        /// Plans the movable jobs again in order of start: each keeps its
        /// start (a waiting job takes its first start that fits) and its bay
        /// when free (else the first free one: in start order, first fit
        /// never strands a job that identical bays could hold), and is
        /// staffed through a chain. A job that finds no bay or mechanic is
        /// left out (or kept without a mechanic when that is allowed).
        mutating func staffAfresh() {
            func firstStart(_ j: Int) -> Int { plan[j]?.start ?? instance.jobs[j].starts.first ?? Int.max }
            let order = movable.filter { plan[$0] != nil || !instance.jobs[$0].starts.isEmpty }
                .sorted {
                    (firstStart($0), -instance.jobs[$0].length, $0) < (firstStart($1), -instance.jobs[$1].length, $1)
                }
            var others = plan
            for j in order {
                if plan[j]?.mechanic != nil { unassign(j) }
                others[j] = nil
            }
            var occupancy = Occupancy(instance, plan: others)
            for j in order {
                let starts = plan[j].map { [$0.start] } ?? instance.jobs[j].starts
                let bays = (plan[j].map { [$0.bay] } ?? []) + instance.jobs[j].bayOptions
                plan[j] = nil
                if place(j, starts: starts, bays: bays, occupancy: occupancy) {
                    occupancy.place(plan[j]!, job: j)
                }
            }
        }

        /// Places waiting job `j` at its first start with a free bay and
        /// capacity, staffed through a chain (working mechanics first).
        mutating func staff(_ j: Int) -> Bool {
            place(
                j, starts: instance.jobs[j].starts, bays: instance.jobs[j].bayOptions,
                occupancy: Occupancy(instance, plan: plan))
        }

        /// Puts unplaced job `j` at the first of `starts` with capacity and
        /// one of `bays` free in `occupancy`, staffed through a chain
        /// (working mechanics first, then idle ones) unless it needs no
        /// mechanic; an optional job stays without one when no chain is
        /// found. `false`, with `j` still unplaced, when nothing fits.
        private mutating func place(_ j: Int, starts: [Int], bays: [Int], occupancy: Occupancy) -> Bool {
            let job = instance.jobs[j]
            for s in starts {
                let range = s..<(s + job.length)
                guard occupancy.hasCapacity(range),
                    let bay = bays.first(where: {
                        instance.bayAvailable(job: j, bay: $0, start: s) && occupancy.isBayFree($0, range)
                    })
                else { continue }
                plan[j] = SlotPlacement(start: s, bay: bay, mechanic: nil)
                if job.mode == .none || chain(from: j, avoiding: nil, idleToo: false)
                    || chain(from: j, avoiding: nil, idleToo: true) || job.mode == .optional
                {
                    return true
                }
                plan[j] = nil
            }
            return false
        }

        /// Hands every job of `target` to the other working mechanics, or
        /// returns `false` (the state is then partly changed).
        mutating func empty(_ target: Int) -> Bool {
            let jobs = assigned[target].sorted { (-instance.jobs[$0].length, $0) < (-instance.jobs[$1].length, $1) }
            guard jobs.allSatisfy(movable.contains) else { return false }
            for j in jobs {
                unassign(j)
                guard chain(from: j, avoiding: target, idleToo: false) else { return false }
            }
            used.remove(target)
            return true
        }

        private func run(_ j: Int) -> Range<Int> {
            let start = plan[j]!.start
            return start..<(start + instance.jobs[j].length)
        }

        /// Whether placed job `k` works during `range` (a resumable job only in its work slots).
        private func works(_ k: Int, during range: Range<Int>) -> Bool {
            guard instance.jobs[k].resumable else { return run(k).overlaps(range) }
            return instance.occupation(job: k, plan[k]!).work.contains { $0.overlaps(range) }
        }

        private func candidates(_ j: Int, idleToo: Bool) -> [Int] {
            let start = plan[j]!.start
            let key = j * instance.slotCount + start
            let all: [Int]
            if let known = cache.options[key] {
                all = known
            } else {
                var options = instance.jobs[j].mechanicOptions.filter {
                    instance.mechanicAvailable(job: j, mechanic: $0, start: start)
                }
                if let rank { options.sort { (rank[$0], $0) < (rank[$1], $1) } }
                cache.options[key] = options
                all = options
            }
            return idleToo ? all : all.filter(used.contains)
        }

        /// Finds the shortest chain that staffs unstaffed job `root` and
        /// applies it. `avoiding` (if any) takes no job.
        private mutating func chain(from root: Int, avoiding: Int?, idleToo: Bool) -> Bool {
            // parent[k] = (job whose move ejects k, mechanic it moves to)
            var parent: [Int: (job: Int, mechanic: Int)] = [:]
            var queue = [root], head = 0
            var visited: Set<Int> = [root]
            while head < queue.count, steps > 0 {
                let x = queue[head]
                head += 1
                // Mechanics already on x's chain cannot be used again.
                var onPath = Set<Int>()
                var walk = x
                while let p = parent[walk] { onPath.insert(p.mechanic); walk = p.job }
                let range = run(x)
                var blocked: [(mechanic: Int, job: Int)] = []
                for m in candidates(x, idleToo: idleToo) where m != avoiding && !onPath.contains(m) {
                    steps -= 1
                    let inTheWay = assigned[m].filter { works($0, during: range) }
                    if inTheWay.isEmpty {
                        apply(x, to: m, parent: parent)
                        return true
                    }
                    if inTheWay.count == 1, movable.contains(inTheWay[0]), !visited.contains(inTheWay[0]) {
                        blocked.append((m, inTheWay[0]))
                    }
                }
                for (m, k) in blocked where !visited.contains(k) {
                    visited.insert(k)
                    parent[k] = (x, m)
                    queue.append(k)
                }
            }
            return false
        }

        /// Gives `last` to free mechanic `m`, then walks the chain back:
        /// each ejected job's place goes to the job that ejected it.
        private mutating func apply(_ last: Int, to m: Int, parent: [Int: (job: Int, mechanic: Int)]) {
            var job = last, mechanic = m
            while true {
                if plan[job]!.mechanic != nil { unassign(job) }
                assign(job, to: mechanic)
                guard let p = parent[job] else { break }
                job = p.job
                mechanic = p.mechanic
            }
        }

        private mutating func unassign(_ j: Int) {
            let m = plan[j]!.mechanic!
            assigned[m].removeAll { $0 == j }
            plan[j]!.mechanic = nil
            if assigned[m].isEmpty { used.remove(m) }
        }

        private mutating func assign(_ j: Int, to m: Int) {
            assigned[m].append(j)
            plan[j]!.mechanic = m
            used.insert(m)
        }
    }
}

/// Candidate mechanics per (job, start) for one search; a class so that the
/// copies of a search state share what was already worked out.
private final class CandidateCache {
    var options: [Int: [Int]] = [:]
}
