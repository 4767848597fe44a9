/// How large a scenario the engine takes: validation refuses anything
/// larger, naming the fields to change, so that every accepted scenario
/// builds its slot grid, greedy plan and model in well under 2 GiB and in
/// seconds, not minutes (a time limit cannot stop what it never reaches).
///
/// The driver of time and memory in a time-indexed plan is the number of
/// candidate placements, (job, start, bay or mechanic): every planner looks
/// at each start of each job with each eligible bay and mechanic, and the
/// model has a variable for each. ``maxPlacements`` bounds their sum,
/// estimated from the data before anything is built (open slots inside
/// each job's window, times eligible bays plus mechanics). The model's own
/// size (each variable in the rows of the slots it covers) is guarded where
/// it is built (`MILPStrategy.largestModelEntries`).
///
/// The limits (also in docs/limits.md):
/// - ``maxJobs`` jobs;
/// - ``maxSlots`` slots in the horizon (`1440 / slotMinutes × horizon.days`);
/// - ``maxResourceSlots`` for (bays + mechanics) × slots in the horizon;
/// - ``maxPlacements`` for the estimate above.
public enum ScenarioLimits {
    public static let maxJobs = 10_000
    /// A year of 15-minute slots (35,136) fits; a month of 1-minute slots (44,640) too.
    public static let maxSlots = 50_000
    public static let maxResourceSlots = 10_000_000
    public static let maxPlacements = 20_000_000

    /// What a scenario implies, for its size check and for tests.
    public struct Size: Sendable, Hashable {
        public var jobs: Int
        public var slots: Int
        public var resourceSlots: Int
        public var placements: Int
    }

    /// The size of `scenario`'s parts. Saturates rather than overflows.
    static func size(
        facility: Scenario.Facility, bays: [Scenario.Bay], mechanics: [Scenario.Mechanic], jobs: [Scenario.Job]
    ) -> Size {
        let slot = facility.slotMinutes
        let perDay = 1440 / slot
        let slots = perDay * facility.horizonDays
        let origin = facility.horizonBegin.absoluteMinutes
        // Open slots before each slot (the contract's rounding: opening up, closing down).
        var openBefore = [Int](repeating: 0, count: slots + 1)
        let open = OpenTime.openSlots(facility)
        for t in 0..<slots { openBefore[t + 1] = openBefore[t] + (open[t] ? 1 : 0) }

        var baysOfType: [BayType: Int] = [:]
        for bay in bays { baysOfType[bay.type, default: 0] += 1 }
        var qualified: [Set<String>: Int] = [:]
        var total = 0
        for job in jobs {
            let length = (job.durationMinutes + slot - 1) / slot
            let earliest = min(max(0, Self.ceilDiv(job.earliest.absoluteMinutes - origin, slot)), slots)
            let latest = min(max(0, floorDiv(job.latest.absoluteMinutes - origin, slot)), slots)
            guard latest - earliest >= length else { continue }
            let starts = openBefore[latest - length + 1] - openBefore[earliest]
            let bayCount = job.bayTypes.reduce(0) { $0 + baysOfType[$1, default: 0] }
            var mechanicCount = 0
            if job.mechanicMode != .none {
                if let known = qualified[job.requiredSkills] {
                    mechanicCount = known
                } else {
                    mechanicCount = mechanics.count { $0.active && job.requiredSkills.isSubset(of: $0.skills) }
                    qualified[job.requiredSkills] = mechanicCount
                }
            }
            let (options, o1) = starts.multipliedReportingOverflow(by: bayCount + mechanicCount)
            let (sum, o2) = total.addingReportingOverflow(options)
            total = o1 || o2 ? Int.max : sum
        }
        let (resourceSlots, overflow) = (bays.count + mechanics.count).multipliedReportingOverflow(by: slots)
        return Size(
            jobs: jobs.count, slots: slots, resourceSlots: overflow ? Int.max : resourceSlots,
            placements: total)
    }

    /// The issues for a scenario above the limits, each naming what to change.
    static func check(_ size: Size, _ issues: inout IssueList) {
        if size.jobs > maxJobs {
            issues.add(
                "jobs",
                "\(InputError.grouped(size.jobs)) jobs are more than the \(InputError.grouped(maxJobs)) one scenario may hold; plan fewer jobs at once"
            )
        }
        if size.slots > maxSlots {
            issues.add(
                "facility.slotMinutes",
                "with these facility.slotMinutes and facility.horizon.days the horizon has \(InputError.grouped(size.slots)) slots, more than \(InputError.grouped(maxSlots)); use longer slots or fewer days"
            )
            return  // the other sizes follow from this one
        }
        if size.resourceSlots > maxResourceSlots {
            issues.add(
                "facility.slotMinutes",
                "bays and mechanics over the horizon's slots make \(InputError.grouped(size.resourceSlots)) bay- and mechanic-slots, more than \(InputError.grouped(maxResourceSlots)); use longer facility.slotMinutes, fewer facility.horizon.days, or fewer bays or mechanics"
            )
        }
        if size.placements > maxPlacements {
            issues.add(
                "jobs",
                "the jobs' possible placements (open starts in each window × eligible bays and mechanics) come to about \(size.placements == Int.max ? "more than 9e18" : InputError.grouped(size.placements)), more than \(InputError.grouped(maxPlacements)); use longer facility.slotMinutes, fewer facility.horizon.days, fewer jobs, or narrower jobs[].window"
            )
        }
    }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
}
