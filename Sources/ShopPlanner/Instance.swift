import ShopDomain

/// A placement on the slot grid: start slot, bay index, mechanic index.
public struct SlotPlacement: Hashable, Sendable {
    /// Slots since the start of the horizon (local midnight of its first day).
    public var start: Int
    public var bay: Int
    /// `nil` when the job has no mechanic.
    public var mechanic: Int?
    public init(start: Int, bay: Int, mechanic: Int?) {
        self.start = start
        self.bay = bay
        self.mechanic = mechanic
    }
}

/// A scenario compiled onto its slot grid, with the contract's rounding
/// rules applied once: what every strategy plans on.
///
/// Slot `t` covers minutes `[t·slotMinutes, (t+1)·slotMinutes)` after the
/// horizon's first local midnight, in wall-clock time.
public struct Instance: Sendable {
    public let scenario: Scenario
    public let slotMinutes: Int
    public let slotsPerDay: Int
    /// Slots in the horizon.
    public let slotCount: Int
    /// Open intervals: maximal runs of open time, sorted. Touching ranges,
    /// on one day or across midnight, are one interval.
    public let openIntervals: [Range<Int>]
    /// For slot `t`, the end of the open interval containing it, or `-1`.
    let intervalEnd: [Int]
    public let jobs: [JobSlots]
    public let bays: [BaySlots]
    public let mechanics: [MechanicSlots]

    /// A job in slot terms.
    public struct JobSlots: Sendable {
        public let index: Int
        public let id: String
        /// `d`: slots the job occupies.
        public let length: Int
        /// First allowed start (window earliest, rounded up).
        public let earliest: Int
        /// Latest allowed end (window latest, rounded down).
        public let latestEnd: Int
        /// Preferred starts, rounded to the nearest slot (half up).
        public let preferredStarts: [Int]
        public let mode: MechanicMode
        /// Whether the job may pause (contract §7): its work slots then follow the shop's
        /// hours and its mechanic's shifts, and its bay is held from start to end.
        public let resumable: Bool
        public let priority: Int
        /// Bays of an allowed type, in scenario order.
        public let bayOptions: [Int]
        /// Active mechanics with every required skill (empty for mode none).
        public let mechanicOptions: [Int]
        /// Starts inside the window and one open interval, ascending; for a resumable job,
        /// the work slots from which its work, alone, ends by the window's end (with no
        /// mechanic, when the mode allows, or with some qualified mechanic).
        public let starts: [Int]
        public let pinned: SlotPlacement?
        public let current: SlotPlacement?
    }

    public struct BaySlots: Sendable {
        public let index: Int
        public let id: String
        public let type: BayType
        /// Out-of-service slots, rounded outwards.
        public let outOfService: [Range<Int>]
        /// `blockedBefore[t]`: out-of-service slots in `0..<t`.
        let blockedBefore: [Int]
    }

    public struct MechanicSlots: Sendable {
        public let index: Int
        public let id: String
        /// Time on shift: each shift rounded inwards, clipped to the horizon,
        /// then joined where they touch or overlap; sorted, disjoint.
        public let shifts: [Range<Int>]
        /// For slot `t`, the end of the (joined) shift that contains `t`, or `-1`.
        let shiftReach: [Int]
    }

    public init(_ scenario: Scenario) {
        // Open time is the union of the days' rounded ranges; an open interval
        // is a maximal run of it, so ranges that touch (12:00 close, 12:00
        // open; 24:00 close, next day 00:00 open) make one interval.
        self.init(scenario, openIntervals: OpenTime.runs(OpenTime.openSlots(scenario.facility)))
    }

    /// `scenario` compiled on the open time of `grid`, whose facility it shares (a
    /// day whose jobs or outages were changed after it was compiled): the open
    /// intervals are not worked out again.
    public init(_ scenario: Scenario, onGridOf grid: Instance) {
        precondition(scenario.facility == grid.scenario.facility, "the grid of another facility")
        self.init(scenario, openIntervals: grid.openIntervals)
    }

