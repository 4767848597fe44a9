import ShopDomain
import ShopOperations

/// What broke in a day (`shopsched.disruption/1`): the input of ``ReplanEngine``.
public struct Disruption: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.disruption/1"

    public var format: String?
    /// Idempotency key: every id of the replan derives from it.
    public var requestId: String
    /// The facility; must be the snapshot's.
    public var facility: String
    /// The day to replan, `YYYY-MM-DD`; default: today (the date of now).
    public var day: String?
    /// Who reports it (the actor of events and audit records); default `replan`.
    public var reportedBy: String?
    public var events: [DisruptionEvent]
    public var policy: ReplanPolicy?

    public init(
        format: String? = Disruption.formatName, requestId: String, facility: String, day: String? = nil,
        reportedBy: String? = nil, events: [DisruptionEvent], policy: ReplanPolicy? = nil
    ) {
        self.format = format
        self.requestId = requestId
        self.facility = facility
        self.day = day
        self.reportedBy = reportedBy
        self.events = events
        self.policy = policy
    }
}

extension Disruption {
    /// A mechanic calling in sick, for tests, benchmarks and demos: of the
    /// mechanics with appointments starting at `from` or later that day, the one
    /// with the most (ties: the smallest id) is unavailable from `from` to the
    /// end of the day. `nil` when nobody has work then.
    public static func sickMechanic(
        in snapshot: BookingSnapshot, from: LocalDateTime, requestId: String,
        policy: ReplanPolicy? = nil
    ) -> Disruption? {
        let dayEnd = LocalDateTime(date: from.date.adding(days: 1), minuteOfDay: 0)
        let later = snapshot.appointments.filter { a in
            guard let start = LocalDateTime(a.start), a.mechanic != nil else { return false }
            return AppointmentStatus(rawValue: a.status)?.isActive == true && start >= from && start < dayEnd
        }
        let counts = Dictionary(grouping: later, by: { $0.mechanic! }).mapValues(\.count)
        guard let sick = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
        return Disruption(
            requestId: requestId, facility: snapshot.facility.id, day: from.date.description,
            events: [DisruptionEvent(type: .mechanicUnavailable, mechanic: sick, from: from.description)],
            policy: policy)
    }
}
