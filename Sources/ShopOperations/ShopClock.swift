import Foundation
import ShopDomain

/// Tells the engine what time it is: in the facility's local wall-clock time,
/// and as a real instant (for notice counted in elapsed hours and for
/// calendar stamps). One clock for booking, rescheduling and replanning.
public protocol ShopClock: Sendable {
    /// Now, in the facility's local wall-clock time.
    func now(timeZone: String) -> LocalDateTime
    /// Now as an instant. A clock that knows the instant gives it; the
    /// default reads ``now(timeZone:)`` in `timeZone` (``FacilityTime/instant(_:timeZone:)``).
    func instant(timeZone: String) -> Date
}

extension ShopClock {
    public func instant(timeZone: String) -> Date {
        FacilityTime.instant(now(timeZone: timeZone), timeZone: timeZone)
    }
}
