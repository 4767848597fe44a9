import ShopDomain

/// One facility as the shop-management backend sees it at the moment of a
/// booking (`shopsched.booking-snapshot/1`): the scenario parts (facility,
/// bays, mechanics, weights, with the scenario file's field names), the booked
/// appointments, the estimates and work orders a request may name, and the
/// facility's booking policy.
///
/// The backend owns storage; this is a read model. The engine never changes
/// it: a ``BookingDecision`` says what to write. Invariants (checked in one
/// place, `FacilitySnapshot+Invariants.swift`, before any rule runs): ids are
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

    public init(format: String = BookingSnapshot.formatName, facility: ScenarioFile.Facility,
                bays: [ScenarioFile.Bay], mechanics: [Mechanic], weights: ScenarioFile.Weights? = nil,
                appointments: [BookedAppointment] = [], estimates: [Estimate]? = nil,
                workOrders: [WorkOrder]? = nil, policy: BookingPolicy? = nil) {
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
        public init(id: String, name: String? = nil, skills: [String]? = nil, active: Bool? = nil,
                    shifts: [ScenarioFile.TimeRange]? = nil) {
            self.id = id
            self.name = name
            self.skills = skills
            self.active = active
            self.shifts = shifts
        }
    }
}

/// The life of an appointment, in the backend's words: one model for booking,
/// rescheduling and the shop-floor views. `SCHEDULED` ones may be moved by the
/// engine's "with moves" alternatives; `CONFIRMED`, `IN_PROGRESS`,
/// `AWAITING_PARTS` (booked, waiting for parts to arrive) and `READY` ones are
/// pinned; the rest no longer hold a bay or a mechanic.
public enum AppointmentStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case scheduled = "SCHEDULED"
    case confirmed = "CONFIRMED"
    case inProgress = "IN_PROGRESS"
    /// Work stopped until parts arrive; the car keeps its bay.
    case awaitingParts = "AWAITING_PARTS"
    /// Work done, the car waits for pickup.
    case ready = "READY"
    case completed = "COMPLETED"
    case cancelled = "CANCELLED"
    case noShow = "NO_SHOW"

    /// Holds its bay, mechanic and capacity, and counts as the source's active appointment.
    public var isActive: Bool {
        switch self {
        case .scheduled, .confirmed, .inProgress, .awaitingParts, .ready: return true
        case .completed, .cancelled, .noShow: return false
        }
    }
    /// May be moved to make room (not yet confirmed to the customer).
    public var isMovable: Bool { self == .scheduled }
}

/// An appointment already on the books.
public struct BookedAppointment: Codable, Hashable, Sendable {
    public var id: String
    /// An ``AppointmentStatus`` raw value.
    public var status: String
    /// Local start, `YYYY-MM-DDTHH:MM`, on a slot boundary.
    public var start: String
    public var durationMinutes: Int
    /// The bay or mobile unit it holds.
    public var bay: String
    /// `nil`: no mechanic yet (deferred or awaiting skills), or none needed.
    public var mechanic: String?
    /// `false` for work that needs no mechanic (a drop-off inspection, say);
    /// default `true`, so an appointment without a mechanic still claims one
    /// in the staffing check.
    public var needsMechanic: Bool?
    public var estimateId: String?
    public var workOrderId: String?
    public var customerId: String?
    public var vehicleId: String?
    public var rescheduleCount: Int?
    /// The request key that created it (lets a retry find it).
    public var requestKey: String?
    /// Skills a mechanic needs for it; default: those of its source, when the
    /// snapshot holds the source, else none.
    public var requiredSkills: [String]?
    /// The recurring series it belongs to, when it is one of a series.
    public var seriesId: String?
    /// Its earlier placements, oldest first (one entry per change: a reschedule or a replan).
    public var history: [AppointmentHistoryEntry]?
    /// Its change counter: 1 when booked, one more at every reschedule or replan
    /// change (the calendar invite's `SEQUENCE` is this minus one). Absent: see
    /// ``currentVersion``.
    public var version: Int?

