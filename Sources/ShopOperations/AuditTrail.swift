/// Collects the audit records of one decision in the order they happen.
public struct AuditTrail {
    public let ids: DecisionIDs
    public let at: String
    public let actor: String
    public let actorRole: String?
    public let facility: String
    public let requestId: String
    public private(set) var records: [AuditRecord] = []

    public init(
        ids: DecisionIDs, at: String, actor: String, actorRole: String? = nil, facility: String, requestId: String
    ) {
        self.ids = ids
        self.at = at
        self.actor = actor
        self.actorRole = actorRole
        self.facility = facility
        self.requestId = requestId
    }

    /// Appends a record of `type` with the next `AUD` id.
    public mutating func add(_ type: String, appointment: String? = nil, _ details: [String: String]) {
        records.append(
            AuditRecord(
                auditId: ids.next("AUD"), type: type, at: at, actor: actor, actorRole: actorRole, facilityId: facility,
                requestId: requestId, appointmentId: appointment, details: details))
    }

    /// A `ConflictDetected` record for each conflict found, in order.
    public mutating func addDetected(_ conflicts: [Conflict], appointment: String? = nil) {
        for conflict in conflicts {
            add(
                AuditType.conflictDetected, appointment: appointment,
                [
                    "code": conflict.code.rawValue, "severity": conflict.severity.rawValue, "start": conflict.start,
                    "resources": conflict.resources.joined(separator: ","),
                ])
        }
    }
}
