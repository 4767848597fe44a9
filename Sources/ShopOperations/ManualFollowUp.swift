/// An appointment a person must follow up by hand (nobody could be told).
public struct ManualFollowUp: Codable, Hashable, Sendable {
    public var appointmentId: String
    public var notificationId: String
    public var reason: String
}
