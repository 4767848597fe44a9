/// The audit record type names, as written in ``AuditRecord/type``.
public enum AuditType {
    public static let attempted = "AppointmentCreationAttempted"
    public static let denied = "AppointmentCreationDenied"
    public static let conflictDetected = "ConflictDetected"
    public static let conflictOverridden = "ConflictOverridden"
    public static let durationDecided = "DurationDecided"
    public static let assignmentDecision = "AssignmentDecision"
    public static let created = "AppointmentCreated"
}
