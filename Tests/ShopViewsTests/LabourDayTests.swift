import ShopBooking
import ShopDomain
import ShopTestSupport
import ShopViews
import Testing

/// The board's labour figure: hours booked (active appointments with a mechanic, on
/// their start day) against the day's limit and the roster's time on shift.
@Suite("Board: labour hours booked and available")
struct LabourDayTests {
    static let appointments = [
        BoardShop.appointment("A1", start: "09:00", minutes: 60, bay: "B1", mechanic: "jane"),
        BoardShop.appointment("A2", start: "10:00", minutes: 120, bay: "B3", mechanic: "alex"),
        BoardShop.appointment("A3", start: "13:00", minutes: 30, bay: "B3", mechanic: nil),
        BoardShop.appointment("A4", status: "CANCELLED", start: "14:00", minutes: 240, bay: "B1", mechanic: "jane"),
        // Tuesday's work is another day's labour.
        BoardSnapshot.Appointment(
            id: "A5", status: "SCHEDULED", start: "2026-03-03T09:00", durationMinutes: 90, bay: "B1",
            mobileUnit: nil, mechanic: "jane", workOrderId: nil, notes: nil),
    ]

    static func board(_ labour: ScenarioFile.LabourMinutes?, appointments: [BoardSnapshot.Appointment] = appointments)
        throws -> ShopFloorBoard
    {
        var location = BoardShop.location(appointments: appointments)
        location.facility.labourMinutesPerDay = labour
        return try ShopFloorBoard.build(
            BoardShop.floor(location), for: BoardShop.caller(.viewAllLocations), now: BoardShop.at("08:30"))
    }

    @Test func bookedAgainstTheLimitAndTheShifts() throws {
        let board = try Self.board(.init(limit: 480, warnAbove: 120))
        let labour = try #require(board.locations.first?.labour)
        #expect(labour.day == "2026-03-02")
        #expect(labour.bookedMinutes == 180)
        #expect(labour.limitMinutes == 480 && labour.availableMinutes == 480)
        #expect(labour.onShiftMinutes == 540 + 300)  // Jane 08:00–17:00, Alex 08:00–13:00
        #expect(labour.state == "WARNING")
        #expect(labour.line == "labour 3 h booked of 8 h (limit), 14 h on shift, above the warning at 2 h")
        #expect(board.table().contains(labour.line))
        #expect(board.html().contains("labour 3 h booked of 8 h"))
    }

    @Test func withoutALimitTheShiftsAreWhatIsAvailable() throws {
        let labour = try #require(try Self.board(nil).locations.first?.labour)
        #expect(labour.availableMinutes == 840 && labour.state == "OK")
        #expect(labour.line == "labour 3 h booked of 14 h on shift")
    }

    @Test func exactlyAtTheLimitIsOKAndAboveIsOver() throws {
        #expect(try Self.board(.init(limit: 180)).locations[0].labour?.state == "OK")
        #expect(try Self.board(.init(limit: 179)).locations[0].labour?.state == "OVER_LIMIT")
    }

    @Test func aDayWithNoMechanicWorkBooksNothing() throws {
        let labour = try #require(
            try Self.board(.init(limit: 0), appointments: [Self.appointments[2]]).locations[0].labour)
        #expect(labour.bookedMinutes == 0 && labour.state == "OK")
    }
}
