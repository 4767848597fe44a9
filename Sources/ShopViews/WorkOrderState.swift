/// The life of a work order as the work-in-progress story knows it.
public enum WorkOrderState: String, Codable, Hashable, Sendable, CaseIterable {
    case scheduled = "SCHEDULED"
    case waiting = "WAITING"
    case inProgress = "IN_PROGRESS"
    case awaitingParts = "AWAITING_PARTS"
    case readyForPickup = "READY_FOR_PICKUP"
    case completed = "COMPLETED"
    case cancelled = "CANCELLED"

    /// Active work: what the board shows.
    public var isActive: Bool { self != .completed && self != .cancelled }

    /// The board's words when the location gives none of its own.
    public var defaultLabel: String {
        switch self {
        case .scheduled: return "Scheduled"
        case .waiting: return "Waiting"
        case .inProgress: return "In progress"
        case .awaitingParts: return "Awaiting parts"
        case .readyForPickup: return "Ready for pickup"
        case .completed: return "Completed"
        case .cancelled: return "Cancelled"
        }
    }
}
