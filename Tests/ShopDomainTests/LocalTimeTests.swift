import Foundation
import ShopDomain
import Testing

@Suite("LocalDate, ClockTime, LocalDateTime")
struct LocalTimeTests {
    // MARK: LocalDate

    // Exactly YYYY-MM-DD, fields read in the right order.
    @Test func parseDate() throws {
        let date = try #require(LocalDate("2026-11-23"))
        #expect(date.year == 2026 && date.month == 11 && date.day == 23)
        #expect(date.description == "2026-11-23")
        #expect(LocalDate("0001-01-01")?.description == "0001-01-01")
        #expect(LocalDate("9999-12-31") != nil)
    }

    // Anything other than YYYY-MM-DD with a real day is refused.
    @Test(arguments: [
        "2026-1-23", "26-11-23", "2026/11/23", "2026-11-23 ", " 2026-11-23", "2026-11-2a",
        "2026-13-01", "2026-00-10", "2026-11-00", "2026-11-31", "2026-04-31", "0000-01-01",
        "+026-11-23", "-026-11-23", "2026-11-23T00:00", "", "２０２６-11-23", "20261123",
    ])
    func rejectDate(text: String) {
        #expect(LocalDate(text) == nil)
    }

    // Leap years: divisible by 4, except centuries, except every 400 years.
    @Test func leapYears() {
        #expect(LocalDate("2028-02-29") != nil)
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2000-02-29") != nil)
        #expect(LocalDate("1900-02-29") == nil)
        #expect(LocalDate("2100-02-29") == nil)
        #expect(LocalDate("2400-02-29") != nil)
        #expect(LocalDate("2028-02-30") == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2023, month: 2, day: 29) == nil)
    }

