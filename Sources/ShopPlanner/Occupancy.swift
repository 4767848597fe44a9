/// Which bay, mechanic and capacity slots a partial plan already uses.
/// Used by the greedy strategy, the pin check, the unscheduled reasons and
/// the booking adapter (which fills it with the booked appointments).
public struct Occupancy: Sendable {
    public private(set) var bayBusy: [[Bool]]
    public private(set) var mechanicBusy: [[Bool]]
    public private(set) var load: [Int]
    public private(set) var usedMechanics: Set<Int> = []
    public let maxConcurrent: Int?

    public init(_ instance: Instance) {
        bayBusy = Array(repeating: Array(repeating: false, count: instance.slotCount), count: instance.bays.count)
        mechanicBusy = Array(
            repeating: Array(repeating: false, count: instance.slotCount),
            count: instance.mechanics.count)
        load = Array(repeating: 0, count: instance.slotCount)
        maxConcurrent = instance.scenario.facility.maxConcurrent
    }

    /// The occupancy of a whole plan (one entry per job).
    public init(_ instance: Instance, plan: [SlotPlacement?]) {
        self.init(instance)
        for (j, placement) in plan.enumerated() {
            if let placement { place(placement, length: instance.jobs[j].length) }
        }
    }

    /// Whether the bay, the mechanic and capacity are free for `length` slots.
    public func isFree(_ placement: SlotPlacement, length: Int) -> Bool {
        let range = placement.start..<(placement.start + length)
        guard range.lowerBound >= 0, range.upperBound <= load.count else { return false }
        for t in range {
            if bayBusy[placement.bay][t] { return false }
            if let m = placement.mechanic, mechanicBusy[m][t] { return false }
            if let maxConcurrent, load[t] >= maxConcurrent { return false }
        }
        return true
    }

    public func isBayFree(_ bay: Int, _ range: Range<Int>) -> Bool { !range.contains { bayBusy[bay][$0] } }
    public func isMechanicFree(_ mechanic: Int, _ range: Range<Int>) -> Bool {
        !range.contains { mechanicBusy[mechanic][$0] }
    }
    public func hasCapacity(_ range: Range<Int>) -> Bool {
        guard let maxConcurrent else { return true }
        return !range.contains { load[$0] >= maxConcurrent }
    }

    public mutating func place(_ placement: SlotPlacement, length: Int) {
        for t in placement.start..<(placement.start + length) where t >= 0 && t < load.count {
            bayBusy[placement.bay][t] = true
            if let m = placement.mechanic { mechanicBusy[m][t] = true }
            load[t] += 1
        }
        if let m = placement.mechanic { usedMechanics.insert(m) }
    }
}
