import ShopDomain

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

/// Whether the appointment has its mechanic.
public enum AssignmentStatus: String, Codable, Hashable, Sendable {
    /// A mechanic is assigned.
    case assigned = "ASSIGNED"
    /// A mechanic will be assigned by ``Appointment/assignmentDeadline``; one is known to be free.
    case deferred = "DEFERRED"
    /// No mechanic named, and a person assigns one by the deadline: the manual strategy, or
    /// an overridden `MECHANIC_REQUIRED_NONE_FREE` (none is known to be free).
    case awaitingManualAssignment = "AWAITING_MANUAL_ASSIGNMENT"
    /// No active mechanic has the required skills (an `AppointmentNeedsSkillResolution` event).
    case awaitingSkillFulfillment = "AWAITING_SKILL_FULFILLMENT"
    /// Work that needs no mechanic.
    case notNeeded = "NOT_NEEDED"
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

/// Why a request was refused before any placement was looked at.
public struct Denial: Codable, Hashable, Sendable {
    public var code: DenialCode
    public var message: String
}

/// Every reason a request can be denied (rule 1, the duration override, the conflict override).
public enum DenialCode: String, Codable, Hashable, Sendable, CaseIterable {
    case missingCreatePermission = "MISSING_PERMISSION_CREATE_APPOINTMENT"
    case estimateNotBookable = "ESTIMATE_NOT_BOOKABLE"
    case workOrderNotBookable = "WORK_ORDER_NOT_BOOKABLE"
    case noCustomer = "SOURCE_NOT_LINKED_TO_CUSTOMER"
    case noVehicle = "SOURCE_NOT_LINKED_TO_VEHICLE"
    case alreadyScheduled = "SOURCE_ALREADY_HAS_ACTIVE_APPOINTMENT"
    case durationOverrideReasonMissing = "DURATION_OVERRIDE_REASON_REQUIRED"
    case durationOverrideNotApproved = "MISSING_PERMISSION_APPROVE_DURATION_OVERRIDE"
    case conflictOverrideReasonMissing = "CONFLICT_OVERRIDE_REASON_REQUIRED"
    case conflictOverrideNotPermitted = "MISSING_PERMISSION_OVERRIDE_SCHEDULING_CONFLICT"
}

/// How much a conflict blocks.
public enum ConflictSeverity: String, Codable, Hashable, Sendable {
    /// Blocks; no permission lifts it.
    case hard
    /// Blocks unless overridden with `OVERRIDE_SCHEDULING_CONFLICT` and a reason.
    case overridable
    /// Warns; the booking goes ahead.
    case soft
}

/// Every conflict the engine reports; ``severity`` says how much each blocks.
public enum ConflictCode: String, Codable, Hashable, Sendable, CaseIterable {
    case noEligibleBay = "NO_ELIGIBLE_BAY"
    case outsideOperatingHours = "OUTSIDE_OPERATING_HOURS"
    case capacityExceeded = "CAPACITY_EXCEEDED"
    case outsideBookingHorizon = "OUTSIDE_BOOKING_HORIZON"
    case noMechanicFree = "MECHANIC_REQUIRED_NONE_FREE"
    case customerDoubleBooked = "CUSTOMER_ALREADY_BOOKED"
    case softCapacityExceeded = "CAPACITY_ABOVE_SOFT_THRESHOLD"
    case preferredMechanicUnavailable = "PREFERRED_MECHANIC_UNAVAILABLE"
    case mechanicOverloaded = "MECHANIC_OVERLOADED"

    public var severity: ConflictSeverity {
        switch self {
        case .noEligibleBay, .outsideOperatingHours, .capacityExceeded, .outsideBookingHorizon: .hard
        case .noMechanicFree, .customerDoubleBooked: .overridable
        case .softCapacityExceeded, .preferredMechanicUnavailable, .mechanicOverloaded: .soft
        }
    }
}

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

/// Something the caller should know that does not block (a duration mismatch, a skipped wanted start, moves not searched).
public struct Warning: Codable, Hashable, Sendable {
    public var code: String
    public var message: String
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// A placement the engine offers instead: a start, a bay and a mechanic chosen
/// together, with its cost under the contract's objective.
public struct Alternative: Codable, Hashable, Sendable {
    public var rank: Int
    public var start: String
    public var end: String
    public var bay: String
    /// The mechanic who would do it (for a deferred strategy: one known to be free).
    public var mechanic: String?
    /// The contract objective of the plan with this placement minus the
    /// objective of the booked plan without the request (so it includes every
    /// move's disruption cost).
    public var addedCost: Int
    /// ``addedCost`` minus the best alternative's.
    public var costDifference: Int
    /// Moves of not-yet-confirmed appointments this placement needs (empty for plain ones).
    public var moves: [Move]
    /// The disruption cost of ``moves`` (moved, changed bay, changed mechanic).
    public var disruptionCost: Int
    /// Why this placement, in words.
    public var reasons: [String]
}

/// One booked appointment moved to make room.
public struct Move: Codable, Hashable, Sendable {
    public var appointment: String
    public var fromStart: String
    public var toStart: String
    public var fromBay: String
    public var toBay: String
    public var fromMechanic: String?
    public var toMechanic: String?
}
