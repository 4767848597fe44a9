/// Every reason a request can be denied, in one list: booking's (rule 1 and
/// the duration override), rescheduling's (rules 1–4 and 9), and the conflict
/// override's, which both share.
public enum DenialCode: String, Codable, Hashable, Sendable, CaseIterable {
    // Booking.
    case missingCreatePermission = "MISSING_PERMISSION_CREATE_APPOINTMENT"
    case estimateNotBookable = "ESTIMATE_NOT_BOOKABLE"
    case workOrderNotBookable = "WORK_ORDER_NOT_BOOKABLE"
    case noCustomer = "SOURCE_NOT_LINKED_TO_CUSTOMER"
    case noVehicle = "SOURCE_NOT_LINKED_TO_VEHICLE"
    case alreadyScheduled = "SOURCE_ALREADY_HAS_ACTIVE_APPOINTMENT"
    case durationOverrideReasonMissing = "DURATION_OVERRIDE_REASON_REQUIRED"
    case durationOverrideNotApproved = "MISSING_PERMISSION_APPROVE_DURATION_OVERRIDE"
    // Rescheduling.
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
    // What next for a mechanic.
    case missingViewAssignmentsPermission = "MISSING_PERMISSION_VIEW_ASSIGNMENTS"
    case mechanicInactive = "MECHANIC_INACTIVE"
    case mechanicOffShift = "MECHANIC_OFF_SHIFT"
    // Cancellations and no-shows (the notice codes above apply to a cancellation too).
    case missingCancelPermission = "MISSING_PERMISSION_CANCEL_APPOINTMENT"
    case appointmentNotFound = "APPOINTMENT_NOT_FOUND"
    case cancellationReasonMissing = "CANCELLATION_REASON_REQUIRED"
    case notCancellable = "APPOINTMENT_NOT_CANCELLABLE"
    case noShowBeforeGracePeriod = "NO_SHOW_BEFORE_GRACE_PERIOD"
    case notMarkableNoShow = "APPOINTMENT_NOT_MARKABLE_NO_SHOW"
    // The conflict override (``ConflictOverridePolicy``).
    case conflictOverrideReasonMissing = "CONFLICT_OVERRIDE_REASON_REQUIRED"
    case conflictOverrideNotPermitted = "MISSING_PERMISSION_OVERRIDE_SCHEDULING_CONFLICT"
}
