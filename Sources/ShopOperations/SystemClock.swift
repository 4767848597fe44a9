import Foundation
import ShopDomain

/// The machine's clock, converted to the facility's time zone (to the minute).
public struct SystemClock: ShopClock {
    public init() {}
    public func now(timeZone: String) -> LocalDateTime { Self.local(Date(), timeZone: timeZone) }

    /// The local time of `instant` in `timeZone` (UTC when the zone is unknown), to the minute.
    public static func local(_ instant: Date, timeZone: String) -> LocalDateTime {
        FacilityTime.local(instant, timeZone: timeZone)
    }
}
