import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner

/// Options of the booking engine that are not part of the facility's policy.
public struct BookingOptions: Sendable, Hashable {
    /// Alternatives returned when the request does not say (3).
    public var defaultAlternatives = 3
    /// Offer placements that need moving not-yet-confirmed appointments when
    /// nothing fits on the first wanted day.
    public var alternativesWithMoves = true
    /// Seconds the MILP may take for the alternatives with moves.
    public var movesTimeLimitSeconds = 0.8
    public init() {}
}

/// The booking adapter: creates an appointment from an estimate or a work
/// order, or says why not, as a pure function of a snapshot and a request.
///
/// The clock and the id generator are injected; ids derive from the request's
/// idempotency key, so the same request and snapshot always give the same
/// decision (ids, events and audit records included). The engine writes
/// nothing: the backend persists the ``BookingDecision`` as it is.
///
/// ```swift
/// let engine = BookingEngine(clock: FixedClock(LocalDateTime("2026-11-23T08:00")!))
/// let decision = try engine.book(request, in: snapshot)   // throws InputError on bad input
/// switch decision.outcome { case .created: …; case .conflicts: …; case .denied: … }
/// ```
public struct BookingEngine: Sendable {
    public var clock: any ShopClock
    public var ids: any BookingIDGenerator
    public var options: BookingOptions

    public init(
        clock: any ShopClock = SystemClock(), ids: any BookingIDGenerator = StableIDGenerator(),
        options: BookingOptions = BookingOptions()
    ) {
        self.clock = clock
        self.ids = ids
        self.options = options
    }

    /// Decides one request. Throws ``/ShopDomain/InputError`` (every problem, each with its
    /// JSON path) when the snapshot or the request is malformed.
    public func book(_ request: AppointmentRequest, in snapshot: BookingSnapshot) throws(InputError) -> BookingDecision
    {
        try decide(ValidatedBooking.validate(snapshot: snapshot, request: request))
    }

    /// The decision with its claims and its basis: of the snapshot decided on
    /// (for a retry, the one before its own booking), so a retry gets the same.
    private func decide(_ booking: ValidatedBooking) throws(InputError) -> BookingDecision {
        var decision = try decideRules(booking)
        if decision.replayOf == nil {
            decision.claims = decision.appointment.map(Self.claims) ?? []
            decision.basis = Self.basis(of: decision, booking)
        }
        return decision
    }

    /// What a created appointment takes.
    static func claims(_ a: CreatedAppointment) -> [Claim] {
        Claim.of(
            appointment: a.id, start: LocalDateTime(a.start)!, durationMinutes: a.durationMinutes,
            bay: a.bay ?? a.mobileUnit ?? "", mechanic: a.mechanic, needsMechanic: true,
            work: a.work.map(ResumableWork.read))
    }

    /// The days of the wanted starts and of the created appointment; the source booked.
    static func basis(of decision: BookingDecision, _ booking: ValidatedBooking) -> DecisionBasis {
        var days = Set(booking.preferredStarts.map(\.date))
        if let a = decision.appointment, let start = LocalDateTime(a.start), let end = LocalDateTime(a.end) {
            days.formUnion(DecisionBasis.days(from: start, to: end))
        }
        return DecisionBasis(
            booking.facility.snapshot, days: days, subjects: ["\(booking.sourceType.rawValue):\(booking.source.id)"])
    }

