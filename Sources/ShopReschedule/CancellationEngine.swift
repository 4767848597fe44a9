import Foundation
import ShopDomain
import ShopOperations

/// Cancels booked appointments and marks no-shows, or says why not: pure
/// functions of a snapshot and a request, with the clock and ids injected.
/// The notice rule is rescheduling's (``/ShopOperations/NoticeRule``), the
/// release rules and the source's restoration are the core's
/// (``/ShopOperations/ReleaseRules``), and the event, notifications and work
/// order update are recorded by the ``/ShopOperations/ChangeRecorder``.
public struct CancellationEngine: Sendable {
    public var clock: any ShopClock
    public var ids: any BookingIDGenerator

    public init(clock: any ShopClock, ids: any BookingIDGenerator = StableIDGenerator()) {
        self.clock = clock
        self.ids = ids
    }

    /// Decides one cancellation. Throws ``/ShopDomain/InputError`` for a malformed snapshot or request.
    public func cancel(_ request: CancellationRequest, in snapshot: BookingSnapshot) throws(InputError)
        -> CancellationDecision
    {
        let now = clock.now(timeZone: snapshot.facility.timeZone)
        var issues = Self.common(
            format: request.format, expected: CancellationRequest.formatName, requestId: request.requestId,
            facility: request.facility, caller: request.caller, snapshot: snapshot)
        let reasonText = (request.reason ?? "").trimmingCharacters(in: .whitespaces)
        let reason = CancellationReason(rawValue: reasonText)
        if !reasonText.isEmpty, reason == nil {
            issues.append(
                ValidationIssue(
                    path: "request.reason",
                    message:
                        "unknown reason \"\(reasonText)\"; use one of \(CancellationReason.allCases.map(\.rawValue).joined(separator: ", "))"
                ))
        }
        issues += RecordedTimes.approvals(request.managerApproval, request.customerConfirmation, now: now)
        let (facility, facilityIssues) = ValidatedFacility.check(snapshot)
        issues += facilityIssues
        guard issues.isEmpty, let facility else { throw InputError(issues) }

        var recorder = recorder(request.requestId, request.facility, request.caller.id, snapshot)
        recorder.audit.add(
            CancellationAuditType.attempted, appointment: request.appointmentId,
            ["action": "cancel", "reason": reasonText, "notes": request.notes ?? ""])
        guard let booked = facility.appointment(request.appointmentId) else {
            return deny(request.requestId, [Self.notFound(request.appointmentId)], request.appointmentId, &recorder)
        }
        let notice = recorder.minutes(until: booked.start)
        let noticeClass = NoticeClass(minutes: notice)
        var denials: [Denial] = []
        if let denial = Self.missingPermission(request.caller, request.facility) { denials.append(denial) }
        if !ReleaseRules.cancellable.contains(booked.status) {
            denials.append(
                Denial(
                    code: .notCancellable,
                    message:
                        "\(booked.file.id) is \(booked.status.rawValue); only SCHEDULED, CONFIRMED or AWAITING_PARTS appointments can be cancelled"
                ))
        }
        if reason == nil {
            denials.append(
                Denial(
                    code: .cancellationReasonMissing,
                    message:
                        "a cancellation needs a reason: one of \(CancellationReason.allCases.map(\.rawValue).joined(separator: ", "))"
                ))
        } else if reason == .other, (request.notes ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            denials.append(Denial(code: .notesRequired, message: "reason OTHER needs notes"))
        }
        // Started or past appointments are not a notice question (and are refused above).
        if booked.start > recorder.now {
            denials += NoticeRule.denials(
                notice: noticeClass, noticeMinutes: notice, caller: request.caller, facility: request.facility,
                managerApproval: request.managerApproval, customerConfirmation: request.customerConfirmation,
                what: "cancellation notice")
        }
        guard denials.isEmpty, let reason else {
            return deny(request.requestId, denials, booked.file.id, &recorder)
        }
        let mandatory = reason.isCustomerInitiated || notice < 24 * 60
        var decision = release(
            booked, in: facility, status: .cancelled, reason: reason.rawValue, notes: request.notes,
            notice: notice, notifyCustomer: request.notifyCustomer ?? true, mandatory: mandatory,
            noShowCount: nil, recorder: &recorder, requestId: request.requestId,
            details: [
                "reason": reason.rawValue, "notes": request.notes ?? "", "noticeMinutes": String(notice),
                "notice": noticeClass.rawValue, "approvedBy": request.managerApproval?.approvedBy ?? "",
                "customerConfirmation": request.customerConfirmation?.channel ?? "",
            ])
        if request.notifyCustomer == false, mandatory {
            decision.warnings.append(
                Warning(
                    code: "CUSTOMER_NOTIFICATION_MANDATORY",
                    message: reason.isCustomerInitiated
                        ? "the customer asked for the cancellation, so they are told anyway"
                        : "the cancellation is within 24 hours, so the customer is told anyway"))
        }
        return decision
    }

