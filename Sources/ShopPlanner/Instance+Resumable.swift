extension Instance {
    /// The work slots of resumable job `j` started at slot `s` with mechanic `m` (`nil`:
    /// none), as maximal runs in order (contract §7): from `s` on, each slot in which the
    /// shop is open and, with a mechanic, `m` is on shift, until the job's `d` slots are
    /// counted. `nil` when `s` is not such a slot or the `d` slots do not all exist before
    /// the horizon ends. The job holds its bay from `s` to the end of the last run.
    public func resumableWork(job j: Int, start s: Int, mechanic m: Int?) -> [Range<Int>]? {
        guard s >= 0, s < slotCount else { return nil }
        var remaining = jobs[j].length
        var pieces: [Range<Int>] = []
        var t = s
        while remaining > 0, t < slotCount {
            // The end of the run of work time holding `t`: both runs are maximal, so
            // their common part ends at the nearer end (`-1` when either is absent).
            let reach = m.map { min(intervalEnd[t], mechanics[$0].shiftReach[t]) } ?? intervalEnd[t]
            guard reach > t else {
                if t == s { return nil }
                t += 1
                continue
            }
            let take = min(remaining, reach - t)
            if let last = pieces.last, last.upperBound == t {
                pieces[pieces.count - 1] = last.lowerBound..<(t + take)
            } else {
                pieces.append(t..<(t + take))
            }
            remaining -= take
            t += take
        }
        return remaining == 0 ? pieces : nil
    }
}
