/// Whether the appointment has its mechanic.
public enum AssignmentStatus: String, Codable, Hashable, Sendable {
    /// A mechanic is assigned.
    case assigned = "ASSIGNED"
    /// A mechanic will be assigned by the appointment's `assignmentDeadline`; one is known to be free.
    case deferred = "DEFERRED"
    /// No mechanic named, and a person assigns one by the deadline: the manual strategy, or
    /// an overridden `MECHANIC_REQUIRED_NONE_FREE` (none is known to be free).
    case awaitingManualAssignment = "AWAITING_MANUAL_ASSIGNMENT"
    /// No active mechanic has the required skills (an `AppointmentNeedsSkillResolution` event).
    case awaitingSkillFulfillment = "AWAITING_SKILL_FULFILLMENT"
    /// Work that needs no mechanic.
    case notNeeded = "NOT_NEEDED"
}