    /// Marks one appointment a no-show. Throws ``/ShopDomain/InputError`` for a malformed snapshot or request.
    public func markNoShow(_ request: NoShowRequest, in snapshot: BookingSnapshot) throws(InputError)
        -> CancellationDecision
    {
        var issues = Self.common(
            format: request.format, expected: NoShowRequest.formatName, requestId: request.requestId,
            facility: request.facility, caller: request.caller, snapshot: snapshot)
        if let count = request.customerNoShowCount, count < 0 || count > ValidatedFacility.maxRescheduleCount {
            issues.append(
                ValidationIssue(
                    path: "request.customerNoShowCount",
                    message: "must be from 0 to \(ValidatedFacility.maxRescheduleCount), not \(count)"))
        }
        let (facility, facilityIssues) = ValidatedFacility.check(snapshot)
        issues += facilityIssues
        guard issues.isEmpty, let facility else { throw InputError(issues) }

        var recorder = recorder(request.requestId, request.facility, request.caller.id, snapshot)
        recorder.audit.add(
            CancellationAuditType.attempted, appointment: request.appointmentId,
            ["action": "no-show", "notes": request.notes ?? ""])
        guard let booked = facility.appointment(request.appointmentId) else {
            return deny(request.requestId, [Self.notFound(request.appointmentId)], request.appointmentId, &recorder)
        }
        var denials: [Denial] = []
        if let denial = Self.missingPermission(request.caller, request.facility) { denials.append(denial) }
        if !ReleaseRules.noShowable.contains(booked.status) {
            denials.append(
                Denial(
                    code: .notMarkableNoShow,
                    message:
                        "\(booked.file.id) is \(booked.status.rawValue); only SCHEDULED or CONFIRMED appointments can be marked a no-show"
                ))
        }
        let from = ReleaseRules.noShowFrom(booked.start, policy: facility.policy)
        if recorder.now < from {
            denials.append(
                Denial(
                    code: .noShowBeforeGracePeriod,
                    message:
                        "\(booked.file.id) starts \(booked.start); it can be marked a no-show from \(from) (\(facility.policy.resolvedNoShowGraceMinutes) min grace), not at \(recorder.now)"
                ))
        }
        guard denials.isEmpty else { return deny(request.requestId, denials, booked.file.id, &recorder) }
        let count = (request.customerNoShowCount ?? 0) + 1
        return release(
            booked, in: facility, status: .noShow, reason: "NO_SHOW", notes: request.notes,
            notice: recorder.minutes(until: booked.start), notifyCustomer: request.notifyCustomer ?? true,
            mandatory: false, noShowCount: count, recorder: &recorder, requestId: request.requestId,
            details: [
                "notes": request.notes ?? "", "graceMinutes": String(facility.policy.resolvedNoShowGraceMinutes),
                "customerNoShowCount": String(count),
            ])
    }

    // MARK: Shared steps