    public init(id: String, status: String = AppointmentStatus.scheduled.rawValue, start: String,
                durationMinutes: Int, bay: String, mechanic: String? = nil, estimateId: String? = nil,
                workOrderId: String? = nil, customerId: String? = nil, vehicleId: String? = nil,
                rescheduleCount: Int? = nil, requestKey: String? = nil, requiredSkills: [String]? = nil,
                needsMechanic: Bool? = nil, seriesId: String? = nil, history: [AppointmentHistoryEntry]? = nil,
                version: Int? = nil) {
        self.version = version
        self.needsMechanic = needsMechanic
        self.seriesId = seriesId
        self.history = history
        self.id = id
        self.status = status
        self.start = start
        self.durationMinutes = durationMinutes
        self.bay = bay
        self.mechanic = mechanic
        self.estimateId = estimateId
        self.workOrderId = workOrderId
        self.customerId = customerId
        self.vehicleId = vehicleId
        self.rescheduleCount = rescheduleCount
        self.requestKey = requestKey
        self.requiredSkills = requiredSkills
    }
}

extension BookedAppointment {
    /// ``version`` when the backend keeps it; else 1 plus the changes the appointment
    /// records (its reschedule count or its history, whichever is more).
    public var currentVersion: Int { version ?? 1 + max(rescheduleCount ?? 0, history?.count ?? 0) }
}

/// One earlier placement of an appointment, kept when it was rescheduled.
public struct AppointmentHistoryEntry: Codable, Hashable, Sendable {
    /// The placement before the change.
    public var start: String
    public var durationMinutes: Int
    public var bay: String
    public var mechanic: String?
    /// When the change was decided (facility local time).
    public var changedAt: String
    public var changedBy: String
    /// A reschedule reason code (`CUSTOMER_REQUEST`, `MECHANIC_UNAVAILABLE`, …).
    public var reason: String
    /// The request key of the change (lets a retry find it).
    public var requestKey: String

    public init(start: String, durationMinutes: Int, bay: String, mechanic: String?, changedAt: String,
                changedBy: String, reason: String, requestKey: String) {
        self.start = start
        self.durationMinutes = durationMinutes
        self.bay = bay
        self.mechanic = mechanic
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.reason = reason
        self.requestKey = requestKey
    }
}

/// One line of an estimate or work order: one service.
public struct ServiceLine: Codable, Hashable, Sendable {
    public var serviceType: String
    /// The estimate's minutes for this line; absent: the policy's standard
    /// duration for ``serviceType``.
    public var estimatedMinutes: Int?
    public var requiredSkills: [String]?
    public var preferredSkills: [String]?
    /// Bay types the line can be done in (scenario bay type names); absent: any
    /// bay that is not a mobile unit.
    public var bayTypes: [String]?
    /// The line can be done at the customer's place by a mobile unit.
    public var mobileEligible: Bool?

    public init(serviceType: String, estimatedMinutes: Int? = nil, requiredSkills: [String]? = nil,
                preferredSkills: [String]? = nil, bayTypes: [String]? = nil, mobileEligible: Bool? = nil) {
        self.serviceType = serviceType
        self.estimatedMinutes = estimatedMinutes
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.bayTypes = bayTypes
        self.mobileEligible = mobileEligible
    }
}

/// An estimate as the estimating service gives it. Bookable when `APPROVED`
/// or `QUOTED`; booking moves it to `SCHEDULED`.
public struct Estimate: Codable, Hashable, Sendable {
    public var id: String
    /// `DRAFT`, `QUOTED`, `APPROVED`, `DECLINED`, `EXPIRED`, `SCHEDULED`, …
    public var status: String
    public var customerId: String?
    public var vehicleId: String?
    public var lines: [ServiceLine]
    /// More than one active appointment may point at it.
    public var allowsMultipleAppointments: Bool?

    public init(id: String, status: String, customerId: String?, vehicleId: String?, lines: [ServiceLine],
                allowsMultipleAppointments: Bool? = nil) {
        self.id = id
        self.status = status
        self.customerId = customerId
        self.vehicleId = vehicleId
        self.lines = lines
        self.allowsMultipleAppointments = allowsMultipleAppointments
    }
}