    // Month lengths.
    @Test func monthLengths() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (index, length) in lengths.enumerated() {
            #expect(LocalDate(year: 2026, month: index + 1, day: length) != nil, "month \(index + 1)")
            #expect(LocalDate(year: 2026, month: index + 1, day: length + 1) == nil, "month \(index + 1)")
        }
    }

    // Known weekdays, including before 1970 (negative day numbers).
    @Test func weekdays() {
        #expect(LocalDate("2026-11-23")?.weekday == .mon)
        #expect(LocalDate("2026-11-26")?.weekday == .thu)
        #expect(LocalDate("2026-11-29")?.weekday == .sun)
        #expect(LocalDate("1970-01-01")?.weekday == .thu)
        #expect(LocalDate("1969-12-31")?.weekday == .wed)
        #expect(LocalDate("2000-01-01")?.weekday == .sat)
        #expect(LocalDate("2028-02-29")?.weekday == .tue)
        #expect(LocalDate("0001-01-01")?.weekday == .mon)
    }

    // Known day numbers (days since 1970-01-01).
    @Test func knownDayNumbers() {
        #expect(LocalDate("1970-01-01")?.dayNumber == 0)
        #expect(LocalDate("1969-12-31")?.dayNumber == -1)
        #expect(LocalDate("2000-01-01")?.dayNumber == 10957)
        #expect(LocalDate("2026-11-23")?.dayNumber == 20780)
        #expect(LocalDate("1900-03-01")?.dayNumber == -25508)
        #expect(LocalDate("0001-01-01")?.dayNumber == -719_162)
        #expect(LocalDate("9999-12-31")?.dayNumber == 2_932_896)
    }

    // Day number → date → day number over 1900–2100, each day the successor of the one before.
    @Test func dayNumberRoundTripDaily() throws {
        let first = try #require(LocalDate("1900-01-01")).dayNumber
        let last = try #require(LocalDate("2100-12-31")).dayNumber
        var previous = LocalDate(dayNumber: first - 1)
        #expect(previous.description == "1899-12-31")
        var failures = 0
        for number in first...last {
            let date = LocalDate(dayNumber: number)
            let valid = LocalDate(year: date.year, month: date.month, day: date.day)
            let successor =
                LocalDate(year: previous.year, month: previous.month, day: previous.day + 1)
                ?? LocalDate(year: previous.year, month: previous.month + 1, day: 1)
                ?? LocalDate(year: previous.year + 1, month: 1, day: 1)
            if valid != date || date.dayNumber != number || successor != date || !(previous < date) { failures += 1 }
            previous = date
        }
        #expect(failures == 0)
        #expect(previous.description == "2100-12-31")
    }

    // Over the whole supported range (years 1–9999), sampled, the round trip holds both ways.
    @Test func dayNumberRoundTripSparse() {
        var failures = 0
        for number in stride(from: -719_162, through: 2_932_896, by: 97) {
            let date = LocalDate(dayNumber: number)
            if date.dayNumber != number || LocalDate(date.description) != date { failures += 1 }
        }
        #expect(failures == 0)
    }

    // An independent check: Foundation's Gregorian calendar agrees on dates and weekdays.
    @Test func agreesWithFoundationCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var failures: [String] = []
        for number in stride(from: -25_000, through: 60_000, by: 13) {  // 1901 … 2134
            let date = LocalDate(dayNumber: number)
            let moment = Date(timeIntervalSince1970: Double(number) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: moment)
            // Foundation: 1 = Sunday … 7 = Saturday.
            let weekday: Weekday = [.sun, .mon, .tue, .wed, .thu, .fri, .sat][parts.weekday! - 1]
            if parts.year != date.year || parts.month != date.month || parts.day != date.day || weekday != date.weekday
            {
                failures.append(date.description)
            }
        }
        #expect(failures.isEmpty)
    }

    // Adding days crosses months, years and leap days.
    @Test func addingDays() {
        #expect(LocalDate("2026-11-23")?.adding(days: 8).description == "2026-12-01")
        #expect(LocalDate("2026-12-31")?.adding(days: 1).description == "2027-01-01")
        #expect(LocalDate("2028-02-28")?.adding(days: 1).description == "2028-02-29")
        #expect(LocalDate("2026-02-28")?.adding(days: 1).description == "2026-03-01")
        #expect(LocalDate("2026-03-01")?.adding(days: -1).description == "2026-02-28")
        #expect(LocalDate("2026-11-23")?.adding(days: 365).description == "2027-11-23")
    }

    // Dates order by time, not by text of a single field.
    @Test func dateOrder() throws {
        let a = try #require(LocalDate("2026-12-31")), b = try #require(LocalDate("2027-01-01"))
        #expect(a < b && !(b < a))
        let c = try #require(LocalDate("2026-02-28")), d = try #require(LocalDate("2026-10-01"))
        #expect(c < d)
    }

    // MARK: ClockTime

    // HH:MM from 00:00 to 24:00, as minutes since midnight.
    @Test func parseClock() {
        #expect(ClockTime("00:00")?.minutes == 0)
        #expect(ClockTime("09:05")?.minutes == 545)
        #expect(ClockTime("23:59")?.minutes == 1439)
        #expect(ClockTime("24:00")?.minutes == 1440)  // a closing time
        #expect(ClockTime("24:00")?.description == "24:00")
        #expect(ClockTime("07:05")?.description == "07:05")
    }

    @Test(arguments: [
        "24:01", "25:00", "09:60", "9:00", "09:5", "0900", "09-00", "-1:00", "ab:cd", "", "09:00 ",
        "+9:00", "09:00:00",
    ])
    func rejectClock(text: String) {
        #expect(ClockTime(text) == nil)
    }

    // Minutes outside 0…1440 are not a time of day.
    @Test func clockFromMinutes() {
        #expect(ClockTime(minutes: 0) != nil)
        #expect(ClockTime(minutes: 1440)?.description == "24:00")
        #expect(ClockTime(minutes: 1441) == nil)
        #expect(ClockTime(minutes: -1) == nil)
        #expect(ClockTime("08:00")! < ClockTime("24:00")!)
    }

    // MARK: LocalDateTime

    // YYYY-MM-DDTHH:MM, date and minute of day parsed.
    @Test func parseDateTime() throws {
        let time = try #require(LocalDateTime("2026-11-23T09:15"))
        #expect(time.date == LocalDate("2026-11-23"))
        #expect(time.minuteOfDay == 555)
        #expect(time.description == "2026-11-23T09:15")
        #expect(LocalDateTime("2026-01-05T07:05")?.description == "2026-01-05T07:05")
        #expect(LocalDateTime("2026-11-23T23:59")?.minuteOfDay == 1439)
    }

    // 24:00 is a closing time only; a moment is written as the next day's 00:00.
    @Test(arguments: [
        "2026-11-23T24:00", "2026-11-23 09:00", "2026-11-23t09:00", "2026-11-23T09:00Z",
        "2026-11-23T09:00:00", "2026-11-23T", "T09:00", "2026-11-23T09:00T", "2026-02-30T10:00",
        "2026-11-23T25:00", "2026-11-23T09:60", "2026-11-23TT09:00", "",
    ])
    func rejectDateTime(text: String) {
        #expect(LocalDateTime(text) == nil)
    }

    // Adding minutes is wall-clock arithmetic across midnight, month ends, year ends and leap days.
    @Test(arguments: [
        ("2026-11-23T09:00", 90, "2026-11-23T10:30"),
        ("2026-11-23T23:30", 45, "2026-11-24T00:15"),
        ("2026-11-23T23:59", 1, "2026-11-24T00:00"),
        ("2026-11-30T23:50", 10, "2026-12-01T00:00"),
        ("2026-12-31T23:59", 1, "2027-01-01T00:00"),
        ("2028-02-28T23:00", 60, "2028-02-29T00:00"),
        ("2026-02-28T23:00", 60, "2026-03-01T00:00"),
        ("2027-01-01T00:00", -1, "2026-12-31T23:59"),
        ("2026-03-01T00:10", -20, "2026-02-28T23:50"),
        ("1970-01-01T00:00", -1, "1969-12-31T23:59"),
        ("1970-01-01T00:00", -1440, "1969-12-31T00:00"),
        ("2026-11-23T09:00", 1440 * 365, "2027-11-23T09:00"),
        ("2026-11-23T09:00", 0, "2026-11-23T09:00"),
    ])
    func addingMinutes(step: (start: String, minutes: Int, expected: String)) throws {
        let (start, minutes, expected) = step
        let time = try #require(LocalDateTime(start))
        #expect(time.adding(minutes: minutes).description == expected)
    }

    // Absolute minutes count from 1970-01-01T00:00 and convert back, also before 1970.
    @Test func absoluteMinutes() throws {
        #expect(LocalDateTime("1970-01-01T00:01")?.absoluteMinutes == 1)
        #expect(LocalDateTime("1969-12-31T23:59")?.absoluteMinutes == -1)
        #expect(LocalDateTime("2026-11-23T00:00")?.absoluteMinutes == 20780 * 1440)
        for value in [-1_441, -1_440, -1_439, -1, 0, 1, 1_439, 1_440, 29_923_200 + 555] {
            #expect(LocalDateTime(absoluteMinutes: value).absoluteMinutes == value, "\(value)")
            #expect((0..<1440).contains(LocalDateTime(absoluteMinutes: value).minuteOfDay))
        }
    }

    // Moments order across days, not by minute of day alone.
    @Test func dateTimeOrder() throws {
        let late = try #require(LocalDateTime("2026-11-23T23:00"))
        let early = try #require(LocalDateTime("2026-11-24T01:00"))
        #expect(late < early && !(early < late))
    }
}