    /// The request fields every cancellation and no-show checks.
    private static func common(
        format: String?, expected: String, requestId: String, facility: String, caller: Caller,
        snapshot: BookingSnapshot
    ) -> [ValidationIssue] {
        var issues: [ValidationIssue] = RecordedTimes.history(of: snapshot)
        if let format, format != expected {
            issues.append(
                ValidationIssue(path: "request.format", message: "expected \"\(expected)\", found \"\(format)\""))
        }
        return issues
            + RequestChecks.common(requestId: requestId, facility: facility, caller: caller, snapshot: snapshot)
    }

    /// Both cancelling and marking a no-show need `CANCEL_APPOINTMENT` for the facility.
    private static func missingPermission(_ caller: Caller, _ facility: String) -> Denial? {
        caller.has(.cancelAppointment, for: facility)
            ? nil
            : Denial(
                code: .missingCancelPermission,
                message: "\(caller.id) lacks CANCEL_APPOINTMENT for facility \(facility)")
    }

    private static func notFound(_ id: String) -> Denial {
        Denial(code: .appointmentNotFound, message: "no appointment \"\(id)\" in the snapshot")
    }

    private func recorder(_ requestId: String, _ facility: String, _ actor: String, _ snapshot: BookingSnapshot)
        -> ChangeRecorder
    {
        ChangeRecorder(
            ids: ids, clock: clock, facility: facility, timeZone: snapshot.facility.timeZone, actor: actor,
            requestKey: requestId)
    }

    private func deny(_ requestId: String, _ denials: [Denial], _ appointment: String, _ recorder: inout ChangeRecorder)
        -> CancellationDecision
    {
        recorder.audit.add(
            CancellationAuditType.denied, appointment: appointment,
            ["codes": denials.map(\.code.rawValue).joined(separator: ",")])
        return CancellationDecision(
            requestId: requestId, outcome: .denied, appointment: nil, sourceUpdate: nil, freed: [],
            denials: denials, warnings: [], events: [], outbox: NotificationOutbox(), audit: recorder.audit.records,
            workOrderUpdates: nil)
    }

    private func release(
        _ booked: ValidatedFacility.Booked, in facility: ValidatedFacility, status: AppointmentStatus,
        reason: String, notes: String?, notice: Int, notifyCustomer: Bool, mandatory: Bool, noShowCount: Int?,
        recorder: inout ChangeRecorder, requestId: String, details: [String: String]
    ) -> CancellationDecision {
        let a = booked.file
        var release = ChangeRecorder.Release(
            appointment: a, start: booked.start, status: status, reason: reason, notes: notes,
            customerNoShowCount: noShowCount)
        release.workEnd = booked.work?.last?.end
        let stored = recorder.stored(release)
        let (event, entries) = recorder.record(
            release, noticeMinutes: notice, notifyCustomer: notifyCustomer, mandatory: mandatory)
        let source = ReleaseRules.restoredSource(after: a, in: facility)
        var audit = details
        audit["from"] = a.start
        audit["bay"] = a.bay
        audit["mechanic"] = a.mechanic ?? ""
        audit["notifications"] = entries.map { "\($0.recipientKind.rawValue):\($0.recipientId)" }.joined(
            separator: ",")
        recorder.audit.add(
            status == .noShow ? CancellationAuditType.noShow : CancellationAuditType.cancelled, appointment: a.id,
            audit)
        if let source {
            recorder.audit.add(
                CancellationAuditType.sourceRestored, appointment: a.id,
                ["type": source.type.rawValue, "id": source.id, "from": "SCHEDULED", "to": source.status])
        }
        recorder.finish()
        return CancellationDecision(
            requestId: requestId, outcome: status == .noShow ? .noShow : .cancelled, appointment: stored,
            sourceUpdate: source,
            freed: Claim.of(
                appointment: a.id, start: booked.start, durationMinutes: a.durationMinutes, bay: a.bay,
                mechanic: a.mechanic, needsMechanic: a.needsMechanic != false, work: booked.work),
            denials: [], warnings: [], events: [event], outbox: recorder.outbox, audit: recorder.audit.records,
            workOrderUpdates: recorder.workOrderUpdates.isEmpty ? nil : recorder.workOrderUpdates)
    }
}
