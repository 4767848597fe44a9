import Foundation
import ShopBooking
import ShopDomain
import ShopTestSupport
import Testing

/// A small shop, Mon 2026-11-23 to Sun 2026-11-29, 15-minute slots:
/// Mon–Fri 08:00–18:00, Sat 09:00–13:00, Sunday closed.
/// BAY-1 general, BAY-2 lift, VAN-1 mobile unit.
/// M-1 "J. Doe" BRAKES+ENGINE, M-2 "A. Smith" BRAKES, both 08:00–17:00 Mon–Fri;
/// M-3 "R. Roe" EV, inactive.
/// Estimate E-1 (APPROVED, C-1/V-1): one BRAKES line of 90 min, ENGINE preferred.
enum Fixture {
    static let monday = LocalDate(year: 2026, month: 11, day: 23)!
    static func at(_ text: String) -> LocalDateTime { LocalDateTime(text)! }
    /// Monday 07:00, before opening.
    static let now = at("2026-11-23T07:00")

    /// The booking variant of the shared shop (``BookingShop/booking``), with the estimate
    /// E-1 and the work order W-1 unless the test gives others.
    static func snapshot(
        appointments: [BookedAppointment] = [], estimates: [Estimate]? = nil,
        workOrders: [WorkOrder]? = nil, policy: BookingPolicy? = nil,
        maxConcurrent: Int? = nil, labour: ScenarioFile.LabourMinutes? = nil
    ) -> BookingSnapshot {
        var snapshot = BookingShop.booking.snapshot(
            appointments: appointments, estimates: estimates ?? [estimate()], workOrders: workOrders ?? [workOrder()],
            policy: policy, maxConcurrent: maxConcurrent)
        snapshot.facility.labourMinutesPerDay = labour
        return snapshot
    }

    static func brakeLine(minutes: Int? = 90, type: String = "BRAKE_PADS") -> ServiceLine {
        ServiceLine(
            serviceType: type, estimatedMinutes: minutes, requiredSkills: ["BRAKES"], preferredSkills: ["ENGINE"],
            bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"])
    }

    static func estimate(
        id: String = "E-1", status: String = "APPROVED", customer: String? = "C-1",
        vehicle: String? = "V-1", lines: [ServiceLine] = [brakeLine()],
        multiple: Bool? = nil
    ) -> Estimate {
        Estimate(
            id: id, status: status, customerId: customer, vehicleId: vehicle, lines: lines,
            allowsMultipleAppointments: multiple)
    }

    static func workOrder(
        id: String = "W-1", status: String = "OPEN", workExecution: Int? = nil,
        lines: [ServiceLine] = [brakeLine()]
    ) -> WorkOrder {
        WorkOrder(
            id: id, status: status, customerId: "C-2", vehicleId: "V-2", lines: lines,
            workExecutionMinutes: workExecution)
    }

    static let allPermissions = Permission.allCases.map { AppointmentRequest.Grant($0, facility: "FAC-1") }
    static let createOnly = [AppointmentRequest.Grant(.createAppointment, facility: "FAC-1")]

    static func request(
        _ starts: [String] = ["2026-11-23T09:00"], source: (String, String) = ("ESTIMATE", "E-1"),
        id: String = "REQ-1", permissions: [AppointmentRequest.Grant] = createOnly,
        mechanic: String? = nil, override: AppointmentRequest.DurationOverride? = nil,
        conflictOverride: AppointmentRequest.ConflictOverride? = nil,
        alternatives: Int? = nil, order: [String]? = nil
    ) -> AppointmentRequest {
        AppointmentRequest(
            requestId: id, facility: "FAC-1",
            source: AppointmentRequest.SourceReference(type: source.0, id: source.1),
            preferredStarts: starts, mechanic: mechanic, durationOverride: override,
            conflictOverride: conflictOverride,
            caller: AppointmentRequest.Caller(id: "advisor-7", permissions: permissions),
            alternatives: alternatives, alternativeOrder: order)
    }

    /// A booked appointment of someone else's car.
    static func booked(
        _ id: String, _ start: String, minutes: Int = 60, bay: String = "BAY-1",
        mechanic: String? = "M-1", status: String = "CONFIRMED", customer: String = "C-9",
        estimateId: String? = nil, skills: [String]? = ["BRAKES"],
        needsMechanic: Bool? = nil
    ) -> BookedAppointment {
        BookedAppointment(
            id: id, status: status, start: start, durationMinutes: minutes, bay: bay, mechanic: mechanic,
            estimateId: estimateId, customerId: customer, vehicleId: "V-9", requiredSkills: skills,
            needsMechanic: needsMechanic)
    }

    static func engine(now: LocalDateTime = Fixture.now) -> BookingEngine {
        BookingEngine(clock: FixedClock(now))
    }

    /// Books, and checks every created appointment with the independent verifier.
    static func book(
        _ request: AppointmentRequest, _ snapshot: BookingSnapshot, now: LocalDateTime = Fixture.now,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> BookingDecision {
        let decision = try engine(now: now).book(request, in: snapshot)
        if let appointment = decision.appointment {
            try verifyCreated(
                appointment, decision: decision, request: request, snapshot: snapshot, sourceLocation: sourceLocation)
        }
        return decision
    }

    /// The created appointment, added to the booked plan, is feasible under the contract. The job is
    /// stated here from the source's lines: one bay type every line allows, every required skill.
    /// A deferred mechanic is checked through the one the staffing check named (`staffedBy`).
    static func verifyCreated(
        _ a: CreatedAppointment, decision: BookingDecision, request: AppointmentRequest,
        snapshot: BookingSnapshot, sourceLocation: SourceLocation
    ) throws {
        let lines =
            (snapshot.estimates ?? []).first { $0.id == a.estimateId }?.lines
            ?? (snapshot.workOrders ?? []).first { $0.id == a.workOrderId }?.lines ?? []
        let shop = ["GENERAL_SERVICE_BAY", "LIFT_BAY", "ALIGNMENT_BAY", "TIRE_BAY", "INSPECTION_BAY"]
        var types = Set(shop + ["MOBILE_UNIT"])
        for line in lines {
            types.formIntersection(Set((line.bayTypes ?? shop) + (line.mobileEligible == true ? ["MOBILE_UNIT"] : [])))
        }
        let skills = lines.flatMap { $0.requiredSkills ?? [] }
        let staffedBy = decision.audit.first { $0.type == AuditType.assignmentDecision }?.details["staffedBy"] ?? ""
        let mechanic = a.mechanic ?? (staffedBy.isEmpty ? nil : staffedBy)
        let job = ScenarioFile.Job(
            id: "NEW", durationMinutes: a.durationMinutes, bayTypes: types.sorted(),
            requiredSkills: skills, mechanic: mechanic == nil ? "none" : "required", resumable: a.resumable)
        var booked = snapshot
        booked.appointments.removeAll { $0.requestKey == request.requestId }  // a replay: the stored one is this one
        _ = try BookedPlanCheck(snapshot: booked, job: job)
            .addedCost(
                start: a.start, bay: a.bay ?? a.mobileUnit!, mechanic: mechanic, work: a.work,
                sourceLocation: sourceLocation)
    }
}

extension BookedPlanCheck {
    /// The brake job of ``Fixture/estimate`` as the contract sees it.
    static func brakeJob(minutes: Int = 90, starts: [String], mode: String = "required") -> ScenarioFile.Job {
        ScenarioFile.Job(
            id: "NEW", durationMinutes: minutes, bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"],
            requiredSkills: ["BRAKES"], preferredSkills: ["ENGINE"], mechanic: mode, preferredStarts: starts)
    }
}
