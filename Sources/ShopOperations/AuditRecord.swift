/// One audit record for the backend to store: who tried what, what the
/// engine found and decided. Denials, conflicts and overrides are audited too.
public struct AuditRecord: Codable, Hashable, Sendable {
    public var auditId: String
    /// `AppointmentCreationAttempted`, `AppointmentCreationDenied`, `ConflictDetected`,
    /// `ConflictOverridden`, `DurationDecided`, `AssignmentDecision`, `AppointmentCreated`.
    public var type: String
    public var at: String
    public var actor: String
    public var facilityId: String
    public var requestId: String
    public var appointmentId: String?
    /// What happened, as key and value strings (encoded with sorted keys).
    public var details: [String: String]
}
