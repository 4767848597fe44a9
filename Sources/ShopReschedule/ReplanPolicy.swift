/// What a replan may do.
public struct ReplanPolicy: Codable, Hashable, Sendable {
    /// `CONFIRMED` and `AWAITING_PARTS` appointments may move too (default false:
    /// they move only when the disruption leaves them no place where they are).
    public var moveConfirmed: Bool?
    /// Seconds the MILP may take (default 10).
    public var timeLimitSeconds: Double?
    public init(moveConfirmed: Bool? = nil, timeLimitSeconds: Double? = nil) {
        self.moveConfirmed = moveConfirmed
        self.timeLimitSeconds = timeLimitSeconds
    }
}