    private func decideRules(_ booking: ValidatedBooking) throws(InputError) -> BookingDecision {
        let request = booking.request, snapshot = booking.facility.snapshot
        // A retry after the backend stored what this request created: decide on the
        // snapshot as it was before, which gives the same ids, events and audit records.
        if let stored = snapshot.appointments.first(where: { $0.requestKey == request.requestId }) {
            // The key names one request: reused for another source, it would replay someone else's
            // booking. (A stored appointment that names no source is taken at its word.)
            let storedSource = booking.sourceType == .estimate ? stored.estimateId : stored.workOrderId
            if stored.estimateId != nil || stored.workOrderId != nil, storedSource != request.source.id {
                let other =
                    stored.estimateId.map { "estimate \($0)" } ?? stored.workOrderId.map { "work order \($0)" } ?? ""
                throw InputError([
                    ValidationIssue(
                        path: "request.requestId",
                        message:
                            "\(request.requestId) already created \(stored.id) for \(other), not for \(request.source.type) \(request.source.id): a new request needs a new requestId"
                    )
                ])
            }
            var before = booking.facility.removingAppointments { $0.requestKey == request.requestId }
            // The booking moved the estimate to SCHEDULED; before it, it was bookable
            // (APPROVED or QUOTED decide alike).
            if request.source.type == SourceType.estimate.rawValue,
                (snapshot.estimates ?? []).contains(where: { $0.id == request.source.id && $0.status == "SCHEDULED" })
            {
                before = before.settingEstimate(request.source.id, status: "APPROVED")
            }
            var decision = try decide(booking.on(before))
            decision.replayOf = stored.id
            if let again = decision.appointment,
                again.id != stored.id || again.start != stored.start || (again.bay ?? again.mobileUnit) != stored.bay
            {
                decision.warnings.append(
                    Warning(
                        code: "REPLAY_DIFFERS",
                        message:
                            "request \(request.requestId) already created \(stored.id) at \(stored.start) on \(stored.bay); the shop has changed since, so deciding again gives \(again.id) at \(again.start): keep the stored one"
                    ))
            }
            return decision
        }
        let now = clock.now(timeZone: snapshot.facility.timeZone)
        let ids = DecisionIDs(self.ids, requestKey: request.requestId, facility: request.facility)
        var audit = AuditTrail(
            ids: ids, at: now.description, actor: request.caller.id, actorRole: request.caller.role,
            facility: request.facility, requestId: request.requestId)
        var decision = BookingDecision(
            requestId: request.requestId, outcome: .denied, denials: [], conflicts: [],
            warnings: [], alternatives: [], alternativesWithMoves: [], events: [], audit: [])
        audit.add(
            AuditType.attempted,
            [
                "sourceType": booking.sourceType.rawValue, "sourceId": booking.source.id,
                "preferredStarts": booking.preferredStarts.map(\.description).joined(separator: ","),
            ])

        // Rules 1 and 2: who may book what, and for how long.
        let duration = DurationRule.decide(booking)
        let denials = Eligibility.denials(booking) + duration.denials
        decision.warnings += duration.warnings
        guard denials.isEmpty else {
            return deny(decision, denials, &audit)
        }
        audit.add(AuditType.durationDecided, ["minutes": String(duration.minutes), "basis": duration.basis])

        // Rules 3 to 5 at each wanted start, in the caller's order.
        let model = try ShopState(booking.facility, placing: booking.job(durationMinutes: duration.minutes))
        let (strategy, why) = AssignmentRule.strategy(booking, durationMinutes: duration.minutes)
        let override = ConflictOverridePolicy(
            request.conflictOverride, caller: request.caller, facility: request.facility)
        let overrideGranted = override.granted
        var checks: [PlacementCheck] = []
        var chosen: PlacementCheck?
        for start in booking.preferredStarts {
            let check = Conflicts.check(model, start: start, now: now, strategy: strategy)
            checks.append(check)
            if check.blocking(overrideGranted: overrideGranted).isEmpty {
                chosen = check
                break
            }
        }
        for check in checks { audit.addDetected(check.conflicts) }
        let wantedCount = request.alternatives ?? options.defaultAlternatives

        guard var chosen else {
            // An override was asked for and would have helped, but is not allowed: say so.
            if checks.contains(where: override.wouldHelp) {
                decision.conflicts = checks.flatMap(\.conflicts)
                return deny(decision, override.refusals, &audit)
            }
            decision.outcome = .conflicts
            decision.conflicts = checks.flatMap(\.conflicts)
            decision.alternatives = Alternatives.plain(model, now: now, strategy: strategy, count: wantedCount)
            if options.alternativesWithMoves, wantedCount > 0, let first = booking.preferredStarts.first,
                !decision.alternatives.contains(where: { $0.start.hasPrefix(first.date.description) })
            {
                let (moves, warning) = AlternativesWithMoves.find(
                    booking, durationMinutes: duration.minutes, day: first.date,
                    now: now, strategy: strategy, count: wantedCount,
                    timeLimit: options.movesTimeLimitSeconds)
                decision.alternativesWithMoves = moves
                if let warning { decision.warnings.append(warning) }
            }
            audit.add(
                AuditType.denied,
                [
                    "outcome": "conflicts",
                    "codes": decision.conflicts.map(\.code.rawValue).joined(separator: ","),
                ])
            decision.audit = audit.records
            return decision
        }

        // Created.
        override.apply(to: &chosen, &audit, auditReason: override.reason)
        for check in checks.dropLast() {
            decision.warnings.append(
                Warning(
                    code: "PREFERRED_START_SKIPPED",
                    message:
                        "\(check.start) was skipped: \(check.blocking(overrideGranted: overrideGranted).map(\.code.rawValue).joined(separator: ", "))"
                ))
        }
        let appointment = makeAppointment(booking, model, chosen, strategy: strategy, now: now, ids: ids)
        audit.add(
            AuditType.assignmentDecision, appointment: appointment.id,
            [
                "strategy": strategy.rawValue, "why": why, "assignmentStatus": appointment.assignmentStatus.rawValue,
                "bay": appointment.bay ?? appointment.mobileUnit ?? "", "mechanic": appointment.mechanic ?? "",
                "deadline": appointment.assignmentDeadline ?? "",
                "staffedBy": chosen.candidate.map { model.scenario.mechanics[$0].id } ?? "",
            ])
        audit.add(
            AuditType.created, appointment: appointment.id,
            [
                "start": appointment.start, "end": appointment.end,
                "durationMinutes": String(appointment.durationMinutes),
            ])
        CreationAudit.record(appointment, sourceStatus: booking.source.status, &audit)
        decision.outcome = .created
        decision.appointment = appointment
        decision.conflicts = chosen.conflicts
        if booking.sourceType == .estimate {
            decision.sourceUpdate = SourceUpdate(type: .estimate, id: booking.source.id, status: "SCHEDULED")
        }
        if request.alwaysOfferAlternatives == true {
            decision.alternatives = Alternatives.plain(
                model, now: now, strategy: strategy, count: wantedCount,
                excluding: chosen.start)
        }
        decision.events = Events.forCreated(appointment, ids: ids)
        decision.audit = audit.records
        return decision
    }

