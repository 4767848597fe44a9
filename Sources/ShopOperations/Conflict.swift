/// One conflict at one wanted start, with the resources and times involved.
public struct Conflict: Codable, Hashable, Sendable {
    public var code: ConflictCode
    public var severity: ConflictSeverity
    /// The wanted start it concerns.
    public var start: String
    public var end: String
    /// Bays, mechanics or appointments involved, by id, sorted.
    public var resources: [String]
    public var message: String
    /// Overridden by the caller (only ever for `overridable`).
    public var overridden: Bool = false
}
