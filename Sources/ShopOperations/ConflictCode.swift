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
    /// The day's booked labour minutes would pass `labourMinutesPerDay.limit`.
    case labourLimitExceeded = "LABOUR_LIMIT_EXCEEDED"
    /// The day's booked labour minutes would pass `labourMinutesPerDay.warnAbove`.
    case labourAboveWarning = "LABOUR_ABOVE_WARNING"
    /// Revalidation: the bay a decision claimed is no longer free then (``ClaimCheck``).
    case claimedBayTaken = "CLAIMED_BAY_TAKEN"
    /// Revalidation: the mechanic a decision claimed is no longer free then.
    case claimedMechanicTaken = "CLAIMED_MECHANIC_TAKEN"

    public var severity: ConflictSeverity {
        switch self {
        case .noEligibleBay, .outsideOperatingHours, .capacityExceeded, .outsideBookingHorizon, .claimedBayTaken,
            .claimedMechanicTaken:
            .hard
        case .noMechanicFree, .customerDoubleBooked, .labourLimitExceeded: .overridable
        case .softCapacityExceeded, .preferredMechanicUnavailable, .mechanicOverloaded, .labourAboveWarning: .soft
        }
    }
}
