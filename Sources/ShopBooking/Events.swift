import ShopOperations

enum Events {
    /// The events of a created appointment, in publishing order.
    static func forCreated(_ appointment: CreatedAppointment, ids: DecisionIDs) -> [BookingEvent] {
        var events = [
            BookingEvent(
                type: appointment.sourceType == .estimate
                    ? BookingEventType.createdFromEstimate
                    : BookingEventType.createdFromWorkOrder,
                eventId: ids.next("EVT"), appointmentId: appointment.id, version: appointment.version,
                occurredAt: appointment.createdAt, facilityId: appointment.facility,
                estimateId: appointment.estimateId, workOrderId: appointment.workOrderId,
                customerId: appointment.customerId, vehicleId: appointment.vehicleId,
                start: appointment.start, end: appointment.end, durationMinutes: appointment.durationMinutes,
                bayId: appointment.bay, mobileUnitId: appointment.mobileUnit, mechanicId: appointment.mechanic,
                assignmentStatus: appointment.assignmentStatus, assignmentDeadline: appointment.assignmentDeadline,
                requiredSkills: appointment.requiredSkills, createdBy: appointment.createdBy)
        ]
        if appointment.assignmentStatus == .awaitingSkillFulfillment {
            events.append(
                BookingEvent(
                    type: BookingEventType.needsSkillResolution, eventId: ids.next("EVT"),
                    appointmentId: appointment.id, version: appointment.version, occurredAt: appointment.createdAt,
                    facilityId: appointment.facility, requiredSkills: appointment.requiredSkills))
        }
        return events
    }
}
