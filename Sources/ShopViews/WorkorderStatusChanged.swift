/// A `WorkorderStatusChanged` event, with every field that changed with it.
public struct WorkorderStatusChanged: Codable, Hashable, Sendable {
    public var eventType = "WorkorderStatusChanged"
    public var eventId: String
    public var workOrderId: String
    public var locationId: String
    public var oldStatus: String?
    public var newStatus: String
    public var changes: [FieldChange]
}
