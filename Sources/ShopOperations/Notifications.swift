import Foundation
import ShopDomain

/// Rule 7's notifications for one change (``ChangeRecorder`` records them).
enum Notifications {
    /// The customer (when `notifyCustomer` or `mandatory`), the mechanic who had it
    /// (when its time changed or they were taken off it) and a newly assigned mechanic.
    static func entries(
        for change: PlacementChange, notifyCustomer: Bool, mandatory: Bool, now: LocalDateTime,
        nowInstant: Date, ids: DecisionIDs
    ) -> [OutboxEntry] {
        var entries: [OutboxEntry] = []
        let a = change.appointment
        func entry(
            _ kind: RecipientKind, _ id: String, mandatory: Bool, subject: String, text: String,
            calendar: String?
        ) -> OutboxEntry {
            OutboxEntry.pending(
                ids: ids, appointmentId: a.id, kind, id, mandatory: mandatory, subject: subject, text: text,
                calendar: calendar, now: now)
        }
        let from = "\(Self.when(change.fromStart)) (\(change.fromBay))"
        let to = change.to.map { "\(Self.when($0.start)) (\($0.bay))" }
        let why = change.reason.replacingOccurrences(of: "_", with: " ").lowercased()
        if let customer = a.customerId, notifyCustomer || mandatory {
            let text =
                to.map { "Your appointment \(a.id) has moved from \(from) to \($0). Reason: \(why)." }
                ?? "Your appointment \(a.id) on \(from) cannot go ahead as planned (\(why)). We will call you to rebook."
            entries.append(
                entry(
                    .customer, customer, mandatory: mandatory,
                    subject: to == nil ? "Your appointment needs rebooking" : "Your appointment has moved",
                    text: text, calendar: Self.calendar(change, nowInstant: nowInstant)))
        }
        let toMechanic = change.to?.mechanic
        if let previous = change.fromMechanic, change.timeChanged || toMechanic != previous {
            let text =
                toMechanic == previous
                ? "Job \(a.id) moved from \(from) to \(to ?? "unplaced"): still yours."
                : "Job \(a.id) at \(from) is no longer yours\(to.map { " (now \($0))" } ?? "")."
            entries.append(
                entry(
                    .mechanic, previous, mandatory: true,
                    subject: toMechanic == previous ? "Job moved" : "Job taken off your list",
                    text: text, calendar: nil))
        }
        if let next = toMechanic, next != change.fromMechanic, let to {
            entries.append(
                entry(
                    .mechanic, next, mandatory: true, subject: "Job assigned to you",
                    text: "Job \(a.id) is yours at \(to).", calendar: nil))
        }
        return entries
    }

    /// A cancellation's or a no-show's notifications: the customer (when
    /// `notifyCustomer` or `mandatory`), with a calendar cancel, and the
    /// mechanic who had the job (always: their time is free).
    static func release(
        _ a: BookedAppointment, start: LocalDateTime, end: LocalDateTime, status: AppointmentStatus, reason: String,
        facility: String,
        timeZone: String, sequence: Int, notifyCustomer: Bool, mandatory: Bool, now: LocalDateTime,
        nowInstant: Date, ids: DecisionIDs
    ) -> [OutboxEntry] {
        var entries: [OutboxEntry] = []
        func entry(
            _ kind: RecipientKind, _ id: String, mandatory: Bool, subject: String, text: String, calendar: String?
        )
            -> OutboxEntry
        {
            OutboxEntry.pending(
                ids: ids, appointmentId: a.id, kind, id, mandatory: mandatory, subject: subject, text: text,
                calendar: calendar, now: now)
        }
        let at = "\(when(start)) (\(a.bay))"
        let why = reason.replacingOccurrences(of: "_", with: " ").lowercased()
        let noShow = status == .noShow
        if let customer = a.customerId, notifyCustomer || mandatory {
            var change = PlacementChange(
                appointment: a, facility: facility, timeZone: timeZone, fromStart: start, fromBay: a.bay,
                fromMechanic: a.mechanic, to: nil, reason: reason, sequence: sequence)
            change.fromEnd = end
            entries.append(
                entry(
                    .customer, customer, mandatory: mandatory,
                    subject: noShow ? "We missed you today" : "Your appointment is cancelled",
                    text: noShow
                        ? "We missed you at your appointment \(a.id) on \(at). Call us to book a new time."
                        : "Your appointment \(a.id) on \(at) is cancelled. Reason: \(why).",
                    calendar: calendar(
                        change, nowInstant: nowInstant,
                        description:
                            "\(noShow ? "Missed" : "Cancelled"): \(when(start)) (\(facility) local time). Reason: \(reason)."
                    )))
        }
        if let mechanic = a.mechanic {
            entries.append(
                entry(
                    .mechanic, mechanic, mandatory: true,
                    subject: noShow ? "No-show: job freed" : "Job cancelled",
                    text: "Job \(a.id) at \(at) \(noShow ? "is a no-show" : "is cancelled"): the time is free.",
                    calendar: nil))
        }
        return entries
    }

    static func when(_ time: LocalDateTime) -> String { "\(time.date) \(ClockTime(minutes: time.minuteOfDay)!)" }

    /// An RFC 5545 invite: one VEVENT with a UID stable per appointment and a
    /// SEQUENCE that grows with each change (so calendars update it), DTSTAMP the
    /// injected clock, times in UTC (exact across daylight-saving changes), CRLF
    /// line ends, long lines folded at 75 octets. `METHOD:CANCEL` when unplaced.
    static func calendar(_ change: PlacementChange, nowInstant: Date, description: String? = nil) -> String {
        let a = change.appointment
        let start = change.to?.start ?? change.fromStart
        let end = change.end
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ShopScheduler//shopsched//EN",
            "METHOD:\(change.to == nil ? "CANCEL" : "REQUEST")", "BEGIN:VEVENT",
            "UID:\(a.id)@\(change.facility).shopsched",
            "SEQUENCE:\(change.sequence)",
            "DTSTAMP:\(FacilityTime.utcStamp(nowInstant))",
            "DTSTART:\(FacilityTime.utcStamp(FacilityTime.instant(start, timeZone: change.timeZone)))",
            "DTEND:\(FacilityTime.utcStamp(FacilityTime.instant(end, timeZone: change.timeZone)))",
            "SUMMARY:\(escape("Service appointment \(a.id) at \(change.facility)"))",
            "DESCRIPTION:\(escape(description ?? "Moved from \(when(change.fromStart)) (\(change.facility) local time). Reason: \(change.reason)."))",
            "STATUS:\(change.to == nil ? "CANCELLED" : "CONFIRMED")",
            "END:VEVENT", "END:VCALENDAR",
        ]
        lines = lines.map(fold)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 5545 TEXT escaping.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Folds a content line into pieces of at most 75 octets (continuations start with a space).
    static func fold(_ line: String) -> String {
        var pieces: [String] = [], current = "", size = 0
        for ch in line {
            let octets = String(ch).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if size + octets > limit {
                pieces.append(current)
                current = ""
                size = 0
            }
            current.append(ch)
            size += octets
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
