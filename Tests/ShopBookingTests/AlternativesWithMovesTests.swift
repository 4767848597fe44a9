import ShopBooking
import ShopDomain
import ShopTestSupport
import Testing

/// Alternatives that move not-yet-confirmed appointments: solved with the
/// MILP, pinned appointments untouched, each checked by the verifier.
@Suite("alternatives with moves")
struct AlternativesWithMovesTests {
    /// Monday: BAY-2 taken all day (confirmed); BAY-1 has two one-hour gaps, 08:00–09:00 and
    /// 10:00–11:00, around A-1 (SCHEDULED, movable, 09:00–10:00) and before a confirmed 11:00–18:00.
    /// No 90-minute brake job fits plainly; moving A-1 to 08:00 opens 09:00–11:00.
    static let fragmented = [
        Fixture.booked("A-1", "2026-11-23T09:00", minutes: 60, bay: "BAY-1", mechanic: "M-2", status: "SCHEDULED"),
        Fixture.booked(
            "P-1", "2026-11-23T08:00", minutes: 600, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false),
        Fixture.booked(
            "P-2", "2026-11-23T11:00", minutes: 420, bay: "BAY-1", mechanic: nil, skills: [], needsMechanic: false),
    ]

    @Test func movesOfferedWhenTheDayIsFullAndVerified() throws {
        let snapshot = Fixture.snapshot(appointments: Self.fragmented)
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), snapshot)
        #expect(decision.outcome == .conflicts)
        #expect(!decision.alternatives.contains { $0.start.hasPrefix("2026-11-23") }, "nothing fits plainly on Monday")
        let withMoves = decision.alternativesWithMoves
        #expect(withMoves.map(\.start) == ["2026-11-23T09:30", "2026-11-23T09:15", "2026-11-23T09:00"])
        // Deviation 2, 3, 4 slots plus one move (50) each.
        #expect(withMoves.map(\.addedCost) == [52, 53, 54])
        #expect(withMoves.map(\.costDifference) == [0, 1, 2])
        let check = BookedPlanCheck(snapshot: snapshot, job: BookedPlanCheck.brakeJob(starts: ["2026-11-23T10:00"]))
        for alternative in withMoves {
            #expect(alternative.moves.map(\.appointment) == ["A-1"], "only the SCHEDULED one moves")
            #expect(alternative.disruptionCost == 50)
            let cost = try check.addedCost(
                start: alternative.start, bay: alternative.bay, mechanic: alternative.mechanic,
                moves: alternative.moves)
            #expect(cost == alternative.addedCost, "alternative \(alternative.rank)")
        }
        #expect(withMoves[0].moves[0].fromStart == "2026-11-23T09:00")
        #expect(withMoves[0].moves[0].toStart == "2026-11-23T08:00")
    }

    @Test func confirmedAppointmentsAreNeverMoved() throws {
        var booked = Self.fragmented
        booked[0].status = "CONFIRMED"
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), Fixture.snapshot(appointments: booked))
        #expect(decision.outcome == .conflicts)
        #expect(decision.alternativesWithMoves.isEmpty)
    }

    @Test func awaitingPartsHoldsItsBayAndIsNeverMoved() throws {
        #expect(AppointmentStatus.awaitingParts.isActive && !AppointmentStatus.awaitingParts.isMovable)
        var booked = Self.fragmented
        booked[0].status = "AWAITING_PARTS"
        let snapshot = Fixture.snapshot(appointments: booked)
        let decision = try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)
        #expect(decision.outcome == .conflicts, "A-1 still holds BAY-1 09:00–10:00")
        #expect(decision.conflicts.map(\.code).contains(.noEligibleBay))
        #expect(decision.alternativesWithMoves.isEmpty, "waiting for parts, so not moved to make room")
        // Cancelled, A-1 no longer holds the bay: the 90-minute job fits 09:00–10:30.
        booked[0].status = "CANCELLED"
        #expect(
            try Fixture.book(Fixture.request(["2026-11-23T09:00"]), Fixture.snapshot(appointments: booked)).outcome
                == .created)
    }

    @Test func noMovesWhenTheWantedDayHasPlainRoom() throws {
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T10:00"]),
            Fixture.snapshot(appointments: AlternativesTests.busyMorning))
        #expect(decision.alternatives.first?.start == "2026-11-23T12:00")
        #expect(decision.alternativesWithMoves.isEmpty)
    }

    @Test func searchOutOfTimeSaysSo() throws {
        var options = BookingOptions()
        options.movesTimeLimitSeconds = 0
        let engine = BookingEngine(clock: FixedClock(Fixture.now), options: options)
        let decision = try engine.book(
            Fixture.request(["2026-11-23T10:00"]), in: Fixture.snapshot(appointments: Self.fragmented))
        #expect(decision.alternativesWithMoves.isEmpty)
        #expect(decision.warnings.map(\.code) == ["MOVES_SEARCH_INCOMPLETE"])
    }

    @Test func clashingConfirmedAppointmentsStopTheSearchWithAWarning() throws {
        // P-3 is confirmed on BAY-2 while P-1 holds it all day: no plan keeps both, so no moves are searched.
        let clash = Fixture.booked(
            "P-3", "2026-11-23T12:00", minutes: 60, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false)
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T10:00"]), Fixture.snapshot(appointments: Self.fragmented + [clash]))
        #expect(decision.outcome == .conflicts)
        #expect(decision.alternativesWithMoves.isEmpty)
        #expect(decision.warnings.map(\.code) == ["MOVES_NOT_SEARCHED"])
        #expect(decision.warnings.first?.message.contains("P-") == true)
    }

    @Test func neverOffersATimeTheCustomerIsBooked() throws {
        // The customer (C-1) has the mobile unit 09:00–11:00 (needing no mechanic): every Monday placement
        // with moves (09:00–09:30 starts) would overlap it.
        let own = Fixture.booked(
            "C-OWN", "2026-11-23T09:00", minutes: 120, bay: "VAN-1", mechanic: nil,
            customer: "C-1", skills: [], needsMechanic: false)
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T10:00"]), Fixture.snapshot(appointments: Self.fragmented + [own]))
        #expect(decision.outcome == .conflicts)
        #expect(decision.alternativesWithMoves.isEmpty)
    }
}
