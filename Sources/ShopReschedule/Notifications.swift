import Foundation
import ShopOperations
import ShopDomain

/// Notifications for the backend to send (`NotificationOutbox`): one entry per
/// recipient, tried by SMS first and then by email, each channel with its own
/// retries (``ChannelPolicy/standard``: SMS 1, email 2). Pure values: the
/// backend stores the outbox, sends, and feeds the outcomes back through
/// ``NotificationOutbox/applying(_:at:facility:ids:)``.
public struct NotificationOutbox: Codable, Hashable, Sendable {
    public var entries: [OutboxEntry]
    public init(entries: [OutboxEntry] = []) { self.entries = entries }
}

public enum RecipientKind: String, Codable, Hashable, Sendable {
    case customer = "CUSTOMER"
    case mechanic = "MECHANIC"
}

public enum Channel: String, Codable, Hashable, Sendable {
    case sms = "SMS"
    case email = "EMAIL"
}

public enum DeliveryStatus: String, Codable, Hashable, Sendable {
    /// Waiting to be sent (or sent, no outcome yet) on ``OutboxEntry/channel``, attempt ``OutboxEntry/attempt``.
    case pending = "PENDING"
    case delivered = "DELIVERED"
    /// Every channel's retries are spent.
    case failed = "FAILED"
}

/// One channel and how many times it is retried after its first attempt.
public struct ChannelPolicy: Codable, Hashable, Sendable {
    public var channel: Channel
    public var retries: Int
    public init(channel: Channel, retries: Int) {
        self.channel = channel
        self.retries = retries
    }
    /// SMS first (1 retry), then email (2 retries).
    public static let standard = [ChannelPolicy(channel: .sms, retries: 1), ChannelPolicy(channel: .email, retries: 2)]
}

/// One notification to one person.
public struct OutboxEntry: Codable, Hashable, Sendable {
    public var notificationId: String
    public var appointmentId: String
    public var recipientKind: RecipientKind
    /// The customer's or the mechanic's id; the backend knows their phone and address.
    public var recipientId: String
    /// Sent even if the caller asked not to (customer-initiated, or within 24 h).
    public var mandatory: Bool
    public var channels: [ChannelPolicy]
    /// The channel of the next (or pending) attempt.
    public var channel: Channel
    /// 1-based attempt number on ``channel``.
    public var attempt: Int
    public var status: DeliveryStatus
    public var subject: String
    public var text: String
    /// For the customer: an iCalendar (RFC 5545) invite with CRLF line ends.
    public var calendar: String?
    public var createdAt: String
    public var attempts: [DeliveryAttempt]
}

/// A recorded attempt and its outcome.
public struct DeliveryAttempt: Codable, Hashable, Sendable {
    public var channel: Channel
    public var attempt: Int
    public var outcome: DeliveryOutcome.Result
    public var at: String
    public var detail: String?
}

/// What the backend's sender reports for one attempt.
public struct DeliveryOutcome: Codable, Hashable, Sendable {
    public enum Result: String, Codable, Hashable, Sendable {
        case delivered
        case failed
    }
    public var notificationId: String
    public var channel: Channel
    public var attempt: Int
    public var result: Result
    public var detail: String?
    public init(notificationId: String, channel: Channel, attempt: Int, result: Result, detail: String? = nil) {
        self.notificationId = notificationId
        self.channel = channel
        self.attempt = attempt
        self.result = result
        self.detail = detail
    }
}

/// `NotificationFailed`: every channel's retries are spent.
public struct NotificationFailedEvent: Codable, Hashable, Sendable {
    public static let type = "NotificationFailed"
    public var type: String = NotificationFailedEvent.type
    public var eventId: String
    public var notificationId: String
    public var appointmentId: String
    public var recipientKind: RecipientKind
    public var recipientId: String
    public var occurredAt: String
    public var facilityId: String
    public var attempts: Int
}

