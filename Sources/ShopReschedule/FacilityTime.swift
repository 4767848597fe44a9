import Foundation
import ShopBooking
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
        let parts = DateComponents(year: time.date.year, month: time.date.month, day: time.date.day,
                                   hour: time.minuteOfDay / 60, minute: time.minuteOfDay % 60)
        return calendar(timeZone).date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// The local time of an instant in `timeZone`, to the minute.
    public static func local(_ instant: Date, timeZone: String) -> LocalDateTime {
        SystemClock.local(instant, timeZone: timeZone)
    }

    /// Real minutes from `from` to `to` (negative when `to` is earlier).
    public static func elapsedMinutes(from: Date, to: Date) -> Int {
        Int((to.timeIntervalSince(from) / 60).rounded(.down))
    }

    /// `YYYYMMDDTHHMMSSZ`, for iCalendar.
    static func utcStamp(_ instant: Date) -> String {
        let c = calendar("UTC").dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        func pad(_ v: Int?, _ n: Int) -> String { let s = String(v ?? 0); return String(repeating: "0", count: max(0, n - s.count)) + s }
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "T" + pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2) + "Z"
    }
}

/// A clock that gives one instant (a server's UTC time, say); the engine reads
/// it in the facility's time zone. Unlike a local ``FixedClock`` it is never
/// ambiguous in the repeated autumn hour.
public struct InstantClock: BookingClock {
    public var instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now(timeZone: String) -> LocalDateTime { FacilityTime.local(instant, timeZone: timeZone) }
}

extension BookingClock {
    /// Now as an instant: exact for an ``InstantClock``, else the local time read in `timeZone`.
    func instant(timeZone: String) -> Date {
        (self as? InstantClock)?.instant ?? FacilityTime.instant(now(timeZone: timeZone), timeZone: timeZone)
    }
}

/// How much notice a move gives: from now to the earlier of the old and the new start.
public enum NoticeClass: String, Codable, Hashable, Sendable {
    /// 24 hours or more.
    case standard = "STANDARD"
    /// From 4 hours (included) to under 24: needs `APPROVE_RESCHEDULE` or a manager's approval.
    case short = "SHORT"
    /// Under 4 hours: needs a Shop Manager's approval and the customer's confirmation.
    case emergency = "EMERGENCY"

    public init(minutes: Int) {
        self = minutes >= 24 * 60 ? .standard : minutes >= 4 * 60 ? .short : .emergency
    }
}
