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

        public init(
            name: String? = nil, facility: ScenarioFile.Facility, bays: [ScenarioFile.Bay],
            mechanics: [Mechanic], appointments: [Appointment] = [], workOrders: [WorkOrder] = [],
            mobilePositions: [MobilePosition]? = nil, dataSources: DataSources? = nil
        ) {
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

        public init(
            id: String, status: String, start: String, durationMinutes: Int, bay: String? = nil,
            mobileUnit: String? = nil, mechanic: String? = nil, workOrderId: String? = nil,
            notes: String? = nil, notesHistory: [NoteVersion]? = nil, assignedAt: String? = nil,
            lastUpdatedAt: String? = nil, version: Int? = nil
        ) {
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

        public init(
            id: String, status: String, customer: Party, vehicle: Party, appointmentId: String? = nil,
            remainingMinutes: Int, promisedAt: String? = nil, requiredSkills: [String]? = nil,
            preferredSkills: [String]? = nil, bayTypes: [String]? = nil, priority: Int? = nil,
            createdAt: String? = nil, parts: [Part]? = nil, statusHistory: [StatusChange]? = nil
        ) {
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

    /// A customer or a vehicle: an id and what to show.
    public struct Party: Codable, Hashable, Sendable {
        public var id: String
        public var name: String?
        public init(id: String, name: String? = nil) {
            self.id = id
            self.name = name
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
        public init(status: String, at: String, by: String? = nil) {
            self.status = status
            self.at = at
            self.by = by
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

    /// Whether the People and assignment data are live or served from a cache.
    public struct DataSources: Codable, Hashable, Sendable {
        public var people: Freshness?
        public var assignments: Freshness?
        public init(people: Freshness? = nil, assignments: Freshness? = nil) {
            self.people = people
            self.assignments = assignments
        }
    }

    public struct Freshness: Codable, Hashable, Sendable {
        public var cached: Bool
        /// When the cached copy was taken.
        public var asOf: String?
        public init(cached: Bool, asOf: String? = nil) {
            self.cached = cached
            self.asOf = asOf
        }
    }
}
