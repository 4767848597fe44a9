import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import ShopTestSupport
import Testing

/// A small shop in America/Chicago, 15-minute slots, open 08:00–18:00 every day
/// of the horizon (default: Mon 2026-11-23, 7 days). BAY-1 general, BAY-2 lift.
/// M-1 "J. Doe" BRAKES+ENGINE, M-2 "A. Smith" BRAKES, both 08:00–17:00 every day.
enum Shop {
    static func at(_ text: String) -> LocalDateTime { LocalDateTime(text)! }

    /// The every-day variant of the shared shop (``BookingShop/everyDay``).
    static func snapshot(
        _ appointments: [BookedAppointment], start: String = "2026-11-23", days: Int = 7,
        policy: BookingPolicy? = nil, mechanics: [BookingSnapshot.Mechanic]? = nil
    ) -> BookingSnapshot {
        BookingShop.everyDay.snapshot(
            start: start, days: days, appointments: appointments, policy: policy, mechanics: mechanics)
    }

    static func appointment(
        _ id: String = "A-1", _ start: String = "2026-11-24T10:00", minutes: Int = 60,
        bay: String = "BAY-1", mechanic: String? = "M-1", status: String = "SCHEDULED",
        customer: String = "C-1", count: Int? = nil, series: String? = nil,
        estimate: String? = nil
    ) -> BookedAppointment {
        // Without a mechanic: work that needs none (a drop-off), so it claims nobody.
        BookedAppointment(
            id: id, status: status, start: start, durationMinutes: minutes, bay: bay, mechanic: mechanic,
            estimateId: estimate, customerId: customer, vehicleId: "V-" + customer, rescheduleCount: count,
            requiredSkills: mechanic == nil ? [] : ["BRAKES"], needsMechanic: mechanic == nil ? false : nil,
            seriesId: series)
    }

    static func grants(_ permissions: [Permission], facility: String = "FAC-1") -> [AppointmentRequest.Grant] {
        permissions.map { AppointmentRequest.Grant($0, facility: facility) }
    }
    static let scheduler = grants([.rescheduleAppointment])
    static let everything = grants(Permission.allCases)

    static func request(
        _ newStart: String = "2026-11-25T10:00", appointment: String = "A-1",
        reason: RescheduleReason = .customerRequest, notes: String? = nil, id: String = "RS-1",
        permissions: [AppointmentRequest.Grant] = scheduler,
        conflictOverride: String? = nil, manager: ManagerApproval? = nil,
        confirmation: CustomerConfirmation? = nil, notifyCustomer: Bool? = nil
    ) -> RescheduleRequest {
        RescheduleRequest(
            requestId: id, facility: "FAC-1", appointmentId: appointment, newStart: newStart, reason: reason,
            notes: notes, caller: .init(id: "sched-3", permissions: permissions),
            conflictOverride: conflictOverride.map { .init(reason: $0) }, managerApproval: manager,
            customerConfirmation: confirmation, notifyCustomer: notifyCustomer)
    }

    static let manager = ManagerApproval(approvedBy: "mgr-1")
    static let phone = CustomerConfirmation(channel: "PHONE")

    /// Reschedules at `now` and checks every rescheduled appointment with the independent verifier.
    /// `bookedWork`: the work ranges of the other appointments that may pause, as the test argues
    /// them; a moved one that may pause is checked with the work ranges its update claims.
    static func reschedule(
        _ request: RescheduleRequest, _ snapshot: BookingSnapshot, now: String = "2026-11-23T09:00",
        policy: BookingPolicy? = nil, bookedWork: [String: [SolutionFile.WorkRange]] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RescheduleDecision {
        let decision = try RescheduleEngine(clock: FixedClock(at(now))).reschedule(request, in: snapshot)
        if let moved = decision.appointment {
            var after = snapshot
            after.appointments = after.appointments.map { $0.id == moved.id ? moved : $0 }
            var work = bookedWork
            work[moved.id] = decision.update?.toWork
            let report = try BookedPlanCheck(snapshot: after, bookedWork: work).verify()
            #expect(report.isFeasible, "the snapshot after the move: \(report)", sourceLocation: sourceLocation)
        }
        return decision
    }
}
