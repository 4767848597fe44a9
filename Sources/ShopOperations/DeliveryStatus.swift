/// Where a notification stands.
public enum DeliveryStatus: String, Codable, Hashable, Sendable {
    /// Waiting to be sent (or sent, no outcome yet) on ``OutboxEntry/channel``, attempt ``OutboxEntry/attempt``.
    case pending = "PENDING"
    case delivered = "DELIVERED"
    /// Every channel's retries are spent.
    case failed = "FAILED"
}
