/// How alternatives are ordered before their cost.
public enum AlternativeOrder: String, Codable, Hashable, Sendable, CaseIterable {
    /// Placements on the first preferred day before any other day.
    case sameDayFirst
    /// Earliest start first (cost breaks ties).
    case earliest
    /// Placements with the requested mechanic first.
    case preferredMechanic
}
