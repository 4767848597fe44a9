import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner

/// Options of the reschedule engine that are not part of the facility's policy.
public struct RescheduleOptions: Sendable, Hashable {
    /// Alternatives returned when the request does not say (3).
    public var defaultAlternatives = 3
    /// Reschedules allowed without a manager's approval (2).
    public var reschedulesWithoutApproval = 2
    public init() {}
}

/// Moves one booked appointment as a scheduler asks, or says why not: a pure
/// function of a snapshot and a ``RescheduleRequest``.
///
/// Built on the booking adapter: the appointment is taken off the snapshot and
/// its new start is checked exactly as booking checks a wanted start (the same
/// conflicts, codes, override and ranked alternatives). Clock and ids are
/// injected; the same request and snapshot give the same bytes.
///
/// ```swift
/// let engine = RescheduleEngine(clock: FixedClock(LocalDateTime("2026-11-23T08:00")!))
/// let decision = try engine.reschedule(request, in: snapshot)   // throws InputError on bad input
/// ```
public struct RescheduleEngine: Sendable {
    public var clock: any ShopClock
    public var ids: any BookingIDGenerator
    public var options: RescheduleOptions

    public init(
        clock: any ShopClock, ids: any BookingIDGenerator = StableIDGenerator(),
        options: RescheduleOptions = RescheduleOptions()
    ) {
        self.clock = clock
        self.ids = ids
        self.options = options
    }

    /// Statuses that may be moved (rule 1).
    public static let eligibleStatuses: [AppointmentStatus] = [.scheduled, .confirmed, .awaitingParts]

    /// Decides one request. Throws ``InputError`` (every problem, each with its
    /// JSON path) when the snapshot or the request is malformed.
    public func reschedule(_ request: RescheduleRequest, in snapshot: BookingSnapshot) throws(InputError)
        -> RescheduleDecision
    {
        var input = try ValidatedReschedule.validate(
            snapshot: snapshot, request: request,
            now: clock.now(timeZone: snapshot.facility.timeZone))
        // A retry after the backend stored this move: decide on the snapshot as it was before.
        var replay = false
        while let before = try input.beforeReplay() {
            input = before
            replay = true
        }
        var decision = decide(input)
        if replay { decision.replayOf = request.appointmentId }
        if let moved = decision.appointment, let start = LocalDateTime(moved.start) {
            decision.claims = Claim.of(
                appointment: moved.id, start: start, durationMinutes: moved.durationMinutes, bay: moved.bay,
                mechanic: moved.mechanic, needsMechanic: moved.needsMechanic != false,
                work: decision.update?.toWork.map(ResumableWork.read))
        }
        // Of the snapshot decided on (before a replayed move), so a retry gets the same basis.
        let newEnd = decision.update.flatMap { LocalDateTime($0.toEnd) } ?? input.newEnd
        decision.basis = DecisionBasis(
            input.snapshot,
            days: DecisionBasis.days(from: input.currentStart, to: input.currentEnd).union(
                DecisionBasis.days(from: input.newStart, to: newEnd)),
            subjects: ["APPOINTMENT:" + request.appointmentId])
        return decision
    }

