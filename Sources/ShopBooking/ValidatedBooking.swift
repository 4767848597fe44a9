import ShopDomain
import ShopOperations

/// A validated facility and a request that passed every check, with times
/// parsed and ids resolved. Built by ``ValidatedBooking/validate(snapshot:request:)``,
/// which reports the snapshot's and the request's problems at once, each with
/// its JSON path (`appointments[2].bay`, `request.preferredStarts[0]`), so no
/// rule below ever meets bad data.
struct ValidatedBooking {
    let facility: ValidatedFacility
    let request: AppointmentRequest
    let sourceType: SourceType
    let preferredStarts: [LocalDateTime]
    let preferredBayType: BayType?
    /// Index into `facility.scenario.mechanics`.
    let preferredMechanic: Int?
    let order: [AlternativeOrder]

    var appointments: [ValidatedFacility.Booked] { facility.appointments }
    var policy: BookingPolicy { facility.policy }
    /// The estimate or work order, as the facility holds it now.
    var source: Source { Source(facility.snapshot, type: sourceType, id: request.source.id)! }

    /// The estimate or work order, in the terms the rules need.
    struct Source {
        let id: String
        let status: String
        let customerId: String?
        let vehicleId: String?
        let lines: [ServiceLine]
        let workExecutionMinutes: Int?
        let allowsMultipleAppointments: Bool
    }

    /// The same request on a facility derived from this one's (the snapshot
    /// before a retried request's own booking): the request is not checked again.
    func on(_ facility: ValidatedFacility) -> ValidatedBooking {
        ValidatedBooking(
            facility: facility, request: request, sourceType: sourceType, preferredStarts: preferredStarts,
            preferredBayType: preferredBayType, preferredMechanic: preferredMechanic, order: order)
    }

    /// The request as work to place on the facility, for `durationMinutes`.
    func job(durationMinutes: Int) -> JobToPlace {
        let lines = source.lines
        return JobToPlace(
            jobID: "REQUEST " + request.requestId, label: source.id, customerId: source.customerId,
            durationMinutes: durationMinutes, requiredSkills: SkillRule.requiredSkills(lines),
            preferredSkills: SkillRule.preferredSkills(lines), bayTypes: ServiceLine.bayTypes(of: lines),
            preferredStarts: preferredStarts, preferredBayType: preferredBayType,
            preferredMechanic: preferredMechanic, order: order,
            resumable: CarryOverRule.mayPause(lines, durationMinutes: durationMinutes, in: facility))
    }

    /// Validates the snapshot (once) and the request against it.
    static func validate(snapshot: BookingSnapshot, request: AppointmentRequest) throws(InputError) -> ValidatedBooking
    {
        let (facility, facilityIssues) = ValidatedFacility.check(snapshot)
        var issues = facilityIssues
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
        let index = ValidatedFacility.Index(snapshot)
        let estimates = snapshot.estimates ?? [], workOrders = snapshot.workOrders ?? []
        let policy = snapshot.policy ?? BookingPolicy()

        if let format = request.format, format != AppointmentRequest.formatName {
            add("request.format", "expected \"\(AppointmentRequest.formatName)\", found \"\(format)\"")
        }
        issues += RequestChecks.common(
            requestId: request.requestId, facility: request.facility, caller: request.caller,
            snapshot: snapshot)
        let sourceType = SourceType(rawValue: request.source.type)
        var source: Source?
        switch sourceType {
        case .estimate?:
            source = Source(snapshot, type: .estimate, id: request.source.id)
            if source == nil {
                add("request.source.id", "no estimate \"\(request.source.id)\" in the snapshot's estimates")
            }
        case .workOrder?:
            source = Source(snapshot, type: .workOrder, id: request.source.id)
            if source == nil {
                add("request.source.id", "no work order \"\(request.source.id)\" in the snapshot's workOrders")
            }
        case nil:
            add("request.source.type", "unknown source type \"\(request.source.type)\"; use ESTIMATE or WORK_ORDER")
        }
        var starts: [LocalDateTime] = []
        if request.preferredStarts.isEmpty { add("request.preferredStarts", "must give at least one wanted start") }
        for (i, text) in request.preferredStarts.enumerated() {
            let (time, problems) = RequestChecks.start(
                text, path: "request.preferredStarts[\(i)]", slotMinutes: index.slotMinutes)
            issues += problems
            if let time { starts.append(time) }
        }
        var bayType: BayType?
        if let text = request.bayType {
            bayType = BayType(rawValue: text)
            if bayType == nil { add("request.bayType", "unknown bay type \"\(text)\"") }
        }
        var preferredMechanic: Int?
        if let id = request.mechanic {
            preferredMechanic = index.mechanics[id]
            if preferredMechanic == nil { add("request.mechanic", "unknown mechanic id \"\(id)\"") }
        }
        if let override = request.durationOverride,
            override.minutes <= 0 || override.minutes > Scenario.maxDurationMinutes
        {
            add(
                "request.durationOverride.minutes",
                "must be from 1 to \(Scenario.maxDurationMinutes), not \(override.minutes)")
        }
        issues += RequestChecks.alternatives(request.alternatives)
        var order: [AlternativeOrder] = []
        for (i, text) in (request.alternativeOrder ?? []).enumerated() {
            if let value = AlternativeOrder(rawValue: text) {
                order.append(value)
            } else {
                add(
                    "request.alternativeOrder[\(i)]",
                    "unknown order \"\(text)\"; use sameDayFirst, earliest or preferredMechanic")
            }
        }
        // Every line needs a duration from somewhere, unless Work Execution or an override gives the whole.
        if let source, source.workExecutionMinutes == nil, request.durationOverride == nil {
            let prefix = sourceType == .estimate ? "estimates" : "workOrders"
            let index =
                (sourceType == .estimate ? estimates.map(\.id) : workOrders.map(\.id)).firstIndex(of: source.id) ?? 0
            for (i, line) in source.lines.enumerated()
            where line.estimatedMinutes == nil && policy.standardDurations?[line.serviceType] == nil {
                add(
                    "\(prefix)[\(index)].lines[\(i)].estimatedMinutes",
                    "missing, and the policy has no standard duration for service type \"\(line.serviceType)\"")
            }
        }

        guard issues.isEmpty, let facility, source != nil, let sourceType else { throw InputError(issues) }
        return ValidatedBooking(
            facility: facility, request: request, sourceType: sourceType, preferredStarts: starts,
            preferredBayType: bayType, preferredMechanic: preferredMechanic, order: order)
    }
}

extension ValidatedBooking.Source {
    init?(_ snapshot: BookingSnapshot, type: SourceType, id: String) {
        switch type {
        case .estimate:
            guard let e = (snapshot.estimates ?? []).first(where: { $0.id == id }) else { return nil }
            self.init(
                id: e.id, status: e.status, customerId: e.customerId, vehicleId: e.vehicleId, lines: e.lines,
                workExecutionMinutes: nil, allowsMultipleAppointments: e.allowsMultipleAppointments ?? false)
        case .workOrder:
            guard let w = (snapshot.workOrders ?? []).first(where: { $0.id == id }) else { return nil }
            self.init(
                id: w.id, status: w.status, customerId: w.customerId, vehicleId: w.vehicleId, lines: w.lines,
                workExecutionMinutes: w.workExecutionMinutes,
                allowsMultipleAppointments: w.allowsMultipleAppointments ?? false)
        }
    }
}
