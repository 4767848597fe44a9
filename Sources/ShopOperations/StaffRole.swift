import ShopDomain

/// Who someone is in the shop, in the stories' names: one list for the
/// callers of booking, rescheduling and the shop-floor views, and for the
/// actor's role that audit records carry.
public enum StaffRole: String, Codable, Hashable, Sendable, CaseIterable, ListedValues {
    case dispatcher = "DISPATCHER"
    case serviceAdvisor = "SERVICE_ADVISOR"
    case mechanic = "MECHANIC"
    case shopManager = "SHOP_MANAGER"
    case frontCounter = "FRONT_COUNTER"
}
