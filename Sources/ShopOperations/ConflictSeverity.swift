/// How much a conflict blocks.
public enum ConflictSeverity: String, Codable, Hashable, Sendable {
    /// Blocks; no permission lifts it.
    case hard
    /// Blocks unless overridden with `OVERRIDE_SCHEDULING_CONFLICT` and a reason.
    case overridable
    /// Warns; the booking goes ahead.
    case soft
}
