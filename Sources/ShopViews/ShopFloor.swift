import Foundation
import ShopDomain
import ShopOperations

/// A validated ``BoardSnapshot``: times parsed, statuses known, every id
/// resolved. Built only by ``ShopFloor/init(_:)``
/// (`ShopFloor+Validation.swift`), which guarantees: location ids are
/// unique, ids are unique per kind within a location, an appointment holds a
/// bay or a mobile unit but not both (each of the right kind), every named
/// mechanic, appointment and work order exists, notes are at most
/// ``AssignmentNotes/maxLength`` characters, and remaining minutes are not
/// negative.
public struct ShopFloor: Sendable {
    public let snapshot: BoardSnapshot
    public let locations: [Location]

    /// One location, validated.
    public struct Location: Sendable {
        public let id: String
        public let name: String
        /// The facility, bays and mechanics as a (job-less) scenario.
        public let scenario: Scenario
        /// Mechanic index to the People data (name, certifications).
        public let people: [BoardSnapshot.Mechanic]
        /// Whether the People data gave shifts for the mechanic (else: on
        /// whenever the shop is open).
        public let shiftsKnown: [Bool]
        public let appointments: [Appointment]
        public let workOrders: [WorkOrder]
        /// Mobile unit (bay index) to its last position.
        public let positions: [Int: Position]
        public let peopleCachedAt: Freshness?
        public let assignmentsCachedAt: Freshness?
        /// Work Execution served from a cache (an outage), when it was.
        public var workExecutionCachedAt: Freshness? = nil
        /// When each source named in `dataSources` was read, in the order
        /// people, assignments, Work Execution.
        public var readings: [Reading] = []
        /// The location's label for each status (its own words, else the default).
        public var statusLabels: [WorkOrderState: String] = [:]
        public var estimateChangeThresholdMinutes: Int? = nil

        public var timeZone: String { scenario.facility.timeZone }
        public func appointment(_ id: String) -> Appointment? { appointments.first { $0.id == id } }
        public func label(_ state: WorkOrderState) -> String { statusLabels[state] ?? state.defaultLabel }
    }

    /// One source's read time (`dataSources.<source>.readAt`).
    public struct Reading: Sendable, Hashable {
        /// `people`, `assignments` or `workExecution`.
        public let source: String
        public let readAt: Date
        public let text: String
    }

    /// Cached data and how old it is.
    public struct Freshness: Sendable, Hashable {
        public let asOf: LocalDateTime?
    }

    public struct Position: Sendable, Hashable {
        public let latitude: Double
        public let longitude: Double
        public let at: LocalDateTime
    }

    public struct Appointment: Sendable {
        public let id: String
        public let state: AppointmentStatus
        public let start: LocalDateTime
        public let durationMinutes: Int
        /// Bay index (a bay or a mobile unit; ``isMobile`` says which).
        public let place: Int?
        public let isMobile: Bool
        public let mechanic: Int?
        public let workOrderId: String?
        public let notes: String?
        public let notesHistory: [BoardSnapshot.NoteVersion]
        public let assignedAt: LocalDateTime?
        public let lastUpdatedAt: LocalDateTime?
        public var assignmentDeadline: LocalDateTime? = nil
        public var end: LocalDateTime { start.adding(minutes: durationMinutes) }
    }

    public struct WorkOrder: Sendable {
        public let id: String
        public let state: WorkOrderState
        public let file: BoardSnapshot.WorkOrder
        /// Index into the location's appointments.
        public let appointment: Int?
        public let promisedAt: LocalDateTime?
        public let createdAt: LocalDateTime?
        public let requiredSkills: Set<String>
        public let preferredSkills: [String]
        public let bayTypes: Set<BayType>
        public let priority: Int
        /// Parts with their expected arrival (`nil`: unknown).
        public let parts: [(part: BoardSnapshot.Part, expectedAt: LocalDateTime?)]
        public let statusHistory: [(status: String, at: LocalDateTime, by: String?, reason: String?)]
        /// The reason of the latest status change, when the history gives one.
        public var statusReason: String? { statusHistory.last?.reason }
    }
}
