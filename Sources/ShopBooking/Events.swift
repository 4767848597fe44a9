/// A domain event for the backend to publish after persisting the decision.
///
/// `AppointmentCreatedFromEstimate` / `AppointmentCreatedFromWorkOrder` carry
/// the fields of the story's `AppointmentCreatedEvent`;
/// `AppointmentNeedsSkillResolution` names the skills no active mechanic has.
/// Event ids derive from the request key (``BookingIDGenerator``).
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

package enum Events {
    /// The events of a created appointment, in publishing order.
    package static func forCreated(_ appointment: Appointment, ids: IDs) -> [BookingEvent] {
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

/// Hands out the decision's ids in order, one counter per kind, so the n-th
/// event of a retried request gets the same id as before.
package final class IDs {
    private let generator: any BookingIDGenerator
    private let requestKey: String
    private let facility: String
    private var counters: [String: Int] = [:]

    package init(_ generator: any BookingIDGenerator, requestKey: String, facility: String) {
        self.generator = generator
        self.requestKey = requestKey
        self.facility = facility
    }

    package func next(_ kind: String) -> String {
        let index = counters[kind, default: 0]
        counters[kind] = index + 1
        return generator.id(kind: kind, requestKey: requestKey, facility: facility, index: index)
    }
}