/// An appointment a person must follow up by hand (nobody could be told).
public struct ManualFollowUp: Codable, Hashable, Sendable {
    public var appointmentId: String
    public var notificationId: String
    public var reason: String
}

/// The outbox after some outcomes, with what they imply.
public struct DeliveryUpdate: Codable, Hashable, Sendable {
    public var outbox: NotificationOutbox
    public var events: [NotificationFailedEvent]
    public var followUps: [ManualFollowUp]
    /// Outcomes that matched no pending attempt (unknown id, an old attempt, a finished entry): ignored.
    public var ignored: [DeliveryOutcome]
}

extension NotificationOutbox {
    /// Applies delivery outcomes in order. A `failed` attempt moves the entry to
    /// its next attempt: a retry on the same channel while its retries last,
    /// else the next channel; when none is left the entry is `FAILED`, a
    /// `NotificationFailed` event is emitted and the appointment is marked for
    /// manual follow-up. An outcome for anything but the pending attempt is
    /// ignored, so feeding the same outcomes twice changes nothing.
    public func applying(_ outcomes: [DeliveryOutcome], at now: LocalDateTime, facility: String,
                         ids: any BookingIDGenerator = StableIDGenerator()) -> DeliveryUpdate {
        var update = DeliveryUpdate(outbox: self, events: [], followUps: [], ignored: [])
        for outcome in outcomes {
            guard let e = update.outbox.entries.firstIndex(where: { $0.notificationId == outcome.notificationId }),
                  update.outbox.entries[e].status == .pending, update.outbox.entries[e].channel == outcome.channel,
                  update.outbox.entries[e].attempt == outcome.attempt else {
                update.ignored.append(outcome)
                continue
            }
            var entry = update.outbox.entries[e]
            entry.attempts.append(DeliveryAttempt(channel: outcome.channel, attempt: outcome.attempt, outcome: outcome.result,
                                                  at: now.description, detail: outcome.detail))
            switch outcome.result {
            case .delivered:
                entry.status = .delivered
            case .failed:
                let c = entry.channels.firstIndex { $0.channel == entry.channel } ?? entry.channels.count
                if c < entry.channels.count, entry.attempt <= entry.channels[c].retries {
                    entry.attempt += 1
                } else if c + 1 < entry.channels.count {
                    entry.channel = entry.channels[c + 1].channel
                    entry.attempt = 1
                } else {
                    entry.status = .failed
                    update.events.append(NotificationFailedEvent(
                        eventId: ids.id(kind: "EVT", requestKey: entry.notificationId, facility: facility, index: 0),
                        notificationId: entry.notificationId, appointmentId: entry.appointmentId,
                        recipientKind: entry.recipientKind, recipientId: entry.recipientId, occurredAt: now.description,
                        facilityId: facility, attempts: entry.attempts.count))
                    update.followUps.append(ManualFollowUp(
                        appointmentId: entry.appointmentId, notificationId: entry.notificationId,
                        reason: "the \(entry.recipientKind.rawValue.lowercased()) \(entry.recipientId) could not be told by \(entry.channels.map(\.channel.rawValue).joined(separator: " or ")) after \(entry.attempts.count) attempts"))
                }
            }
            update.outbox.entries[e] = entry
        }
        return update
    }
}

/// One appointment's change, as the notifications describe it.
struct PlacementChange {
    var appointment: BookedAppointment
    var facility: String
    var timeZone: String
    var fromStart: LocalDateTime
    var fromBay: String
    var fromMechanic: String?
    /// `nil`: no longer placed (a replan could not fit it; it needs rebooking).
    var to: (start: LocalDateTime, bay: String, mechanic: String?)?
    var reason: String
    var sequence: Int

    var durationMinutes: Int { appointment.durationMinutes }
    var timeChanged: Bool { to?.start != fromStart }
}

