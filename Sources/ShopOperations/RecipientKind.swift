/// Who a notification is for.
public enum RecipientKind: String, Codable, Hashable, Sendable {
    case customer = "CUSTOMER"
    case mechanic = "MECHANIC"
}
