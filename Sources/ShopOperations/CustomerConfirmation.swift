/// The customer's agreement to an emergency move.
public struct CustomerConfirmation: Codable, Hashable, Sendable {
    /// How they confirmed (`PHONE`, `SMS`, `IN_PERSON`, …).
    public var channel: String
    /// Facility local time of the confirmation, when known.
    public var confirmedAt: String?
    public init(channel: String, confirmedAt: String? = nil) {
        self.channel = channel
        self.confirmedAt = confirmedAt
    }
}
