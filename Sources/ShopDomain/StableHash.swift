import Foundation

/// FNV-1a, 64 bits: a fingerprint that is the same on every run, machine and
/// Swift version (Swift's `Hasher` is seeded per process). The engine's one
/// stable hash: decision ids, change-event ids, what-if fingerprints. For
/// ids and change detection, not security.
public struct StableHash: Sendable, Hashable {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    /// Adds `bytes` as they are, with no separator.
    public mutating func combineBytes<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
    }

    /// Adds `data` and a separator byte, so ("ab", "c") differs from ("a", "bc").
    public mutating func combine(_ data: Data) {
        combineBytes(data)
        combineBytes(CollectionOfOne(0xFF))
    }

    /// Adds the UTF-8 of `text` and a separator byte.
    public mutating func combine(_ text: String) { combine(Data(text.utf8)) }

    /// The hash so far.
    public var value: UInt64 { state }

    /// The hash as 16 lowercase hex digits.
    public var hex: String {
        let text = String(state, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// The hash of the UTF-8 of `text` alone (no separator), as 16 hex digits.
    public static func hex(of text: String) -> String {
        var hash = StableHash()
        hash.combineBytes(text.utf8)
        return hash.hex
    }
}