/// A work order. Bookable unless `COMPLETED` or `CANCELLED`.
public struct WorkOrder: Codable, Hashable, Sendable {
    public var id: String
    /// `OPEN`, `IN_PROGRESS`, `ON_HOLD`, `COMPLETED`, `CANCELLED`, …
    public var status: String
    public var customerId: String?
    public var vehicleId: String?
    public var lines: [ServiceLine]
    /// Minutes Work Execution expects the whole order to take, when known;
    /// it wins over the estimate (`DurationRule`).
    public var workExecutionMinutes: Int?
    public var allowsMultipleAppointments: Bool?

    public init(id: String, status: String, customerId: String?, vehicleId: String?, lines: [ServiceLine],
                workExecutionMinutes: Int? = nil, allowsMultipleAppointments: Bool? = nil) {
        self.id = id
        self.status = status
        self.customerId = customerId
        self.vehicleId = vehicleId
        self.lines = lines
        self.workExecutionMinutes = workExecutionMinutes
        self.allowsMultipleAppointments = allowsMultipleAppointments
    }
}

/// How the facility assigns mechanics when an appointment is booked.
public enum AssignmentStrategy: String, Codable, Hashable, Sendable, CaseIterable {
    /// Bay and mechanic now.
    case auto
    /// Bay now, mechanic later (by an SLA deadline); staffing is still checked.
    case deferred
    /// A person picks the mechanic: the request's mechanic when free, else later.
    case manual
}

/// The facility's booking policy. Every field is optional in the file; the
/// `resolved…` accessors apply the defaults.
public struct BookingPolicy: Codable, Hashable, Sendable {
    /// `auto`, `deferred` or `manual`; default `auto`.
    public var assignmentStrategy: String?
    /// Per service type, overriding ``assignmentStrategy`` (and the complex rule).
    public var serviceTypeStrategies: [String: String]?
    /// Service types that are complex: mechanic deferred by default.
    public var complexServiceTypes: [String]?
    /// Work at least this long counts as long: mechanic deferred by default (240).
    public var longServiceMinutes: Int?
    /// Share of the day's capacity above which a booking warns (0.85).
    public var softCapacityThreshold: Double?
    /// Share of a mechanic's shift minutes that day above which a booking warns (0.85).
    public var mechanicOverloadThreshold: Double?
    /// Bookable days from today, today included (90).
    public var bookingHorizonDays: Int?
    /// Standard minutes per service type, used when a line has no estimate.
    public var standardDurations: [String: Int]?

    public init(assignmentStrategy: String? = nil, serviceTypeStrategies: [String: String]? = nil,
                complexServiceTypes: [String]? = nil, longServiceMinutes: Int? = nil,
                softCapacityThreshold: Double? = nil, mechanicOverloadThreshold: Double? = nil,
                bookingHorizonDays: Int? = nil, standardDurations: [String: Int]? = nil) {
        self.assignmentStrategy = assignmentStrategy
        self.serviceTypeStrategies = serviceTypeStrategies
        self.complexServiceTypes = complexServiceTypes
        self.longServiceMinutes = longServiceMinutes
        self.softCapacityThreshold = softCapacityThreshold
        self.mechanicOverloadThreshold = mechanicOverloadThreshold
        self.bookingHorizonDays = bookingHorizonDays
        self.standardDurations = standardDurations
    }

    public static let defaultLongServiceMinutes = 240
    public static let defaultSoftCapacityThreshold = 0.85
    public static let defaultMechanicOverloadThreshold = 0.85
    public static let defaultBookingHorizonDays = 90

    public var resolvedStrategy: AssignmentStrategy {
        assignmentStrategy.flatMap(AssignmentStrategy.init(rawValue:)) ?? .auto
    }
    public var resolvedLongServiceMinutes: Int { longServiceMinutes ?? Self.defaultLongServiceMinutes }
    public var resolvedSoftCapacityThreshold: Double { softCapacityThreshold ?? Self.defaultSoftCapacityThreshold }
    public var resolvedMechanicOverloadThreshold: Double {
        mechanicOverloadThreshold ?? Self.defaultMechanicOverloadThreshold
    }
    public var resolvedBookingHorizonDays: Int { bookingHorizonDays ?? Self.defaultBookingHorizonDays }
}
