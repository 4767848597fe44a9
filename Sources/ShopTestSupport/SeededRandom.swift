import ShopDomain

/// The tests' seeded random source: draws from the engine's own
/// ``SplitMix64`` (ShopDomain), so the same seed gives the same input on
/// every platform and a seed named in a failing test reproduces it.
///
/// The draw shapes (a remainder for a range) and the offset seed are the
/// ones the random tests were written with, so their inputs stay the same.
public struct SeededRandom: Sendable {
    private var source: SplitMix64

    public init(seed: UInt64) { source = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15) }

    public mutating func next() -> UInt64 { source.next() }

    /// A whole number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// `true` in about `percent` of draws.
    public mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
