import ShopDomain
import Testing

/// ShopDomain's one reading of open time on the grid: open time is the union
/// of the open days' ranges (rounded inwards), and an open interval a maximal
/// run of it, so ranges that touch join, on one day and across midnight
/// (24:00 then the next day's 00:00).
@Suite("OpenTime: open slots and maximal runs")
struct OpenTimeTests {
    /// A facility from Monday 2026-11-23 with `hours` per weekday key.
    static func facility(
        days: Int, slotMinutes: Int = 60, hours: [Weekday: [(String, String)]], closed: [String] = []
    ) throws -> Scenario.Facility {
        var operating: [Weekday: [Scenario.ClosedOpenClock]] = [:]
        for (day, ranges) in hours {
            operating[day] = try ranges.map {
                Scenario.ClosedOpenClock(open: try #require(ClockTime($0.0)), close: try #require(ClockTime($0.1)))
            }
        }
        return Scenario.Facility(
            id: "F", timeZone: "UTC", slotMinutes: slotMinutes, horizonStart: try #require(LocalDate("2026-11-23")),
            horizonDays: days, operatingHours: operating,
            closedDates: Set(try closed.map { try #require(LocalDate($0)) }),
            maxConcurrent: nil)
    }

    // A night shift, Mon 20:00–24:00 and Tue 00:00–06:00, on a two-day
    // horizon of hourly slots: one interval of 10 h through the midnight.
    @Test func nightShiftJoinsAcrossMidnight() throws {
        let night = try Self.facility(days: 2, hours: [.mon: [("20:00", "24:00")], .tue: [("00:00", "06:00")]])
        let open = OpenTime.openSlots(night)
        #expect(open.count == 48)
        #expect(OpenTime.runs(open) == [20..<30])
    }

    // Open round the clock for two days: one interval of 48 h.
    @Test func roundTheClockTwoDayHorizonIsOneInterval() throws {
        let shop = try Self.facility(days: 2, hours: [.mon: [("00:00", "24:00")], .tue: [("00:00", "24:00")]])
        #expect(OpenTime.runs(OpenTime.openSlots(shop)) == [0..<48])
    }

    // Open until 24:00 but the next day opens at 01:00: the hour between is
    // a gap, so two intervals; a closed date breaks a run the same way.
    @Test func aGapOrAClosedDateSeparatesTheNights() throws {
        let late = try Self.facility(days: 2, hours: [.mon: [("18:00", "24:00")], .tue: [("01:00", "06:00")]])
        #expect(OpenTime.runs(OpenTime.openSlots(late)) == [18..<24, 25..<30])
        let closed = try Self.facility(
            days: 3, hours: [.mon: [("00:00", "24:00")], .tue: [("00:00", "24:00")], .wed: [("00:00", "24:00")]],
            closed: ["2026-11-24"])
        #expect(OpenTime.runs(OpenTime.openSlots(closed)) == [0..<24, 48..<72])
    }

    // Rounding comes before the union: with 30-minute slots, a Monday that
    // closes at 23:50 ends at 23:30, so it no longer touches Tuesday's 00:00.
    @Test func roundingInwardsBeforeTheJoin() throws {
        let shop = try Self.facility(
            days: 2, slotMinutes: 30, hours: [.mon: [("20:00", "23:50")], .tue: [("00:00", "02:00")]])
        #expect(OpenTime.runs(OpenTime.openSlots(shop)) == [40..<47, 48..<52])
    }

    // Touching and overlapping ranges are united; their order does not matter.
    @Test func unionJoinsTouchingAndOverlapping() {
        #expect(OpenTime.union([12..<17, 8..<12, 20..<22, 21..<24, 30..<30]) == [8..<17, 20..<24])
    }
}
