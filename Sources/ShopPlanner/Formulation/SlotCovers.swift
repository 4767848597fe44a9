import MILP

/// The "at most so many at once" rows of one resource, reduced to the slots
/// that matter.
///
/// A no-overlap or capacity row bounds the placements covering a slot `t`
/// (`start ≤ t < end`). Only the maximal covered sets need a row, and in an
/// interval family they sit at starts: the set at any slot is contained in
/// the set at the latest start before it, and the set at a start is
/// contained in the next start's set unless some placement ends in between.
/// So a row is kept at `t` exactly when `t` is the latest start before some
/// placement's end. With one-minute slots and fixed-time jobs this keeps
/// about one row per job instead of one per minute; with time-indexed jobs
/// nearly every slot is a start and little changes. The reduction is exact.
struct SlotCovers {
    struct Item {
        var start: Int, end: Int, term: Model.Term
        /// Which job the placement belongs to (several placements may).
        var job: Int
    }

    private(set) var items: [Item] = []

    mutating func add(start: Int, end: Int, term: Model.Term, job: Int) {
        precondition(start < end, "a placement covers at least one slot")
        items.append(Item(start: start, end: end, term: term, job: job))
    }

    /// A placement working in `runs` (disjoint, ascending): each run is an item of its
    /// own with the same term, so a row is kept at every run's start and the placement
    /// counts at each kept slot inside a run, never in its pauses. The reduction stays
    /// exact: it reasons about items, whatever placement they belong to, and the runs of
    /// one placement never share a slot, so no row holds a term twice.
    mutating func add(runs: [Range<Int>], term: Model.Term, job: Int) {
        for run in runs { add(start: run.lowerBound, end: run.upperBound, term: term, job: job) }
    }

    /// The rows to write, ascending by slot: each kept slot with the terms
    /// covering it (in insertion order) and how many distinct jobs they are.
    func maximalRows() -> [(slot: Int, terms: [Model.Term], jobs: Int)] {
        guard !items.isEmpty else { return [] }
        let starts = Array(Set(items.map(\.start))).sorted()
        // The latest start before each end (there is one: the item's own).
        var kept = Set<Int>()
        for item in items {
            kept.insert(starts[Self.lastIndex(in: starts, below: item.end)])
        }
        let slots = kept.sorted()
        var terms = [[Model.Term]](repeating: [], count: slots.count)
        var jobs = [Set<Int>](repeating: [], count: slots.count)
        for item in items {
            var r = Self.firstIndex(in: slots, atLeast: item.start)
            while r < slots.count, slots[r] < item.end {
                terms[r].append(item.term)
                jobs[r].insert(item.job)
                r += 1
            }
        }
        return slots.indices.map { (slots[$0], terms[$0], jobs[$0].count) }
    }

    /// Index of the last element `< value` in ascending `sorted` (which has one).
    private static func lastIndex(in sorted: [Int], below value: Int) -> Int {
        firstIndex(in: sorted, atLeast: value) - 1
    }

    /// Index of the first element `≥ value` in ascending `sorted`, or its count.
    private static func firstIndex(in sorted: [Int], atLeast value: Int) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
