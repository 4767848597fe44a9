/// For one search over a fixed ``Occupancy``: per bay, per mechanic and for capacity, the
/// first busy slot at or after each slot, so that "free over `[a, b)`" is one look-up
/// instead of a scan of the range.
///
/// Worth building when a search asks about many long ranges: a resumable job of days holds
/// its bay for thousands of slots, at each of thousands of starts. Only the bays and
/// mechanics asked about are tabled.
struct FreeTime {
    private let slotCount: Int
    private var nextBusyBay: [Int: [Int]] = [:]
    private var nextBusyMechanic: [Int: [Int]] = [:]
    private let nextFull: [Int]?

    init(_ occupancy: Occupancy, bays: [Int], mechanics: [Int]) {
        let count = occupancy.load.count
        func nextTrue(_ busy: (Int) -> Bool) -> [Int] {
            var next = [Int](repeating: count, count: count + 1)
            for t in stride(from: count - 1, through: 0, by: -1) { next[t] = busy(t) ? t : next[t + 1] }
            return next
        }
        slotCount = count
        nextFull = occupancy.maxConcurrent.map { limit in nextTrue { occupancy.load[$0] >= limit } }
        for b in bays { nextBusyBay[b] = nextTrue { occupancy.bayBusy[b][$0] } }
        for m in mechanics { nextBusyMechanic[m] = nextTrue { occupancy.mechanicBusy[m][$0] } }
    }

    private func isFree(_ next: [Int], _ range: Range<Int>) -> Bool {
        range.isEmpty
            || (range.lowerBound >= 0 && range.upperBound <= slotCount && next[range.lowerBound] >= range.upperBound)
    }

    /// Whether bay `b` (one of those tabled) is free over `range`.
    func isBayFree(_ b: Int, _ range: Range<Int>) -> Bool { isFree(nextBusyBay[b]!, range) }

    /// Whether mechanic `m` (one of those tabled) is free in every run of `work`.
    func isMechanicFree(_ m: Int, _ work: [Range<Int>]) -> Bool {
        let next = nextBusyMechanic[m]!
        return work.allSatisfy { isFree(next, $0) }
    }

    /// Whether capacity is left in every run of `work`.
    func hasCapacity(_ work: [Range<Int>]) -> Bool {
        guard let nextFull else { return true }
        return work.allSatisfy { isFree(nextFull, $0) }
    }
}
