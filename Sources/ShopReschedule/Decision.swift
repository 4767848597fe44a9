import ShopBooking
import ShopDomain

/// The engine's answer to one ``RescheduleRequest`` (`shopsched.reschedule-decision/1`):
/// what the backend persists as it is.
///
/// Invariants: ``appointment`` and ``update`` are present exactly when
/// ``outcome`` is `rescheduled`; ``denials`` is non-empty exactly when it is
/// `denied`; a `conflicts` outcome lists at least one blocking conflict.
public struct RescheduleDecision: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.reschedule-decision/1"

    public var format: String = RescheduleDecision.formatName
    public var requestId: String
    public var outcome: Outcome
    /// The appointment as it is to be stored: new start, bay and mechanic,
    /// `rescheduleCount` one more, the previous placement appended to `history`.
    public var appointment: BookedAppointment?
    public var update: AppointmentUpdate?
    public var denials: [RescheduleDenial]
    public var conflicts: [Conflict]
    public var warnings: [Warning]
    /// Other starts with nothing blocking, ranked as in booking (when the move is blocked).
    public var alternatives: [Alternative]
    public var events: [RescheduleEvent]
    public var outbox: NotificationOutbox
    public var audit: [AuditRecord]
    /// Set on a retry after the backend stored this request's move: the appointment's id.
    public var replayOf: String?
    /// The work order's new planned time, for Work Execution (when the appointment has a work order).
    public var workOrderUpdates: [WorkOrderPlanUpdated]? = nil

    public enum Outcome: String, Codable, Hashable, Sendable {
        /// Moved; persist the appointment, update, events, outbox and audit records.
        case rescheduled
        /// Not moved: a conflict blocks the new start (see alternatives).
        case conflicts
        /// Not moved: a rule refuses it (see denials).
        case denied
    }
}

/// What became of the bay and the mechanic at the new time (rule 6).
public enum AssignmentOutcome: String, Codable, Hashable, Sendable {
    /// The same one, free at the new time.
    case preserved = "PRESERVED"
    /// Not free then; none given: the dispatcher assigns one.
    case cleared = "CLEARED"
    /// Not free then; another free one given (facility policy `auto`; always for a bay).
    case reassigned = "REASSIGNED"
}

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

/// Why a reschedule was refused before its new start was looked at.
public struct RescheduleDenial: Codable, Hashable, Sendable {
    public var code: RescheduleDenialCode
    public var message: String
}

/// Every reason a reschedule can be refused (rules 1–4 and 9, and the conflict override).
public enum RescheduleDenialCode: String, Codable, Hashable, Sendable, CaseIterable {
    case missingReschedulePermission = "MISSING_PERMISSION_RESCHEDULE_APPOINTMENT"
    case notReschedulable = "APPOINTMENT_NOT_RESCHEDULABLE"
    case recurringSeries = "RECURRING_SERIES_NOT_SUPPORTED"
    case unchanged = "NEW_START_UNCHANGED"
    case notesRequired = "NOTES_REQUIRED"
    case shortNoticeNotApproved = "MISSING_PERMISSION_APPROVE_RESCHEDULE"
    case managerApprovalRequired = "MANAGER_APPROVAL_REQUIRED"
    case managerApprovalInvalid = "MANAGER_APPROVAL_INVALID"
    case customerConfirmationRequired = "CUSTOMER_CONFIRMATION_REQUIRED"
    case rescheduleLimitReached = "RESCHEDULE_LIMIT_REACHED"
    case conflictOverrideReasonMissing = "CONFLICT_OVERRIDE_REASON_REQUIRED"
    case conflictOverrideNotPermitted = "MISSING_PERMISSION_OVERRIDE_SCHEDULING_CONFLICT"
}

/// `AppointmentRescheduled` (the story's `AppointmentRescheduledEvent`), for the
/// backend to publish after persisting. Ids derive from the request key.
public struct RescheduleEvent: Codable, Hashable, Sendable {
    public static let type = "AppointmentRescheduled"
    public var type: String = RescheduleEvent.type
    public var eventId: String
    public var appointmentId: String
    public var occurredAt: String
    public var facilityId: String
    public var customerId: String?
    public var vehicleId: String?
    /// The appointment's source.
    public var estimateId: String?
    public var workOrderId: String?
    /// The appointment's version after the change (its `BookedAppointment.version`).
    public var version: Int
    public var previousStart: String
    public var previousEnd: String
    /// Absent when a replan could not place it (it needs rebooking).
    public var newStart: String?
    public var newEnd: String?
    public var previousBayId: String
    public var bayId: String?
    public var previousMechanicId: String?
    public var mechanicId: String?
    public var reason: String
    public var notes: String?
    public var rescheduledBy: String
    public var rescheduleCount: Int
    public var assignmentOutcome: AssignmentOutcome?
    public var noticeMinutes: Int
}

/// `WorkOrderPlanUpdated`: the planned time (and bay and mechanic) of a work
/// order changed with its appointment, for Work Execution; published with the
/// ``RescheduleEvent`` of the same change.
public struct WorkOrderPlanUpdated: Codable, Hashable, Sendable {
    public static let type = "WorkOrderPlanUpdated"
    public var type: String = WorkOrderPlanUpdated.type
    public var eventId: String
    public var workOrderId: String
    public var appointmentId: String
    public var occurredAt: String
    public var facilityId: String
    public var previousPlannedStart: String
    /// Absent when a replan could not place the appointment (it needs rebooking).
    public var plannedStart: String?
    public var plannedEnd: String?
    public var bayId: String?
    public var mechanicId: String?
    /// The appointment's version after the change.
    public var version: Int
}

/// The audit record type names of rescheduling and replanning, as in ``AuditRecord/type``.
public enum RescheduleAuditType {
    public static let attempted = "AppointmentRescheduleAttempted"
    public static let denied = "AppointmentRescheduleDenied"
    public static let approval = "RescheduleApproval"
    public static let assignmentDecision = AuditType.assignmentDecision
    public static let rescheduled = "AppointmentRescheduled"
    public static let replanned = "DayReplanned"
}