    private func decide(_ input: ValidatedReschedule) -> RescheduleDecision {
        let request = input.request, target = input.target
        var recorder = ChangeRecorder(
            ids: ids, clock: clock, facility: request.facility,
            timeZone: input.snapshot.facility.timeZone, actor: request.caller.id, actorRole: request.caller.role,
            requestKey: request.requestId)
        let now = recorder.now
        var decision = RescheduleDecision(
            requestId: request.requestId, outcome: .denied, denials: [], conflicts: [],
            warnings: [], alternatives: [], events: [], outbox: NotificationOutbox(),
            audit: [])
        let notice = recorder.minutes(until: min(input.currentStart, input.newStart))
        let noticeClass = NoticeClass(minutes: notice)
        recorder.audit.add(
            RescheduleAuditType.attempted, appointment: target.id,
            [
                "from": target.start, "to": request.newStart, "reason": request.reason, "notes": request.notes ?? "",
                "noticeMinutes": String(notice), "notice": noticeClass.rawValue,
            ])

        // Rules 1–4 and 9.
        // A new start in the past is the conflict OUTSIDE_BOOKING_HORIZON, not a notice question.
        let denials = RescheduleRules.denials(
            input, notice: input.newStart < now ? nil : noticeClass, noticeMinutes: notice,
            options: options)
        guard denials.isEmpty else { return deny(decision, denials, target.id, &recorder.audit) }
        if let approval = request.managerApproval {
            recorder.audit.add(
                RescheduleAuditType.approval, appointment: target.id,
                [
                    "approvedBy": approval.approvedBy, "role": approval.role, "approvedAt": approval.approvedAt ?? "",
                    "customerConfirmation": request.customerConfirmation?.channel ?? "",
                ])
        }

        // Rule 5: the new start, checked as booking checks a wanted start.
        let model = input.model
        let strategy = input.facility.policy.resolvedStrategy
        var check = Conflicts.check(model, start: input.newStart, now: now, strategy: strategy)
        let override = ConflictOverridePolicy(
            request.conflictOverride, caller: request.caller, facility: request.facility)
        recorder.audit.addDetected(check.conflicts, appointment: target.id)
        guard check.blocking(overrideGranted: override.granted).isEmpty else {
            decision.conflicts = check.conflicts
            if override.wouldHelp(check) { return deny(decision, override.refusals, target.id, &recorder.audit) }
            decision.outcome = .conflicts
            // Never the time it has now: that is no move.
            // Only what the caller could then take: the same needs and the same notice rules.
            decision.alternatives = Alternatives.plain(
                model, now: now, strategy: strategy, count: request.alternatives ?? options.defaultAlternatives,
                excluding: input.currentStart
            ) { time in
                let minutes = recorder.minutes(until: min(input.currentStart, time))
                return RescheduleRules.denials(
                    input, notice: NoticeClass(minutes: minutes), noticeMinutes: minutes,
                    options: options
                ).isEmpty
            }
            recorder.audit.add(
                RescheduleAuditType.denied, appointment: target.id,
                [
                    "outcome": "conflicts", "codes": decision.conflicts.map(\.code.rawValue).joined(separator: ","),
                ])
            decision.audit = recorder.audit.records
            return decision
        }
        override.apply(to: &check, &recorder.audit, appointment: target.id, auditReason: override.trimmedReason)
        decision.conflicts = check.conflicts

        // Rule 6: bay and mechanic at the new time.
        let placement = RescheduleRules.assignment(input, check, strategy: strategy)
        var change = ChangeRecorder.Change(
            appointment: target, fromStart: input.currentStart, fromBay: target.bay, fromMechanic: target.mechanic,
            to: (input.newStart, placement.bay, placement.mechanic), reason: request.reason, notes: request.notes,
            countsAsReschedule: true, assignmentOutcome: placement.outcome)
        change.movesOneOccurrence = target.seriesId != nil
        // Work that may pause: its pieces anew at the new start, with the mechanic it keeps or gets.
        let toWork =
            model.isResumable
            ? model.work(
                job: model.newJob, start: check.slot,
                mechanic: placement.mechanic.flatMap { id in model.scenario.mechanics.firstIndex { $0.id == id } }
            ).map { ResumableWork.times(model.instance, $0) } : nil
        if model.isResumable {
            change.fromEnd = input.currentEnd
            change.toEnd = toWork?.last?.end
        }
        let updated = recorder.stored(change)!
        let update = AppointmentUpdate(
            updateId: recorder.ids.next("UPD"), appointmentId: target.id, requestId: request.requestId,
            at: now.description,
            by: request.caller.id, reason: request.reason, notes: request.notes,
            fromStart: target.start, fromEnd: input.currentEnd.description,
            toStart: updated.start, toEnd: (toWork?.last?.end ?? input.newEnd).description,
            fromBay: target.bay, toBay: updated.bay, fromMechanic: target.mechanic, toMechanic: updated.mechanic,
            assignment: placement.outcome, bayAssignment: placement.bayOutcome,
            mechanicAssignment: placement.mechanicOutcome, dispatcherFollowUp: placement.mechanicOutcome == .cleared,
            noticeMinutes: notice, notice: noticeClass, rescheduleCount: updated.rescheduleCount ?? 1,
            conflictOverride: override.granted ? override.trimmedReason : nil,
            approvedBy: request.managerApproval?.approvedBy, customerConfirmation: request.customerConfirmation,
            toWork: toWork.map(ResumableWork.written))
        recorder.audit.add(
            RescheduleAuditType.assignmentDecision, appointment: target.id,
            [
                "assignment": placement.outcome.rawValue, "bay": "\(target.bay)→\(updated.bay)",
                "mechanic": "\(target.mechanic ?? "-")→\(updated.mechanic ?? "-")", "policy": strategy.rawValue,
                "dispatcherFollowUp": String(update.dispatcherFollowUp),
            ])
        if update.dispatcherFollowUp {
            decision.warnings.append(
                Warning(
                    code: "MECHANIC_CLEARED",
                    message:
                        "\(target.mechanic ?? "the mechanic") is not free \(update.toStart)–\(update.toEnd.suffix(5)); the dispatcher must assign one"
                ))
        }

        // Rule 7: event, notifications, work order, audit.
        let reason = RescheduleReason(rawValue: request.reason)!
        let mandatory = reason.isCustomerInitiated || notice < 24 * 60
        if request.notifyCustomer == false, mandatory {
            decision.warnings.append(
                Warning(
                    code: "CUSTOMER_NOTIFICATION_MANDATORY",
                    message: reason.isCustomerInitiated
                        ? "the customer asked for the move, so they are told anyway"
                        : "the move is within 24 hours, so the customer is told anyway"))
        }
        let notified = recorder.record(
            change, noticeMinutes: notice, notifyCustomer: request.notifyCustomer ?? true,
            mandatory: mandatory)
        recorder.audit.add(
            RescheduleAuditType.rescheduled, appointment: target.id,
            [
                "by": request.caller.id, "reason": request.reason, "notes": request.notes ?? "",
                "from": update.fromStart, "to": update.toStart, "noticeMinutes": String(notice),
                "notice": noticeClass.rawValue,
                "conflicts": check.conflicts.map(\.code.rawValue).joined(separator: ","),
                "conflictOverride": update.conflictOverride ?? "", "approvedBy": update.approvedBy ?? "",
                "customerConfirmation": request.customerConfirmation?.channel ?? "",
                "notifications": notified.map { "\($0.recipientKind.rawValue):\($0.recipientId)" }.joined(
                    separator: ","),
                "seriesId": target.seriesId ?? "",
                "seriesScope": target.seriesId == nil ? "" : request.seriesScope ?? "",
            ])
        recorder.finish()
        decision.events = recorder.events
        decision.outbox = recorder.outbox
        if !recorder.workOrderUpdates.isEmpty { decision.workOrderUpdates = recorder.workOrderUpdates }
        decision.outcome = .rescheduled
        decision.appointment = updated
        decision.update = update
        decision.audit = recorder.audit.records
        return decision
    }

