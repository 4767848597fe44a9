/// The outbox after some outcomes, with what they imply.
public struct DeliveryUpdate: Codable, Hashable, Sendable {
    public var outbox: NotificationOutbox
    public var events: [NotificationFailedEvent]
    public var followUps: [ManualFollowUp]
    /// Outcomes that matched no pending attempt (unknown id, an old attempt, a finished entry): ignored.
    public var ignored: [DeliveryOutcome]
}
