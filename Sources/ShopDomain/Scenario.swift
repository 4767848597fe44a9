/// The bay types the contract knows.
public enum BayType: String, CaseIterable, Codable, Sendable, Hashable {
    case generalService = "GENERAL_SERVICE_BAY"
    case lift = "LIFT_BAY"
    case alignment = "ALIGNMENT_BAY"
    case tire = "TIRE_BAY"
    case inspection = "INSPECTION_BAY"
    case mobileUnit = "MOBILE_UNIT"
}

/// Whether a job needs a mechanic.
public enum MechanicMode: String, CaseIterable, Codable, Sendable, Hashable {
    /// A scheduled job has a mechanic.
    case required
    /// A mechanic is welcome; going without one costs `unassignedMechanic`.
    case optional
    /// The job never has a mechanic (for example a drop-off inspection).
    case none
}

/// A half-open range of local wall-clock times, `start < end`.
public struct LocalRange: Hashable, Sendable {
    public var start: LocalDateTime
    public var end: LocalDateTime
    public init(start: LocalDateTime, end: LocalDateTime) {
        self.start = start
        self.end = end
    }
}

/// A validated scenario: every field parsed, every default applied, every
/// id known. Built by ``Scenario/init(file:)`` (`Scenario+Validation.swift`),
/// which guarantees: ids unique per kind; pins and current placements name
/// known bays and mechanics and start on a slot boundary; every range has
/// `start < end`; durations, priorities and weights are in range; or, from
/// parts that already hold those guarantees (a validated snapshot's), by
/// ``Scenario/init(facility:bays:mechanics:jobs:weights:)``
/// (`Scenario+Parts.swift`), which parses nothing.
public struct Scenario: Hashable, Sendable {
    public struct Facility: Hashable, Sendable {
        public var id: String
        public var timeZone: String
        public var slotMinutes: Int
        public var horizonStart: LocalDate
        public var horizonDays: Int
        /// Open ranges per weekday, sorted, not overlapping; missing = closed.
        public var operatingHours: [Weekday: [ClosedOpenClock]]
        public var closedDates: Set<LocalDate>
        /// `nil` means unlimited.
        public var maxConcurrent: Int?
        /// The most labour minutes a day may have booked (jobs with a
        /// mechanic, counted on the day they start); `nil` means unlimited.
        public var labourLimitPerDay: Int?
        /// Booking more labour minutes than this on a day warns; `nil`: never.
        public var labourWarningPerDay: Int?

        public init(
            id: String, timeZone: String, slotMinutes: Int, horizonStart: LocalDate, horizonDays: Int,
            operatingHours: [Weekday: [ClosedOpenClock]], closedDates: Set<LocalDate>, maxConcurrent: Int?,
            labourLimitPerDay: Int? = nil, labourWarningPerDay: Int? = nil
        ) {
            self.id = id
            self.timeZone = timeZone
            self.slotMinutes = slotMinutes
            self.horizonStart = horizonStart
            self.horizonDays = horizonDays
            self.operatingHours = operatingHours
            self.closedDates = closedDates
            self.maxConcurrent = maxConcurrent
            self.labourLimitPerDay = labourLimitPerDay
            self.labourWarningPerDay = labourWarningPerDay
        }

        /// Whether any labour rule (hard or soft) is set.
        public var countsLabour: Bool { labourLimitPerDay != nil || labourWarningPerDay != nil }

        /// First minute after the horizon.
        public var horizonEnd: LocalDateTime {
            LocalDateTime(date: horizonStart.adding(days: horizonDays), minuteOfDay: 0)
        }
        public var horizonBegin: LocalDateTime { LocalDateTime(date: horizonStart, minuteOfDay: 0) }
    }

    /// One operating-hours range of a day, `open < close`.
    public struct ClosedOpenClock: Hashable, Sendable {
        public var open: ClockTime
        public var close: ClockTime
        public init(open: ClockTime, close: ClockTime) {
            self.open = open
            self.close = close
        }
    }

    public struct Bay: Hashable, Sendable {
        public var id: String
        public var type: BayType
        public var outOfService: [LocalRange]
        public init(id: String, type: BayType, outOfService: [LocalRange]) {
            self.id = id
            self.type = type
            self.outOfService = outOfService
        }
    }

    public struct Mechanic: Hashable, Sendable {
        public var id: String
        public var skills: Set<String>
        public var active: Bool
        public var shifts: [LocalRange]
        public init(id: String, skills: Set<String>, active: Bool, shifts: [LocalRange]) {
            self.id = id
            self.skills = skills
            self.active = active
            self.shifts = shifts
        }
    }

    /// A pinned or current placement, with ids resolved to indices.
    public struct Placement: Hashable, Sendable {
        public var start: LocalDateTime
        public var bay: Int
        /// Index into ``Scenario/mechanics``; `nil` for none.
        public var mechanic: Int?
        public init(start: LocalDateTime, bay: Int, mechanic: Int?) {
            self.start = start
            self.bay = bay
            self.mechanic = mechanic
        }
    }

    public struct Job: Hashable, Sendable {
        public var id: String
        public var durationMinutes: Int
        public var bayTypes: Set<BayType>
        public var requiredSkills: Set<String>
        public var preferredSkills: [String]
        public var mechanicMode: MechanicMode
        public var priority: Int
        public var earliest: LocalDateTime
        public var latest: LocalDateTime
        public var preferredStarts: [LocalDateTime]
        public var pinned: Placement?
        public var current: Placement?
        /// Whether the job may pause over closed time and off-shift time, keeping its bay
        /// (contract §7); `false` keeps the one-interval rule.
        public var resumable: Bool

        public init(
            id: String, durationMinutes: Int, bayTypes: Set<BayType>, requiredSkills: Set<String>,
            preferredSkills: [String], mechanicMode: MechanicMode, priority: Int, earliest: LocalDateTime,
            latest: LocalDateTime, preferredStarts: [LocalDateTime], pinned: Placement?, current: Placement?,
            resumable: Bool = false
        ) {
            self.id = id
            self.durationMinutes = durationMinutes
            self.bayTypes = bayTypes
            self.requiredSkills = requiredSkills
            self.preferredSkills = preferredSkills
            self.mechanicMode = mechanicMode
            self.priority = priority
            self.earliest = earliest
            self.latest = latest
            self.preferredStarts = preferredStarts
            self.pinned = pinned
            self.current = current
            self.resumable = resumable
        }
    }

    /// The objective's weights, defaults applied.
    public struct Weights: Hashable, Sendable {
        public var unscheduled = 1000
        public var startDeviationPerSlot = 1
        public var missingPreferredSkill = 5
        public var unassignedMechanic = 200
        public var moved = 50
        public var changedBay = 10
        public var changedMechanic = 20
        public var mechanicUsed = 0
        public init() {}
    }

    // Not settable from outside: a scenario changed field by field would no
    // longer be the one its checks passed.
    public let facility: Facility
    public let bays: [Bay]
    public let mechanics: [Mechanic]
    public let jobs: [Job]
    public let weights: Weights
    /// The file it was validated from; `nil` when built from typed parts.
    let validatedFile: ScenarioFile?

    /// The file this scenario was validated from, kept for writing it back;
    /// for one built from typed parts, those parts written as a file.
    public var file: ScenarioFile { validatedFile ?? ScenarioFile(self) }

    public func bayIndex(_ id: String) -> Int? { bays.firstIndex { $0.id == id } }
    public func mechanicIndex(_ id: String) -> Int? { mechanics.firstIndex { $0.id == id } }
    public func jobIndex(_ id: String) -> Int? { jobs.firstIndex { $0.id == id } }
}
