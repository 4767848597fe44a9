/// `AppointmentCancelled` or `AppointmentNoShow`: an appointment gave its
/// time back, for the backend to publish after persisting. Ids derive from the request key.
public struct ReleaseEvent: Codable, Hashable, Sendable {
    public static let cancelled = "AppointmentCancelled"
    public static let noShow = "AppointmentNoShow"

    public var type: String
    public var eventId: String
    public var appointmentId: String
    public var occurredAt: String
    public var facilityId: String
    public var customerId: String?
    public var vehicleId: String?
    public var estimateId: String?
    public var workOrderId: String?
    public var seriesId: String?
    /// The appointment's version after the change.
    public var version: Int
    /// The time freed: `[start, end)`, in the bay and (when it had one) from the mechanic.
    public var start: String
    public var end: String
    public var bayId: String
    public var mechanicId: String?
    /// A cancellation reason code (`NO_SHOW` for a no-show).
    public var reason: String
    public var notes: String?
    public var by: String
    /// Real minutes from now to the start (negative for a no-show: it has passed).
    public var noticeMinutes: Int
    /// For a no-show: the customer's no-shows with this one (the backend keeps the count).
    public var customerNoShowCount: Int?
}
