/// The `mechanicUsed` that a crowd of simultaneous jobs forces: the overlap
/// lower bound of shift minimisation, for any scenario.
///
/// A job that needs a mechanic (mode `required`) and is scheduled runs over
/// its *compulsory part*, `[last start, first start + length)`, wherever it
/// starts. Jobs whose compulsory parts share a slot need distinct mechanics.
/// So at every slot, each such job costs at least `min(unscheduled, cheapest
/// placement + mechanicUsed)` instead of `min(unscheduled, cheapest
/// placement)`, except that up to one job per pinned mechanic (already paid
/// for) may ride on a pinned mechanic. The largest such extra over all slots
/// adds to the per-job bound (one slot only: a mechanic is paid once for
/// the whole horizon). For fixed-time jobs and no other costs this is the
/// largest number of jobs that overlap.
enum MechanicCrowdBound {
    /// - Parameters:
    ///   - cheapest: each unpinned job's cheapest placement cost alone,
    ///     without `mechanicUsed` (jobs that cannot be placed are absent).
    ///   - pinnedMechanics: mechanics whose `mechanicUsed` is already counted.
    static func extra(_ instance: Instance, cheapest: [Int: Int], pinnedMechanics: Int) -> Int {
        let weight = instance.weights.mechanicUsed
        guard weight > 0 else { return 0 }
        var events: [(slot: Int, delta: Int, job: Int)] = []
        // A resumable job's work need not cover its compulsory part (it may pause
        // there): leaving it out keeps the bound a bound.
        for (j, cost) in cheapest where instance.jobs[j].mode == .required && !instance.jobs[j].resumable {
            let job = instance.jobs[j]
            guard let first = job.starts.first, let last = job.starts.last, last < first + job.length else { continue }
            let unscheduled = instance.unscheduledCost(job: j)
            let increment = min(unscheduled, cost + weight) - min(unscheduled, cost)
            guard increment > 0 else { continue }
            events.append((last, increment, j))
            events.append((first + job.length, -increment, j))
        }
        // Ends before starts at the same slot: the compulsory parts are half-open.
        events.sort { ($0.slot, $0.delta, $0.job) < ($1.slot, $1.delta, $1.job) }
        var best = 0
        var crowd: [Int: Int] = [:]  // job -> increment, the jobs covering the current slot
        var index = 0
        while index < events.count {
            let slot = events[index].slot
            while index < events.count, events[index].slot == slot {
                let event = events[index]
                if event.delta > 0 { crowd[event.job] = event.delta } else { crowd[event.job] = nil }
                index += 1
            }
            let increments = crowd.values.sorted(by: >)
            best = max(best, increments.dropFirst(pinnedMechanics).reduce(0, +))
        }
        return best
    }
}
