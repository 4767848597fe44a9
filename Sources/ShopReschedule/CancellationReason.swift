import Foundation
import ShopDomain
import ShopOperations

/// Why an appointment is cancelled.
public enum CancellationReason: String, Codable, Hashable, Sendable, CaseIterable {
    case customerRequest = "CUSTOMER_REQUEST"
    case shopCapacity = "SHOP_CAPACITY"
    case equipmentIssue = "EQUIPMENT_ISSUE"
    case mechanicUnavailable = "MECHANIC_UNAVAILABLE"
    case partsDelay = "PARTS_DELAY"
    case weather = "WEATHER"
    case duplicateBooking = "DUPLICATE_BOOKING"
    case other = "OTHER"

    /// The customer asked for it (their notification is mandatory).
    public var isCustomerInitiated: Bool { self == .customerRequest }
}
