import ShopDomain

/// A clock that always says the same local time (tests, replays, `--now`).
public struct FixedClock: ShopClock {
    public var time: LocalDateTime
    public init(_ time: LocalDateTime) { self.time = time }
    public func now(timeZone: String) -> LocalDateTime { time }
}
