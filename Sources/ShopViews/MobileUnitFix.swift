import ShopDomain

/// How much a mobile unit's last GPS position can be trusted.
///
/// The rule of the assignment story, against the injected clock: a position
/// more than ``staleAfterMinutes`` old gets a warning; more than
/// ``unavailableAfterMinutes`` old marks the unit unavailable. Exactly 30
/// minutes is still fresh, exactly 60 still only stale.
public enum MobileUnitFix: String, Codable, Hashable, Sendable {
    case fresh = "FRESH"
    case stale = "STALE"
    case unavailable = "UNAVAILABLE"
    /// No position known at all: the unit cannot be located.
    case unknown = "UNKNOWN"

    public static let staleAfterMinutes = 30
    public static let unavailableAfterMinutes = 60

    /// The fix of a position taken at `at`, seen at `now`, both on one wall
    /// clock with no daylight-saving change between them (else use
    /// ``of(ageMinutes:)`` with real minutes, as the views do).
    public static func of(positionAt at: LocalDateTime?, now: LocalDateTime) -> MobileUnitFix {
        of(ageMinutes: at.map { now.absoluteMinutes - $0.absoluteMinutes })
    }

    /// The fix of a position `ageMinutes` old (real minutes; `nil`: no position).
    public static func of(ageMinutes age: Int?) -> MobileUnitFix {
        guard let age else { return .unknown }
        if age > unavailableAfterMinutes { return .unavailable }
        if age > staleAfterMinutes { return .stale }
        return .fresh
    }
}
