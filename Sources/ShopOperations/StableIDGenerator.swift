import ShopDomain

/// The default ids: `KIND-` and 16 hex digits of the 64-bit ``/ShopDomain/StableHash``
/// (FNV-1a) of facility, request key, kind and index. Stable across runs,
/// machines and Swift versions (unlike `Hasher`, which is seeded per process).
public struct StableIDGenerator: BookingIDGenerator {
    public init() {}
    public func id(kind: String, requestKey: String, facility: String, index: Int) -> String {
        Self.id(kind: kind, of: "\(facility)\u{1F}\(requestKey)\u{1F}\(kind)\u{1F}\(index)")
    }

    /// `KIND-` and 16 hex digits of the stable hash of `text`: the engine's
    /// one stable id, used by booking, rescheduling and the views' change events.
    public static func id(kind: String, of text: String) -> String {
        kind + "-" + StableHash.hex(of: text)
    }
}
