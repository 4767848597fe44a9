/// Notifications for the backend to send (`NotificationOutbox`): one entry per
/// recipient, tried by SMS first and then by email, each channel with its own
/// retries (``ChannelPolicy/standard``: SMS 1, email 2). Pure values: the
/// backend stores the outbox, sends, and feeds the outcomes back through
/// ``NotificationOutbox/applying(_:at:facility:ids:)``.
public struct NotificationOutbox: Codable, Hashable, Sendable {
    public var entries: [OutboxEntry]
    public init(entries: [OutboxEntry] = []) { self.entries = entries }
}
