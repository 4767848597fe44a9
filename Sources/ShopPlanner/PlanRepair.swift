/// Local repair of a plan: brings an unscheduled job in by moving one job
/// that blocks it elsewhere (a depth-one ejection), when that lowers the
/// objective. Used on plans rounded from the LP, which often leave out a job
/// that fits once a neighbour shifts.
enum PlanRepair {
    /// `plan` with improving moves applied until none is left (or `jobs`
    /// have each been tried `rounds` times, or `deadline` passes). Only jobs
    /// in `jobs` move.
    static func improve(
        _ instance: Instance, _ plan: [SlotPlacement?], jobs: [Int], rounds: Int = 2,
        deadline: ContinuousClock.Instant? = nil
    ) -> [SlotPlacement?] {
        var plan = plan
        var cost = instance.objective(of: plan, jobs: jobs)
        for _ in 0..<rounds {
            var improved = false
            let waiting = jobs.filter { plan[$0] == nil && !instance.jobs[$0].starts.isEmpty }
                .sorted { (-instance.jobs[$0].priority, $0) < (-instance.jobs[$1].priority, $1) }
            for j in waiting {
                if let deadline, ContinuousClock.now >= deadline { return plan }
                if let better = bringIn(instance, j, plan, jobs: jobs, cost: cost, deadline: deadline) {
                    plan = better.plan
                    cost = better.cost
                    improved = true
                }
            }
            if !improved { break }
        }
        return plan
    }

    /// The best plan with `j` placed and at most one other job moved, if it
    /// costs less than `cost`.
    private static func bringIn(
        _ instance: Instance, _ j: Int, _ plan: [SlotPlacement?], jobs: [Int],
        cost: Int, deadline: ContinuousClock.Instant?
    ) -> (plan: [SlotPlacement?], cost: Int)? {
        let job = instance.jobs[j]
        let inPart = Set(jobs)
        var best: (plan: [SlotPlacement?], cost: Int)?
        // What each placed job takes, worked out once.
        var taken: [Int: Occupation] = [:]
        for k in jobs where k != j { if let p = plan[k] { taken[k] = instance.occupation(job: k, p) } }
        for s in job.starts {
            // Who could work it from `s`, and what each way takes (a resumable job's end
            // depends on its mechanic's shifts).
            let crews: [Int?] =
                job.mode == .none
                ? [nil]
                : job.mechanicOptions.filter {
                    job.resumable || instance.mechanicAvailable(job: j, mechanic: $0, start: s)
                }.map { $0 } + (job.mode == .optional ? [nil] : [])
            let ways: [(mechanic: Int?, occupation: Occupation)] = crews.compactMap { m in
                guard let occupation = instance.occupation(job: j, start: s, mechanic: m),
                    occupation.end <= job.latestEnd
                else { return nil }
                return (m, occupation)
            }
            for b in job.bayOptions {
                if let deadline, ContinuousClock.now >= deadline { return best }
                for (m, occupation) in ways where instance.bayAvailable(job: j, bay: b, held: occupation.held) {
                    // Who is in the way on this bay or mechanic?
                    var blockers: [Int] = []
                    for k in jobs where k != j {
                        guard let p = plan[k], let other = taken[k] else { continue }
                        guard
                            (p.bay == b && other.held.overlaps(occupation.held))
                                || (m != nil && p.mechanic == m && other.worksTogether(with: occupation))
                        else { continue }
                        blockers.append(k)
                        if blockers.count > 1 { break }
                    }
                    guard blockers.count == 1, let k = blockers.first, instance.jobs[k].pinned == nil,
                        inPart.contains(k)
                    else { continue }
                    var trial = plan
                    trial[k] = nil
                    trial[j] = SlotPlacement(start: s, bay: b, mechanic: m)
                    guard var occupancy = Occupancy(instance, consistentPlan: trial) else { continue }
                    if let (moved, _) = GreedyStrategy.cheapestFreePlacement(instance, job: k, occupancy: occupancy) {
                        trial[k] = moved
                        occupancy.place(moved, job: k)
                    }
                    let trialCost = instance.objective(of: trial, jobs: jobs)
                    if trialCost < (best?.cost ?? cost) { best = (trial, trialCost) }
                }
            }
        }
        return best
    }
}

extension Occupancy {
    /// The occupancy of `plan`, or `nil` when its jobs do not fit together
    /// (a bay or mechanic used twice in a slot, or `maxConcurrent` broken).
    init?(_ instance: Instance, consistentPlan plan: [SlotPlacement?]) {
        self.init(instance)
        for (j, placement) in plan.enumerated() {
            guard let placement else { continue }
            guard isFree(placement, job: j) else { return nil }
            place(placement, job: j)
        }
    }
}
