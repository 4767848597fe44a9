import ShopBooking
import ShopDomain
import Testing

/// Rule 1: which sources and callers may book, each denial path on its own.
@Suite("eligibility")
struct EligibilityTests {
    @Test(arguments: ["APPROVED", "QUOTED"])
    func approvedOrQuotedEstimateIsBooked(status: String) throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(status: status)])
        let decision = try Fixture.book(Fixture.request(), snapshot)
        #expect(decision.outcome == .created)
        #expect(decision.denials.isEmpty)
    }

    @Test(arguments: ["DRAFT", "DECLINED", "EXPIRED", "SCHEDULED", "CONVERTED"])
    func otherEstimateStatusesAreDenied(status: String) throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(status: status)])
        let decision = try Fixture.book(Fixture.request(), snapshot)
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.estimateNotBookable])
        #expect(decision.appointment == nil && decision.events.isEmpty)
    }

    @Test(arguments: ["OPEN", "IN_PROGRESS", "ON_HOLD"])
    func openWorkOrderIsBooked(status: String) throws {
        let snapshot = Fixture.snapshot(workOrders: [Fixture.workOrder(status: status)])
        let decision = try Fixture.book(Fixture.request(source: ("WORK_ORDER", "W-1")), snapshot)
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.workOrderId == "W-1")
    }

    @Test(arguments: ["COMPLETED", "CANCELLED"])
    func closedWorkOrderIsDenied(status: String) throws {
        let snapshot = Fixture.snapshot(workOrders: [Fixture.workOrder(status: status)])
        let decision = try Fixture.book(Fixture.request(source: ("WORK_ORDER", "W-1")), snapshot)
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.workOrderNotBookable])
    }

    @Test func sourceWithoutCustomerIsDenied() throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(customer: nil)])
        let decision = try Fixture.book(Fixture.request(), snapshot)
        #expect(decision.denials.map(\.code) == [.noCustomer])
    }

    @Test func sourceWithoutVehicleIsDenied() throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(vehicle: "")])
        let decision = try Fixture.book(Fixture.request(), snapshot)
        #expect(decision.denials.map(\.code) == [.noVehicle])
    }

    @Test func sourceWithActiveAppointmentIsDenied() throws {
        let existing = Fixture.booked(
            "A-1", "2026-11-24T09:00", status: "SCHEDULED", customer: "C-1", estimateId: "E-1")
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot(appointments: [existing]))
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.alreadyScheduled])
        #expect(decision.denials[0].message.contains("A-1"))
    }

    @Test func cancelledAppointmentDoesNotBlockTheSource() throws {
        let old = Fixture.booked("A-1", "2026-11-24T09:00", status: "CANCELLED", customer: "C-1", estimateId: "E-1")
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot(appointments: [old]))
        #expect(decision.outcome == .created)
    }

    @Test func allowsMultipleAppointmentsLetsASecondOneBook() throws {
        let existing = Fixture.booked(
            "A-1", "2026-11-24T09:00", status: "SCHEDULED", customer: "C-1", estimateId: "E-1")
        let snapshot = Fixture.snapshot(appointments: [existing], estimates: [Fixture.estimate(multiple: true)])
        let decision = try Fixture.book(Fixture.request(), snapshot)
        #expect(decision.outcome == .created)
    }

    @Test func callerWithoutCreatePermissionIsDenied() throws {
        let decision = try Fixture.book(Fixture.request(permissions: []), Fixture.snapshot())
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.missingCreatePermission])
    }

    @Test func createPermissionForAnotherFacilityIsDenied() throws {
        let grant = [AppointmentRequest.Grant(.createAppointment, facility: "FAC-2")]
        let decision = try Fixture.book(Fixture.request(permissions: grant), Fixture.snapshot())
        #expect(decision.denials.map(\.code) == [.missingCreatePermission])
    }

    @Test func createPermissionForEveryFacilityIsEnough() throws {
        let grant = [AppointmentRequest.Grant(.createAppointment)]
        let decision = try Fixture.book(Fixture.request(permissions: grant), Fixture.snapshot())
        #expect(decision.outcome == .created)
    }

    @Test func everyDenialIsListedAndAudited() throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(status: "DRAFT", customer: nil, vehicle: nil)])
        let decision = try Fixture.book(Fixture.request(permissions: []), snapshot)
        #expect(
            decision.denials.map(\.code) == [.missingCreatePermission, .estimateNotBookable, .noCustomer, .noVehicle])
        #expect(decision.audit.map(\.type) == [AuditType.attempted, AuditType.denied])
        #expect(
            decision.audit.last?.details["codes"]
                == "MISSING_PERMISSION_CREATE_APPOINTMENT,ESTIMATE_NOT_BOOKABLE,SOURCE_NOT_LINKED_TO_CUSTOMER,SOURCE_NOT_LINKED_TO_VEHICLE"
        )
        #expect(decision.audit.allSatisfy { $0.actor == "advisor-7" && $0.requestId == "REQ-1" })
    }
}
