import Foundation
import ShopDomain

/// Makes the ids of a decision. Ids derive from the request's idempotency key,
/// so a retried request gets the same ids (the engine never asks for a random one).
public protocol BookingIDGenerator: Sendable {
    /// The id of the `index`-th thing of `kind` (`APT`, `EVT`, `AUD`) made for `requestKey`.
    func id(kind: String, requestKey: String, facility: String, index: Int) -> String
}

/// The default ids: `KIND-` and 16 hex digits of a 64-bit FNV-1a hash of
/// facility, request key, kind and index. Stable across runs, machines and
/// Swift versions (unlike `Hasher`, which is seeded per process).
public struct StableIDGenerator: BookingIDGenerator {
    public init() {}
    public func id(kind: String, requestKey: String, facility: String, index: Int) -> String {
        Self.id(kind: kind, of: "\(facility)\u{1F}\(requestKey)\u{1F}\(kind)\u{1F}\(index)")
    }

    /// `KIND-` and 16 hex digits of the 64-bit FNV-1a hash of `text`: the
    /// engine's one stable id, used by booking, rescheduling and the views'
    /// change events.
    public static func id(kind: String, of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return kind + "-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Tells the engine what time it is, in the facility's local wall-clock time.
public protocol BookingClock: Sendable {
    func now(timeZone: String) -> LocalDateTime
}

/// A clock that always says the same time (tests, replays, `--now`).
public struct FixedClock: BookingClock {
    public var time: LocalDateTime
    public init(_ time: LocalDateTime) { self.time = time }
    public func now(timeZone: String) -> LocalDateTime { time }
}

/// The machine's clock, converted to the facility's time zone (to the minute).
public struct SystemClock: BookingClock {
    public init() {}
    public func now(timeZone: String) -> LocalDateTime { Self.local(Date(), timeZone: timeZone) }

    /// The local time of `instant` in `timeZone` (UTC when the zone is unknown), to the minute.
    public static func local(_ instant: Date, timeZone: String) -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? LocalDate(dayNumber: 0)
        return LocalDateTime(date: date, minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}
