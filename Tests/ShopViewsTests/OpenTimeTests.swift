import ShopBooking
import ShopTestSupport
import Testing

@testable import ShopViews

/// The working-time calendar joins open ranges and shifts that touch, so work
/// running through midnight in a shop open round the clock is not reported as
/// carried over, and overlapping shifts do not count their common time twice.
@Suite("Work-in-progress view: open time that joins")
struct ViewsOpenTimeTests {
    let advisor = BoardShop.caller()
    let now = BoardShop.at("09:00")

    /// The fixture shop open 00:00–24:00 on weekdays, Jane on `shifts`, and one
    /// 240-minute job of hers booked Monday 22:00, promised Monday 23:00.
    func lateJob(shifts: [(String, String)]) throws -> WorkInProgressRow {
        var location = BoardShop.location(
            appointments: [
                BoardShop.appointment("A8", start: "22:00", minutes: 240, bay: "B1", mechanic: "jane", workOrder: "W8")
            ],
            workOrders: [BoardShop.workOrder("W8", appointment: "A8", remaining: 240, promised: "23:00")])
        for day in ["mon", "tue", "wed", "thu", "fri"] { location.facility.operatingHours[day] = [["00:00", "24:00"]] }
        location.mechanics[0].shifts = shifts.map { .init(start: $0.0, end: $0.1) }
        let rows = try WorkInProgressViews.board(try BoardShop.floor(location), for: advisor, now: now).rows
        return try #require(rows.first { $0.workOrderId == "W8" })
    }

    // Shifts Mon 20:00–24:00 and Tue 00:00–04:00 touch: 22:00 + 4 h = Tue 02:00, no pause.
    @Test func throughMidnightIsNoCarryOver() throws {
        let row = try lateJob(shifts: [
            ("2026-03-02T20:00", "2026-03-03T00:00"), ("2026-03-03T00:00", "2026-03-03T04:00"),
        ])
        #expect(row.estimatedCompletion == "2026-03-03T02:00")
        #expect(row.risk?.minutesLate == 180)
        #expect(row.risk?.reasons.contains { $0.hasPrefix("carries over") } == false)
    }

    // With Tuesday's shift from 01:00, two hours Monday and two from 01:00: done 03:00, carried over.
    @Test func aRealPauseCarriesOver() throws {
        let row = try lateJob(shifts: [
            ("2026-03-02T20:00", "2026-03-03T00:00"), ("2026-03-03T01:00", "2026-03-03T04:00"),
        ])
        #expect(row.estimatedCompletion == "2026-03-03T03:00")
        #expect(row.risk?.reasons.contains { $0.hasPrefix("carries over to 2026-03-03") } == true)
    }

    // Overlapping shifts Mon 20:00 – Tue 02:00 and Tue 00:00–04:00: still Tue 02:00.
    @Test func overlappingShiftsCountOnce() throws {
        let row = try lateJob(shifts: [
            ("2026-03-02T20:00", "2026-03-03T02:00"), ("2026-03-03T00:00", "2026-03-03T04:00"),
        ])
        #expect(row.estimatedCompletion == "2026-03-03T02:00")
    }

    // Touching ranges on one day (08:00–12:00, 12:00–17:00) are no pause either.
    @Test func touchingRangesOnOneDay() throws {
        var location = BoardShop.location(
            appointments: [
                BoardShop.appointment("A8", start: "11:00", minutes: 120, bay: "B1", mechanic: "jane", workOrder: "W8")
            ],
            workOrders: [BoardShop.workOrder("W8", appointment: "A8", remaining: 120)])
        location.facility.operatingHours["mon"] = [["08:00", "12:00"], ["12:00", "17:00"]]
        let rows = try WorkInProgressViews.board(try BoardShop.floor(location), for: advisor, now: now).rows
        let row = try #require(rows.first { $0.workOrderId == "W8" })
        #expect(row.estimatedCompletion == "2026-03-02T13:00")
        #expect(
            try #require(FloorPlan(try BoardShop.floor(location).locations[0], now: now).forecasts[0]).pauses == false)
    }

    // Why (review): the board's closing time was the close of the range that
    // opens last; with overlapping ranges (08:00–17:00 and 09:00–12:00, whose
    // union closes at 17:00) it showed 12:00.
    @Test func boardClosesAtTheLatestCloseOfOverlappingRanges() throws {
        var location = BoardShop.location()
        location.facility.operatingHours["mon"] = [["08:00", "17:00"], ["09:00", "12:00"]]
        let board = try ShopFloorBoard.build(try BoardShop.floor(location), for: advisor, now: now)
        #expect(board.locations.first?.opens == "08:00")
        #expect(board.locations.first?.closes == "17:00")
    }
}
