import ShopOperations

/// The appointment a booking created (``BookingDecision/appointment``). Its
/// links (source, customer, vehicle) are immutable.
public struct CreatedAppointment: Codable, Hashable, Sendable {
    public var id: String
    /// Always `SCHEDULED` when created.
    public var status: String
    public var version: Int
    public var facility: String
    public var sourceType: SourceType
    public var estimateId: String?
    public var workOrderId: String?
    public var customerId: String
    public var vehicleId: String
    public var start: String
    public var end: String
    public var durationMinutes: Int
    /// The bay, when the work is done in the shop.
    public var bay: String?
    /// The mobile unit, when the work is done at the customer's place.
    public var mobileUnit: String?
    public var mechanic: String?
    public var assignmentStatus: AssignmentStatus
    /// When a deferred or manual mechanic must be assigned by.
    public var assignmentDeadline: String?
    public var requiredSkills: [String]
    public var requestKey: String
    public var createdBy: String
    public var createdAt: String
}

extension CreatedAppointment {
    /// The appointment as a snapshot lists it once the backend has stored it.
    public var booked: BookedAppointment {
        BookedAppointment(
            id: id, status: status, start: start, durationMinutes: durationMinutes, bay: bay ?? mobileUnit ?? "",
            mechanic: mechanic, estimateId: estimateId, workOrderId: workOrderId, customerId: customerId,
            vehicleId: vehicleId, rescheduleCount: 0, requestKey: requestKey, requiredSkills: requiredSkills,
            version: version)
    }
}
