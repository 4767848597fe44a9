import ShopDomain
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
                        changes: changes, reason: latest(order)?.reason, changedBy: latest(order)?.by))
            }
        }
        return events
    }

    /// The work order's latest status change (by time; the last written among equals).
    static func latest(_ order: BoardSnapshot.WorkOrder) -> BoardSnapshot.StatusChange? {
        (order.statusHistory ?? []).enumerated().max { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }?
            .element
    }

    /// How far a completion estimate moves before a `WorkorderEstimateChanged` is raised, when
    /// neither the call nor the location says.
    public static let defaultEstimateThresholdMinutes = 15

    /// The work-order events between two validated floors, each seen at its
    /// own time: a `WorkorderStatusChanged` (with its reason and its estimate
    /// before and after) for every status change, and a
    /// `WorkorderEstimateChanged` for every active work order whose status
    /// stayed but whose completion estimate moved by more than the threshold
    /// (`estimateThresholdMinutes`, else the location's
    /// `estimateChangeThresholdMinutes`, else 15 minutes; exactly the threshold
    /// is no event).
    public static func workOrderEvents(
        from previous: ShopFloor, at before: FloorClock, to current: ShopFloor, at now: FloorClock,
        estimateThresholdMinutes: Int? = nil
    ) -> (statusChanges: [WorkorderStatusChanged], estimateChanges: [WorkorderEstimateChanged]) {
        func estimates(_ floor: ShopFloor, _ clock: FloorClock) -> [String: [String: LocalDateTime]] {
            var all: [String: [String: LocalDateTime]] = [:]
            for location in floor.locations {
                let plan = FloorPlan(location, now: clock.now(in: location))
                for (w, order) in location.workOrders.enumerated() {
                    if let completion = plan.forecasts[w]?.completion {
                        all[location.id, default: [:]][order.id] = completion
                    }
                }
            }
            return all
        }
        let old = estimates(previous, before), new = estimates(current, now)
        var statusChanges = workOrderEvents(from: previous.snapshot, to: current.snapshot)
        for i in statusChanges.indices {
            let event = statusChanges[i]
            statusChanges[i].estimatedCompletion = new[event.locationId]?[event.workOrderId]?.description
            statusChanges[i].previousEstimatedCompletion = old[event.locationId]?[event.workOrderId]?.description
        }
        var estimateChanges: [WorkorderEstimateChanged] = []
        for location in current.locations {
            let threshold =
                estimateThresholdMinutes ?? location.estimateChangeThresholdMinutes ?? defaultEstimateThresholdMinutes
            let earlier = previous.locations.first { $0.id == location.id }
            for order in location.workOrders where order.state.isActive {
                guard let was = earlier?.workOrders.first(where: { $0.id == order.id }), was.state == order.state,
                    let from = old[location.id]?[order.id], let to = new[location.id]?[order.id]
                else { continue }
                let delta = FacilityTime.elapsedMinutes(
                    from: FacilityTime.instant(from, timeZone: location.timeZone),
                    to: FacilityTime.instant(to, timeZone: location.timeZone))
                guard abs(delta) > threshold else { continue }
                estimateChanges.append(
                    WorkorderEstimateChanged(
                        eventId: eventID(
                            "WorkorderEstimateChanged", order.id,
                            [FieldChange(field: "estimatedCompletion", old: from.description, new: to.description)],
                            change: [order.state.rawValue]),
                        workOrderId: order.id, locationId: location.id, status: order.state.rawValue,
                        previousEstimatedCompletion: from.description, estimatedCompletion: to.description,
                        deltaMinutes: delta, thresholdMinutes: threshold))
            }
        }
        return (statusChanges, estimateChanges)
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
