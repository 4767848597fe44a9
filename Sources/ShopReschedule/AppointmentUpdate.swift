import ShopDomain
import ShopOperations

/// The record of one change of an appointment's placement (`AppointmentUpdate`).
public struct AppointmentUpdate: Codable, Hashable, Sendable {
    public var updateId: String
    public var appointmentId: String
    public var requestId: String
    public var at: String
    public var by: String
    public var reason: String
    public var notes: String?
    public var fromStart: String
    /// The old end; for work that may pause (contract §7), the end of its last work range.
    public var fromEnd: String
    public var toStart: String
    /// The new end; for work that may pause, the end of its last work range at the
    /// new start, which may be on a later day.
    public var toEnd: String
    public var fromBay: String
    public var toBay: String
    public var fromMechanic: String?
    public var toMechanic: String?
    /// `PRESERVED` when both are kept, `CLEARED` when the mechanic was cleared, else `REASSIGNED`.
    public var assignment: AssignmentOutcome
    public var bayAssignment: AssignmentOutcome
    public var mechanicAssignment: AssignmentOutcome
    /// A person must assign a mechanic (the mechanic was cleared).
    public var dispatcherFollowUp: Bool
    /// Real minutes from now to the earlier of the old and the new start.
    public var noticeMinutes: Int
    public var notice: NoticeClass
    public var rescheduleCount: Int
    public var conflictOverride: String?
    public var approvedBy: String?
    public var customerConfirmation: CustomerConfirmation?
    /// For work that may pause: its work ranges at the new start, recomputed with the
    /// mechanic it keeps or gets (none: the shop's hours alone), the bay held from
    /// ``toStart`` to ``toEnd``; absent for work in one stretch.
    public var toWork: [SolutionFile.WorkRange]? = nil
}
