import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import Testing

/// Reschedule and replan defects found in review (issue 15), each pinned by a test that failed before its fix.
@Suite("reschedule: defects found in review")
struct RescheduleReviewDefectTests {
    static func sequence(_ entries: [OutboxEntry]) throws -> Int {
        let calendar = try #require(entries.first { $0.recipientKind == .customer }?.calendar)
        let line = try #require(calendar.split(separator: "\r\n").first { $0.hasPrefix("SEQUENCE:") })
        return try #require(Int(line.dropFirst("SEQUENCE:".count)))
    }

    @Test func inviteSequenceGrowsAcrossRescheduleReplanReschedule() throws {
        // A-1 Tuesday 10:00 → Wednesday 10:00 (a reschedule).
        var snapshot = Shop.snapshot([
            Shop.appointment(),
            Shop.appointment(
                "B-1", "2026-11-25T10:00", bay: "BAY-2", mechanic: "M-2",
                status: "CONFIRMED", customer: "C-2"),
        ])
        let first = try Shop.reschedule(Shop.request(), snapshot)
        snapshot.appointments[0] = try #require(first.appointment)
        // Wednesday 08:00: M-1 is out until noon and M-2 busy at 10:00, so the replan moves A-1.
        let sick = DisruptionEvent(
            type: .mechanicUnavailable, mechanic: "M-1", from: "2026-11-25T08:00",
            until: "2026-11-25T12:00")
        let replan = try ReplanTests.replan([sick], snapshot, now: "2026-11-25T08:00")
        let moved = try #require(replan.appointments.first { $0.id == "A-1" })
        #expect(moved.start != "2026-11-25T10:00")
        snapshot.appointments[0] = moved
        // Then the customer moves it again, to Thursday (within hours of its start: an emergency).
        let third = try Shop.reschedule(
            Shop.request(
                "2026-11-26T10:00", notes: "asked by phone", id: "RS-2",
                manager: Shop.manager, confirmation: Shop.phone),
            snapshot, now: "2026-11-25T08:00")
        #expect(third.outcome == .rescheduled, "\(third.denials.map(\.message))")
        let sequences = try [
            first.outbox.entries, replan.outbox.entries.filter { $0.appointmentId == "A-1" },
            third.outbox.entries,
        ].map(Self.sequence)
        #expect(zip(sequences, sequences.dropFirst()).allSatisfy { $0 < $1 }, "SEQUENCE \(sequences)")
        // Both paths count the change in the appointment's version.
        #expect([first.appointment?.version, moved.version, third.appointment?.version] == [2, 3, 4])
    }

    @Test func rescheduleEventCarriesTheSourceAndVersionAndUpdatesTheWorkOrder() throws {
        var appointment = Shop.appointment()
        appointment.workOrderId = "W-7"
        let decision = try Shop.reschedule(Shop.request(), Shop.snapshot([appointment]))
        let event = try #require(decision.events.first)
        #expect(event.workOrderId == "W-7" && event.estimateId == nil)
        #expect(event.version == 2 && decision.appointment?.version == 2)
        // Work Execution hears of the new planned time.
        let update = try #require(decision.workOrderUpdates?.first)
        #expect(decision.workOrderUpdates?.count == 1)
        #expect(update.workOrderId == "W-7" && update.appointmentId == "A-1" && update.version == 2)
        #expect(update.plannedStart == "2026-11-25T10:00" && update.plannedEnd == "2026-11-25T11:00")
        #expect(update.previousPlannedStart == "2026-11-24T10:00")
        #expect(update.bayId == "BAY-1" && update.mechanicId == "M-1")
        #expect(update.eventId.hasPrefix("EVT-") && update.eventId != event.eventId)
        // An estimate's appointment names its estimate and needs no work-order update.
        let quoted = try Shop.reschedule(Shop.request(), Shop.snapshot([Shop.appointment(estimate: "E-1")]))
        #expect(quoted.events.first?.estimateId == "E-1" && quoted.events.first?.workOrderId == nil)
        #expect(quoted.workOrderUpdates == nil)
    }

    @Test func replanUpdatesTheWorkOrderOfAMovedAppointment() throws {
        var day = ReplanTests.day
        day.appointments[1].workOrderId = "W-2"  // A-2, which the sick mechanic moves
        let result = try ReplanTests.replan([ReplanTests.sick], day)
        let event = try #require(result.events.first { $0.appointmentId == "A-2" })
        #expect(event.workOrderId == "W-2" && event.version == 2)
        #expect(result.workOrderUpdates?.map(\.workOrderId) == ["W-2"])
        #expect(result.workOrderUpdates?.first?.plannedStart == "2026-11-23T12:00")
    }

    @Test func alternativesOfAnAppointmentThatNeedsNoMechanicIgnoreMechanics() throws {
        // A-1 needs no mechanic and nobody is on shift; the wanted Wednesday 10:00 has no free bay.
        var snapshot = Shop.snapshot([
            Shop.appointment(mechanic: nil),
            Shop.appointment("B-1", "2026-11-25T09:00", minutes: 180, bay: "BAY-1", mechanic: nil, customer: "C-2"),
            Shop.appointment("B-2", "2026-11-25T09:00", minutes: 180, bay: "BAY-2", mechanic: nil, customer: "C-3"),
        ])
        for m in snapshot.mechanics.indices { snapshot.mechanics[m].shifts = [] }
        let decision = try Shop.reschedule(Shop.request(), snapshot)
        #expect(decision.conflicts.map(\.code) == [.noEligibleBay])
        #expect(decision.alternatives.map(\.start) == ["2026-11-25T08:00", "2026-11-25T12:00", "2026-11-25T13:00"])
        for alternative in decision.alternatives {
            let taken = try Shop.reschedule(Shop.request(alternative.start), snapshot)
            #expect(
                taken.outcome == .rescheduled,
                "\(alternative.start): \(taken.conflicts.map(\.code)) \(taken.denials.map(\.code))")
        }
    }

    @Test func alternativesRespectTheNoticeRules() throws {
        // A-1 is on Thursday; Tuesday 10:00 (25 h ahead) has no free bay. Tuesday 08:00 would be
        // the nearest start, but only 23 h ahead: short notice, which this caller may not approve.
        let snapshot = Shop.snapshot([
            Shop.appointment("A-1", "2026-11-26T10:00"),
            Shop.appointment("B-1", "2026-11-24T09:00", minutes: 180, bay: "BAY-1", mechanic: nil, customer: "C-2"),
            Shop.appointment("B-2", "2026-11-24T09:00", minutes: 180, bay: "BAY-2", mechanic: nil, customer: "C-3"),
        ])
        let decision = try Shop.reschedule(Shop.request("2026-11-24T10:00"), snapshot)
        #expect(decision.outcome == .conflicts)
        #expect(decision.alternatives.count == 3)
        #expect(!decision.alternatives.contains { $0.start == "2026-11-24T08:00" })
        for alternative in decision.alternatives {
            let taken = try Shop.reschedule(Shop.request(alternative.start), snapshot)
            #expect(taken.outcome == .rescheduled, "\(alternative.start): \(taken.denials.map(\.code))")
        }
        // A caller who may approve short notice is offered it.
        let approver = try Shop.reschedule(Shop.request("2026-11-24T10:00", permissions: Shop.everything), snapshot)
        #expect(approver.alternatives.first?.start == "2026-11-24T08:00")
    }
}
