import ShopDomain

/// Which bay, mechanic and capacity slots a partial plan already uses, and
/// the labour minutes booked per day. Used by the greedy strategy, the pin
/// check, the unscheduled reasons and the booking adapter (which fills it
/// with the booked appointments).
public struct Occupancy: Sendable {
    public private(set) var bayBusy: [[Bool]]
    public private(set) var mechanicBusy: [[Bool]]
    public private(set) var load: [Int]
    public private(set) var usedMechanics: Set<Int> = []
    public let maxConcurrent: Int?
    /// Labour minutes booked per day of the horizon (``Instance/labourDay(ofSlot:)``).
    public private(set) var labour: [Int]
    /// `facility.labourMinutesPerDay.limit`; `nil`: unlimited.
    public let labourLimit: Int?
    /// The jobs, for their slots and the labour minutes they book with a
    /// mechanic (the instance's own arrays, shared: no copy per occupancy).
    private let jobs: [Instance.JobSlots], scenarioJobs: [Scenario.Job]
    private let slotsPerDay: Int

    public init(_ instance: Instance) {
        bayBusy = Array(repeating: Array(repeating: false, count: instance.slotCount), count: instance.bays.count)
        mechanicBusy = Array(
            repeating: Array(repeating: false, count: instance.slotCount),
            count: instance.mechanics.count)
        load = Array(repeating: 0, count: instance.slotCount)
        maxConcurrent = instance.scenario.facility.maxConcurrent
        labour = Array(repeating: 0, count: instance.scenario.facility.horizonDays)
        labourLimit = instance.scenario.facility.labourLimitPerDay
        jobs = instance.jobs
        scenarioJobs = instance.scenario.jobs
        slotsPerDay = instance.slotsPerDay
    }

    /// The occupancy of a whole plan (one entry per job).
    public init(_ instance: Instance, plan: [SlotPlacement?]) {
        self.init(instance)
        for (j, placement) in plan.enumerated() {
            if let placement { place(placement, job: j) }
        }
    }

    /// Whether the bay, the mechanic, capacity and the day's labour are free
    /// for job `j` at `placement`.
    public func isFree(_ placement: SlotPlacement, job j: Int) -> Bool {
        let range = placement.start..<(placement.start + jobs[j].length)
        guard range.lowerBound >= 0, range.upperBound <= load.count else { return false }
        if placement.mechanic != nil, !hasLabour(job: j, start: placement.start) { return false }
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

    /// Whether job `j`, given a mechanic and starting at slot `s`, keeps its
    /// day's labour limit beside what is booked (rule 7); always true
    /// without a limit. A job without a mechanic books no labour.
    public func hasLabour(job j: Int, start s: Int) -> Bool {
        guard let labourLimit else { return true }
        let day = s / slotsPerDay
        guard day >= 0, day < labour.count else { return false }
        return labour[day] + scenarioJobs[j].durationMinutes <= labourLimit
    }

    /// Places job `j` over the work runs `work` of a resumable placement (contract §7,
    /// ``Instance/resumableWork(job:start:mechanic:)``): its bay is held from the first
    /// run's start to the last run's end, pauses included; its mechanic and one unit of
    /// capacity only in the runs; its labour on its start day, as for any job with a mechanic.
    public mutating func place(_ placement: SlotPlacement, job j: Int, work: [Range<Int>]) {
        guard let first = work.first, let last = work.last else { return }
        for t in first.lowerBound..<last.upperBound where t >= 0 && t < load.count { bayBusy[placement.bay][t] = true }
        for run in work {
            for t in run where t >= 0 && t < load.count {
                if let m = placement.mechanic { mechanicBusy[m][t] = true }
                load[t] += 1
            }
        }
        if let m = placement.mechanic {
            usedMechanics.insert(m)
            let day = placement.start / slotsPerDay
            if day >= 0, day < labour.count { labour[day] += scenarioJobs[j].durationMinutes }
        }
    }

    /// Places job `j` over `[s, s+d)`: one run of work.
    public mutating func place(_ placement: SlotPlacement, job j: Int) {
        place(placement, job: j, work: [placement.start..<(placement.start + jobs[j].length)])
    }
}
