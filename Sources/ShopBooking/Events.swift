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

/// The event type names, as written in ``BookingEvent/type``.
public enum BookingEventType {
    public static let createdFromEstimate = "AppointmentCreatedFromEstimate"
    public static let createdFromWorkOrder = "AppointmentCreatedFromWorkOrder"
    public static let needsSkillResolution = "AppointmentNeedsSkillResolution"
}

enum Events {
    /// The events of a created appointment, in publishing order.
    static func forCreated(_ appointment: Appointment, ids: DecisionIDs) -> [BookingEvent] {
        var events = [BookingEvent(
            type: appointment.sourceType == .estimate ? BookingEventType.createdFromEstimate
                : BookingEventType.createdFromWorkOrder,
            eventId: ids.next("EVT"), appointmentId: appointment.id, version: appointment.version,
            occurredAt: appointment.createdAt, facilityId: appointment.facility,
            estimateId: appointment.estimateId, workOrderId: appointment.workOrderId,
            customerId: appointment.customerId, vehicleId: appointment.vehicleId,
            start: appointment.start, end: appointment.end, durationMinutes: appointment.durationMinutes,
            bayId: appointment.bay, mobileUnitId: appointment.mobileUnit, mechanicId: appointment.mechanic,
            assignmentStatus: appointment.assignmentStatus, assignmentDeadline: appointment.assignmentDeadline,
            requiredSkills: appointment.requiredSkills, createdBy: appointment.createdBy)]
        if appointment.assignmentStatus == .awaitingSkillFulfillment {
            events.append(BookingEvent(
                type: BookingEventType.needsSkillResolution, eventId: ids.next("EVT"),
                appointmentId: appointment.id, version: appointment.version, occurredAt: appointment.createdAt,
                facilityId: appointment.facility, requiredSkills: appointment.requiredSkills))
        }
        return events
    }
}
