import Foundation
import ShopDomain
import ShopPlanner

/// A facility snapshot that passed every check, with times parsed and ids
/// resolved: what booking, rescheduling and replanning work on.
///
/// Built by ``ValidatedFacility/init(_:)``, the one validator of a
/// ``BookingSnapshot``, which reports every problem at once, each with its
/// JSON path (`appointments[2].bay`, `policy.bookingHorizonDays`), so no rule
/// below ever meets bad data. It checks the snapshot alone: no request is
/// needed. The facility, bays and mechanics are checked by the scenario
/// file's own validation (the same paths as in the snapshot). A use case
/// validates its snapshot once; what it derives from it (an appointment
/// taken off, one put back where it was) comes from the methods below,
/// which check only what they change.
public struct ValidatedFacility: Sendable {
    /// The facility, bays and mechanics as a (job-less) scenario.
    public let scenario: Scenario
    public let snapshot: BookingSnapshot
    /// The booked appointments, parsed; the same order as `snapshot.appointments`.
    public private(set) var appointments: [Booked]
    /// The snapshot's policy (defaults when it has none).
    public let policy: BookingPolicy

    /// A booked appointment with its fields parsed.
    public struct Booked: Sendable {
        /// The appointment as the snapshot gives it.
        public let file: BookedAppointment
        public let status: AppointmentStatus
        public let start: LocalDateTime
        /// Index into `scenario.bays`.
        public let bay: Int
        /// Index into `scenario.mechanics`.
        public let mechanic: Int?
        /// Its own, else its source's (when the snapshot holds the source).
        public let requiredSkills: [String]
        /// Its work ranges when it is booked to pause (``BookedAppointment/resumable``),
        /// read by contract §7 from its start, its mechanic (none: the shop's hours alone)
        /// and the shop's hours; `nil` for work in one stretch, or when its work does not
        /// finish within the snapshot's days (it then counts as one stretch).
        public var work: [LocalRange]? = nil
        /// Its end: the end of its last work range, else start plus duration.
        public var end: LocalDateTime { work?.last?.end ?? start.adding(minutes: file.durationMinutes) }
    }

    /// The most reschedules an appointment may have had: far above any real one,
    /// and far enough below `Int.max` that counting one more cannot overflow.
    public static let maxRescheduleCount = 1_000_000
    public static let estimateStatuses = [
        "DRAFT", "QUOTED", "APPROVED", "DECLINED", "EXPIRED", "SCHEDULED", "CONVERTED",
    ]
    public static let workOrderStatuses = ["OPEN", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "CANCELLED"]

    /// Validates `snapshot`; throws every problem at once.
    public init(_ snapshot: BookingSnapshot) throws(InputError) {
        let (validated, issues) = Self.check(snapshot)
        guard let validated else { throw InputError(issues) }
        self = validated
    }

    private init(scenario: Scenario, snapshot: BookingSnapshot, appointments: [Booked], policy: BookingPolicy) {
        self.scenario = scenario
        self.snapshot = snapshot
        self.appointments = appointments
        self.policy = policy
    }

    /// The validated snapshot, or every problem of it: for callers that
    /// report the problems of their own input with the snapshot's, in one list.
    public static func check(_ snapshot: BookingSnapshot) -> (ValidatedFacility?, [ValidationIssue]) {
        ValidationCount.current?.add()
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }

        if snapshot.format != BookingSnapshot.formatName {
            add("format", "expected \"\(BookingSnapshot.formatName)\", found \"\(snapshot.format)\"")
        }
        // The scenario file's own validation, on the facility parts alone.
        var facility: Scenario?
        do {
            facility = try Scenario(
                file: ScenarioFile(
                    facility: snapshot.facility, bays: snapshot.bays,
                    mechanics: snapshot.mechanics.map {
                        ScenarioFile.Mechanic(id: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts)
                    },
                    jobs: [], weights: snapshot.weights))
        } catch {
            issues += error.issues
        }
        let index = Index(snapshot)

