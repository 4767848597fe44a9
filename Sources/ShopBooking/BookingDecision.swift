import ShopOperations

/// The engine's answer to one ``AppointmentRequest`` (`shopsched.booking-decision/1`):
/// what the backend persists as it is.
///
/// Invariants: ``appointment`` is present exactly when ``outcome`` is
/// `created`; ``denials`` is non-empty exactly when it is `denied`; a
/// `conflicts` outcome lists at least one blocking (hard, or overridable and
/// not overridden) conflict. Lists are in a stable order, so the same request
/// and snapshot give the same bytes.
public struct BookingDecision: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.booking-decision/1"

    public var format: String = BookingDecision.formatName
    public var requestId: String
    public var outcome: Outcome
    public var appointment: CreatedAppointment?
    /// The source's status after booking (`SCHEDULED` for an estimate); absent when unchanged.
    public var sourceUpdate: SourceUpdate?
    public var denials: [Denial]
    public var conflicts: [Conflict]
    public var warnings: [Warning]
    public var alternatives: [Alternative]
    /// Placements possible only by moving not-yet-confirmed appointments.
    public var alternativesWithMoves: [Alternative]
    public var events: [BookingEvent]
    public var audit: [AuditRecord]
    /// Set on a retry after the backend stored the appointment this request
    /// created: its id. The decision is the one the request got the first time.
    public var replayOf: String?
    /// The snapshot parts the decision relied on (see ``/ShopOperations/DecisionBasis``):
    /// commit only if they are unchanged, or revalidate.
    public var basis: DecisionBasis? = nil
    /// What the created appointment takes (its bay, mechanic and capacity over its time); empty when nothing was created.
    public var claims: [Claim] = []

    public enum Outcome: String, Codable, Hashable, Sendable {
        /// The appointment is booked; persist it with the events and audit records.
        case created
        /// Not booked: a conflict blocks every preferred start (see alternatives).
        case conflicts
        /// Not booked: the source is not eligible or the caller lacks a permission.
        case denied
    }
}
