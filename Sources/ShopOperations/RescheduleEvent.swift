/// `AppointmentRescheduled` (the story's `AppointmentRescheduledEvent`), for the
/// backend to publish after persisting. Ids derive from the request key.
public struct RescheduleEvent: Codable, Hashable, Sendable {
    public static let type = "AppointmentRescheduled"
    public var type: String = RescheduleEvent.type
    public var eventId: String
    public var appointmentId: String
    public var occurredAt: String
    public var facilityId: String
    public var customerId: String?
    public var vehicleId: String?
    /// The appointment's source.
    public var estimateId: String?
    public var workOrderId: String?
    /// The appointment's version after the change (its `BookedAppointment.version`).
    public var version: Int
    public var previousStart: String
    public var previousEnd: String
    /// Absent when a replan could not place it (it needs rebooking).
    public var newStart: String?
    public var newEnd: String?
    public var previousBayId: String
    public var bayId: String?
    public var previousMechanicId: String?
    public var mechanicId: String?
    public var reason: String
    public var notes: String?
    public var rescheduledBy: String
    public var rescheduleCount: Int
    public var assignmentOutcome: AssignmentOutcome?
    public var noticeMinutes: Int
    /// The recurring series the appointment belongs to; with ``seriesException``
    /// `true` when only this occurrence moved.
    public var seriesId: String?
    public var seriesException: Bool?
}
