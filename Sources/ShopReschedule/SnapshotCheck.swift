import ShopBooking
import ShopDomain

/// The snapshot checked by booking's own validation (same rules, same paths),
/// through a stand-in request that cannot fail itself.
enum SnapshotCheck {
    /// Every problem of `snapshot` (an empty list when it is valid), and the validated form when it is.
    static func validate(_ snapshot: BookingSnapshot, caller: AppointmentRequest.Caller) -> (ValidatedBooking?, [ValidationIssue]) {
        let date = LocalDate(snapshot.facility.horizon.start) ?? LocalDate(dayNumber: 0)
        let order = WorkOrder(id: "STAND-IN", status: "OPEN", customerId: "-", vehicleId: "-",
                              lines: [ServiceLine(serviceType: "STAND-IN", estimatedMinutes: 60)])
        var copy = snapshot
        copy.workOrders = (copy.workOrders ?? []) + [order]
        let request = AppointmentRequest(requestId: "STAND-IN", facility: snapshot.facility.id,
                                         source: .init(type: SourceType.workOrder.rawValue, id: order.id),
                                         preferredStarts: ["\(date)T00:00"], caller: caller)
        let standIn = "workOrders[\((copy.workOrders ?? []).count - 1)]"
        do {
            return (try ValidatedBooking(snapshot: copy, request: request), [])
        } catch {
            return (nil, error.issues.filter { !$0.path.hasPrefix(standIn) && !$0.path.hasPrefix("request.") })
        }
    }
}
