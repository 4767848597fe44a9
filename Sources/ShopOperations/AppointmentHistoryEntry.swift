/// One earlier placement of an appointment, kept when it was rescheduled.
public struct AppointmentHistoryEntry: Codable, Hashable, Sendable {
    /// The placement before the change.
    public var start: String
    public var durationMinutes: Int
    public var bay: String
    public var mechanic: String?
    /// When the change was decided (facility local time).
    public var changedAt: String
    public var changedBy: String
    /// A reschedule reason code (`CUSTOMER_REQUEST`, `MECHANIC_UNAVAILABLE`, …).
    public var reason: String
    /// The request key of the change (lets a retry find it).
    public var requestKey: String

    public init(
        start: String, durationMinutes: Int, bay: String, mechanic: String?, changedAt: String,
        changedBy: String, reason: String, requestKey: String
    ) {
        self.start = start
        self.durationMinutes = durationMinutes
        self.bay = bay
        self.mechanic = mechanic
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.reason = reason
        self.requestKey = requestKey
    }
}
