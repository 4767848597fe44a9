/// The audit record type names, as written in ``AuditRecord/type``.
public enum AuditType {
    public static let attempted = "AppointmentCreationAttempted"
    public static let denied = "AppointmentCreationDenied"
    public static let conflictDetected = "ConflictDetected"
    public static let conflictOverridden = "ConflictOverridden"
    public static let durationDecided = "DurationDecided"
    public static let assignmentDecision = "AssignmentDecision"
    public static let created = "AppointmentCreated"
    /// A created appointment's links to its source, customer and vehicle (immutable from then on).
    public static let referentialLink = "ReferentialLinkEstablished"
    /// The estimate a booking scheduled: its status from what it was to `SCHEDULED`.
    public static let estimateStatusChanged = "EstimateStatusChanged"
    /// Work Execution is told of the new appointment (its planned time, bay and mechanic).
    public static let workExecutionNotified = "WorkExecutionNotified"
    /// A "send update" to the customer from the work-in-progress board.
    public static let customerUpdateSent = "CustomerUpdateSent"
}
