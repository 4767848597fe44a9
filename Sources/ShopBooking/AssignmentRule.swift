import ShopDomain
import ShopOperations
import ShopPlanner

/// Rule 5: when the mechanic is chosen. The facility's strategy (`auto`,
/// `deferred`, `manual`), a per-service-type override, and complex or long
/// work deferred by default. A deferred mechanic gets an SLA deadline, and a
/// qualified mechanic must still be free (``/ShopOperations/Staffing``), so deferral never
/// books what cannot be staffed.
enum AssignmentRule {
    /// The strategy for this source. A service type's own strategy wins; among
    /// several lines the most hands-off wins (manual, then deferred, then auto).
    /// Without one, complex or long work is deferred, else the facility's default.
    static func strategy(_ booking: ValidatedBooking, durationMinutes: Int) -> (AssignmentStrategy, String) {
        let policy = booking.policy
        let perType = booking.source.lines.compactMap { line in
            policy.serviceTypeStrategies?[line.serviceType].flatMap(AssignmentStrategy.init(rawValue:))
        }
        for strategy in [AssignmentStrategy.manual, .deferred, .auto] where perType.contains(strategy) {
            return (strategy, "service type policy")
        }
        let complex = Set(policy.complexServiceTypes ?? [])
        if let line = booking.source.lines.first(where: { complex.contains($0.serviceType) }) {
            return (.deferred, "\(line.serviceType) is complex work")
        }
        if durationMinutes >= policy.resolvedLongServiceMinutes {
            return (.deferred, "\(durationMinutes) min is long work (≥ \(policy.resolvedLongServiceMinutes) min)")
        }
        return (policy.resolvedStrategy, "facility default")
    }

    /// By when a deferred mechanic must be assigned: the closing time of the
    /// last open day before the appointment's day; when that has passed (or the
    /// work is today), two hours from now, but never after the start.
    static func deadline(start: LocalDateTime, now: LocalDateTime, facility: Scenario.Facility) -> LocalDateTime {
        var date = start.date.adding(days: -1)
        for _ in 0..<366 {
            if !facility.closedDates.contains(date),
                let close = facility.operatingHours[date.weekday]?.map(\.close).max()
            {
                let closing = LocalDateTime(date: date, minuteOfDay: 0).adding(minutes: close.minutes)
                if closing > now, start.date != now.date { return min(closing, start) }
                break
            }
            date = date.adding(days: -1)
        }
        return min(now.adding(minutes: 120), start)
    }
}
