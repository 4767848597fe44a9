import ShopDomain

/// What the backend knows of its shops at one moment
/// (`shopsched.board-snapshot/1`): per location, the facility parts (with the
/// scenario file's field names), the appointments with their assignment
/// data, the work orders, the mobile units' last positions, and how fresh the
/// People and assignment data are.
///
/// This is the parsing layer: it checks only JSON types. ``ShopFloor`` is
/// the validated form (`ShopFloor+Validation.swift`), which reports
/// every problem at once with its JSON path.
public struct BoardSnapshot: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.board-snapshot/1"

    public var format: String
    public var organizationId: String?
    public var locations: [Location]

    public init(format: String = BoardSnapshot.formatName, organizationId: String? = nil, locations: [Location]) {
        self.format = format
        self.organizationId = organizationId
        self.locations = locations
    }

    /// One shop: its facility (hours, closed dates, time zone; `horizon` is
    /// the stretch of days the shift data covers), bays and mobile units,
    /// mechanics and work.
    public struct Location: Codable, Hashable, Sendable {
        public var name: String?
        public var facility: ScenarioFile.Facility
        /// Bays and mobile units (type `MOBILE_UNIT`).
        public var bays: [ScenarioFile.Bay]
        public var mechanics: [Mechanic]
        public var appointments: [Appointment]
        public var workOrders: [WorkOrder]
        public var mobilePositions: [MobilePosition]?
        public var dataSources: DataSources?
        /// The board's words for the work order statuses at this location
        /// (`{"IN_PROGRESS": "On the lift"}`); a status not named keeps its
        /// default label (``WorkOrderState/defaultLabel``).
        public var statusLabels: [String: String]?
        /// How far (minutes) a work order's completion estimate must move, with
        /// its status unchanged, to raise a `WorkorderEstimateChanged` (default
        /// ``ChangeDetection/defaultEstimateThresholdMinutes``).
        public var estimateChangeThresholdMinutes: Int?

        public init(
            name: String? = nil, facility: ScenarioFile.Facility, bays: [ScenarioFile.Bay],
            mechanics: [Mechanic], appointments: [Appointment] = [], workOrders: [WorkOrder] = [],
            mobilePositions: [MobilePosition]? = nil, dataSources: DataSources? = nil,
            statusLabels: [String: String]? = nil, estimateChangeThresholdMinutes: Int? = nil
        ) {
            self.statusLabels = statusLabels
            self.estimateChangeThresholdMinutes = estimateChangeThresholdMinutes
            self.name = name
            self.facility = facility
            self.bays = bays
            self.mechanics = mechanics
            self.appointments = appointments
            self.workOrders = workOrders
            self.mobilePositions = mobilePositions
            self.dataSources = dataSources
        }
    }

    /// A mechanic as the People read model gives them.
    public struct Mechanic: Codable, Hashable, Sendable {
        public var id: String
        public var name: String?
        public var skills: [String]?
        public var certifications: [String]?
        public var active: Bool?
        public var shifts: [ScenarioFile.TimeRange]?

        public init(
            id: String, name: String? = nil, skills: [String]? = nil, certifications: [String]? = nil,
            active: Bool? = nil, shifts: [ScenarioFile.TimeRange]? = nil
        ) {
            self.id = id
            self.name = name
            self.skills = skills
            self.certifications = certifications
            self.active = active
            self.shifts = shifts
        }
    }

    /// An appointment with its assignment: a bay or a mobile unit (never
    /// both), a mechanic, notes.
    public struct Appointment: Codable, Hashable, Sendable {
        public var id: String
        /// `SCHEDULED`, `CONFIRMED`, `IN_PROGRESS`, `AWAITING_PARTS`, `READY`,
        /// `COMPLETED` or `CANCELLED`.
        public var status: String
        public var start: String
        public var durationMinutes: Int
        public var bay: String?
        public var mobileUnit: String?
        public var mechanic: String?
        public var workOrderId: String?
        public var notes: String?
        public var notesHistory: [NoteVersion]?
        public var assignedAt: String?
        public var lastUpdatedAt: String?
        /// The backend's change counter of the appointment (one more at every change);
        /// with ``lastUpdatedAt`` it makes a change event's id unique per change.
        public var version: Int?
        /// When a deferred mechanic must be assigned by (the booking's
        /// `assignmentDeadline`); past it without a mechanic, the board lists
        /// the appointment as overdue.
        public var assignmentDeadline: String?

        public init(
            id: String, status: String, start: String, durationMinutes: Int, bay: String? = nil,
            mobileUnit: String? = nil, mechanic: String? = nil, workOrderId: String? = nil,
            notes: String? = nil, notesHistory: [NoteVersion]? = nil, assignedAt: String? = nil,
            lastUpdatedAt: String? = nil, version: Int? = nil, assignmentDeadline: String? = nil
        ) {
            self.assignmentDeadline = assignmentDeadline
            self.version = version
            self.id = id
            self.status = status
            self.start = start
            self.durationMinutes = durationMinutes
            self.bay = bay
            self.mobileUnit = mobileUnit
            self.mechanic = mechanic
            self.workOrderId = workOrderId
            self.notes = notes
            self.notesHistory = notesHistory
            self.assignedAt = assignedAt
            self.lastUpdatedAt = lastUpdatedAt
        }
    }

    /// One version of an appointment's notes.
    public struct NoteVersion: Codable, Hashable, Sendable {
        public var version: Int
        public var text: String
        public var by: String
        public var at: String
        public init(version: Int, text: String, by: String, at: String) {
            self.version = version
            self.text = text
            self.by = by
            self.at = at
        }
    }

    /// A work order as Work Execution gives it. Its bay, mobile unit and
    /// mechanic are those of its appointment.
    public struct WorkOrder: Codable, Hashable, Sendable {
        public var id: String
        /// `SCHEDULED`, `WAITING`, `IN_PROGRESS`, `AWAITING_PARTS`,
        /// `READY_FOR_PICKUP`, `COMPLETED` or `CANCELLED`.
        public var status: String
        public var customer: Party
        public var vehicle: Party
        public var appointmentId: String?
        /// Work left, in minutes (the whole job when not started).
        public var remainingMinutes: Int
        /// When the customer was told the car would be ready.
        public var promisedAt: String?
        public var requiredSkills: [String]?
        public var preferredSkills: [String]?
        /// Bay types it can be done in; absent: any bay that is not a mobile unit.
        public var bayTypes: [String]?
        /// Higher goes first among waiting work; default 1.
        public var priority: Int?
        public var createdAt: String?
        /// Parts it waits for (`AWAITING_PARTS`).
        public var parts: [Part]?
        public var statusHistory: [StatusChange]?
        /// What is being done, in the customer's words ("Front brake pads and rotors").
        public var serviceDescription: String?
        /// Notes for the shop only: shown to callers with `VIEW_INTERNAL_NOTES`.
        public var internalNotes: String?

        public init(
            id: String, status: String, customer: Party, vehicle: Party, appointmentId: String? = nil,
            remainingMinutes: Int, promisedAt: String? = nil, requiredSkills: [String]? = nil,
            preferredSkills: [String]? = nil, bayTypes: [String]? = nil, priority: Int? = nil,
            createdAt: String? = nil, parts: [Part]? = nil, statusHistory: [StatusChange]? = nil,
            serviceDescription: String? = nil, internalNotes: String? = nil
        ) {
            self.serviceDescription = serviceDescription
            self.internalNotes = internalNotes
            self.id = id
            self.status = status
            self.customer = customer
            self.vehicle = vehicle
            self.appointmentId = appointmentId
            self.remainingMinutes = remainingMinutes
            self.promisedAt = promisedAt
            self.requiredSkills = requiredSkills
            self.preferredSkills = preferredSkills
            self.bayTypes = bayTypes
            self.priority = priority
            self.createdAt = createdAt
            self.parts = parts
            self.statusHistory = statusHistory
        }
    }

    /// A customer or a vehicle: an id and what to show. A customer may carry
    /// a `phone`; a vehicle its `vin` (17 characters, no I, O or Q), `year`,
    /// `make` and `model`.
    public struct Party: Codable, Hashable, Sendable {
        public var id: String
        public var name: String?
        public var phone: String?
        public var vin: String?
        public var year: Int?
        public var make: String?
        public var model: String?
        public init(
            id: String, name: String? = nil, phone: String? = nil, vin: String? = nil, year: Int? = nil,
            make: String? = nil, model: String? = nil
        ) {
            self.id = id
            self.name = name
            self.phone = phone
            self.vin = vin
            self.year = year
            self.make = make
            self.model = model
        }
    }

    public struct Part: Codable, Hashable, Sendable {
        public var partNumber: String
        public var description: String?
        /// Expected arrival; absent: unknown.
        public var expectedAt: String?
        public init(partNumber: String, description: String? = nil, expectedAt: String? = nil) {
            self.partNumber = partNumber
            self.description = description
            self.expectedAt = expectedAt
        }
    }

    public struct StatusChange: Codable, Hashable, Sendable {
        public var status: String
        public var at: String
        public var by: String?
        /// Why the status changed ("parts arrived", "customer approved extra work").
        public var reason: String?
        public init(status: String, at: String, by: String? = nil, reason: String? = nil) {
            self.status = status
            self.at = at
            self.by = by
            self.reason = reason
        }
    }

    /// A mobile unit's last known position.
    public struct MobilePosition: Codable, Hashable, Sendable {
        public var unit: String
        public var latitude: Double
        public var longitude: Double
        public var at: String
        public init(unit: String, latitude: Double, longitude: Double, at: String) {
            self.unit = unit
            self.latitude = latitude
            self.longitude = longitude
            self.at = at
        }
    }

    /// When the backend read each source (People, assignments, Work
    /// Execution), and whether it is live or served from a cache.
    public struct DataSources: Codable, Hashable, Sendable {
        public var people: Freshness?
        public var assignments: Freshness?
        /// The work orders' source; `cached` means Work Execution was down and
        /// the board shows the last copy.
        public var workExecution: Freshness?
        public init(people: Freshness? = nil, assignments: Freshness? = nil, workExecution: Freshness? = nil) {
            self.people = people
            self.assignments = assignments
            self.workExecution = workExecution
        }
    }

    public struct Freshness: Codable, Hashable, Sendable {
        /// Served from a cache (default `false`).
        public var cached: Bool?
        /// When the cached copy was taken.
        public var asOf: String?
        /// When the backend read the source for this snapshot, to the second:
        /// `YYYY-MM-DDTHH:MM[:SS]` local, or with `Z` or an offset `±HH:MM`.
        /// More than ``DataSourceStatus/staleAfterSeconds`` before now, it is flagged stale.
        public var readAt: String?
        public init(cached: Bool = false, asOf: String? = nil, readAt: String? = nil) {
            self.cached = cached
            self.asOf = asOf
            self.readAt = readAt
        }
    }
}
