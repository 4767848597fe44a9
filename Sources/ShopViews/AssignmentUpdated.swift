/// An `AssignmentUpdated` event: what a backend pushes when an appointment's
/// assignment changes.
public struct AssignmentUpdated: Codable, Hashable, Sendable {
    public var eventType = "AssignmentUpdated"
    /// Stable: the same two snapshots give the same id.
    public var eventId: String
    public var appointmentId: String
    public var locationId: String
    public var changes: [FieldChange]
}
