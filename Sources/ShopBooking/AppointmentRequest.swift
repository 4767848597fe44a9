import ShopOperations

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

    public init(
        format: String? = AppointmentRequest.formatName, requestId: String, facility: String,
        source: SourceReference, preferredStarts: [String], bayType: String? = nil, mechanic: String? = nil,
        durationOverride: DurationOverride? = nil, conflictOverride: ConflictOverride? = nil,
        caller: Caller, alternatives: Int? = nil, alwaysOfferAlternatives: Bool? = nil,
        alternativeOrder: [String]? = nil
    ) {
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

    /// The caller (``/ShopOperations/Caller``).
    public typealias Caller = ShopOperations.Caller
    /// One permission of the caller (``/ShopOperations/Caller/Grant``).
    public typealias Grant = ShopOperations.Caller.Grant
    /// Book despite overridable conflicts (``/ShopOperations/ConflictOverride``).
    public typealias ConflictOverride = ShopOperations.ConflictOverride

    public struct DurationOverride: Codable, Hashable, Sendable {
        public var minutes: Int
        public var reason: String?
        public init(minutes: Int, reason: String?) {
            self.minutes = minutes
            self.reason = reason
        }
    }
}
