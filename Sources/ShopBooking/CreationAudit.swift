import ShopOperations

/// The audit records that follow an `AppointmentCreated`: the links the
/// appointment now has (immutable from here on), the estimate's status change
/// when an estimate was scheduled, and that Work Execution is told of the
/// planned work. They are records of what the backend does on persisting the
/// decision, in the order it does it.
enum CreationAudit {
    static func record(_ appointment: CreatedAppointment, sourceStatus: String, _ audit: inout AuditTrail) {
        let sourceId = appointment.estimateId ?? appointment.workOrderId ?? ""
        audit.add(
            AuditType.referentialLink, appointment: appointment.id,
            [
                "sourceType": appointment.sourceType.rawValue, "sourceId": sourceId,
                "customerId": appointment.customerId, "vehicleId": appointment.vehicleId,
            ])
        if let estimate = appointment.estimateId {
            audit.add(
                AuditType.estimateStatusChanged, appointment: appointment.id,
                ["estimateId": estimate, "from": sourceStatus, "to": "SCHEDULED"])
        }
        audit.add(
            AuditType.workExecutionNotified, appointment: appointment.id,
            [
                "sourceType": appointment.sourceType.rawValue, "sourceId": sourceId,
                "plannedStart": appointment.start, "plannedEnd": appointment.end,
                "bay": appointment.bay ?? appointment.mobileUnit ?? "", "mechanic": appointment.mechanic ?? "",
                "version": String(appointment.version),
            ])
    }
}
