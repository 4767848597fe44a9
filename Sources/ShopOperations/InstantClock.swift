import Foundation
import ShopDomain

/// A clock that gives one instant (a server's UTC time, say); the engine reads
/// it in the facility's time zone. Unlike a local ``FixedClock`` it is never
/// ambiguous in the repeated autumn hour.
public struct InstantClock: ShopClock {
    public var instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now(timeZone: String) -> LocalDateTime { FacilityTime.local(instant, timeZone: timeZone) }
    public func instant(timeZone: String) -> Date { instant }
}
