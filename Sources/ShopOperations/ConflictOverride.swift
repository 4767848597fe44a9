/// Present on a request: go ahead despite overridable conflicts (needs
/// `OVERRIDE_SCHEDULING_CONFLICT` and a reason).
public struct ConflictOverride: Codable, Hashable, Sendable {
    public var reason: String?
    public init(reason: String?) { self.reason = reason }
}
