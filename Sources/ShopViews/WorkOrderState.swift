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
}
