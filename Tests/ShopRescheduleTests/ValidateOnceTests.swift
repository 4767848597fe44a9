import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import Testing

/// Every use case validates its facility snapshot once, on every path: a
/// decision, a conflict, a retry of a stored booking or move, a replan.
@Suite("validated once")
struct ValidateOnceTests {
    static let workOrder = WorkOrder(
        id: "W-1", status: "OPEN", customerId: "C-9", vehicleId: "V-9",
        lines: [
            ServiceLine(
                serviceType: "BRAKE_PADS", estimatedMinutes: 60,
                requiredSkills: ["BRAKES"])
        ])

    /// The snapshot validations `body` makes.
    static func validations<T>(_ body: () throws -> T) rethrows -> (T, Int) {
        let count = ValidationCount()
        let result = try ValidationCount.$current.withValue(count) { try body() }
        return (result, count.value)
    }

    static func bookingRequest(_ start: String) -> AppointmentRequest {
        AppointmentRequest(
            requestId: "BK-1", facility: "FAC-1", source: .init(type: "WORK_ORDER", id: "W-1"),
            preferredStarts: [start], caller: .init(id: "adv-1", permissions: Shop.everything))
    }

    @Test func bookingAndItsRetryValidateOnce() throws {
        var snapshot = Shop.snapshot([Shop.appointment("A-1", "2026-11-24T10:00")])
        snapshot.workOrders = [Self.workOrder]
        let engine = BookingEngine(clock: FixedClock(Shop.at("2026-11-23T07:00")))
        let (decision, count) = try Self.validations {
            try engine.book(Self.bookingRequest("2026-11-24T09:00"), in: snapshot)
        }
        #expect(decision.outcome == .created)
        #expect(count == 1)
        let (blocked, blockedCount) = try Self.validations {
            try engine.book(Self.bookingRequest("2026-11-23T05:00"), in: snapshot)
        }
        #expect(blocked.outcome == .conflicts)
        #expect(blockedCount == 1)

        // The backend stored the appointment; the request comes again.
        let a = try #require(decision.appointment)
        var stored = snapshot
        stored.appointments.append(
            BookedAppointment(
                id: a.id, start: a.start, durationMinutes: a.durationMinutes, bay: a.bay ?? a.mobileUnit!,
                mechanic: a.mechanic,
                workOrderId: a.workOrderId, customerId: a.customerId, vehicleId: a.vehicleId, requestKey: a.requestKey,
                requiredSkills: a.requiredSkills))
        let (replay, replayCount) = try Self.validations {
            try engine.book(Self.bookingRequest("2026-11-24T09:00"), in: stored)
        }
        #expect(replay.replayOf == a.id)
        #expect(replay.appointment == decision.appointment)
        #expect(replayCount == 1)
    }

    @Test func rescheduleAndItsRetryValidateOnce() throws {
        let snapshot = Shop.snapshot([Shop.appointment("A-1", "2026-11-24T10:00")])
        let (decision, count) = try Self.validations { try Shop.reschedule(Shop.request("2026-11-25T10:00"), snapshot) }
        #expect(decision.outcome == .rescheduled)
        #expect(count == 1)
        // Into closed hours: a conflict, still one validation.
        let (blocked, blockedCount) = try Self.validations {
            try Shop.reschedule(Shop.request("2026-11-25T19:00"), snapshot)
        }
        #expect(blocked.outcome == .conflicts)
        #expect(blockedCount == 1)

        let moved = try #require(decision.appointment)
        var stored = snapshot
        stored.appointments = [moved]
        let (replay, replayCount) = try Self.validations {
            try Shop.reschedule(Shop.request("2026-11-25T10:00"), stored)
        }
        #expect(replay.replayOf == "A-1")
        #expect(replay.appointment == decision.appointment)
        #expect(replayCount == 1)
    }

    @Test func replanValidatesOnce() throws {
        let snapshot = Shop.snapshot([
            Shop.appointment("A-1", "2026-11-23T13:00"), Shop.appointment("A-2", "2026-11-23T14:00"),
        ])
        let (result, count) = try Self.validations {
            try ReplanTests.replan(
                [DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-1", from: "2026-11-23T12:00")],
                snapshot)
        }
        #expect(!result.changes.isEmpty)
        #expect(count == 1)
    }

    @Test func badInputIsStillReportedWholeFromTheOneValidation() {
        var snapshot = Shop.snapshot([Shop.appointment("A-1", "2026-11-24T10:00", bay: "NOPE")])
        snapshot.workOrders = [Self.workOrder]
        let engine = BookingEngine(clock: FixedClock(Shop.at("2026-11-23T07:00")))
        var request = Self.bookingRequest("2026-11-24T09:07")
        request.requestId = ""
        #expect(
            throws: InputError([
                ValidationIssue(path: "appointments[0].bay", message: "unknown bay or mobile unit id \"NOPE\""),
                ValidationIssue(path: "request.requestId", message: "must not be empty (it is the idempotency key)"),
                ValidationIssue(
                    path: "request.preferredStarts[0]", message: "2026-11-24T09:07 is not on a 15-minute slot boundary"),
            ])
        ) { try engine.book(request, in: snapshot) }
    }
}
