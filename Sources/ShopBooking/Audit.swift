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

/// Collects the audit records of one decision in the order they happen.
package struct AuditTrail {
    package let ids: IDs
    package let at: String
    package let actor: String
    package let facility: String
    package let requestId: String
    package private(set) var records: [AuditRecord] = []

    package init(ids: IDs, at: String, actor: String, facility: String, requestId: String) {
        self.ids = ids
        self.at = at
        self.actor = actor
        self.facility = facility
        self.requestId = requestId
    }

    package mutating func add(_ type: String, appointment: String? = nil, _ details: [String: String]) {
        records.append(AuditRecord(auditId: ids.next("AUD"), type: type, at: at, actor: actor, facilityId: facility,
                                   requestId: requestId, appointmentId: appointment, details: details))
    }
}
