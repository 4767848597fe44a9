/// One audit record for the backend to store: who tried what, what the
/// engine found and decided. Denials, conflicts and overrides are audited too.
public struct AuditRecord: Codable, Hashable, Sendable {
    public var auditId: String
    /// `AppointmentCreationAttempted`, `AppointmentCreationDenied`, `ConflictDetected`,
    /// `ConflictOverridden`, `DurationDecided`, `AssignmentDecision`, `AppointmentCreated`,
    /// `ReferentialLinkEstablished`, `EstimateStatusChanged`, `WorkExecutionNotified` (see ``AuditType``).
    public var type: String
    public var at: String
    public var actor: String
    /// The actor's ``StaffRole`` when the request names it (`caller.role`).
    public var actorRole: String?
    public var facilityId: String
    public var requestId: String
    public var appointmentId: String?
    /// What happened, as key and value strings (encoded with sorted keys).
    public var details: [String: String]
}
