/// Rule 7, labour per day: the minutes of the jobs that have a mechanic,
/// each counted whole on the day its start falls on, stay within
/// `facility.labourMinutesPerDay.limit`.
extension Instance {
    /// The day of the horizon (0 for its first) that slot `t` falls on.
    public func labourDay(ofSlot t: Int) -> Int { t >= 0 ? t / slotsPerDay : -1 }

    /// Labour minutes booked on each day of the horizon by `plan` (one
    /// entry per job; jobs without a mechanic book none).
    public func labourByDay(_ plan: [SlotPlacement?]) -> [Int] {
        var minutes = [Int](repeating: 0, count: scenario.facility.horizonDays)
        for (j, placement) in plan.enumerated() {
            guard let placement, placement.mechanic != nil else { continue }
            let day = labourDay(ofSlot: placement.start)
            if day >= 0, day < minutes.count { minutes[day] += scenario.jobs[j].durationMinutes }
        }
        return minutes
    }

    /// Whether `plan` keeps the labour limit on every day (always, without one).
    public func keepsLabourLimit(_ plan: [SlotPlacement?]) -> Bool {
        guard let limit = scenario.facility.labourLimitPerDay else { return true }
        return labourByDay(plan).allSatisfy { $0 <= limit }
    }
}
