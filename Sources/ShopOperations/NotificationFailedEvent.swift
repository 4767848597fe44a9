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