    private func deny(_ decision: BookingDecision, _ denials: [Denial], _ audit: inout AuditTrail) -> BookingDecision {
        var decision = decision
        decision.outcome = .denied
        decision.denials = denials
        audit.add(
            AuditType.denied, ["outcome": "denied", "codes": denials.map(\.code.rawValue).joined(separator: ",")])
        decision.audit = audit.records
        return decision
    }

    private func makeAppointment(
        _ booking: ValidatedBooking, _ model: ShopState, _ check: PlacementCheck,
        strategy: AssignmentStrategy, now: LocalDateTime, ids: DecisionIDs
    ) -> CreatedAppointment {
        let scenario = model.scenario
        let source = booking.source
        let bay = check.bay.map { scenario.bays[$0] }
        let deferred = check.mechanic == nil && !model.qualified.isEmpty
        return CreatedAppointment(
            id: ids.next("APT"), status: AppointmentStatus.scheduled.rawValue, version: 1,
            facility: booking.request.facility, sourceType: booking.sourceType,
            estimateId: booking.sourceType == .estimate ? source.id : nil,
            workOrderId: booking.sourceType == .workOrder ? source.id : nil,
            customerId: source.customerId ?? "", vehicleId: source.vehicleId ?? "",
            start: check.start.description,
            end: (check.end ?? check.start.adding(minutes: model.durationMinutes)).description,
            durationMinutes: model.durationMinutes,
            bay: bay?.type == .mobileUnit ? nil : bay?.id, mobileUnit: bay?.type == .mobileUnit ? bay?.id : nil,
            mechanic: check.mechanic.map { scenario.mechanics[$0].id },
            // An overridden MECHANIC_REQUIRED_NONE_FREE: no mechanic is known to be free, so
            // not DEFERRED (which promises one) but a person's to find by the deadline.
            assignmentStatus: model.qualified.isEmpty
                ? .awaitingSkillFulfillment
                : check.mechanic != nil
                    ? .assigned
                    : check.candidate == nil
                        ? .awaitingManualAssignment
                        : check.assignmentStatus == .assigned ? .deferred : check.assignmentStatus,
            assignmentDeadline: deferred
                ? AssignmentRule.deadline(start: check.start, now: now, facility: scenario.facility).description : nil,
            requiredSkills: model.requiredSkills, requestKey: booking.request.requestId,
            createdBy: booking.request.caller.id, createdAt: now.description,
            resumable: model.isResumable ? true : nil, work: check.work.map(ResumableWork.written))
    }
}