    private func deny(
        _ decision: RescheduleDecision, _ denials: [Denial], _ appointment: String,
        _ audit: inout AuditTrail
    ) -> RescheduleDecision {
        var decision = decision
        decision.outcome = .denied
        decision.denials = denials
        audit.add(
            RescheduleAuditType.denied, appointment: appointment,
            ["outcome": "denied", "codes": denials.map(\.code.rawValue).joined(separator: ",")])
        decision.audit = audit.records
        return decision
    }
}

/// Rules 1–4, 6 and 9, each a small pure function.
enum RescheduleRules {
    /// Every reason to refuse, in a fixed order (permission first).
    static func denials(
        _ input: ValidatedReschedule, notice: NoticeClass?, noticeMinutes: Int,
        options: RescheduleOptions
    ) -> [Denial] {
        let request = input.request, target = input.target, facility = request.facility
        var denials: [Denial] = []
        func deny(_ code: DenialCode, _ message: String) { denials.append(Denial(code: code, message: message)) }
        if !request.caller.has(.rescheduleAppointment, for: facility) {
            deny(
                .missingReschedulePermission,
                "\(request.caller.id) lacks RESCHEDULE_APPOINTMENT for facility \(facility)")
        }
        if !RescheduleEngine.eligibleStatuses.map(\.rawValue).contains(target.status) {
            deny(
                .notReschedulable,
                "\(target.id) is \(target.status); only SCHEDULED, CONFIRMED or AWAITING_PARTS appointments can be rescheduled"
            )
        }
        // Rule 3a: one of a series moves alone only when the request says so.
        if let series = target.seriesId {
            switch request.seriesScope.flatMap(SeriesScope.init) {
            case .thisOccurrence?: break
            case .wholeSeries?:
                deny(
                    .recurringSeries,
                    "moving the whole recurring series \(series) is not done here: change the series in the backend (or move \(target.id) alone with seriesScope THIS_OCCURRENCE)"
                )
            case nil:
                deny(
                    .recurringSeries,
                    "\(target.id) belongs to the recurring series \(series): move this occurrence only (seriesScope THIS_OCCURRENCE), or change the series in the backend"
                )
            }
        }
        if input.newStart == input.currentStart {
            deny(.unchanged, "\(target.id) already starts at \(target.start)")
        }
        let notes = (request.notes ?? "").trimmingCharacters(in: .whitespaces)
        if notes.isEmpty {
            if request.reason == RescheduleReason.other.rawValue {
                deny(.notesRequired, "reason OTHER needs notes")
            } else if request.conflictOverride != nil || request.managerApproval != nil {
                deny(
                    .notesRequired,
                    "an override (\(request.conflictOverride != nil ? "conflict override" : "manager approval")) needs notes"
                )
            }
        }
        let approval = request.managerApproval
        if let approval, !approval.isValid {
            deny(
                .managerApprovalInvalid,
                "the approval by \"\(approval.approvedBy)\" is not a Shop Manager's (role \(approval.role); \(ManagerApproval.managerRole) needed)"
            )
        }
        let managerApproved = approval?.isValid == true
        denials += NoticeRule.denials(
            notice: notice, noticeMinutes: noticeMinutes, caller: request.caller, facility: facility,
            managerApproval: approval, customerConfirmation: request.customerConfirmation)
        let count = target.rescheduleCount ?? 0
        if count >= options.reschedulesWithoutApproval, !managerApproved {
            deny(
                .rescheduleLimitReached,
                "\(target.id) was rescheduled \(count) times already; reschedule \(count + 1) needs a Shop Manager's approval"
            )
        }
        return denials
    }