    private init(_ scenario: Scenario, openIntervals intervals: [Range<Int>]) {
        let facility = scenario.facility
        let slot = facility.slotMinutes
        let perDay = 1440 / slot
        let count = perDay * facility.horizonDays
        let origin = facility.horizonBegin.absoluteMinutes
        self.scenario = scenario
        slotMinutes = slot
        slotsPerDay = perDay
        slotCount = count

        func minutes(_ time: LocalDateTime) -> Int { time.absoluteMinutes - origin }
        func up(_ m: Int) -> Int { floorDiv(m + slot - 1, slot) }
        func down(_ m: Int) -> Int { floorDiv(m, slot) }
        // Built from bounds, never from a `Range`: after rounding a short
        // shift or out-of-service time may come out empty or inverted
        // (08:05–08:10 on 15-minute slots is slots 33..<32), which holds no
        // slot at all rather than being an error.
        func clip(_ lowerBound: Int, _ upperBound: Int) -> Range<Int>? {
            let lower = max(lowerBound, 0), upper = min(upperBound, count)
            return lower < upper ? lower..<upper : nil
        }

        openIntervals = intervals
        var intervalEnd = [Int](repeating: -1, count: count)
        for interval in intervals { for t in interval { intervalEnd[t] = interval.upperBound } }
        self.intervalEnd = intervalEnd

        bays = scenario.bays.enumerated().map { index, bay in
            let blocked = bay.outOfService.compactMap { clip(down(minutes($0.start)), up(minutes($0.end))) }
            var flags = [Bool](repeating: false, count: count)
            for range in blocked { for t in range { flags[t] = true } }
            var before = [Int](repeating: 0, count: count + 1)
            for t in 0..<count { before[t + 1] = before[t] + (flags[t] ? 1 : 0) }
            return BaySlots(index: index, id: bay.id, type: bay.type, outOfService: blocked, blockedBefore: before)
        }
        let mechanics: [MechanicSlots] = scenario.mechanics.enumerated().map { index, mechanic in
            // Each shift rounded inwards first; then shifts that touch or
            // overlap join into one, as open ranges do.
            var onShift = [Bool](repeating: false, count: count)
            for shift in mechanic.shifts {
                if let range = clip(up(minutes(shift.start)), down(minutes(shift.end))) {
                    for t in range { onShift[t] = true }
                }
            }
            let shifts = OpenTime.runs(onShift)
            var reach = [Int](repeating: -1, count: count)
            for shift in shifts { for t in shift { reach[t] = shift.upperBound } }
            return MechanicSlots(index: index, id: mechanic.id, shifts: shifts, shiftReach: reach)
        }
        self.mechanics = mechanics

        func slotPlacement(_ placement: Scenario.Placement?) -> SlotPlacement? {
            placement.map { SlotPlacement(start: down(minutes($0.start)), bay: $0.bay, mechanic: $0.mechanic) }
        }
        jobs = scenario.jobs.enumerated().map { index, job in
            let length = (job.durationMinutes + slot - 1) / slot
            let earliest = up(minutes(job.earliest)), latestEnd = down(minutes(job.latest))
            let bayOptions = scenario.bays.indices.filter { job.bayTypes.contains(scenario.bays[$0].type) }
            let mechanicOptions =
                job.mechanicMode == .none
                ? []
                : scenario.mechanics.indices.filter {
                    let mechanic = scenario.mechanics[$0]
                    return mechanic.active && job.requiredSkills.isSubset(of: mechanic.skills)
                }
            var starts: [Int] = []
            if job.resumable {
                // Contract §7: a start is a work slot from which the work, alone, ends by
                // `latest`: with no mechanic (when the mode allows none) or with some
                // qualified mechanic on shift then. For one crew a later start's work is
                // a part of an earlier one's and ends no earlier, so its starts are a
                // prefix of its work slots in the window: the first that fails ends it.
                let crews: [[Range<Int>]?] =
                    (job.mechanicMode == .required ? [] : [nil])
                    + mechanicOptions.map { Optional(mechanics[$0].shifts) }
                var found = Set<Int>()
                let window = max(earliest, 0)..<max(max(earliest, 0), min(latestEnd, count))
                for shifts in crews {
                    for run in Self.workRuns(open: intervals, shifts: shifts, within: window) {
                        var finished = true
                        for s in run {
                            guard
                                let work = Self.resumableWork(
                                    length: length, start: s, open: intervals, shifts: shifts),
                                work.last!.upperBound <= latestEnd
                            else {
                                finished = false
                                break
                            }
                            found.insert(s)
                        }
                        if !finished { break }
                    }
                }
                starts = found.sorted()
            } else {
                var s = max(earliest, 0)
                while s + length <= min(latestEnd, count) {
                    if intervalEnd[s] >= s + length { starts.append(s) }
                    s += 1
                }
            }
            let preferred = job.preferredStarts.map { floorDiv(2 * minutes($0) + slot, 2 * slot) }
            return JobSlots(
                index: index, id: job.id, length: length, earliest: earliest, latestEnd: latestEnd,
                preferredStarts: preferred, mode: job.mechanicMode, resumable: job.resumable, priority: job.priority,
                bayOptions: bayOptions, mechanicOptions: mechanicOptions, starts: starts,
                pinned: slotPlacement(job.pinned), current: slotPlacement(job.current))
        }
    }

