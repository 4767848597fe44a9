/// A recorded attempt and its outcome.
public struct DeliveryAttempt: Codable, Hashable, Sendable {
    public var channel: Channel
    public var attempt: Int
    public var outcome: DeliveryOutcome.Result
    public var at: String
    public var detail: String?
}
