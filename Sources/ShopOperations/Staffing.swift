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
    /// orders the request's candidates (the best first).
    public static func mechanic(_ model: ShopState, start: Int, preferring order: [Int]) -> Int? {
        let instance = model.instance, occupancy = model.occupancy
        let range = model.range(start)
        func candidates(job j: Int, at s: Int, length: Int, from list: [Int]) -> [Int] {
            list.filter {
                instance.mechanicAvailable(job: j, mechanic: $0, start: s)
                    && occupancy.isMechanicFree($0, s..<(s + length))
            }
        }
        let mine = candidates(job: model.newJob, at: start, length: model.length, from: order)
        guard !mine.isEmpty else { return nil }
        // Unassigned appointments overlapping the request, needing a mechanic who exists.
        var others: [[Int]] = []
        for (j, index) in model.appointmentJobs.enumerated() {
            guard let placement = model.bookedPlacement(j), placement.mechanic == nil,
                model.facility.appointments[index].file.needsMechanic ?? true
            else { continue }
            let length = instance.jobs[j].length
            guard placement.start < range.upperBound, range.lowerBound < placement.start + length else { continue }
            let skills = model.scenario.jobs[j].requiredSkills
            let able = model.scenario.mechanics.indices.filter {
                model.scenario.mechanics[$0].active && skills.isSubset(of: model.scenario.mechanics[$0].skills)
            }
            guard !able.isEmpty else { continue }  // waits for skills; takes no one
            others.append(
                able.filter {
                    occupancy.isMechanicFree($0, placement.start..<(placement.start + length))
                        && shiftCovers(instance, mechanic: $0, placement.start..<(placement.start + length))
                })
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