/// Rule 7's notifications for one change.
enum Notifications {
    /// The customer (when `notifyCustomer` or `mandatory`), the mechanic who had it
    /// (when its time changed or they were taken off it) and a newly assigned mechanic.
    static func entries(for change: PlacementChange, notifyCustomer: Bool, mandatory: Bool, now: LocalDateTime,
                        nowInstant: Date, ids: DecisionIDs) -> [OutboxEntry] {
        var entries: [OutboxEntry] = []
        let a = change.appointment
        func entry(_ kind: RecipientKind, _ id: String, mandatory: Bool, subject: String, text: String,
                   calendar: String?) -> OutboxEntry {
            OutboxEntry(notificationId: ids.next("NTF"), appointmentId: a.id, recipientKind: kind, recipientId: id,
                        mandatory: mandatory, channels: ChannelPolicy.standard, channel: ChannelPolicy.standard[0].channel,
                        attempt: 1, status: .pending, subject: subject, text: text, calendar: calendar,
                        createdAt: now.description, attempts: [])
        }
        let from = "\(Self.when(change.fromStart)) (\(change.fromBay))"
        let to = change.to.map { "\(Self.when($0.start)) (\($0.bay))" }
        let why = change.reason.replacingOccurrences(of: "_", with: " ").lowercased()
        if let customer = a.customerId, notifyCustomer || mandatory {
            let text = to.map { "Your appointment \(a.id) has moved from \(from) to \($0). Reason: \(why)." }
                ?? "Your appointment \(a.id) on \(from) cannot go ahead as planned (\(why)). We will call you to rebook."
            entries.append(entry(.customer, customer, mandatory: mandatory,
                                 subject: to == nil ? "Your appointment needs rebooking" : "Your appointment has moved",
                                 text: text, calendar: Self.calendar(change, nowInstant: nowInstant)))
        }
        let toMechanic = change.to?.mechanic
        if let previous = change.fromMechanic, change.timeChanged || toMechanic != previous {
            let text = toMechanic == previous
                ? "Job \(a.id) moved from \(from) to \(to ?? "unplaced"): still yours."
                : "Job \(a.id) at \(from) is no longer yours\(to.map { " (now \($0))" } ?? "")."
            entries.append(entry(.mechanic, previous, mandatory: true,
                                 subject: toMechanic == previous ? "Job moved" : "Job taken off your list",
                                 text: text, calendar: nil))
        }
        if let next = toMechanic, next != change.fromMechanic, let to {
            entries.append(entry(.mechanic, next, mandatory: true, subject: "Job assigned to you",
                                 text: "Job \(a.id) is yours at \(to).", calendar: nil))
        }
        return entries
    }

    static func when(_ time: LocalDateTime) -> String { "\(time.date) \(ClockTime(minutes: time.minuteOfDay)!)" }

    /// An RFC 5545 invite: one VEVENT with a UID stable per appointment and a
    /// SEQUENCE that grows with each change (so calendars update it), DTSTAMP the
    /// injected clock, times in UTC (exact across daylight-saving changes), CRLF
    /// line ends, long lines folded at 75 octets. `METHOD:CANCEL` when unplaced.
    static func calendar(_ change: PlacementChange, nowInstant: Date) -> String {
        let a = change.appointment
        let start = change.to?.start ?? change.fromStart
        let end = start.adding(minutes: change.durationMinutes)
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ShopScheduler//shopsched//EN",
            "METHOD:\(change.to == nil ? "CANCEL" : "REQUEST")", "BEGIN:VEVENT",
            "UID:\(a.id)@\(change.facility).shopsched",
            "SEQUENCE:\(change.sequence)",
            "DTSTAMP:\(FacilityTime.utcStamp(nowInstant))",
            "DTSTART:\(FacilityTime.utcStamp(FacilityTime.instant(start, timeZone: change.timeZone)))",
            "DTEND:\(FacilityTime.utcStamp(FacilityTime.instant(end, timeZone: change.timeZone)))",
            "SUMMARY:\(escape("Service appointment \(a.id) at \(change.facility)"))",
            "DESCRIPTION:\(escape("Moved from \(when(change.fromStart)) (\(change.facility) local time). Reason: \(change.reason)."))",
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
