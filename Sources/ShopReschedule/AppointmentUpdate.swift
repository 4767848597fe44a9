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
    public var fromEnd: String
    public var toStart: String
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
}
