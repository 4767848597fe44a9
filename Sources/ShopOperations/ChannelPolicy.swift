/// One channel and how many times it is retried after its first attempt.
public struct ChannelPolicy: Codable, Hashable, Sendable {
    public var channel: Channel
    public var retries: Int
    public init(channel: Channel, retries: Int) {
        self.channel = channel
        self.retries = retries
    }
    /// SMS first (1 retry), then email (2 retries).
    public static let standard = [ChannelPolicy(channel: .sms, retries: 1), ChannelPolicy(channel: .email, retries: 2)]
}
