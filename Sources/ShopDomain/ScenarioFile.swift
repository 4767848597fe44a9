/// The scenario file `shopsched.scenario/1` exactly as written: field names,
/// optional fields and string times as the contract (`docs/contract.md`) gives them.
///
/// This is the parsing layer: it checks only JSON types. ``Scenario`` is the
/// validated form, built by ``Scenario/init(file:)``, which reports every
/// problem at once with its JSON path. Absent optional fields stay `nil`
/// here, so a file read and written again keeps its shape.
public struct ScenarioFile: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.scenario/1"

    public var format: String
    public var facility: Facility
    public var bays: [Bay]
    public var mechanics: [Mechanic]
    public var jobs: [Job]
    public var weights: Weights?

    public init(
        format: String = ScenarioFile.formatName, facility: Facility, bays: [Bay], mechanics: [Mechanic],
        jobs: [Job], weights: Weights? = nil
    ) {
        self.format = format
        self.facility = facility
        self.bays = bays
        self.mechanics = mechanics
        self.jobs = jobs
        self.weights = weights
    }

    public struct Facility: Codable, Hashable, Sendable {
        public var id: String
        public var timeZone: String
        public var slotMinutes: Int
        public var horizon: Horizon
        /// Weekday key (`mon`…`sun`) to ranges `[open, close]` as `HH:MM`.
        public var operatingHours: [String: [[String]]]
        public var closedDates: [String]?
        public var maxConcurrent: Int?
        /// Booked labour per day: a hard limit and a threshold that warns.
        public var labourMinutesPerDay: LabourMinutes?

        public init(
            id: String, timeZone: String, slotMinutes: Int, horizon: Horizon,
            operatingHours: [String: [[String]]], closedDates: [String]? = nil, maxConcurrent: Int? = nil,
            labourMinutesPerDay: LabourMinutes? = nil
        ) {
            self.id = id
            self.timeZone = timeZone
            self.slotMinutes = slotMinutes
            self.horizon = horizon
            self.operatingHours = operatingHours
            self.closedDates = closedDates
            self.maxConcurrent = maxConcurrent
            self.labourMinutesPerDay = labourMinutesPerDay
        }
    }

    /// `facility.labourMinutesPerDay`: the labour minutes (jobs' work minutes
    /// with a mechanic) a day may have booked. Either part may be left out.
    public struct LabourMinutes: Codable, Hashable, Sendable {
        /// Hard: a plan books at most this many minutes on any day.
        public var limit: Int?
        /// Soft: booking more than this many minutes on a day warns.
        public var warnAbove: Int?
        public init(limit: Int? = nil, warnAbove: Int? = nil) {
            self.limit = limit
            self.warnAbove = warnAbove
        }
    }

    public struct Horizon: Codable, Hashable, Sendable {
        public var start: String
        public var days: Int
        public init(start: String, days: Int) {
            self.start = start
            self.days = days
        }
    }

    public struct TimeRange: Codable, Hashable, Sendable {
        public var start: String
        public var end: String
        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    public struct Bay: Codable, Hashable, Sendable {
        public var id: String
        public var type: String
        public var outOfService: [TimeRange]?
        public init(id: String, type: String, outOfService: [TimeRange]? = nil) {
            self.id = id
            self.type = type
            self.outOfService = outOfService
        }
    }

    public struct Mechanic: Codable, Hashable, Sendable {
        public var id: String
        public var skills: [String]?
        public var active: Bool?
        public var shifts: [TimeRange]?
        public init(id: String, skills: [String]? = nil, active: Bool? = nil, shifts: [TimeRange]? = nil) {
            self.id = id
            self.skills = skills
            self.active = active
            self.shifts = shifts
        }
    }

    public struct Window: Codable, Hashable, Sendable {
        public var earliest: String?
        public var latest: String?
        public init(earliest: String? = nil, latest: String? = nil) {
            self.earliest = earliest
            self.latest = latest
        }
    }

    /// A placement named in a pin or in the current plan.
    public struct Placement: Codable, Hashable, Sendable {
        public var start: String
        public var bay: String
        /// `nil` (written `null`) means no mechanic.
        public var mechanic: String?
        public init(start: String, bay: String, mechanic: String?) {
            self.start = start
            self.bay = bay
            self.mechanic = mechanic
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(start, forKey: .start)
            try container.encode(bay, forKey: .bay)
            try container.encode(mechanic, forKey: .mechanic)  // explicit null: "none"
        }
    }

    public struct Job: Codable, Hashable, Sendable {
        public var id: String
        public var durationMinutes: Int
        public var bayTypes: [String]
        public var requiredSkills: [String]?
        public var preferredSkills: [String]?
        public var mechanic: String?
        public var priority: Int?
        public var window: Window?
        public var preferredStarts: [String]?
        public var pinned: Placement?
        public var current: Placement?
        /// Whether the work may pause over closed time and off-shift time, the car kept
        /// on its bay (contract §7; default `false`: the job lies inside one open interval).
        public var resumable: Bool?

        public init(
            id: String, durationMinutes: Int, bayTypes: [String], requiredSkills: [String]? = nil,
            preferredSkills: [String]? = nil, mechanic: String? = nil, priority: Int? = nil,
            window: Window? = nil, preferredStarts: [String]? = nil, pinned: Placement? = nil,
            current: Placement? = nil, resumable: Bool? = nil
        ) {
            self.id = id
            self.durationMinutes = durationMinutes
            self.bayTypes = bayTypes
            self.requiredSkills = requiredSkills
            self.preferredSkills = preferredSkills
            self.mechanic = mechanic
            self.priority = priority
            self.window = window
            self.preferredStarts = preferredStarts
            self.pinned = pinned
            self.current = current
            self.resumable = resumable
        }
    }

    public struct Weights: Codable, Hashable, Sendable {
        public var unscheduled: Int?
        public var startDeviationPerSlot: Int?
        public var missingPreferredSkill: Int?
        public var unassignedMechanic: Int?
        public var moved: Int?
        public var changedBay: Int?
        public var changedMechanic: Int?
        public var mechanicUsed: Int?
        public init(
            unscheduled: Int? = nil, startDeviationPerSlot: Int? = nil, missingPreferredSkill: Int? = nil,
            unassignedMechanic: Int? = nil, moved: Int? = nil, changedBay: Int? = nil,
            changedMechanic: Int? = nil, mechanicUsed: Int? = nil
        ) {
            self.unscheduled = unscheduled
            self.startDeviationPerSlot = startDeviationPerSlot
            self.missingPreferredSkill = missingPreferredSkill
            self.unassignedMechanic = unassignedMechanic
            self.moved = moved
            self.changedBay = changedBay
            self.changedMechanic = changedMechanic
            self.mechanicUsed = mechanicUsed
        }
    }
}
