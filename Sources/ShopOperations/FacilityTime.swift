import Foundation
import ShopDomain

/// Facility local wall-clock times as real instants, through the facility's
/// IANA time zone, so that notice is counted in elapsed hours: a
/// daylight-saving day has 23 or 25 of them. A local time that does not exist
/// (skipped at the spring change) is read as the instant one hour later (what
/// the wall clock shows then); a repeated one (autumn) as its first occurrence.
public enum FacilityTime {
    static func calendar(_ timeZone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        return calendar
    }

    /// The instant of a local time in `timeZone`.
    public static func instant(_ time: LocalDateTime, timeZone: String) -> Date {
        let parts = DateComponents(
            year: time.date.year, month: time.date.month, day: time.date.day,
            hour: time.minuteOfDay / 60, minute: time.minuteOfDay % 60)
        return calendar(timeZone).date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// The local time of an instant in `timeZone` (UTC when the zone is unknown), to the minute.
    public static func local(_ instant: Date, timeZone: String) -> LocalDateTime {
        let parts = calendar(timeZone).dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date =
            LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(dayNumber: 0)
        return LocalDateTime(date: date, minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// Real minutes from `from` to `to` (negative when `to` is earlier).
    public static func elapsedMinutes(from: Date, to: Date) -> Int {
        Int((to.timeIntervalSince(from) / 60).rounded(.down))
    }

    /// `YYYYMMDDTHHMMSSZ`, for iCalendar.
    public static func utcStamp(_ instant: Date) -> String {
        let c = calendar("UTC").dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        func pad(_ v: Int?, _ n: Int) -> String {
            let s = String(v ?? 0); return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "T" + pad(c.hour, 2) + pad(c.minute, 2)
            + pad(c.second, 2) + "Z"
    }
}
