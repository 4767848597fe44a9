import ShopOperations

/// An estimate or work order that waits for an appointment: an estimate booking would
/// accept (``Eligibility/bookableEstimateStatuses``) or an open work order, neither linked
/// to an active appointment. The one rule refill and what-next both read.
struct WaitingSource {
    var type: SourceType
    var id: String
    var status: String
    var customerId: String?
    var lines: [ServiceLine]
    /// Work Execution's minutes for a work order, when it gave them.
    var workExecutionMinutes: Int?

    /// Every waiting source of the facility, estimates first, each in the snapshot's order.
    static func all(in facility: ValidatedFacility) -> [WaitingSource] {
        let linked = Set(
            facility.appointments.filter { $0.status.isActive }
                .flatMap { [$0.file.estimateId, $0.file.workOrderId] }.compactMap { $0 })
        let estimates = (facility.snapshot.estimates ?? []).filter {
            Eligibility.bookableEstimateStatuses.contains($0.status) && !linked.contains($0.id)
        }.map {
            WaitingSource(
                type: .estimate, id: $0.id, status: $0.status, customerId: $0.customerId, lines: $0.lines)
        }
        let orders = (facility.snapshot.workOrders ?? []).filter {
            !Eligibility.closedWorkOrderStatuses.contains($0.status) && !linked.contains($0.id)
        }.map {
            WaitingSource(
                type: .workOrder, id: $0.id, status: $0.status, customerId: $0.customerId, lines: $0.lines,
                workExecutionMinutes: $0.workExecutionMinutes)
        }
        return estimates + orders
    }
}
