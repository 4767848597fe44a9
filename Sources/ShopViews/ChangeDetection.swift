import ShopOperations

/// Turns two snapshots into the events a backend would push; appointments
/// and work orders are matched by location and id, in the current
/// snapshot's order.
public enum ChangeDetection {
    /// Assignment changes (bay, mobile unit, mechanic, notes, status, start)
    /// of every appointment in `current`; a new appointment reports its
    /// fields against `nil`.
    public static func assignmentEvents(from previous: BoardSnapshot, to current: BoardSnapshot) -> [AssignmentUpdated]
    {
        var events: [AssignmentUpdated] = []
        for location in current.locations {
            let before = previous.locations.first { $0.facility.id == location.facility.id }
            for appointment in location.appointments {
                let old = before?.appointments.first { $0.id == appointment.id }
                let changes = diff(
                    [
                        ("status", old?.status, appointment.status),
                        ("start", old?.start, appointment.start),
                        ("bay", old?.bay, appointment.bay),
                        ("mobileUnit", old?.mobileUnit, appointment.mobileUnit),
                        ("mechanic", old?.mechanic, appointment.mechanic),
                        ("notes", old?.notes, appointment.notes),
                    ], isNew: old == nil)
                guard !changes.isEmpty else { continue }
                events.append(
                    AssignmentUpdated(
                        eventId: eventID(
                            "AssignmentUpdated", appointment.id, changes,
                            change: [appointment.version.map { "v\($0)" }, appointment.lastUpdatedAt]),
                        appointmentId: appointment.id,
                        locationId: location.facility.id, changes: changes))
            }
        }
        return events
    }

    /// A `WorkorderStatusChanged` for every work order whose status differs
    /// (or that is new), listing every field that changed with it.
    public static func workOrderEvents(from previous: BoardSnapshot, to current: BoardSnapshot)
        -> [WorkorderStatusChanged]
    {
        var events: [WorkorderStatusChanged] = []
        for location in current.locations {
            let before = previous.locations.first { $0.facility.id == location.facility.id }
            for order in location.workOrders {
                let old = before?.workOrders.first { $0.id == order.id }
                guard old?.status != order.status else { continue }
                let changes = diff(
                    [
                        ("status", old?.status, order.status),
                        ("appointmentId", old?.appointmentId, order.appointmentId),
                        ("remainingMinutes", old.map { String($0.remainingMinutes) }, String(order.remainingMinutes)),
                        ("promisedAt", old?.promisedAt, order.promisedAt),
                        ("parts", old.flatMap { partsText($0.parts) }, partsText(order.parts)),
                    ], isNew: old == nil)
                events.append(
                    WorkorderStatusChanged(
                        eventId: eventID(
                            "WorkorderStatusChanged", order.id, changes,
                            change: [order.statusHistory.map { "h\($0.count)" }, order.statusHistory?.last?.at]),
                        workOrderId: order.id,
                        locationId: location.facility.id, oldStatus: old?.status, newStatus: order.status,
                        changes: changes))
            }
        }
        return events
    }

    private static func diff(_ fields: [(String, String?, String?)], isNew: Bool) -> [FieldChange] {
        fields.compactMap { name, old, new in
            old == new && !(isNew && new != nil) ? nil : FieldChange(field: name, old: old, new: new)
        }
    }

    private static func partsText(_ parts: [BoardSnapshot.Part]?) -> String? {
        parts.map { $0.map { "\($0.partNumber)@\($0.expectedAt ?? "?")" }.joined(separator: ",") }
    }

    /// A stable id (FNV-1a) from the event's content and what tells this change
    /// from the same one made again later (the appointment's version and last
    /// update, the work order's status history), so retries and replays give
    /// the same id and a repeated change a new one.
    static func eventID(_ kind: String, _ id: String, _ changes: [FieldChange], change: [String?]) -> String {
        let text =
            ([kind, id] + changes.map { "\($0.field)=\($0.old ?? "∅")>\($0.new ?? "∅")" }
            + change.map { $0 ?? "∅" }).joined(separator: "|")
        return StableIDGenerator.id(kind: kind, of: text)
    }
}
