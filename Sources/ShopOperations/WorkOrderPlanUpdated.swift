/// `WorkOrderPlanUpdated`: the planned time (and bay and mechanic) of a work
/// order changed with its appointment, for Work Execution; published with the
/// ``RescheduleEvent`` of the same change.
public struct WorkOrderPlanUpdated: Codable, Hashable, Sendable {
    public static let type = "WorkOrderPlanUpdated"
    public var type: String = WorkOrderPlanUpdated.type
    public var eventId: String
    public var workOrderId: String
    public var appointmentId: String
    public var occurredAt: String
    public var facilityId: String
    public var previousPlannedStart: String
    /// Absent when a replan could not place the appointment (it needs rebooking).
    public var plannedStart: String?
    public var plannedEnd: String?
    public var bayId: String?
    public var mechanicId: String?
    /// The appointment's version after the change.
    public var version: Int
}
