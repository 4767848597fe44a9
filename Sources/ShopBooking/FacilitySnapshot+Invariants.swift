import ShopDomain

/// A snapshot and a request that passed every check, with times parsed and ids
/// resolved. Built only by ``ValidatedBooking/init(snapshot:request:)``, which
/// reports every problem at once, each with its JSON path (`appointments[2].bay`,
/// `request.preferredStarts[0]`), so no rule below ever meets bad data.
package struct ValidatedBooking {
    /// The facility, bays and mechanics as a (job-less) scenario: the scenario
    /// file's validation checks them, with the same paths as in the snapshot.
    package let facility: Scenario
    package let snapshot: BookingSnapshot
    package let request: AppointmentRequest
    package let appointments: [Booked]
    package let policy: BookingPolicy
    package let source: Source
    package let sourceType: SourceType
    package let preferredStarts: [LocalDateTime]
    package let preferredBayType: BayType?
    /// Index into `facility.mechanics`.
    package let preferredMechanic: Int?
    package let order: [AlternativeOrder]

    /// A booked appointment with its fields parsed.
    package struct Booked {
        package let file: BookedAppointment
        package let status: AppointmentStatus
        package let start: LocalDateTime
        package let bay: Int
        package let mechanic: Int?
        package let requiredSkills: [String]
        package var end: LocalDateTime { start.adding(minutes: file.durationMinutes) }
    }

    /// The estimate or work order, in the terms the rules need.
    package struct Source {
        package let id: String
        package let status: String
        package let customerId: String?
        package let vehicleId: String?
        package let lines: [ServiceLine]
        package let workExecutionMinutes: Int?
        package let allowsMultipleAppointments: Bool
    }

    /// The most reschedules an appointment may have had: far above any real one,
    /// and far enough below `Int.max` that counting one more cannot overflow.
    package static let maxRescheduleCount = 1_000_000
    package static let estimateStatuses = ["DRAFT", "QUOTED", "APPROVED", "DECLINED", "EXPIRED", "SCHEDULED", "CONVERTED"]
    package static let workOrderStatuses = ["OPEN", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "CANCELLED"]

    package init(snapshot: BookingSnapshot, request: AppointmentRequest) throws(InputError) {
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }

        if snapshot.format != BookingSnapshot.formatName {
            add("format", "expected \"\(BookingSnapshot.formatName)\", found \"\(snapshot.format)\"")
        }
        // The scenario file's own validation, on the facility parts alone.
        var facility: Scenario?
        do {
            facility = try Scenario(file: ScenarioFile(
                facility: snapshot.facility, bays: snapshot.bays,
                mechanics: snapshot.mechanics.map {
                    ScenarioFile.Mechanic(id: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts)
                },
                jobs: [], weights: snapshot.weights))
        } catch {
            issues += error.issues
        }
        // Ids and the slot grid straight from the file, so that appointments are
        // checked even when the facility parts have problems of their own.
        let slotMinutes = snapshot.facility.slotMinutes
        let slot = slotMinutes > 0 && 1440 % slotMinutes == 0 ? slotMinutes : 1
        let bayIndex = Dictionary(snapshot.bays.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mechanicIndex = Dictionary(snapshot.mechanics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Estimates and work orders.
        let estimates = snapshot.estimates ?? [], workOrders = snapshot.workOrders ?? []
        var estimateIDs = Set<String>(), workOrderIDs = Set<String>()
        for (i, estimate) in estimates.enumerated() {
            let path = "estimates[\(i)]"
            if !estimateIDs.insert(estimate.id).inserted { add(path + ".id", "duplicate estimate id \"\(estimate.id)\"") }
            if !Self.estimateStatuses.contains(estimate.status) {
                add(path + ".status", "unknown status \"\(estimate.status)\"; use one of \(Self.estimateStatuses.joined(separator: ", "))")
            }
            Self.checkLines(estimate.lines, path: path + ".lines", &issues)
        }
        for (i, order) in workOrders.enumerated() {
            let path = "workOrders[\(i)]"
            if !workOrderIDs.insert(order.id).inserted { add(path + ".id", "duplicate work order id \"\(order.id)\"") }
            if !Self.workOrderStatuses.contains(order.status) {
                add(path + ".status", "unknown status \"\(order.status)\"; use one of \(Self.workOrderStatuses.joined(separator: ", "))")
            }
            if let minutes = order.workExecutionMinutes, minutes <= 0 || minutes > Scenario.maxDurationMinutes {
                add(path + ".workExecutionMinutes", "must be from 1 to \(Scenario.maxDurationMinutes), not \(minutes)")
            }
            Self.checkLines(order.lines, path: path + ".lines", &issues)
        }

        // Booked appointments.
        var booked: [Booked] = []
        var appointmentIDs = Set<String>()
        for (i, appointment) in snapshot.appointments.enumerated() {
            let path = "appointments[\(i)]"
            if appointment.id.isEmpty { add(path + ".id", "must not be empty") }
            if !appointmentIDs.insert(appointment.id).inserted {
                add(path + ".id", "duplicate appointment id \"\(appointment.id)\"")
            }
            let status = AppointmentStatus(rawValue: appointment.status)
            if status == nil {
                add(path + ".status", "unknown status \"\(appointment.status)\"; use one of \(AppointmentStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let start = LocalDateTime(appointment.start)
            if start == nil {
                add(path + ".start", "\"\(appointment.start)\" is not a local time YYYY-MM-DDTHH:MM")
            } else if start!.minuteOfDay % slot != 0 {
                add(path + ".start", "\(start!) is not on a \(slot)-minute slot boundary")
            }
            if appointment.durationMinutes <= 0 || appointment.durationMinutes > Scenario.maxDurationMinutes {
                add(path + ".durationMinutes", "must be from 1 to \(Scenario.maxDurationMinutes), not \(appointment.durationMinutes)")
            }
            let bay = bayIndex[appointment.bay]
            if bay == nil { add(path + ".bay", "unknown bay or mobile unit id \"\(appointment.bay)\"") }
            var mechanic: Int?
            if let id = appointment.mechanic {
                mechanic = mechanicIndex[id]
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
            if let status, let start, let bay, appointment.mechanic == nil || mechanic != nil {
                let skills = appointment.requiredSkills
                    ?? Self.sourceSkills(estimateId: appointment.estimateId, workOrderId: appointment.workOrderId,
                                         estimates: estimates, workOrders: workOrders)
                booked.append(Booked(file: appointment, status: status, start: start, bay: bay, mechanic: mechanic,
                                     requiredSkills: skills))
            }
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
        for (name, value) in [("softCapacityThreshold", policy.softCapacityThreshold),
                              ("mechanicOverloadThreshold", policy.mechanicOverloadThreshold)] {
            if let value, !(value > 0 && value <= 1) { add("policy.\(name)", "must be a share above 0 and at most 1, not \(value)") }
        }
        if let days = policy.bookingHorizonDays, days < 1 || days > 3660 {
            add("policy.bookingHorizonDays", "must be from 1 to 3660, not \(days)")
        }
        if let minutes = policy.longServiceMinutes, minutes < 1 {
            add("policy.longServiceMinutes", "must be 1 or more, not \(minutes)")
        }
        for key in (policy.standardDurations ?? [:]).keys.sorted() {
            let minutes = policy.standardDurations![key]!
            if minutes <= 0 || minutes > Scenario.maxDurationMinutes {
                add("policy.standardDurations.\(key)", "must be from 1 to \(Scenario.maxDurationMinutes), not \(minutes)")
            }
        }

        // The request.
        if let format = request.format, format != AppointmentRequest.formatName {
            add("request.format", "expected \"\(AppointmentRequest.formatName)\", found \"\(format)\"")
        }
        if request.requestId.isEmpty { add("request.requestId", "must not be empty (it is the idempotency key)") }
        if request.facility != snapshot.facility.id {
            add("request.facility", "\"\(request.facility)\" is not the snapshot's facility \"\(snapshot.facility.id)\"")
        }
        if request.caller.id.isEmpty { add("request.caller.id", "must not be empty") }
        for (i, grant) in request.caller.permissions.enumerated() where Permission(rawValue: grant.permission) == nil {
            add("request.caller.permissions[\(i)].permission",
                "unknown permission \"\(grant.permission)\"; use one of \(Permission.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let sourceType = SourceType(rawValue: request.source.type)
        var source: Source?
        switch sourceType {
        case .estimate?:
            if let e = estimates.first(where: { $0.id == request.source.id }) {
                source = Source(id: e.id, status: e.status, customerId: e.customerId, vehicleId: e.vehicleId,
                                lines: e.lines, workExecutionMinutes: nil,
                                allowsMultipleAppointments: e.allowsMultipleAppointments ?? false)
            } else {
                add("request.source.id", "no estimate \"\(request.source.id)\" in the snapshot's estimates")
            }
        case .workOrder?:
            if let w = workOrders.first(where: { $0.id == request.source.id }) {
                source = Source(id: w.id, status: w.status, customerId: w.customerId, vehicleId: w.vehicleId,
                                lines: w.lines, workExecutionMinutes: w.workExecutionMinutes,
                                allowsMultipleAppointments: w.allowsMultipleAppointments ?? false)
            } else {
                add("request.source.id", "no work order \"\(request.source.id)\" in the snapshot's workOrders")
            }
        case nil:
            add("request.source.type", "unknown source type \"\(request.source.type)\"; use ESTIMATE or WORK_ORDER")
        }
        var starts: [LocalDateTime] = []
        if request.preferredStarts.isEmpty { add("request.preferredStarts", "must give at least one wanted start") }
        for (i, text) in request.preferredStarts.enumerated() {
            guard let time = LocalDateTime(text) else {
                add("request.preferredStarts[\(i)]", "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM")
                continue
            }
            if time.minuteOfDay % slot != 0 {
                add("request.preferredStarts[\(i)]", "\(time) is not on a \(slot)-minute slot boundary")
            }
            starts.append(time)
        }
        var bayType: BayType?
        if let text = request.bayType {
            bayType = BayType(rawValue: text)
            if bayType == nil { add("request.bayType", "unknown bay type \"\(text)\"") }
        }
        var preferredMechanic: Int?
        if let id = request.mechanic {
            preferredMechanic = mechanicIndex[id]
            if preferredMechanic == nil { add("request.mechanic", "unknown mechanic id \"\(id)\"") }
        }
        if let override = request.durationOverride, override.minutes <= 0 || override.minutes > Scenario.maxDurationMinutes {
            add("request.durationOverride.minutes", "must be from 1 to \(Scenario.maxDurationMinutes), not \(override.minutes)")
        }
        if let count = request.alternatives, count < 0 || count > 50 {
            add("request.alternatives", "must be from 0 to 50, not \(count)")
        }
        var order: [AlternativeOrder] = []
        for (i, text) in (request.alternativeOrder ?? []).enumerated() {
            if let value = AlternativeOrder(rawValue: text) { order.append(value) } else {
                add("request.alternativeOrder[\(i)]", "unknown order \"\(text)\"; use sameDayFirst, earliest or preferredMechanic")
            }
        }
        // Every line needs a duration from somewhere, unless Work Execution or an override gives the whole.
        if let source, source.workExecutionMinutes == nil, request.durationOverride == nil {
            let prefix = sourceType == .estimate ? "estimates" : "workOrders"
            let index = (sourceType == .estimate ? estimates.map(\.id) : workOrders.map(\.id)).firstIndex(of: source.id) ?? 0
            for (i, line) in source.lines.enumerated()
            where line.estimatedMinutes == nil && policy.standardDurations?[line.serviceType] == nil {
                add("\(prefix)[\(index)].lines[\(i)].estimatedMinutes",
                    "missing, and the policy has no standard duration for service type \"\(line.serviceType)\"")
            }
        }

        guard issues.isEmpty, let facility, let source, let sourceType else { throw InputError(issues) }
        self.facility = facility
        self.snapshot = snapshot
        self.request = request
        self.appointments = booked
        self.policy = policy
        self.source = source
        self.sourceType = sourceType
        self.preferredStarts = starts
        self.preferredBayType = bayType
        self.preferredMechanic = preferredMechanic
        self.order = order
    }

    private static func checkLines(_ lines: [ServiceLine], path: String, _ issues: inout [ValidationIssue]) {
        if lines.isEmpty { issues.append(ValidationIssue(path: path, message: "must list at least one service")) }
        for (i, line) in lines.enumerated() {
            if line.serviceType.isEmpty {
                issues.append(ValidationIssue(path: "\(path)[\(i)].serviceType", message: "must not be empty"))
            }
            if let minutes = line.estimatedMinutes, minutes <= 0 || minutes > Scenario.maxDurationMinutes {
                issues.append(ValidationIssue(path: "\(path)[\(i)].estimatedMinutes",
                                              message: "must be from 1 to \(Scenario.maxDurationMinutes), not \(minutes)"))
            }
            for (k, name) in (line.bayTypes ?? []).enumerated() where BayType(rawValue: name) == nil {
                issues.append(ValidationIssue(path: "\(path)[\(i)].bayTypes[\(k)]", message: "unknown bay type \"\(name)\""))
            }
        }
    }

    /// The required skills of an appointment's source, when the snapshot holds it.
    private static func sourceSkills(estimateId: String?, workOrderId: String?, estimates: [Estimate],
                                     workOrders: [WorkOrder]) -> [String] {
        let lines = estimates.first { $0.id == estimateId }?.lines ?? workOrders.first { $0.id == workOrderId }?.lines ?? []
        return SkillMatch.union(lines.map { $0.requiredSkills ?? [] })
    }
}
