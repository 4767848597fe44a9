import ShopDomain
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
    public var appointment: Appointment?
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

    public enum Outcome: String, Codable, Hashable, Sendable {
        /// The appointment is booked; persist it with the events and audit records.
        case created
        /// Not booked: a conflict blocks every preferred start (see alternatives).
        case conflicts
        /// Not booked: the source is not eligible or the caller lacks a permission.
        case denied
    }
}

/// A booked appointment. Its links (source, customer, vehicle) are immutable.
public struct Appointment: Codable, Hashable, Sendable {
    public var id: String
    /// Always `SCHEDULED` when created.
    public var status: String
    public var version: Int
    public var facility: String
    public var sourceType: SourceType
    public var estimateId: String?
    public var workOrderId: String?
    public var customerId: String
    public var vehicleId: String
    public var start: String
    public var end: String
    public var durationMinutes: Int
    /// The bay, when the work is done in the shop.
    public var bay: String?
    /// The mobile unit, when the work is done at the customer's place.
    public var mobileUnit: String?
    public var mechanic: String?
    public var assignmentStatus: AssignmentStatus
    /// When a deferred or manual mechanic must be assigned by.
    public var assignmentDeadline: String?
    public var requiredSkills: [String]
    public var requestKey: String
    public var createdBy: String
    public var createdAt: String
}

/// The source's new status, for the backend to write with the appointment.
public struct SourceUpdate: Codable, Hashable, Sendable {
    public var type: SourceType
    public var id: String
    public var status: String
}
