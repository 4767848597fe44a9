import ShopBooking
import ShopDomain
import Testing

/// Issue 19, part 5: the booking's audit records of what follows a creation
/// (`ReferentialLinkEstablished`, `EstimateStatusChanged`,
/// `WorkExecutionNotified`), the actor's role, and the deferred-assignment SLA
/// query on a booking snapshot.
@Suite("Booking: creation audit, actor's role, assignment SLA")
struct FloorAuditTests {
    static func withRole(_ request: AppointmentRequest, _ role: StaffRole?) -> AppointmentRequest {
        var request = request
        request.caller.role = role?.rawValue
        return request
    }

    @Test func anEstimateBookingAuditsItsLinksTheEstimateAndWorkExecution() throws {
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot())
        let appointment = try #require(decision.appointment)
        #expect(
            Array(decision.audit.map(\.type).suffix(4)) == [
                AuditType.created, AuditType.referentialLink, AuditType.estimateStatusChanged,
                AuditType.workExecutionNotified,
            ])
        let link = try #require(decision.audit.first { $0.type == AuditType.referentialLink })
        #expect(link.appointmentId == appointment.id)
        #expect(link.details["sourceType"] == "ESTIMATE" && link.details["sourceId"] == "E-1")
        #expect(link.details["customerId"] == "C-1" && link.details["vehicleId"] == "V-1")
        let status = try #require(decision.audit.first { $0.type == AuditType.estimateStatusChanged })
        #expect(status.details == ["estimateId": "E-1", "from": "APPROVED", "to": "SCHEDULED"])
        #expect(decision.sourceUpdate?.status == status.details["to"], "the audit and the source update agree")
        let notified = try #require(decision.audit.first { $0.type == AuditType.workExecutionNotified })
        #expect(
            notified.details["plannedStart"] == appointment.start && notified.details["plannedEnd"] == appointment.end)
        #expect(notified.details["bay"] == appointment.bay && notified.details["version"] == "1")
    }

    @Test func aQuotedEstimateIsAuditedFromQuoted() throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(status: "QUOTED")])
        let decision = try Fixture.book(Fixture.request(), snapshot)
        let status = try #require(decision.audit.first { $0.type == AuditType.estimateStatusChanged })
        #expect(status.details["from"] == "QUOTED")
    }

    @Test func aWorkOrderBookingHasNoEstimateChangeButTellsWorkExecution() throws {
        let decision = try Fixture.book(Fixture.request(source: ("WORK_ORDER", "W-1")), Fixture.snapshot())
        #expect(decision.outcome == .created)
        let types = decision.audit.map(\.type)
        #expect(!types.contains(AuditType.estimateStatusChanged))
        #expect(types.suffix(2) == [AuditType.referentialLink, AuditType.workExecutionNotified])
        let notified = try #require(decision.audit.last)
        #expect(notified.details["sourceType"] == "WORK_ORDER" && notified.details["sourceId"] == "W-1")
    }

    @Test func nothingCreatedNothingLinked() throws {
        let decision = try Fixture.book(Fixture.request(["2026-11-23T17:00"]), Fixture.snapshot())
        #expect(decision.outcome != .created)
        let types = Set(decision.audit.map(\.type))
        #expect(
            types.isDisjoint(with: [
                AuditType.referentialLink, AuditType.estimateStatusChanged, AuditType.workExecutionNotified,
            ]))
    }

    @Test func everyRecordCarriesTheCallersRole() throws {
        let decision = try Fixture.book(Self.withRole(Fixture.request(), .serviceAdvisor), Fixture.snapshot())
        #expect(decision.audit.count >= 6 && decision.audit.allSatisfy { $0.actorRole == "SERVICE_ADVISOR" })
        let denied = try Fixture.book(
            Self.withRole(Fixture.request(permissions: []), .frontCounter), Fixture.snapshot())
        #expect(denied.outcome == .denied && denied.audit.allSatisfy { $0.actorRole == "FRONT_COUNTER" })
        let none = try Fixture.book(Fixture.request(), Fixture.snapshot())
        #expect(none.audit.allSatisfy { $0.actorRole == nil })
    }

    @Test func anUnknownRoleNamesTheField() {
        var request = Fixture.request()
        request.caller.role = "OWNER"
        #expect {
            try Fixture.engine().book(request, in: Fixture.snapshot())
        } throws: { error in
            (error as? InputError)?.paths == ["request.caller.role"]
        }
    }

    // The deferred-assignment SLA on a booking snapshot.
    static func deferred(_ id: String, deadline: String?, mechanic: String? = nil, status: String = "SCHEDULED")
        -> BookedAppointment
    {
        var a = Fixture.booked(id, "2026-11-24T10:00", mechanic: mechanic, status: status)
        a.assignmentDeadline = deadline
        return a
    }

    @Test func overdueAssignmentsArePastTheDeadlineStillWithoutAMechanic() throws {
        let snapshot = Fixture.snapshot(appointments: [
            Self.deferred("A-1", deadline: "2026-11-23T17:00"),
            Self.deferred("A-2", deadline: "2026-11-23T16:00"),
            Self.deferred("A-3", deadline: "2026-11-23T17:00", mechanic: "M-1"),
            Self.deferred("A-4", deadline: "2026-11-23T12:00", status: "CANCELLED"),
            Self.deferred("A-5", deadline: "2026-11-23T18:00"),
            Self.deferred("A-6", deadline: nil),
        ])
        let facility = try ValidatedFacility(snapshot)
        let late = facility.overdueAssignments(now: Fixture.at("2026-11-23T18:00"))
        // A-5 is due exactly now: not yet late. A-3 has a mechanic, A-4 is cancelled, A-6 has no deadline.
        #expect(late.map(\.appointmentId) == ["A-2", "A-1"])
        #expect(late.map(\.overdueMinutes) == [120, 60])
        #expect(late[0].assignmentDeadline == "2026-11-23T16:00" && late[0].facilityId == "FAC-1")
        #expect(facility.overdueAssignments(now: Fixture.at("2026-11-23T16:00")).isEmpty)
    }

    @Test func aBadDeadlineNamesTheField() {
        let snapshot = Fixture.snapshot(appointments: [Self.deferred("A-1", deadline: "tomorrow")])
        #expect {
            try ValidatedFacility(snapshot)
        } throws: { error in
            (error as? InputError)?.paths == ["appointments[0].assignmentDeadline"]
        }
    }
}
