import ShopBooking
import ShopDomain
import Testing

/// Booking follows the contract's open time: ranges that touch (on one day or
/// across midnight) are one stretch, so a booking over the join is inside
/// operating hours; a real gap is not. Created bookings are checked by the
/// verifier (`Fixture.book`).
@Suite("booking over joined open time")
struct BookingOpenTimeTests {
    func codes(_ decision: BookingDecision) -> [ConflictCode] { decision.conflicts.map(\.code) }

    // The 90-minute brake job at 11:00 runs 11:00–12:30 over Monday's 12:00 join.
    @Test func overTouchingRangesIsInsideHours() throws {
        var snapshot = Fixture.snapshot()
        snapshot.facility.operatingHours["mon"] = [["08:00", "12:00"], ["12:00", "18:00"]]
        let decision = try Fixture.book(Fixture.request(["2026-11-23T11:00"]), snapshot)
        #expect(decision.outcome == .created)
        #expect(!codes(decision).contains(.outsideOperatingHours))
    }

    @Test func overARealGapIsOutsideHours() throws {
        var snapshot = Fixture.snapshot()
        snapshot.facility.operatingHours["mon"] = [["08:00", "12:00"], ["12:30", "18:00"]]
        let decision = try Fixture.book(Fixture.request(["2026-11-23T11:00"]), snapshot)
        #expect(codes(decision).contains(.outsideOperatingHours))
        #expect(decision.outcome != .created)
    }

    // Open round the clock, M-1 and M-2 on Mon 20:00 – Tue 04:00 as two shifts
    // that touch at midnight: Monday 23:00–00:30 is bookable.
    @Test func throughMidnightInARoundTheClockShop() throws {
        var snapshot = Fixture.snapshot()
        for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
            snapshot.facility.operatingHours[day] = [["00:00", "24:00"]]
        }
        for m in 0..<2 {
            snapshot.mechanics[m].shifts = [
                .init(start: "2026-11-23T20:00", end: "2026-11-24T00:00"),
                .init(start: "2026-11-24T00:00", end: "2026-11-24T04:00"),
            ]
        }
        let decision = try Fixture.book(Fixture.request(["2026-11-23T23:00"]), snapshot)
        #expect(decision.outcome == .created)
        #expect(!codes(decision).contains(.outsideOperatingHours))
    }
}

/// The moves search plans one day at a time; where an appointment runs over
/// midnight it says so instead of offering moves that could not see it.
@Suite("alternatives with moves over midnight")
struct MovesOverMidnightTests {
    // The fragmented Monday of the moves tests, in a shop open Monday 08:00–24:00
    // and Tuesday from 00:00, where P-2 on BAY-1 runs from 11:00 to Tuesday 01:00.
    @Test func appointmentRunningPastMidnightStopsTheSearchWithAWarning() throws {
        var booked = AlternativesWithMovesTests.fragmented
        booked[2].durationMinutes = 840
        var snapshot = Fixture.snapshot(appointments: booked)
        snapshot.facility.operatingHours["mon"] = [["08:00", "24:00"]]
        snapshot.facility.operatingHours["tue"] = [["00:00", "18:00"]]
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), snapshot)
        #expect(decision.outcome == .conflicts)
        #expect(decision.alternativesWithMoves.isEmpty)
        #expect(decision.warnings.map(\.code) == ["MOVES_NOT_SEARCHED"])
        #expect(decision.warnings.first?.message.contains("P-2 runs over midnight") == true)
    }
}
