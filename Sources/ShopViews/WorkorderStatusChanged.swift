/// A `WorkorderStatusChanged` event, with every field that changed with it.
public struct WorkorderStatusChanged: Codable, Hashable, Sendable {
    public var eventType = "WorkorderStatusChanged"
    public var eventId: String
    public var workOrderId: String
    public var locationId: String
    public var oldStatus: String?
    public var newStatus: String
    public var changes: [FieldChange]
    /// Why the status changed: the reason of the work order's latest status
    /// change (every change made through ``WorkInProgressActions`` has one).
    public var reason: String?
    /// Who changed it, when the history says.
    public var changedBy: String?
    /// The completion estimate (``FloorPlan``) after the change, and before it,
    /// when the event comes from two validated floors.
    public var estimatedCompletion: String?
    public var previousEstimatedCompletion: String?
}

/// A `WorkorderEstimateChanged` event: a work order's completion estimate
/// moved by more than the location's threshold while its status stayed the
/// same (a status change carries its estimate in `WorkorderStatusChanged`).
public struct WorkorderEstimateChanged: Codable, Hashable, Sendable {
    public var eventType = "WorkorderEstimateChanged"
    public var eventId: String
    public var workOrderId: String
    public var locationId: String
    public var status: String
    public var previousEstimatedCompletion: String
    public var estimatedCompletion: String
    /// Real minutes the estimate moved (negative: earlier).
    public var deltaMinutes: Int
    public var thresholdMinutes: Int
}
