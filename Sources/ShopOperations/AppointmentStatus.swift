/// The life of an appointment, in the backend's words: one model for booking,
/// rescheduling and the shop-floor views. `SCHEDULED` ones may be moved by the
/// engine's "with moves" alternatives; `CONFIRMED`, `IN_PROGRESS`,
/// `AWAITING_PARTS` (booked, waiting for parts to arrive) and `READY` ones are
/// pinned; the rest no longer hold a bay or a mechanic.
public enum AppointmentStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case scheduled = "SCHEDULED"
    case confirmed = "CONFIRMED"
    case inProgress = "IN_PROGRESS"
    /// Work stopped until parts arrive; the car keeps its bay.
    case awaitingParts = "AWAITING_PARTS"
    /// Work done, the car waits for pickup.
    case ready = "READY"
    case completed = "COMPLETED"
    case cancelled = "CANCELLED"
    case noShow = "NO_SHOW"

    /// Holds its bay, mechanic and capacity, and counts as the source's active appointment.
    public var isActive: Bool {
        switch self {
        case .scheduled, .confirmed, .inProgress, .awaitingParts, .ready: return true
        case .completed, .cancelled, .noShow: return false
        }
    }
    /// May be moved to make room (not yet confirmed to the customer).
    public var isMovable: Bool { self == .scheduled }
}
