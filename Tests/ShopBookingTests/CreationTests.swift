import Foundation
import ShopBooking
import ShopDomain
import ShopTestSupport
import Testing

/// Rule 6: what a created appointment carries, the events and audit records,
/// and idempotency.
@Suite("creation")
struct CreationTests {
    @Test func appointmentFromEstimateLinksItsSourceAndSchedulesTheEstimate() throws {
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot())
        let appointment = try #require(decision.appointment)
        #expect(decision.outcome == .created)
        #expect(appointment.status == "SCHEDULED")
        #expect(appointment.version == 1)
        #expect(appointment.estimateId == "E-1" && appointment.workOrderId == nil)
        #expect(appointment.customerId == "C-1" && appointment.vehicleId == "V-1")
        #expect(appointment.start == "2026-11-23T09:00" && appointment.end == "2026-11-23T10:30")
        #expect(appointment.requestKey == "REQ-1" && appointment.createdBy == "advisor-7")
        #expect(appointment.createdAt == "2026-11-23T07:00")
        #expect(decision.sourceUpdate?.type == .estimate && decision.sourceUpdate?.id == "E-1")
        #expect(decision.sourceUpdate?.status == "SCHEDULED")
        let cost = try BookedPlanCheck(
            snapshot: Fixture.snapshot(), job: BookedPlanCheck.brakeJob(starts: [appointment.start])
        )
        .addedCost(start: appointment.start, bay: appointment.bay!, mechanic: appointment.mechanic)
        #expect(cost == 0)
    }

    @Test func createdEventCarriesTheAppointment() throws {
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot())
        let appointment = try #require(decision.appointment)
        #expect(decision.events.count == 1)
        let event = decision.events[0]
        #expect(event.type == "AppointmentCreatedFromEstimate")
        #expect(event.eventId.hasPrefix("EVT-"))
        #expect(event.appointmentId == appointment.id)
        #expect(event.version == 1)
        #expect(event.estimateId == "E-1" && event.customerId == "C-1" && event.vehicleId == "V-1")
        #expect(event.start == appointment.start && event.end == appointment.end)
        #expect(event.bayId == appointment.bay && event.mechanicId == appointment.mechanic)
        #expect(event.facilityId == "FAC-1" && event.occurredAt == "2026-11-23T07:00")
    }

    @Test func workOrderGivesItsOwnEventAndLeavesTheOrderAlone() throws {
        let decision = try Fixture.book(Fixture.request(source: ("WORK_ORDER", "W-1")), Fixture.snapshot())
        #expect(decision.events.map(\.type) == ["AppointmentCreatedFromWorkOrder"])
        #expect(decision.events[0].workOrderId == "W-1")
        #expect(decision.sourceUpdate == nil)
    }

    @Test func auditRecordsTellTheWholeStory() throws {
        let snapshot = Fixture.snapshot(appointments: ConflictTests.bothMechanicsBusy)
        let request = Fixture.request(
            ["2026-11-23T09:00"], permissions: Fixture.allPermissions,
            conflictOverride: .init(reason: "loaner tech"))
        let decision = try Fixture.book(request, snapshot)
        #expect(
            decision.audit.map(\.type) == [
                AuditType.attempted, AuditType.durationDecided, AuditType.conflictDetected,
                AuditType.conflictOverridden,
                AuditType.assignmentDecision, AuditType.created, AuditType.referentialLink,
                AuditType.estimateStatusChanged, AuditType.workExecutionNotified,
            ])
        #expect(Set(decision.audit.map(\.auditId)).count == decision.audit.count, "audit ids are unique")
        #expect(decision.audit.last?.appointmentId == decision.appointment?.id)
    }

    @Test func conflictsAreAuditedWhenNothingIsCreated() throws {
        let decision = try Fixture.book(Fixture.request(["2026-11-23T17:00"]), Fixture.snapshot())
        #expect(
            decision.audit.map(\.type) == [
                AuditType.attempted, AuditType.durationDecided, AuditType.conflictDetected, AuditType.denied,
            ])
        #expect(decision.events.isEmpty)
    }

    @Test func retryingTheSameRequestGivesTheSameDecision() throws {
        let snapshot = Fixture.snapshot(appointments: [Fixture.booked("A-1", "2026-11-23T09:00", bay: "VAN-1")])
        let first = try Fixture.book(Fixture.request(), snapshot)
        let again = try Fixture.book(Fixture.request(), snapshot)
        #expect(first == again)
        #expect(JSONFiles.encode(first) == JSONFiles.encode(again), "byte for byte")
        let other = try Fixture.book(Fixture.request(id: "REQ-2"), snapshot)
        #expect(other.appointment?.id != first.appointment?.id)
        #expect(Set(other.events.map(\.eventId)).isDisjoint(with: first.events.map(\.eventId)))
    }

    @Test func retryAfterTheAppointmentWasStoredGivesTheSameDecision() throws {
        let snapshot = Fixture.snapshot(appointments: [Fixture.booked("A-1", "2026-11-23T09:00", bay: "VAN-1")])
        let first = try Fixture.book(Fixture.request(), snapshot)
        let a = try #require(first.appointment)
        // What the backend stores, then the same request again (a network retry).
        var stored = snapshot
        stored.appointments.append(
            BookedAppointment(
                id: a.id, status: a.status, start: a.start, durationMinutes: a.durationMinutes,
                bay: a.bay ?? a.mobileUnit!,
                mechanic: a.mechanic, estimateId: a.estimateId, customerId: a.customerId, vehicleId: a.vehicleId,
                rescheduleCount: 0, requestKey: a.requestKey))
        stored.estimates![0].status = "SCHEDULED"
        let retry = try Fixture.book(Fixture.request(), stored)
        #expect(retry.replayOf == a.id)
        #expect(retry.outcome == .created)
        #expect(retry.appointment == first.appointment)
        #expect(retry.events == first.events)
        #expect(retry.audit == first.audit)
        #expect(retry.warnings.isEmpty)
        // Rescheduled since: deciding again no longer matches what is stored, and the decision says so.
        var moved = stored
        moved.appointments[1].start = "2026-11-23T13:00"
        #expect(try Fixture.book(Fixture.request(), moved).warnings.map(\.code) == ["REPLAY_DIFFERS"])
        // Without the request key it is another request for a scheduled estimate: denied.
        stored.appointments[1].requestKey = nil
        #expect(try Fixture.book(Fixture.request(), stored).outcome == .denied)
    }

    struct CountingIDs: BookingIDGenerator {
        func id(kind: String, requestKey: String, facility: String, index: Int) -> String {
            "\(kind)/\(requestKey)/\(index)"
        }
    }

    @Test func idsComeFromTheInjectedGenerator() throws {
        let engine = BookingEngine(clock: FixedClock(Fixture.now), ids: CountingIDs())
        let decision = try engine.book(Fixture.request(), in: Fixture.snapshot())
        #expect(decision.appointment?.id == "APT/REQ-1/0")
        #expect(decision.events.map(\.eventId) == ["EVT/REQ-1/0"])
        #expect(decision.audit.map(\.auditId) == (0..<decision.audit.count).map { "AUD/REQ-1/\($0)" })
    }

    @Test func stableIDsDoNotDependOnTheProcess() {
        // FNV-1a of fixed bytes: the value is a constant of the algorithm, checked against a second computation.
        let id = StableIDGenerator().id(kind: "APT", requestKey: "REQ-1", facility: "FAC-1", index: 0)
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in Array("FAC-1\u{1F}REQ-1\u{1F}APT\u{1F}0".utf8) { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        #expect(id == "APT-" + String(format: "%016llx", hash))
    }
}
