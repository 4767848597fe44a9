/// Every conflict the engine reports; ``severity`` says how much each blocks.
public enum ConflictCode: String, Codable, Hashable, Sendable, CaseIterable {
    case noEligibleBay = "NO_ELIGIBLE_BAY"
    case outsideOperatingHours = "OUTSIDE_OPERATING_HOURS"
    case capacityExceeded = "CAPACITY_EXCEEDED"
    case outsideBookingHorizon = "OUTSIDE_BOOKING_HORIZON"
    case noMechanicFree = "MECHANIC_REQUIRED_NONE_FREE"
    case customerDoubleBooked = "CUSTOMER_ALREADY_BOOKED"
    case softCapacityExceeded = "CAPACITY_ABOVE_SOFT_THRESHOLD"
    case preferredMechanicUnavailable = "PREFERRED_MECHANIC_UNAVAILABLE"
    case mechanicOverloaded = "MECHANIC_OVERLOADED"

    public var severity: ConflictSeverity {
        switch self {
        case .noEligibleBay, .outsideOperatingHours, .capacityExceeded, .outsideBookingHorizon: .hard
        case .noMechanicFree, .customerDoubleBooked: .overridable
        case .softCapacityExceeded, .preferredMechanicUnavailable, .mechanicOverloaded: .soft
        }
    }
}
