import ShopOperations

/// The audit record type names of rescheduling and replanning, as in ``AuditRecord/type``.
public enum RescheduleAuditType {
    public static let attempted = "AppointmentRescheduleAttempted"
    public static let denied = "AppointmentRescheduleDenied"
    public static let approval = "RescheduleApproval"
    public static let assignmentDecision = AuditType.assignmentDecision
    public static let rescheduled = "AppointmentRescheduled"
    public static let replanned = "DayReplanned"
}
