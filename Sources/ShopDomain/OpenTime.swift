/// The contract's open-time rule on the slot grid, in one place for the
/// planner, the size check, the views and the what-if report. (The verifier
/// keeps its own reading: its independence is the point.)
public enum OpenTime {
    /// For each slot of the horizon, whether the shop is open in it: the union
    /// of the open days' operating-hours ranges, each rounded inwards to the
    /// grid (opening up, closing down) before the union is taken.
    public static func openSlots(_ facility: Scenario.Facility) -> [Bool] {
        let slot = facility.slotMinutes, perDay = 1440 / slot
        var open = [Bool](repeating: false, count: perDay * facility.horizonDays)
        for day in 0..<facility.horizonDays {
            let date = facility.horizonStart.adding(days: day)
            guard !facility.closedDates.contains(date) else { continue }
            for range in facility.operatingHours[date.weekday] ?? [] {
                let from = day * perDay + (range.open.minutes + slot - 1) / slot
                let to = day * perDay + range.close.minutes / slot
                if from < to { for t in from..<to { open[t] = true } }
            }
        }
        return open
    }

    /// The maximal runs of `true`, in order: open slots as open intervals.
    public static func runs(_ flags: [Bool]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var t = 0
        while t < flags.count {
            guard flags[t] else { t += 1; continue }
            let start = t
            while t < flags.count, flags[t] { t += 1 }
            runs.append(start..<t)
        }
        return runs
    }

    /// `ranges` sorted and joined where they touch or overlap (empty ones
    /// dropped): the maximal runs of their union, as shifts and open ranges
    /// are read.
    public static func union(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The common part of two sorted, disjoint lists of ranges.
    public static func intersect(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let low = max(a[i].lowerBound, b[j].lowerBound), high = min(a[i].upperBound, b[j].upperBound)
            if low < high { result.append(low..<high) }
            if a[i].upperBound < b[j].upperBound { i += 1 } else { j += 1 }
        }
        return result
    }

    /// `ranges` without `cut`: a range it overlaps keeps the pieces before and after it.
    public static func subtract<Bound: Comparable>(_ ranges: [Range<Bound>], _ cut: Range<Bound>) -> [Range<Bound>] {
        ranges.flatMap { range -> [Range<Bound>] in
            guard range.overlaps(cut) else { return [range] }
            var pieces: [Range<Bound>] = []
            if range.lowerBound < cut.lowerBound { pieces.append(range.lowerBound..<cut.lowerBound) }
            if cut.upperBound < range.upperBound { pieces.append(cut.upperBound..<range.upperBound) }
            return pieces
        }
    }

    /// `amount` units of work done from `from` on in work time, carried over every break
    /// until done: the pieces worked, in order, each as long as the work time allows. Work
    /// time is `time` (sorted, disjoint, maximal runs: open time, or a mechanic's and a
    /// place's time together), and with `shifts` (the same kind of runs) only where both
    /// are. The walk of contract §7, in any unit: the planner walks slots of open time and
    /// a mechanic's shifts, the views minutes from now. The work starts at the first work
    /// time at or after `from`; `[]` for no work; `nil` when work time ends first.
    ///
    /// It steps from run to run, never unit by unit, so closed nights and weekends cost
    /// nothing however fine the units.
    public static func carryOver(
        _ amount: Int, from: Int, through time: [Range<Int>], within shifts: [Range<Int>]? = nil
    ) -> [Range<Int>]? {
        guard amount > 0 else { return [] }
        var i = firstRun(in: time, endingAfter: from)
        var k = shifts.map { firstRun(in: $0, endingAfter: from) } ?? 0
        var remaining = amount
        var pieces: [Range<Int>] = []
        var t = from
        while remaining > 0, i < time.count {
            var lower = max(t, time[i].lowerBound), upper = time[i].upperBound
            if let shifts {
                guard k < shifts.count else { break }
                lower = max(lower, shifts[k].lowerBound)
                upper = min(upper, shifts[k].upperBound)
            }
            if lower < upper {
                let take = min(remaining, upper - lower)
                if let last = pieces.last, last.upperBound == lower {
                    pieces[pieces.count - 1] = last.lowerBound..<(lower + take)
                } else {
                    pieces.append(lower..<(lower + take))
                }
                remaining -= take
                t = lower + take
                if t < upper { continue }
            }
            // Move past whichever run ends first (both, when they end together).
            let timeEnd = time[i].upperBound, shiftEnd = shifts.map { $0[k].upperBound } ?? Int.max
            if timeEnd <= shiftEnd { i += 1 }
            if shiftEnd <= timeEnd { k += 1 }
        }
        return remaining == 0 ? pieces : nil
    }

    /// The index of the first run of ascending, disjoint `runs` that ends after `t`.
    private static func firstRun(in runs: [Range<Int>], endingAfter t: Int) -> Int {
        var low = 0, high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].upperBound <= t { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
