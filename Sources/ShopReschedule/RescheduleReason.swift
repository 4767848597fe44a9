/// Why an appointment moves.
public enum RescheduleReason: String, Codable, Hashable, Sendable, CaseIterable {
    case customerRequest = "CUSTOMER_REQUEST"
    case shopCapacity = "SHOP_CAPACITY"
    case equipmentIssue = "EQUIPMENT_ISSUE"
    case mechanicUnavailable = "MECHANIC_UNAVAILABLE"
    case partsDelay = "PARTS_DELAY"
    case weather = "WEATHER"
    case emergency = "EMERGENCY"
    case managerDiscretion = "MANAGER_DISCRETION"
    case other = "OTHER"

    /// The customer asked for it (their notification is mandatory).
    public var isCustomerInitiated: Bool { self == .customerRequest }
}
