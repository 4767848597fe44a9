/// How the facility assigns mechanics when an appointment is booked.
public enum AssignmentStrategy: String, Codable, Hashable, Sendable, CaseIterable {
    /// Bay and mechanic now.
    case auto
    /// Bay now, mechanic later (by an SLA deadline); staffing is still checked.
    case deferred
    /// A person picks the mechanic: the request's mechanic when free, else later.
    case manual
}