        // Estimates and work orders.
        let estimates = snapshot.estimates ?? [], workOrders = snapshot.workOrders ?? []
        var estimateIDs = Set<String>(), workOrderIDs = Set<String>()
        for (i, estimate) in estimates.enumerated() {
            let path = "estimates[\(i)]"
            if !estimateIDs.insert(estimate.id).inserted {
                add(path + ".id", "duplicate estimate id \"\(estimate.id)\"")
            }
            if !Self.estimateStatuses.contains(estimate.status) {
                add(
                    path + ".status",
                    "unknown status \"\(estimate.status)\"; use one of \(Self.estimateStatuses.joined(separator: ", "))"
                )
            }
            Self.checkLines(estimate.lines, path: path + ".lines", &issues)
        }
        for (i, order) in workOrders.enumerated() {
            let path = "workOrders[\(i)]"
            if !workOrderIDs.insert(order.id).inserted { add(path + ".id", "duplicate work order id \"\(order.id)\"") }
            if !Self.workOrderStatuses.contains(order.status) {
                add(
                    path + ".status",
                    "unknown status \"\(order.status)\"; use one of \(Self.workOrderStatuses.joined(separator: ", "))")
            }
            if let minutes = order.workExecutionMinutes, minutes <= 0 || minutes > Scenario.maxDurationMinutes {
                add(path + ".workExecutionMinutes", "must be from 1 to \(Scenario.maxDurationMinutes), not \(minutes)")
            }
            Self.checkLines(order.lines, path: path + ".lines", &issues)
        }

        // Booked appointments. The facility's slot grid is compiled once, and only when an
        // appointment may pause (its work is walked on it).
        var grid: Instance?
        var booked: [Booked] = []
        var appointmentIDs = Set<String>()
        for (i, appointment) in snapshot.appointments.enumerated() {
            if appointment.id.isEmpty { add("appointments[\(i)].id", "must not be empty") }
            if !appointmentIDs.insert(appointment.id).inserted {
                add("appointments[\(i)].id", "duplicate appointment id \"\(appointment.id)\"")
            }
            let (parsed, problems) = Self.check(appointment, at: i, in: snapshot, index, facility, grid: &grid)
            issues += problems
            if let parsed { booked.append(parsed) }
        }

