/// How a notification is sent.
public enum Channel: String, Codable, Hashable, Sendable {
    case sms = "SMS"
    case email = "EMAIL"
}
