import Foundation
import ShopDomain
import ShopOperations

/// Now for a board of several locations: one instant, read at each location
/// in its own time zone, so a shop in Denver and one in Chicago each see their
/// own wall clock, and every age (GPS fixes, cached data) is real elapsed time,
/// right across a daylight-saving change.
///
/// ``homeTimeZone`` is where a local `now` was read (the caller's location)
/// and what the board's single `now` line shows.
public struct FloorClock: Sendable, Hashable {
    public let instant: Date
    public let homeTimeZone: String

    public init(instant: Date, homeTimeZone: String = "UTC") {
        self.instant = instant
        self.homeTimeZone = homeTimeZone
    }

    /// A local wall-clock time read in `timeZone` (a time skipped at the spring
    /// change counts as the hour after it; a repeated one as its first occurrence).
    public init(local: LocalDateTime, timeZone: String) {
        self.init(instant: FacilityTime.instant(local, timeZone: timeZone), homeTimeZone: timeZone)
    }

    /// The time zone a local `now` means on this floor for this caller: the
    /// caller's location's, else the first location's, else UTC.
    public static func homeTimeZone(of floor: ShopFloor, for caller: ViewCaller?) -> String {
        let home = floor.locations.first { $0.id == caller?.facilityId } ?? floor.locations.first
        return home?.timeZone ?? "UTC"
    }

    /// A local `now` at the caller's location (see ``homeTimeZone(of:for:)``).
    public static func local(_ now: LocalDateTime, on floor: ShopFloor, for caller: ViewCaller?) -> FloorClock {
        FloorClock(local: now, timeZone: homeTimeZone(of: floor, for: caller))
    }

    /// The same instant, shown in another home time zone.
    public func homed(in timeZone: String) -> FloorClock { FloorClock(instant: instant, homeTimeZone: timeZone) }

    /// Now at the home location, as the board's `now` line.
    public var homeNow: LocalDateTime { FacilityTime.local(instant, timeZone: homeTimeZone) }

    /// Now at `location`, on its own wall clock.
    public func now(in location: ShopFloor.Location) -> LocalDateTime {
        FacilityTime.local(instant, timeZone: location.timeZone)
    }

    /// Real minutes from `time` (local to `location`) to now.
    public func minutes(since time: LocalDateTime, in location: ShopFloor.Location) -> Int {
        FacilityTime.elapsedMinutes(from: FacilityTime.instant(time, timeZone: location.timeZone), to: instant)
    }

    /// Whole seconds from `then` to now (negative when `then` is later).
    public func seconds(since then: Date) -> Int { Int(instant.timeIntervalSince(then).rounded(.down)) }

    /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, local to `timeZone`,
    /// or either followed by `Z` or an offset `±HH:MM` (an instant); `nil`
    /// when it is none of these.
    public static func timestamp(_ text: String, timeZone: String) -> Date? {
        var body = Substring(text)
        var offsetSeconds: Int?
        if body.hasSuffix("Z") {
            body = body.dropLast()
            offsetSeconds = 0
        } else if body.count > 16, let sign = body.dropFirst(16).lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = body[body.index(after: sign)...].split(separator: ":")
            guard offset.count == 2, offset.allSatisfy({ $0.count == 2 }), let h = Int(offset[0]),
                let m = Int(offset[1]), h <= 23, m <= 59
            else { return nil }
            offsetSeconds = (h * 3600 + m * 60) * (body[sign] == "-" ? -1 : 1)
            body = body[..<sign]
        }
        var seconds = 0
        if body.count == 19 {
            guard body[body.index(body.startIndex, offsetBy: 16)] == ":",
                let s = Int(body.suffix(2)), body.suffix(2).allSatisfy(\.isNumber), s <= 59
            else { return nil }
            seconds = s
            body = body.prefix(16)
        }
        guard body.count == 16, let local = LocalDateTime(String(body)) else { return nil }
        guard let offsetSeconds else {
            return FacilityTime.instant(local, timeZone: timeZone).addingTimeInterval(Double(seconds))
        }
        // An instant: the wall time at that offset, taken as UTC, less the offset.
        return FacilityTime.instant(local, timeZone: "UTC").addingTimeInterval(Double(seconds - offsetSeconds))
    }
}
