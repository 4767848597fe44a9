/// A calendar date with no time zone, as written `YYYY-MM-DD`.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date; `nil` when the day does not exist (for example Feb 30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = digits(bytes[0..<4]), let month = digits(bytes[5..<7]), let day = digits(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    public var dayNumber: Int {
        // Count from March so that the leap day falls at the end of the year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.year = year
        self.month = month
        self.day = day
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// The days of the week, with the keys the scenario file uses.
public enum Weekday: String, CaseIterable, Sendable, Hashable, Codable {
    case mon, tue, wed, thu, fri, sat, sun
}

/// A wall-clock time of day in minutes since midnight, written `HH:MM`.
/// `24:00` (1440) exists only as a closing time.
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses exactly `HH:MM`, `00:00` to `24:00`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            let hour = digits(bytes[0..<2]), let minute = digits(bytes[3..<5]),
            minute < 60, hour < 24 || (hour == 24 && minute == 0)
        else { return nil }
        self.minutes = hour * 60 + minute
    }

    public var description: String { pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2) }
    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }
}

/// A local wall-clock moment of the facility, written `YYYY-MM-DDTHH:MM`
/// (no offset). Arithmetic on it is wall-clock arithmetic: every day has
/// 1440 minutes, as the contract's slot grid does.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: LocalDate
    /// Minutes since local midnight, 0..<1440.
    public let minuteOfDay: Int

    public init(date: LocalDate, minuteOfDay: Int) {
        precondition((0..<1440).contains(minuteOfDay), "minute of day out of range")
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    /// Parses exactly `YYYY-MM-DDTHH:MM` with a time from `00:00` to `23:59`.
    public init?(_ text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = LocalDate(String(parts[0])), let time = ClockTime(String(parts[1])),
            time.minutes < 1440
        else { return nil }
        self.init(date: date, minuteOfDay: time.minutes)
    }

    /// Minutes since 1970-01-01T00:00, wall clock.
    public var absoluteMinutes: Int { date.dayNumber * 1440 + minuteOfDay }

    public init(absoluteMinutes: Int) {
        let day = absoluteMinutes >= 0 ? absoluteMinutes / 1440 : (absoluteMinutes - 1439) / 1440
        self.init(date: LocalDate(dayNumber: day), minuteOfDay: absoluteMinutes - day * 1440)
    }

    public func adding(minutes: Int) -> LocalDateTime { LocalDateTime(absoluteMinutes: absoluteMinutes + minutes) }

    public var description: String { date.description + "T" + ClockTime(minutes: minuteOfDay)!.description }
    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.absoluteMinutes < b.absoluteMinutes }
}

private func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in bytes {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

extension LocalDateTime {
    /// `HH:MM`, for messages.
    public var minuteOfDayText: String { String(description.suffix(5)) }
}
