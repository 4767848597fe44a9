import ShopOperations

/// The engine's answer to one ``RescheduleRequest`` (`shopsched.reschedule-decision/1`):
/// what the backend persists as it is.
///
/// Invariants: ``appointment`` and ``update`` are present exactly when
/// ``outcome`` is `rescheduled`; ``denials`` is non-empty exactly when it is
/// `denied`; a `conflicts` outcome lists at least one blocking conflict.
public struct RescheduleDecision: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.reschedule-decision/1"

    public var format: String = RescheduleDecision.formatName
    public var requestId: String
    public var outcome: Outcome
    /// The appointment as it is to be stored: new start, bay and mechanic,
    /// `rescheduleCount` one more, the previous placement appended to `history`.
    public var appointment: BookedAppointment?
    public var update: AppointmentUpdate?
    public var denials: [Denial]
    public var conflicts: [Conflict]
    public var warnings: [Warning]
    /// Other starts with nothing blocking, ranked as in booking (when the move is blocked).
    public var alternatives: [Alternative]
    public var events: [RescheduleEvent]
    public var outbox: NotificationOutbox
    public var audit: [AuditRecord]
    /// Set on a retry after the backend stored this request's move: the appointment's id.
    public var replayOf: String?
    /// The work order's new planned time, for Work Execution (when the appointment has a work order).
    public var workOrderUpdates: [WorkOrderPlanUpdated]? = nil
    /// The snapshot parts the decision relied on (see ``/ShopOperations/DecisionBasis``):
    /// the appointment, and the days of its old and new start.
    public var basis: DecisionBasis? = nil
    /// What the moved appointment takes at its new time; empty when it was not moved.
    public var claims: [Claim] = []

    public enum Outcome: String, Codable, Hashable, Sendable {
        /// Moved; persist the appointment, update, events, outbox and audit records.
        case rescheduled
        /// Not moved: a conflict blocks the new start (see alternatives).
        case conflicts
        /// Not moved: a rule refuses it (see denials).
        case denied
    }
}
