import ShopBooking
import ShopDomain
import Testing

/// Booking defects found in review (issue 15), each pinned by a test that failed before its fix.
@Suite("booking: defects found in review")
struct BookingReviewDefectTests {
    /// What the backend stores of a created appointment.
    static func stored(_ a: CreatedAppointment) -> BookedAppointment {
        BookedAppointment(
            id: a.id, status: a.status, start: a.start, durationMinutes: a.durationMinutes,
            bay: a.bay ?? a.mobileUnit!, mechanic: a.mechanic, estimateId: a.estimateId,
            workOrderId: a.workOrderId, customerId: a.customerId, vehicleId: a.vehicleId,
            requestKey: a.requestKey)
    }

    @Test func allowsMultipleAppointmentsBooksASecondOneAfterTheFirstScheduledTheEstimate() throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(multiple: true)])
        let first = try Fixture.book(Fixture.request(), snapshot)
        let a = try #require(first.appointment)
        let update = try #require(first.sourceUpdate)
        #expect(update.status == "SCHEDULED")
        // The backend stores the appointment and the estimate's new status, as the decision says.
        var after = snapshot
        after.appointments.append(Self.stored(a))
        after.estimates![0].status = update.status
        let second = try Fixture.book(Fixture.request(["2026-11-24T09:00"], id: "REQ-2"), after)
        #expect(second.outcome == .created, "\(second.denials.map(\.message))")
        #expect(second.appointment?.estimateId == "E-1" && second.appointment?.id != a.id)
        // Without the flag the same second request is refused, for both reasons.
        after.estimates![0].allowsMultipleAppointments = nil
        let refused = try Fixture.book(Fixture.request(["2026-11-24T09:00"], id: "REQ-2"), after)
        #expect(refused.denials.map(\.code) == [.estimateNotBookable, .alreadyScheduled])
    }

    static let bothMechanicsBusy = [
        Fixture.booked("A-1", "2026-11-23T09:00", minutes: 90, bay: "VAN-1", mechanic: "M-1"),
        Fixture.booked("A-2", "2026-11-23T09:00", minutes: 90, bay: "BAY-2", mechanic: "M-2"),
    ]

    @Test(arguments: [nil, "deferred"] as [String?])
    func overriddenNoMechanicFreeIsAwaitingManualAssignmentNotDeferred(strategy: String?) throws {
        let request = Fixture.request(
            ["2026-11-23T09:00"], permissions: Fixture.allPermissions,
            conflictOverride: .init(reason: "tech from the other shop"))
        let snapshot = Fixture.snapshot(
            appointments: Self.bothMechanicsBusy,
            policy: strategy.map { BookingPolicy(assignmentStrategy: $0) })
        let decision = try Fixture.book(request, snapshot)
        #expect(decision.outcome == .created)
        let appointment = try #require(decision.appointment)
        // DEFERRED promises a mechanic known to be free; none is: a person must find one by the deadline.
        #expect(appointment.assignmentStatus == .awaitingManualAssignment)
        #expect(appointment.mechanic == nil && appointment.assignmentDeadline != nil)
        #expect(decision.audit.first { $0.type == AuditType.assignmentDecision }?.details["staffedBy"] == "")
    }

    @Test func requestIdReusedForAnotherSourceIsRefusedNamingTheRequestId() throws {
        let snapshot = Fixture.snapshot()
        let first = try Fixture.book(Fixture.request(), snapshot)
        var after = snapshot
        after.appointments.append(Self.stored(try #require(first.appointment)))
        after.estimates![0].status = "SCHEDULED"
        let other = Fixture.request(["2026-11-24T09:00"], source: ("WORK_ORDER", "W-1"))
        do {
            let decision = try Fixture.engine().book(other, in: after)
            Issue.record(
                "expected an InputError, got \(decision.outcome) with appointment \(decision.appointment?.id ?? "-") replaying \(decision.replayOf ?? "-")"
            )
        } catch {
            #expect(error.paths == ["request.requestId"])
            #expect(error.issues.first?.message.contains(first.appointment!.id) == true)
        }
        // The same key for the same source is still a retry.
        #expect(try Fixture.book(Fixture.request(), after).replayOf == first.appointment?.id)
    }

    @Test(arguments: [0, -1, 1_000_001, Int.max])
    func appointmentVersionOutOfRangeIsBadInputNamingTheField(version: Int) throws {
        var appointment = Fixture.booked("A-1", "2026-11-24T09:00")
        appointment.version = version
        do {
            _ = try Fixture.engine().book(Fixture.request(), in: Fixture.snapshot(appointments: [appointment]))
            Issue.record("expected an InputError")
        } catch {
            #expect(error.paths == ["appointments[0].version"])
        }
    }
}
