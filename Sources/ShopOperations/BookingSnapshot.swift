import ShopDomain

/// One facility as the shop-management backend sees it at the moment of a
/// booking (`shopsched.booking-snapshot/1`): the scenario parts (facility,
/// bays, mechanics, weights, with the scenario file's field names), the booked
/// appointments, the estimates and work orders a request may name, and the
/// facility's booking policy.
///
/// The backend owns storage; this is a read model. The engine never changes
/// it: a decision (booking's, a reschedule's) says what to write. Invariants (checked in one
/// place, ``ValidatedFacility``, before any rule runs): ids are
/// unique per kind; every appointment names a known bay and mechanic, starts on
/// a slot boundary and links at most one source; policy numbers are in range.
public struct BookingSnapshot: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.booking-snapshot/1"

    public var format: String
    /// Hours, closed dates, slot length, `maxConcurrent` (the hard capacity) and
    /// the horizon the shift data covers, as in a scenario file.
    public var facility: ScenarioFile.Facility
    /// Bays and mobile units (type `MOBILE_UNIT`).
    public var bays: [ScenarioFile.Bay]
    public var mechanics: [Mechanic]
    public var weights: ScenarioFile.Weights?
    public var appointments: [BookedAppointment]
    public var estimates: [Estimate]?
    public var workOrders: [WorkOrder]?
    public var policy: BookingPolicy?

    public init(
        format: String = BookingSnapshot.formatName, facility: ScenarioFile.Facility,
        bays: [ScenarioFile.Bay], mechanics: [Mechanic], weights: ScenarioFile.Weights? = nil,
        appointments: [BookedAppointment] = [], estimates: [Estimate]? = nil,
        workOrders: [WorkOrder]? = nil, policy: BookingPolicy? = nil
    ) {
        self.format = format
        self.facility = facility
        self.bays = bays
        self.mechanics = mechanics
        self.weights = weights
        self.appointments = appointments
        self.estimates = estimates
        self.workOrders = workOrders
        self.policy = policy
    }

    /// A mechanic as the People/HR read model gives them: the scenario file's
    /// fields plus a display name used in the reasons of alternatives.
    public struct Mechanic: Codable, Hashable, Sendable {
        public var id: String
        public var name: String?
        public var skills: [String]?
        public var active: Bool?
        public var shifts: [ScenarioFile.TimeRange]?
        public init(
            id: String, name: String? = nil, skills: [String]? = nil, active: Bool? = nil,
            shifts: [ScenarioFile.TimeRange]? = nil
        ) {
            self.id = id
            self.name = name
            self.skills = skills
            self.active = active
            self.shifts = shifts
        }
    }
}
