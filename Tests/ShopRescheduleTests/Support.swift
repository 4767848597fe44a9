import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import ShopVerifier
import Testing

/// A small shop in America/Chicago, 15-minute slots, open 08:00–18:00 every day
/// of the horizon (default: Mon 2026-11-23, 7 days). BAY-1 general, BAY-2 lift.
/// M-1 "J. Doe" BRAKES+ENGINE, M-2 "A. Smith" BRAKES, both 08:00–17:00 every day.
enum Shop {
    static func at(_ text: String) -> LocalDateTime { LocalDateTime(text)! }

    static func snapshot(
        _ appointments: [BookedAppointment], start: String = "2026-11-23", days: Int = 7,
        policy: BookingPolicy? = nil, mechanics: [BookingSnapshot.Mechanic]? = nil
    ) -> BookingSnapshot {
        let first = LocalDate(start)!
        let shifts = (0..<days).map { d in
            ScenarioFile.TimeRange(start: "\(first.adding(days: d))T08:00", end: "\(first.adding(days: d))T17:00")
        }
        let hours = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].reduce(into: [String: [[String]]]()) {
            $0[$1] = [["08:00", "18:00"]]
        }
        return BookingSnapshot(
            facility: ScenarioFile.Facility(
                id: "FAC-1", timeZone: "America/Chicago", slotMinutes: 15,
                horizon: ScenarioFile.Horizon(start: start, days: days), operatingHours: hours),
            bays: [
                ScenarioFile.Bay(id: "BAY-1", type: "GENERAL_SERVICE_BAY"),
                ScenarioFile.Bay(id: "BAY-2", type: "LIFT_BAY"),
            ],
            mechanics: mechanics ?? [
                BookingSnapshot.Mechanic(id: "M-1", name: "J. Doe", skills: ["BRAKES", "ENGINE"], shifts: shifts),
                BookingSnapshot.Mechanic(id: "M-2", name: "A. Smith", skills: ["BRAKES"], shifts: shifts),
            ],
            appointments: appointments, policy: policy)
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
    static func reschedule(
        _ request: RescheduleRequest, _ snapshot: BookingSnapshot, now: String = "2026-11-23T09:00",
        policy: BookingPolicy? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RescheduleDecision {
        let decision = try RescheduleEngine(clock: FixedClock(at(now))).reschedule(request, in: snapshot)
        if let moved = decision.appointment {
            var after = snapshot
            after.appointments = after.appointments.map { $0.id == moved.id ? moved : $0 }
            let report = PlanCheck.verify(after)
            #expect(report.isFeasible, "the snapshot after the move: \(report)", sourceLocation: sourceLocation)
        }
        return decision
    }
}

/// The snapshot's booked plan, stated from the contract here (not from the code
/// under test): every active appointment a job pinned where it is (its bay's
/// type, its skills, a mechanic when it has one), checked by `PlanVerifier`.
enum PlanCheck {
    static let active = ["SCHEDULED", "CONFIRMED", "AWAITING_PARTS", "IN_PROGRESS"]

    static func verify(_ snapshot: BookingSnapshot) -> VerificationReport {
        let booked = snapshot.appointments.filter { active.contains($0.status) }
        var jobs: [ScenarioFile.Job] = []
        var assignments: [SolutionFile.Assignment] = []
        for a in booked {
            let type = snapshot.bays.first { $0.id == a.bay }!.type
            jobs.append(
                ScenarioFile.Job(
                    id: a.id, durationMinutes: a.durationMinutes, bayTypes: [type],
                    requiredSkills: a.requiredSkills ?? [], mechanic: a.mechanic == nil ? "none" : "required"))
            let slots = (a.durationMinutes + snapshot.facility.slotMinutes - 1) / snapshot.facility.slotMinutes
            assignments.append(
                SolutionFile.Assignment(
                    job: a.id, start: a.start,
                    end: LocalDateTime(a.start)!.adding(minutes: slots * snapshot.facility.slotMinutes).description,
                    bay: a.bay, mechanic: a.mechanic))
        }
        let mechanics = snapshot.mechanics.map {
            ScenarioFile.Mechanic(id: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts)
        }
        let scenario = try! Scenario(
            file: ScenarioFile(
                facility: snapshot.facility, bays: snapshot.bays, mechanics: mechanics,
                jobs: jobs, weights: snapshot.weights))
        return PlanVerifier.verify(
            SolutionFile(
                scenario: scenario.facility.id, strategy: "test", status: "feasible",
                objective: nil, bound: nil, seconds: 0, assignments: assignments,
                unscheduled: []), against: scenario)
    }
}
