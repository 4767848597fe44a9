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