    // MARK: - The contract's rules, one placement at a time

    /// Rules 1 and 2: `[s, s+d)` inside one open interval and the window (the rule for a
    /// job that is not resumable; ``isValidAlone(job:_:)`` reads a resumable job's).
    public func fitsHoursAndWindow(job j: Int, start s: Int) -> Bool {
        let job = jobs[j]
        return s >= 0 && s >= job.earliest && s + job.length <= job.latestEnd && s < slotCount
            && intervalEnd[s] >= s + job.length
    }

    /// Rule 3 without overlap: bay type allowed and no out-of-service slot in `[s, s+d)`
    /// (a resumable job holds its bay `[s, e)`: see ``bayAvailable(job:bay:held:)``).
    public func bayAvailable(job j: Int, bay b: Int, start s: Int) -> Bool {
        bayAvailable(job: j, bay: b, held: s..<(s + jobs[j].length))
    }

    /// Rule 4 without overlap: active, qualified, and on one shift throughout `[s, s+d)`
    /// (a resumable job's mechanic need only be on shift in its work slots, which
    /// ``resumableWork(job:start:mechanic:)`` picks).
    public func mechanicAvailable(job j: Int, mechanic m: Int, start s: Int) -> Bool {
        let mechanic = scenario.mechanics[m], job = scenario.jobs[j]
        guard s >= 0, s < slotCount, mechanic.active, job.mechanicMode != .none,
            job.requiredSkills.isSubset(of: mechanic.skills)
        else { return false }
        return mechanics[m].shiftReach[s] >= s + jobs[j].length
    }

    /// Whether `placement` obeys every rule that concerns the job alone
    /// (hours, window, bay, mechanic and mode), ignoring other jobs; for a resumable job,
    /// by contract §7 (its work from the start, its bay held until its end).
    public func isValidAlone(job j: Int, _ placement: SlotPlacement) -> Bool {
        if jobs[j].resumable { return isValidAloneResumable(job: j, placement) }
        guard fitsHoursAndWindow(job: j, start: placement.start),
            bayAvailable(job: j, bay: placement.bay, start: placement.start)
        else { return false }
        switch (jobs[j].mode, placement.mechanic) {
        case (.none, nil), (.optional, nil): return true
        case (.none, _?), (.required, nil): return false
        case (_, let m?): return mechanicAvailable(job: j, mechanic: m, start: placement.start)
        }
    }

    /// The local time at the start of slot `t`.
    public func time(ofSlot t: Int) -> LocalDateTime {
        scenario.facility.horizonBegin.adding(minutes: t * slotMinutes)
    }
}
