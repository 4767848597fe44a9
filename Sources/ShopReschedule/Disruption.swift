import ShopOperations
import ShopDomain

/// What broke in a day (`shopsched.disruption/1`): the input of ``ReplanEngine``.
public struct Disruption: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.disruption/1"

    public var format: String?
    /// Idempotency key: every id of the replan derives from it.
    public var requestId: String
    /// The facility; must be the snapshot's.
    public var facility: String
    /// The day to replan, `YYYY-MM-DD`; default: today (the date of now).
    public var day: String?
    /// Who reports it (the actor of events and audit records); default `replan`.
    public var reportedBy: String?
    public var events: [DisruptionEvent]
    public var policy: ReplanPolicy?

    public init(format: String? = Disruption.formatName, requestId: String, facility: String, day: String? = nil,
                reportedBy: String? = nil, events: [DisruptionEvent], policy: ReplanPolicy? = nil) {
        self.format = format
        self.requestId = requestId
        self.facility = facility
        self.day = day
        self.reportedBy = reportedBy
        self.events = events
        self.policy = policy
    }
}

public enum DisruptionType: String, Codable, Hashable, Sendable, CaseIterable {
    /// `mechanic` is unavailable from `from` until `until` (default: the end of the day).
    case mechanicUnavailable = "MECHANIC_UNAVAILABLE"
    /// `bay` is out of service from `from` until `until` (default: the end of the day).
    case bayOutOfService = "BAY_OUT_OF_SERVICE"
    /// `appointment` runs `minutes` longer than booked.
    case jobOverrun = "JOB_OVERRUN"
    /// `job` must be fitted in today.
    case urgentJob = "URGENT_JOB"
}

/// One thing that broke. Which fields matter depends on ``type``.
public struct DisruptionEvent: Codable, Hashable, Sendable {
    /// A ``DisruptionType`` raw value.
    public var type: String
    public var mechanic: String?
    public var bay: String?
    public var appointment: String?
    /// Local `YYYY-MM-DDTHH:MM`.
    public var from: String?
    public var until: String?
    public var minutes: Int?
    public var job: UrgentJob?

    public init(type: DisruptionType, mechanic: String? = nil, bay: String? = nil, appointment: String? = nil,
                from: String? = nil, until: String? = nil, minutes: Int? = nil, job: UrgentJob? = nil) {
        self.type = type.rawValue
        self.mechanic = mechanic
        self.bay = bay
        self.appointment = appointment
        self.from = from
        self.until = until
        self.minutes = minutes
        self.job = job
    }
}

/// Work to fit in today, in the scenario file's terms.
public struct UrgentJob: Codable, Hashable, Sendable {
    public var id: String
    public var durationMinutes: Int
    public var bayTypes: [String]
    public var requiredSkills: [String]?
    public var customerId: String?
    public var vehicleId: String?
    /// Contract priority (default 3: placing it is worth three ordinary appointments).
    public var priority: Int?

    public init(id: String, durationMinutes: Int, bayTypes: [String], requiredSkills: [String]? = nil,
                customerId: String? = nil, vehicleId: String? = nil, priority: Int? = nil) {
        self.id = id
        self.durationMinutes = durationMinutes
        self.bayTypes = bayTypes
        self.requiredSkills = requiredSkills
        self.customerId = customerId
        self.vehicleId = vehicleId
        self.priority = priority
    }
}

/// What a replan may do.
public struct ReplanPolicy: Codable, Hashable, Sendable {
    /// `CONFIRMED` and `AWAITING_PARTS` appointments may move too (default false:
    /// they move only when the disruption leaves them no place where they are).
    public var moveConfirmed: Bool?
    /// Seconds the MILP may take (default 10).
    public var timeLimitSeconds: Double?
    public init(moveConfirmed: Bool? = nil, timeLimitSeconds: Double? = nil) {
        self.moveConfirmed = moveConfirmed
        self.timeLimitSeconds = timeLimitSeconds
    }
}

extension Disruption {
    /// A mechanic calling in sick, for tests, benchmarks and demos: of the
    /// mechanics with appointments starting at `from` or later that day, the one
    /// with the most (ties: the smallest id) is unavailable from `from` to the
    /// end of the day. `nil` when nobody has work then.
    public static func sickMechanic(in snapshot: BookingSnapshot, from: LocalDateTime, requestId: String,
                                    policy: ReplanPolicy? = nil) -> Disruption? {
        let dayEnd = LocalDateTime(date: from.date.adding(days: 1), minuteOfDay: 0)
        let later = snapshot.appointments.filter { a in
            guard let start = LocalDateTime(a.start), a.mechanic != nil else { return false }
            return AppointmentStatus(rawValue: a.status)?.isActive == true && start >= from && start < dayEnd
        }
        let counts = Dictionary(grouping: later, by: { $0.mechanic! }).mapValues(\.count)
        guard let sick = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
        return Disruption(requestId: requestId, facility: snapshot.facility.id, day: from.date.description,
                          events: [DisruptionEvent(type: .mechanicUnavailable, mechanic: sick, from: from.description)],
                          policy: policy)
    }
}

/// Reading the reschedule files; a wrong JSON type is an ``InputError`` naming its path.
public enum RescheduleFiles {
    public static func request(from data: Data) throws(InputError) -> RescheduleRequest {
        try JSONFiles.decode(RescheduleRequest.self, from: data)
    }
    public static func disruption(from data: Data) throws(InputError) -> Disruption {
        try JSONFiles.decode(Disruption.self, from: data)
    }
}

import Foundation
