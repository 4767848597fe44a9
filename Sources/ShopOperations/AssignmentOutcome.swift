/// What became of the bay and the mechanic at the new time (rule 6).
public enum AssignmentOutcome: String, Codable, Hashable, Sendable {
    /// The same one, free at the new time.
    case preserved = "PRESERVED"
    /// Not free then; none given: the dispatcher assigns one.
    case cleared = "CLEARED"
    /// Not free then; another free one given (facility policy `auto`; always for a bay).
    case reassigned = "REASSIGNED"
}
