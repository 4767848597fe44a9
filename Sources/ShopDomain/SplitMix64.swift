/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose every
/// step is written out here, so a seed gives the same numbers on every
/// platform and Swift version. The standard library's `random(in:using:)`
/// and `shuffled(using:)` are deliberately not used: their algorithms are not
/// promised to stay the same, and a generated file must not change with them.
///
/// It lives in ShopDomain so that every module drawing seeded numbers (the
/// scenario and board generators, what-if edits, the fuzz campaign, the
/// tests) shares one copy.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range` (multiply-high; the bias is below 2^-40 for our ranges).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// A number in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    public mutating func pick<T>(_ items: [T]) -> T {
        precondition(!items.isEmpty, "pick from an empty list")
        return items[int(in: 0...(items.count - 1))]
    }

    /// An index drawn with the given whole-number weights (at least one positive).
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "weights must not all be zero")
        var ticket = int(in: 0...(total - 1))
        for (index, weight) in weights.enumerated() {
            if ticket < weight { return index }
            ticket -= weight
        }
        return weights.count - 1
    }

    /// Fisher–Yates, written out for the reason above.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(in: 0...i))
        }
    }

    /// `count` distinct items of `items`, in drawing order.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        let k = min(max(count, 0), pool.count)
        for i in 0..<k { pool.swapAt(i, int(in: i...(pool.count - 1))) }
        return Array(pool[0..<k])
    }
}
