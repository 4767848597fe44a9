import ShopDomain
import ShopOperations

/// Labour hours on one day of a location, as the board shows them: the
/// minutes booked (the contract's rule 7: active appointments with a
/// mechanic, each counted whole on its start day) against what the day has,
/// the facility's `labourMinutesPerDay` when set and the roster's time on shift.
public struct LabourDay: Codable, Hashable, Sendable {
    public var day: String
    public var bookedMinutes: Int
    /// `facility.labourMinutesPerDay.limit`; `nil`: no limit.
    public var limitMinutes: Int?
    /// `facility.labourMinutesPerDay.warnAbove`; `nil`: no warning.
    public var warnAboveMinutes: Int?
    /// Active mechanics' minutes at work that day, inside opening hours
    /// (a mechanic without known shifts works whenever the shop is open).
    public var onShiftMinutes: Int

    /// What may still be booked: the limit when there is one, else the roster's time on shift.
    public var availableMinutes: Int { limitMinutes ?? onShiftMinutes }

    /// `OK`, `WARNING` (above `warnAbove`) or `OVER_LIMIT` (above the limit).
    public var state: String {
        if let limit = limitMinutes, bookedMinutes > limit { return "OVER_LIMIT" }
        if let warn = warnAboveMinutes, bookedMinutes > warn { return "WARNING" }
        return "OK"
    }

    public init(_ location: ShopFloor.Location, day: LocalDate) {
        let facility = location.scenario.facility
        self.day = day.description
        bookedMinutes = location.appointments.filter { $0.state.isActive && $0.mechanic != nil && $0.start.date == day }
            .reduce(0) { $0 + $1.durationMinutes }
        limitMinutes = facility.labourLimitPerDay
        warnAboveMinutes = facility.labourWarningPerDay
        let midnight = LocalDateTime(date: day, minuteOfDay: 0).absoluteMinutes
        let hours = facility.closedDates.contains(day) ? [] : facility.operatingHours[day.weekday] ?? []
        let open = OpenTime.union(hours.map { (midnight + $0.open.minutes)..<(midnight + $0.close.minutes) })
        onShiftMinutes = location.scenario.mechanics.enumerated().reduce(0) { total, entry in
            let (m, mechanic) = entry
            guard mechanic.active else { return total }
            let time =
                location.shiftsKnown[m]
                ? OpenTime.intersect(
                    open, OpenTime.union(mechanic.shifts.map { $0.start.absoluteMinutes..<$0.end.absoluteMinutes }))
                : open
            return total + time.reduce(0) { $0 + $1.count }
        }
    }

    /// `labour 6 h 30 min booked of 8 h (limit), 16 h on shift`.
    public var line: String {
        var text = "labour \(Self.hours(bookedMinutes)) booked of \(Self.hours(availableMinutes))"
        text += limitMinutes == nil ? " on shift" : " (limit), \(Self.hours(onShiftMinutes)) on shift"
        if state == "WARNING" { text += ", above the warning at \(Self.hours(warnAboveMinutes!))" }
        if state == "OVER_LIMIT" { text += ", OVER THE LIMIT" }
        return text
    }

    private static func hours(_ minutes: Int) -> String { Conflicts.hours(minutes) }
}