    struct Placement {
        var bay: String
        var mechanic: String?
        var bayOutcome: AssignmentOutcome
        var mechanicOutcome: AssignmentOutcome
        var outcome: AssignmentOutcome {
            if mechanicOutcome == .cleared { return .cleared }
            return bayOutcome == .preserved && mechanicOutcome == .preserved ? .preserved : .reassigned
        }
    }

    /// Rule 6. The bay is kept when free at the new time, else the free one the
    /// check found is given (a booked time always holds a bay, so a bay is never
    /// cleared). The mechanic is kept when free; else, with the facility policy
    /// `auto`, the free one the check found is given; otherwise (or when none is
    /// free and the conflict was overridden) the mechanic is cleared for the dispatcher.
    /// Work that may pause (contract §7) is read with the mechanic it ends up with:
    /// its work slots and the time it holds its bay follow that mechanic's shifts.
    static func assignment(_ input: ValidatedReschedule, _ check: PlacementCheck, strategy: AssignmentStrategy)
        -> Placement
    {
        let model = input.model, target = input.target, s = check.slot
        let bayIndex = model.scenario.bays.firstIndex { $0.id == target.bay }
        var placement = Placement(
            bay: target.bay, mechanic: target.mechanic, bayOutcome: .preserved, mechanicOutcome: .preserved)
        var mechanic = target.mechanic.flatMap { id in model.scenario.mechanics.firstIndex { $0.id == id } }
        if target.mechanic != nil, !(mechanic.map { model.isMechanicFree($0, start: s) } ?? false) {
            mechanic = strategy == .auto ? check.mechanic : nil
            placement.mechanic = mechanic.map { model.scenario.mechanics[$0].id }
            placement.mechanicOutcome = mechanic == nil ? .cleared : .reassigned
        }
        let bayFree = bayIndex.map { model.isBayFree($0, start: s, mechanic: mechanic) } ?? false
        // The check's bay was found free for the check's mechanic; work that may pause
        // holds its bay longer with a mechanic who is on shift less, so look again then.
        let options = (check.bay.map { [$0] } ?? []) + model.instance.jobs[model.newJob].bayOptions
        if !bayFree, let bay = options.first(where: { model.isBayFree($0, start: s, mechanic: mechanic) }) ?? check.bay
        {
            placement.bay = model.scenario.bays[bay].id
            placement.bayOutcome = .reassigned
        }
        return placement
    }
}
