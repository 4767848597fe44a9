import ShopDomain

/// A request to create one appointment from an estimate or a work order
/// (`shopsched.appointment-request/1`, the story's `AppointmentRequest`).
///
/// ``requestId`` is the idempotency key: the same request against the same
/// snapshot always gives the same decision, ids, events and audit records.
public struct AppointmentRequest: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.appointment-request/1"

    public var format: String?
    /// Idempotency key, chosen by the caller; every id in the decision derives from it.
    public var requestId: String
    /// The facility the appointment is for; must be the snapshot's.
    public var facility: String
    public var source: SourceReference
    /// Wanted starts, best first, `YYYY-MM-DDTHH:MM` on slot boundaries. The
    /// first one without a blocking conflict is booked.
    public var preferredStarts: [String]
    /// A bay type to prefer when several bays are free.
    public var bayType: String?
    /// A mechanic id to prefer.
    public var mechanic: String?
    public var durationOverride: DurationOverride?
    /// Present: book despite overridable conflicts (needs `OVERRIDE_SCHEDULING_CONFLICT`).
    public var conflictOverride: ConflictOverride?
    public var caller: Caller
    /// How many ranked alternatives to return (default 3; 0 for none).
    public var alternatives: Int?
    /// Also return alternatives when the booking succeeds.
    public var alwaysOfferAlternatives: Bool?
    /// `sameDayFirst`, `earliest` or `preferredMechanic`: how alternatives are ranked
    /// before cost (default none: by cost alone).
    public var alternativeOrder: [String]?

    public init(format: String? = AppointmentRequest.formatName, requestId: String, facility: String,
                source: SourceReference, preferredStarts: [String], bayType: String? = nil, mechanic: String? = nil,
                durationOverride: DurationOverride? = nil, conflictOverride: ConflictOverride? = nil,
                caller: Caller, alternatives: Int? = nil, alwaysOfferAlternatives: Bool? = nil,
                alternativeOrder: [String]? = nil) {
        self.format = format
        self.requestId = requestId
        self.facility = facility
        self.source = source
        self.preferredStarts = preferredStarts
        self.bayType = bayType
        self.mechanic = mechanic
        self.durationOverride = durationOverride
        self.conflictOverride = conflictOverride
        self.caller = caller
        self.alternatives = alternatives
        self.alwaysOfferAlternatives = alwaysOfferAlternatives
        self.alternativeOrder = alternativeOrder
    }

    /// Which estimate or work order the appointment is for.
    public struct SourceReference: Codable, Hashable, Sendable {
        /// `ESTIMATE` or `WORK_ORDER`.
        public var type: String
        public var id: String
        public init(type: String, id: String) {
            self.type = type
            self.id = id
        }
    }

    public struct DurationOverride: Codable, Hashable, Sendable {
        public var minutes: Int
        public var reason: String?
        public init(minutes: Int, reason: String?) {
            self.minutes = minutes
            self.reason = reason
        }
    }

    public struct ConflictOverride: Codable, Hashable, Sendable {
        public var reason: String?
        public init(reason: String?) { self.reason = reason }
    }

    /// Who asks, and what they may do.
    public struct Caller: Codable, Hashable, Sendable {
        public var id: String
        public var permissions: [Grant]
        public init(id: String, permissions: [Grant]) {
            self.id = id
            self.permissions = permissions
        }
    }

    /// One permission, for one facility (or, with `facility` absent, every facility).
    public struct Grant: Codable, Hashable, Sendable {
        public var permission: String
        public var facility: String?
        public init(_ permission: Permission, facility: String? = nil) {
            self.permission = permission.rawValue
            self.facility = facility
        }
    }
}

/// The permissions the engine's adapters enforce, in the stories' names: one
/// list for booking, rescheduling and the shop-floor views.
public enum Permission: String, Codable, Hashable, Sendable, CaseIterable {
    // Booking.
    case createAppointment = "CREATE_APPOINTMENT"
    case overrideSchedulingConflict = "OVERRIDE_SCHEDULING_CONFLICT"
    case approveDurationOverride = "APPROVE_DURATION_OVERRIDE"
    // Rescheduling.
    /// Move a booked appointment (ShopReschedule).
    case rescheduleAppointment = "RESCHEDULE_APPOINTMENT"
    /// Move one at less than 24 hours' notice (ShopReschedule).
    case approveReschedule = "APPROVE_RESCHEDULE"
    // Assignment and work-in-progress views.
    case viewAssignments = "VIEW_ASSIGNMENTS"
    case viewCancelledAppointments = "VIEW_CANCELLED_APPOINTMENTS"
    case editAssignmentNotes = "EDIT_ASSIGNMENT_NOTES"
    case viewAllLocations = "WIP_VIEW_ALL_LOCATIONS"
    /// Offered as an action on the work-in-progress board (our name: the story gives none).
    case reassignMechanic = "ASSIGN_MECHANIC"
    /// Offered as an action on the work-in-progress board (our name: the story gives none).
    case updateWorkOrderStatus = "UPDATE_WORKORDER_STATUS"
}

extension AppointmentRequest.Caller {
    /// Whether the caller holds `permission` for `facility`.
    public func has(_ permission: Permission, for facility: String) -> Bool {
        permissions.contains { $0.permission == permission.rawValue && ($0.facility == nil || $0.facility == facility) }
    }
}

/// What a request refers to.
public enum SourceType: String, Codable, Hashable, Sendable {
    case estimate = "ESTIMATE"
    case workOrder = "WORK_ORDER"
}

/// How alternatives are ordered before their cost.
public enum AlternativeOrder: String, Codable, Hashable, Sendable, CaseIterable {
    /// Placements on the first preferred day before any other day.
    case sameDayFirst
    /// Earliest start first (cost breaks ties).
    case earliest
    /// Placements with the requested mechanic first.
    case preferredMechanic
}
