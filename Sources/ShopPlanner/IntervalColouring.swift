/// Names the members of a group for jobs that the formulation placed in the
/// group as a whole.
///
/// First fit in order of start: each job takes the lowest-numbered member
/// free at its start. On intervals this never needs more members than the
/// most jobs running at once, so it succeeds whenever the formulation kept
/// that number within the group's size, and it uses as few members as
/// possible (which is what `mechanicUsed` pays for).
enum IntervalColouring {
    /// `jobs` are (job, start, end) in slots; returns the member per job, in
    /// the same order, or `nil` when more jobs overlap than there are members.
    static func assign(_ jobs: [(job: Int, start: Int, end: Int)], members: [Int]) -> [Int]? {
        let order = jobs.indices.sorted { (jobs[$0].start, jobs[$0].job) < (jobs[$1].start, jobs[$1].job) }
        var freeFrom = [Int](repeating: Int.min, count: members.count)
        var result = [Int](repeating: -1, count: jobs.count)
        for i in order {
            guard let k = freeFrom.firstIndex(where: { $0 <= jobs[i].start }) else { return nil }
            freeFrom[k] = jobs[i].end
            result[i] = members[k]
        }
        return result
    }
}
