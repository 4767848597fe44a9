import ShopDomain
import ShopPlanner

/// Whether a mechanic can still be found for the request without taking one
/// from the unassigned appointments it overlaps: a bipartite matching of those
/// appointments and the request to mechanics who are qualified, on shift and
/// not busy with assigned work over each one's whole time. Conservative: two
/// unassigned appointments count as needing two mechanics even when they do not
/// overlap each other.
public enum Staffing {
    /// A mechanic for the request, or `nil` when none is left. `preferring`
    /// orders the request's candidates (the best first). Work that may pause
    /// (contract §7) takes a mechanic only in its work slots with that mechanic,
    /// which must end inside the request's window.
    public static func mechanic(_ model: ShopState, start: Int, preferring order: [Int]) -> Int? {
        let instance = model.instance, occupancy = model.occupancy, r = model.newJob
        /// The work of job `j` from `s` with `m` when `m` is on shift for it and free in every work slot.
        func freeWork(job j: Int, at s: Int, mechanic m: Int) -> [Range<Int>]? {
            guard let work = model.work(job: j, start: s, mechanic: m),
                model.scenario.jobs[j].resumable || shiftCovers(instance, mechanic: m, work[0]),
                work.allSatisfy({ occupancy.isMechanicFree(m, $0) })
            else { return nil }
            return work
        }
        var span = start..<start
        let mine = order.filter { m in
            guard instance.jobs[r].mechanicOptions.contains(m),
                let work = freeWork(job: r, at: start, mechanic: m),
                work.last!.upperBound <= instance.jobs[r].latestEnd
            else { return false }
            span = span.lowerBound..<max(span.upperBound, work.last!.upperBound)
            return true
        }
        guard !mine.isEmpty else { return nil }
        // Unassigned appointments overlapping the request, needing a mechanic who exists.
        var others: [[Int]] = []
        for (j, index) in model.appointmentJobs.enumerated() {
            guard let placement = model.bookedPlacement(j), placement.mechanic == nil,
                model.facility.appointments[index].file.needsMechanic ?? true,
                let held = model.work(job: j, start: placement.start, mechanic: nil).map(ShopState.held),
                held.overlaps(span)
            else { continue }
            let skills = model.scenario.jobs[j].requiredSkills
            let able = model.scenario.mechanics.indices.filter {
                model.scenario.mechanics[$0].active && skills.isSubset(of: model.scenario.mechanics[$0].skills)
            }
            guard !able.isEmpty else { continue }  // waits for skills; takes no one
            others.append(able.filter { freeWork(job: j, at: placement.start, mechanic: $0) != nil })
        }
        if others.isEmpty { return mine.first }
        // The request's candidates in order: the first that leaves the others as well staffed as before.
        let before = matchingSize(others)
        for m in mine where matchingSize(others.map { $0.filter { $0 != m } }) == before { return m }
        return nil
    }

    private static func shiftCovers(_ instance: Instance, mechanic m: Int, _ range: Range<Int>) -> Bool {
        instance.mechanics[m].shifts.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
    }

    /// Maximum matching size (Kuhn's augmenting paths; the lists are tiny).
    public static func matchingSize(_ candidates: [[Int]]) -> Int {
        var owner: [Int: Int] = [:]
        func augment(_ item: Int, _ seen: inout Set<Int>) -> Bool {
            for m in candidates[item] where seen.insert(m).inserted {
                if owner[m] == nil || augment(owner[m]!, &seen) {
                    owner[m] = item
                    return true
                }
            }
            return false
        }
        var size = 0
        for item in candidates.indices {
            var seen = Set<Int>()
            if augment(item, &seen) { size += 1 }
        }
        return size
    }
}
