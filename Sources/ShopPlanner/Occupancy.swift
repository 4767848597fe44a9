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
    /// The jobs, for the labour minutes they book with a mechanic (the
    /// instance's own array, shared: no copy per occupancy).
    private let scenarioJobs: [Scenario.Job]
    private let slotsPerDay: Int
    /// The grid, for the work slots of resumable jobs (shared, not copied).
    private let instance: Instance

    public init(_ instance: Instance) {
        bayBusy = Array(repeating: Array(repeating: false, count: instance.slotCount), count: instance.bays.count)
        mechanicBusy = Array(
            repeating: Array(repeating: false, count: instance.slotCount),
            count: instance.mechanics.count)
        load = Array(repeating: 0, count: instance.slotCount)
        maxConcurrent = instance.scenario.facility.maxConcurrent
        labour = Array(repeating: 0, count: instance.scenario.facility.horizonDays)
        labourLimit = instance.scenario.facility.labourLimitPerDay
        scenarioJobs = instance.scenario.jobs
        slotsPerDay = instance.slotsPerDay
        self.instance = instance
    }

    /// The occupancy of a whole plan (one entry per job).
    public init(_ instance: Instance, plan: [SlotPlacement?]) {
        self.init(instance)
        for (j, placement) in plan.enumerated() {
            if let placement { place(placement, job: j) }
        }
    }

    /// Whether the bay, the mechanic, capacity and the day's labour are free
    /// for job `j` at `placement` (for a resumable job: its bay over `[s, e)`, its
    /// mechanic and capacity in its work slots; see ``Occupation``).
    public func isFree(_ placement: SlotPlacement, job j: Int) -> Bool {
        isFree(placement, job: j, occupying: instance.occupation(job: j, placement))
    }

    /// ``isFree(_:job:)`` with what the placement takes already worked out.
    public func isFree(_ placement: SlotPlacement, job j: Int, occupying occupation: Occupation) -> Bool {
        guard occupation.held.lowerBound >= 0, occupation.held.upperBound <= load.count else { return false }
        if placement.mechanic != nil, !hasLabour(job: j, start: placement.start) { return false }
        guard isBayFree(placement.bay, occupation.held) else { return false }
        for run in occupation.work {
            guard hasCapacity(run) else { return false }
            if let m = placement.mechanic, !isMechanicFree(m, run) { return false }
        }
        return true
    }

    /// Whether capacity is left in every run of `work`.
    public func hasCapacity(_ work: [Range<Int>]) -> Bool { work.allSatisfy(hasCapacity) }

    /// Whether `mechanic` is free in every run of `work`.
    public func isMechanicFree(_ mechanic: Int, _ work: [Range<Int>]) -> Bool {
        work.allSatisfy { isMechanicFree(mechanic, $0) }
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

    /// Books `placement` of job `j` over what it takes (``Instance/occupation(job:_:)``):
    /// `[s, s+d)` in one run, or a resumable job's work runs with its bay held between.
    public mutating func place(_ placement: SlotPlacement, job j: Int) {
        place(placement, job: j, work: instance.occupation(job: j, placement).work)
    }
}
