import ShopDomain

/// A placement the engine offers instead: a start, a bay and a mechanic chosen
/// together, with its cost under the contract's objective.
public struct Alternative: Codable, Hashable, Sendable {
    public var rank: Int
    public var start: String
    /// Its end; for work that may pause (contract §7), the end of its last work range, maybe on a later day.
    public var end: String
    public var bay: String
    /// The mechanic who would do it (for a deferred strategy: one known to be free).
    public var mechanic: String?
    /// The contract objective of the plan with this placement minus the
    /// objective of the booked plan without the request (so it includes every
    /// move's disruption cost).
    public var addedCost: Int
    /// ``addedCost`` minus the best alternative's.
    public var costDifference: Int
    /// Moves of not-yet-confirmed appointments this placement needs (empty for plain ones).
    public var moves: [Move]
    /// The disruption cost of ``moves`` (moved, changed bay, changed mechanic).
    public var disruptionCost: Int
    /// Why this placement, in words.
    public var reasons: [String]
    /// For work that may pause: its work ranges in order (`[{start, end}]`), the bay
    /// held from ``start`` to ``end`` between them; absent for work in one stretch.
    public var work: [SolutionFile.WorkRange]? = nil
}
