import ShopDomain

/// The work a use case wants placed on the shop's state: the new job of a
/// booking, or the appointment a reschedule moves, in the terms the
/// placement check and the alternatives need.
public struct JobToPlace: Sendable, Hashable {
    /// Its job id in the scenario; never an appointment id (those hold no space).
    public var jobID: String
    /// What messages call it (the estimate or work order, or the appointment moved).
    public var label: String
    /// The customer, whose other appointments it must not overlap.
    public var customerId: String?
    public var durationMinutes: Int
    public var requiredSkills: [String]
    /// Preferred skills that are not required.
    public var preferredSkills: [String]
    /// Bay types every line of the work can be done in; empty: no bay fits.
    public var bayTypes: [BayType]
    /// Wanted starts, best first.
    public var preferredStarts: [LocalDateTime]
    public var preferredBayType: BayType?
    /// Index into the facility's mechanics.
    public var preferredMechanic: Int?
    /// How alternatives are ranked before their cost.
    public var order: [AlternativeOrder]
    /// `false` for work that needs no mechanic (a drop-off inspection, say):
    /// `MECHANIC_REQUIRED_NONE_FREE` does not apply and alternatives name no mechanic.
    public var needsMechanic: Bool
    /// `true` for work that may pause over closed time and off-shift time, its car
    /// kept on its bay (contract §7): booked this way when it is longer than the
    /// shop's longest open stretch, or its service types may carry over
    /// (``BookingPolicy/carryOverServiceTypes``).
    public var resumable: Bool

    public init(
        jobID: String, label: String, customerId: String?, durationMinutes: Int, requiredSkills: [String],
        preferredSkills: [String], bayTypes: [BayType], preferredStarts: [LocalDateTime],
        preferredBayType: BayType? = nil, preferredMechanic: Int? = nil, order: [AlternativeOrder] = [],
        needsMechanic: Bool = true, resumable: Bool = false
    ) {
        self.resumable = resumable
        self.jobID = jobID
        self.label = label
        self.customerId = customerId
        self.durationMinutes = durationMinutes
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.bayTypes = bayTypes
        self.preferredStarts = preferredStarts
        self.preferredBayType = preferredBayType
        self.preferredMechanic = preferredMechanic
        self.order = order
        self.needsMechanic = needsMechanic
    }
}
