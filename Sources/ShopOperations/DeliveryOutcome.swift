/// What the backend's sender reports for one attempt.
public struct DeliveryOutcome: Codable, Hashable, Sendable {
    /// The attempt's result.
    public enum Result: String, Codable, Hashable, Sendable {
        case delivered
        case failed
    }
    public var notificationId: String
    public var channel: Channel
    public var attempt: Int
    public var result: Result
    public var detail: String?
    public init(notificationId: String, channel: Channel, attempt: Int, result: Result, detail: String? = nil) {
        self.notificationId = notificationId
        self.channel = channel
        self.attempt = attempt
        self.result = result
        self.detail = detail
    }
}