        // Policy.
        let policy = snapshot.policy ?? BookingPolicy()
        if let text = policy.assignmentStrategy, AssignmentStrategy(rawValue: text) == nil {
            add("policy.assignmentStrategy", "unknown strategy \"\(text)\"; use auto, deferred or manual")
        }
        for key in (policy.serviceTypeStrategies ?? [:]).keys.sorted() {
            let text = policy.serviceTypeStrategies![key]!
            if AssignmentStrategy(rawValue: text) == nil {
                add("policy.serviceTypeStrategies.\(key)", "unknown strategy \"\(text)\"; use auto, deferred or manual")
            }
        }
        for (name, value) in [
            ("softCapacityThreshold", policy.softCapacityThreshold),
            ("mechanicOverloadThreshold", policy.mechanicOverloadThreshold),
        ] {
            if let value, !(value > 0 && value <= 1) {
                add("policy.\(name)", "must be a share above 0 and at most 1, not \(value)")
            }
        }
        if let days = policy.bookingHorizonDays, days < 1 || days > 3660 {
            add("policy.bookingHorizonDays", "must be from 1 to 3660, not \(days)")
        }
        if let minutes = policy.noShowGraceMinutes, minutes < 0 || minutes > 1440 {
            add("policy.noShowGraceMinutes", "must be from 0 to 1440 (a day), not \(minutes)")
        }
        for (i, type) in (policy.carryOverServiceTypes ?? []).enumerated() where type.isEmpty {
            add("policy.carryOverServiceTypes[\(i)]", "must not be empty")
        }
        if let minutes = policy.longServiceMinutes, minutes < 1 {
            add("policy.longServiceMinutes", "must be 1 or more, not \(minutes)")
        }
        for key in (policy.standardDurations ?? [:]).keys.sorted() {
            let minutes = policy.standardDurations![key]!
            if minutes <= 0 || minutes > Scenario.maxDurationMinutes {
                add(
                    "policy.standardDurations.\(key)",
                    "must be from 1 to \(Scenario.maxDurationMinutes), not \(minutes)")
            }
        }
        guard issues.isEmpty, let facility else { return (nil, issues) }
        return (ValidatedFacility(scenario: facility, snapshot: snapshot, appointments: booked, policy: policy), [])
    }

    /// Ids and the slot grid straight from the file, so that appointments and
    /// requests are checked even when the facility parts have problems of their own.
    public struct Index: Sendable {
        /// The slot length, or 1 when the file's is not valid.
        public let slotMinutes: Int
        public let bays: [String: Int]
        public let mechanics: [String: Int]

        public init(_ snapshot: BookingSnapshot) {
            let slotMinutes = snapshot.facility.slotMinutes
            self.slotMinutes = slotMinutes > 0 && 1440 % slotMinutes == 0 ? slotMinutes : 1
            bays = Dictionary(snapshot.bays.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            mechanics = Dictionary(snapshot.mechanics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// One appointment's own checks (all but the uniqueness of its id), with paths `appointments[i]…`.
    private static func check(
        _ appointment: BookedAppointment, at i: Int, in snapshot: BookingSnapshot,
        _ index: Index, _ scenario: Scenario?, grid: inout Instance?
    ) -> (Booked?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let path = "appointments[\(i)]"
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
        let status = AppointmentStatus(rawValue: appointment.status)
        if status == nil {
            add(
                path + ".status",
                "unknown status \"\(appointment.status)\"; use one of \(AppointmentStatus.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if let deadline = appointment.assignmentDeadline, LocalDateTime(deadline) == nil {
            add(path + ".assignmentDeadline", "\"\(deadline)\" is not a local time YYYY-MM-DDTHH:MM")
        }
        let start = LocalDateTime(appointment.start)
        if start == nil {
            add(path + ".start", "\"\(appointment.start)\" is not a local time YYYY-MM-DDTHH:MM")
        } else if start!.minuteOfDay % index.slotMinutes != 0 {
            add(path + ".start", "\(start!) is not on a \(index.slotMinutes)-minute slot boundary")
        }
        if appointment.durationMinutes <= 0 || appointment.durationMinutes > Scenario.maxDurationMinutes {
            add(
                path + ".durationMinutes",
                "must be from 1 to \(Scenario.maxDurationMinutes), not \(appointment.durationMinutes)")
        }
        let bay = index.bays[appointment.bay]
        if bay == nil { add(path + ".bay", "unknown bay or mobile unit id \"\(appointment.bay)\"") }
        var mechanic: Int?
        if let id = appointment.mechanic {
            mechanic = index.mechanics[id]
            if mechanic == nil { add(path + ".mechanic", "unknown mechanic id \"\(id)\"") }
        }
        if appointment.estimateId != nil && appointment.workOrderId != nil {
            add(path + ".workOrderId", "an appointment links one source: give estimateId or workOrderId, not both")
        }
        if let version = appointment.version, version < 1 || version > Self.maxRescheduleCount {
            // The same bound: one more per change cannot overflow.
            add(path + ".version", "must be from 1 to \(Self.maxRescheduleCount), not \(version)")
        }
        if let count = appointment.rescheduleCount, count < 0 || count > Self.maxRescheduleCount {
            // The bound: a rescheduled appointment's count and its notification's sequence are this plus one or two.
            add(path + ".rescheduleCount", "must be 0 or more and at most \(Self.maxRescheduleCount), not \(count)")
        }
        guard let status, let start, let bay, appointment.mechanic == nil || mechanic != nil else {
            return (nil, issues)
        }
        let skills =
            appointment.requiredSkills
            ?? SkillRule.union(
                sourceLines(
                    estimateId: appointment.estimateId, workOrderId: appointment.workOrderId,
                    in: snapshot
                ).map { $0.requiredSkills ?? [] })
        var work: [LocalRange]?
        if appointment.resumable == true, let scenario {
            if grid == nil { grid = Instance(scenario) }
            work = ResumableWork.ranges(
                grid!, start: start, durationMinutes: appointment.durationMinutes, mechanic: mechanic)
        }
        return (
            Booked(
                file: appointment, status: status, start: start, bay: bay, mechanic: mechanic,
                requiredSkills: skills, work: work), issues
        )
    }

    private static func checkLines(_ lines: [ServiceLine], path: String, _ issues: inout [ValidationIssue]) {
        if lines.isEmpty { issues.append(ValidationIssue(path: path, message: "must list at least one service")) }
        for (i, line) in lines.enumerated() {
            if line.serviceType.isEmpty {
                issues.append(ValidationIssue(path: "\(path)[\(i)].serviceType", message: "must not be empty"))
            }
            if let minutes = line.estimatedMinutes, minutes <= 0 || minutes > Scenario.maxDurationMinutes {
                issues.append(
                    ValidationIssue(
                        path: "\(path)[\(i)].estimatedMinutes",
                        message: "must be from 1 to \(Scenario.maxDurationMinutes), not \(minutes)"))
            }
            for (k, name) in (line.bayTypes ?? []).enumerated() where BayType(rawValue: name) == nil {
                issues.append(
                    ValidationIssue(path: "\(path)[\(i)].bayTypes[\(k)]", message: "unknown bay type \"\(name)\""))
            }
        }
    }

    /// The lines of an appointment's source (its estimate, else its work order), when the snapshot holds it.
    public static func sourceLines(estimateId: String?, workOrderId: String?, in snapshot: BookingSnapshot)
        -> [ServiceLine]
    {
        (snapshot.estimates ?? []).first { estimateId != nil && $0.id == estimateId }?.lines
            ?? (snapshot.workOrders ?? []).first { workOrderId != nil && $0.id == workOrderId }?.lines ?? []
    }

    /// The lines of an appointment's source, `nil` when the snapshot does not hold it.
    public func sourceLines(of appointment: BookedAppointment) -> [ServiceLine]? {
        (snapshot.estimates ?? []).first { appointment.estimateId != nil && $0.id == appointment.estimateId }?.lines
            ?? (snapshot.workOrders ?? []).first { appointment.workOrderId != nil && $0.id == appointment.workOrderId }?
            .lines
    }

    /// The appointment with id `id`, parsed.
    public func appointment(_ id: String) -> Booked? { appointments.first { $0.file.id == id } }

    /// The display name of mechanic `m` (its id when the People data gives none).
    public func name(ofMechanic m: Int) -> String {
        let id = scenario.mechanics[m].id
        return snapshot.mechanics.first { $0.id == id }?.name ?? id
    }

    // MARK: Derived snapshots

    /// Without the appointments `remove` picks: still valid (ids stay unique, nothing else depends on them).
    public func removingAppointments(where remove: (BookedAppointment) -> Bool) -> ValidatedFacility {
        var snapshot = self.snapshot
        snapshot.appointments.removeAll(where: remove)
        var copy = ValidatedFacility(scenario: scenario, snapshot: snapshot, appointments: appointments, policy: policy)
        copy.appointments.removeAll { remove($0.file) }
        return copy
    }

    /// With estimate `id` at `status` (one of ``estimateStatuses``).
    public func settingEstimate(_ id: String, status: String) -> ValidatedFacility {
        precondition(Self.estimateStatuses.contains(status), "unknown estimate status \(status)")
        var snapshot = self.snapshot
        snapshot.estimates = snapshot.estimates?.map { estimate in
            var estimate = estimate
            if estimate.id == id { estimate.status = status }
            return estimate
        }
        return ValidatedFacility(scenario: scenario, snapshot: snapshot, appointments: appointments, policy: policy)
    }

    /// With the `i`-th appointment replaced by `appointment` (the same id): only
    /// that appointment is checked, with its path `appointments[i]…`.
    public func replacingAppointment(at i: Int, with appointment: BookedAppointment) throws(InputError)
        -> ValidatedFacility
    {
        precondition(snapshot.appointments[i].id == appointment.id, "the replacement keeps the appointment's id")
        var snapshot = self.snapshot
        snapshot.appointments[i] = appointment
        var grid: Instance?
        let (parsed, issues) = Self.check(appointment, at: i, in: snapshot, Index(snapshot), scenario, grid: &grid)
        guard issues.isEmpty, let parsed else { throw InputError(issues) }
        var copy = ValidatedFacility(scenario: scenario, snapshot: snapshot, appointments: appointments, policy: policy)
        copy.appointments[i] = parsed
        return copy
    }
}

/// Counts snapshot validations (``ValidatedFacility/check(_:)``) in a task and
/// the tasks it starts: how a test shows that a use case validates its
/// snapshot once on every path.
///
/// ```swift
/// let count = ValidationCount()
/// try ValidationCount.$current.withValue(count) { _ = try engine.book(request, in: snapshot) }
/// #expect(count.value == 1)
/// ```
public final class ValidationCount: @unchecked Sendable {
    /// The counter of the running task, if any.
    @TaskLocal public static var current: ValidationCount?
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// Validations counted so far.
    public var value: Int { lock.withLock { count } }

    func add() { lock.withLock { count += 1 } }
}
