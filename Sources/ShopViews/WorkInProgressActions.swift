import Foundation
import ShopDomain
import ShopOperations

/// The work-in-progress board's actions: change a work order's status (always
/// with a reason) and send the customer an update. Pure: each returns what the
/// backend stores and publishes; nothing is written.
public enum WorkInProgressActions {
    /// Why an action was refused: a missing permission, or a field of the
    /// action's input (named by its path) that is wrong.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        public var missing: Permission?
        public var field: String?
        public var reason: String
        public var description: String { field.map { "\($0): \(reason)" } ?? reason }
    }

    /// A status change to store (the work order with its new history entry)
    /// and the event to publish.
    public struct StatusChange: Codable, Hashable, Sendable {
        public var workOrder: BoardSnapshot.WorkOrder
        public var event: WorkorderStatusChanged
    }

    /// A customer update: the notification to send and its audit record.
    public struct CustomerUpdate: Codable, Hashable, Sendable {
        public var outbox: NotificationOutbox
        public var audit: [AuditRecord]
    }

    /// The longest free text a customer update adds.
    public static let maxMessageLength = 500

    /// Work order `id` moved to `status`, for `reason`, by `caller`
    /// (`UPDATE_WORKORDER_STATUS`, the work order's location in their scope).
    /// The event is the one ``ChangeDetection`` finds between the floor before
    /// and after (so the same id), with the reason and the completion estimate
    /// before and after.
    public static func changeStatus(
        _ id: String, in floor: ShopFloor, to status: WorkOrderState, reason: String, by caller: ViewCaller,
        clock: FloorClock
    ) throws(Refusal) -> StatusChange {
        let (l, w) = try find(id, in: floor, for: caller, needs: .updateWorkOrderStatus)
        let location = floor.locations[l]
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw Refusal(missing: nil, field: "reason", reason: "every status change needs a reason")
        }
        guard location.workOrders[w].state != status else {
            throw Refusal(missing: nil, field: "status", reason: "\(id) is already \(status.rawValue)")
        }
        var snapshot = floor.snapshot
        var order = snapshot.locations[l].workOrders[w]
        order.status = status.rawValue
        order.statusHistory =
            (order.statusHistory ?? []) + [
                BoardSnapshot.StatusChange(
                    status: status.rawValue, at: clock.now(in: location).description, by: caller.id, reason: trimmed)
            ]
        snapshot.locations[l].workOrders[w] = order
        // The snapshot was valid and only a status (a known one) and a history entry changed.
        guard let after = try? ShopFloor(snapshot),
            let event = ChangeDetection.workOrderEvents(from: floor, at: clock, to: after, at: clock)
                .statusChanges.first(where: { $0.workOrderId == id && $0.locationId == location.id })
        else { preconditionFailure("a status change of a valid snapshot stays valid") }
        return StatusChange(workOrder: order, event: event)
    }

    /// The "send update" action: a notification to the work order's customer
    /// through the outbox (SMS first, then email, as every notification), with
    /// the status in the location's words and the completion estimate, and
    /// `message` after it. Needs `SEND_CUSTOMER_UPDATE`. `requestId` is the
    /// idempotency key of the ids.
    public static func sendUpdate(
        _ id: String, in floor: ShopFloor, by caller: ViewCaller, clock: FloorClock, requestId: String,
        message: String? = nil, ids generator: any BookingIDGenerator = StableIDGenerator()
    ) throws(Refusal) -> CustomerUpdate {
        let (l, w) = try find(id, in: floor, for: caller, needs: .sendCustomerUpdate)
        guard !requestId.isEmpty else {
            throw Refusal(missing: nil, field: "requestId", reason: "must not be empty (it is the idempotency key)")
        }
        let extra = message?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard extra.count <= maxMessageLength else {
            throw Refusal(
                missing: nil, field: "message", reason: "at most \(maxMessageLength) characters, not \(extra.count)")
        }
        let location = floor.locations[l], order = location.workOrders[w]
        let now = clock.now(in: location)
        let forecast = FloorPlan(location, now: now).forecasts[w]!
        let appointment = order.appointment.map { location.appointments[$0].id }
        let vehicle = order.file.vehicle.name ?? order.file.vehicle.id
        var text = "Update on your \(vehicle) (work order \(order.id)): \(location.label(order.state))."
        if order.state == .readyForPickup {
            text += " It is ready for pickup."
        } else if let done = forecast.completion {
            text += " Expected ready: \(done.date) \(ClockTime(minutes: done.minuteOfDay)!)."
        } else {
            text += " We will tell you when it will be ready."
        }
        if !extra.isEmpty { text += " " + extra }
        let decision = DecisionIDs(generator, requestKey: requestId, facility: location.id)
        let entry = OutboxEntry.pending(
            ids: decision, appointmentId: appointment ?? order.id, .customer, order.file.customer.id,
            mandatory: true, subject: "Update on your vehicle", text: text, now: now, workOrderId: order.id)
        var audit = AuditTrail(
            ids: decision, at: now.description, actor: caller.id, actorRole: caller.role?.rawValue,
            facility: location.id, requestId: requestId)
        audit.add(
            AuditType.customerUpdateSent, appointment: appointment,
            [
                "workOrderId": order.id, "customerId": order.file.customer.id, "notificationId": entry.notificationId,
                "status": order.state.rawValue, "estimatedCompletion": forecast.completion?.description ?? "",
            ])
        return CustomerUpdate(outbox: NotificationOutbox(entries: [entry]), audit: audit.records)
    }

    /// The location and work order indices of `id`, once the caller may act on it.
    static func find(_ id: String, in floor: ShopFloor, for caller: ViewCaller, needs permission: Permission)
        throws(Refusal) -> (Int, Int)
    {
        guard caller.may(permission) else {
            throw Refusal(missing: permission, field: nil, reason: "this action needs \(permission.rawValue)")
        }
        for (l, location) in floor.locations.enumerated() {
            guard let w = location.workOrders.firstIndex(where: { $0.id == id }) else { continue }
            guard location.id == caller.facilityId || caller.may(.viewAllLocations) else {
                throw Refusal(
                    missing: .viewAllLocations, field: nil,
                    reason: "\(id) is at \(location.id), outside \(caller.id)'s location \(caller.facilityId)")
            }
            return (l, w)
        }
        throw Refusal(missing: nil, field: "workOrderId", reason: "no work order \"\(id)\" in the snapshot")
    }
}
