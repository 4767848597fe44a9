import ShopDomain

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
    /// The work order the notification is about (a customer update from the work-in-progress board).
    public var workOrderId: String?
}

extension OutboxEntry {
    /// A new entry, not yet tried: the next `NTF` id, the standard channels
    /// (SMS first), first attempt. Every notification the engine makes starts here.
    public static func pending(
        ids: DecisionIDs, appointmentId: String, _ kind: RecipientKind, _ recipientId: String, mandatory: Bool,
        subject: String, text: String, calendar: String? = nil, now: LocalDateTime, workOrderId: String? = nil
    ) -> OutboxEntry {
        OutboxEntry(
            notificationId: ids.next("NTF"), appointmentId: appointmentId, recipientKind: kind,
            recipientId: recipientId, mandatory: mandatory, channels: ChannelPolicy.standard,
            channel: ChannelPolicy.standard[0].channel, attempt: 1, status: .pending, subject: subject, text: text,
            calendar: calendar, createdAt: now.description, attempts: [], workOrderId: workOrderId)
    }
}
