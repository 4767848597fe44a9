import ShopOperations

/// A domain event for the backend to publish after persisting the decision.
///
/// `AppointmentCreatedFromEstimate` / `AppointmentCreatedFromWorkOrder` carry
/// the fields of the story's `AppointmentCreatedEvent`;
/// `AppointmentNeedsSkillResolution` names the skills no active mechanic has.
/// Event ids derive from the request key (``/ShopOperations/BookingIDGenerator``).
public struct BookingEvent: Codable, Hashable, Sendable {
    public var type: String
    public var eventId: String
    public var appointmentId: String
    /// The appointment's version the event describes (1 at creation).
    public var version: Int
    public var occurredAt: String
    public var facilityId: String
    public var estimateId: String?
    public var workOrderId: String?
    public var customerId: String?
    public var vehicleId: String?
    public var start: String?
    public var end: String?
    public var durationMinutes: Int?
    public var bayId: String?
    public var mobileUnitId: String?
    public var mechanicId: String?
    public var assignmentStatus: AssignmentStatus?
    public var assignmentDeadline: String?
    public var requiredSkills: [String]?
    public var createdBy: String?
}
