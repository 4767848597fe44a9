import Foundation
import ShopBooking
import ShopDomain

/// A snapshot and a reschedule request that passed every check. The snapshot
/// is checked by booking's own validation (the same paths: `appointments[2].bay`),
/// the request's fields by their names (`request.newStart`, `request.reason`);
/// every problem is reported at once.
///
/// The move is then put in booking's terms: the appointment leaves the
/// snapshot and comes back as a request for the same work (a stand-in work
/// order with its duration, skills, and its source's bay types, or its bay's
/// type when the snapshot lacks the source), wanting the new start and
/// preferring its mechanic; so booking's conflict checks, codes and
/// alternatives apply to it unchanged.
struct ValidatedReschedule {
    let snapshot: BookingSnapshot
    let request: RescheduleRequest
    let target: BookedAppointment
    let currentStart: LocalDateTime
    let newStart: LocalDateTime
    /// The snapshot without the appointment, with its stand-in request.
    let booking: ValidatedBooking
    let model: BookingModel

    init(snapshot: BookingSnapshot, request: RescheduleRequest, now: LocalDateTime) throws(InputError) {
        var issues: [ValidationIssue] = RecordedTimes.history(of: snapshot)
        if let format = request.format, format != RescheduleRequest.formatName {
            issues.append(ValidationIssue(path: "request.format", message: "expected \"\(RescheduleRequest.formatName)\", found \"\(format)\""))
        }
        if RescheduleReason(rawValue: request.reason) == nil {
            issues.append(ValidationIssue(path: "request.reason", message: "unknown reason \"\(request.reason)\"; use one of \(RescheduleReason.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        if let channel = request.customerConfirmation?.channel, channel.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(path: "request.customerConfirmation.channel", message: "must not be empty"))
        }
        // Copied into the update and audit records as they are: a time, and not one still to come.
        issues += RecordedTimes.check(request.managerApproval?.approvedAt, path: "request.managerApproval.approvedAt",
                                      what: "an approval", now: now)
        issues += RecordedTimes.check(request.customerConfirmation?.confirmedAt, path: "request.customerConfirmation.confirmedAt",
                                      what: "a confirmation", now: now)
        let target = snapshot.appointments.first { $0.id == request.appointmentId }
        if target == nil {
            issues.append(ValidationIssue(path: "request.appointmentId", message: "no appointment \"\(request.appointmentId)\" in the snapshot"))
        }
        let placeholder = target ?? BookedAppointment(id: request.appointmentId, start: request.newStart, durationMinutes: 60,
                                                      bay: snapshot.bays.first?.id ?? "")
        // The whole snapshot (appointment paths unchanged) with the stand-in request.
        let (probe, standIn) = Self.standIn(for: placeholder, in: snapshot, request: request, without: false)
        let standInPath = "workOrders[\((probe.workOrders ?? []).count - 1)]"
        do { _ = try ValidatedBooking(snapshot: probe, request: standIn) } catch {
            issues += error.issues.compactMap { issue in
                if issue.path.hasPrefix(standInPath) || issue.path.hasPrefix("request.mechanic") { return nil }
                if issue.path == "request.preferredStarts[0]" { return ValidationIssue(path: "request.newStart", message: issue.message) }
                return issue
            }
        }
        guard issues.isEmpty, let target, let current = LocalDateTime(target.start), let wanted = LocalDateTime(request.newStart)
        else { throw InputError(issues) }
        let (before, request2) = Self.standIn(for: target, in: snapshot, request: request, without: true)
        booking = try ValidatedBooking(snapshot: before, request: request2)
        model = try BookingModel(booking, durationMinutes: target.durationMinutes)
        self.snapshot = snapshot
        self.request = request
        self.target = target
        currentStart = current
        newStart = wanted
    }

    /// The snapshot (without the appointment when `without`) plus a stand-in work order, and a booking request for it.
    static func standIn(for target: BookedAppointment, in snapshot: BookingSnapshot, request: RescheduleRequest,
                        without: Bool) -> (BookingSnapshot, AppointmentRequest) {
        let sourceLines = (snapshot.estimates ?? []).first { $0.id == target.estimateId && target.estimateId != nil }?.lines
            ?? (snapshot.workOrders ?? []).first { $0.id == target.workOrderId && target.workOrderId != nil }?.lines
        let bayType = snapshot.bays.first { $0.id == target.bay }?.type ?? BayType.generalService.rawValue
        let skills = target.requiredSkills ?? SkillMatch.union((sourceLines ?? []).map { $0.requiredSkills ?? [] })
        var lines = sourceLines ?? [ServiceLine(serviceType: "RESCHEDULE", bayTypes: [bayType],
                                               mobileEligible: bayType == BayType.mobileUnit.rawValue ? true : nil)]
        for i in lines.indices { lines[i].requiredSkills = i == 0 ? skills : nil }
        let order = WorkOrder(id: "RESCHEDULE " + target.id, status: "OPEN", customerId: target.customerId,
                              vehicleId: target.vehicleId, lines: lines,
                              workExecutionMinutes: min(max(target.durationMinutes, 1), Scenario.maxDurationMinutes),
                              allowsMultipleAppointments: true)
        var copy = snapshot
        if without { copy.appointments.removeAll { $0.id == target.id } }
        copy.workOrders = (copy.workOrders ?? []) + [order]
        let standIn = AppointmentRequest(
            requestId: request.requestId, facility: request.facility,
            source: .init(type: SourceType.workOrder.rawValue, id: order.id), preferredStarts: [request.newStart],
            mechanic: without ? target.mechanic : nil, caller: request.caller, alternatives: request.alternatives)
        return (copy, standIn)
    }

    /// When the snapshot already holds this request's move (a retry after the
    /// backend stored it), the snapshot as it was before; else `nil`.
    func snapshotBeforeReplay() -> BookingSnapshot? {
        guard let last = target.history?.last, last.requestKey == request.requestId else { return nil }
        var before = snapshot
        guard let i = before.appointments.firstIndex(where: { $0.id == target.id }) else { return nil }
        before.appointments[i].start = last.start
        before.appointments[i].durationMinutes = last.durationMinutes
        before.appointments[i].bay = last.bay
        before.appointments[i].mechanic = last.mechanic
        before.appointments[i].rescheduleCount = max(0, (target.rescheduleCount ?? 1) - 1)
        before.appointments[i].version = target.version.map { max(1, $0 - 1) }
        before.appointments[i].history = Array(target.history!.dropLast())
        if before.appointments[i].history?.isEmpty == true { before.appointments[i].history = nil }
        return before
    }

    /// The appointment at its new placement, the old one kept in its history.
    func updated(start: LocalDateTime, bay: String, mechanic: String?, at: LocalDateTime, by: String, reason: String,
                 requestKey: String) -> BookedAppointment {
        var a = target
        a.history = (a.history ?? []) + [AppointmentHistoryEntry(
            start: target.start, durationMinutes: target.durationMinutes, bay: target.bay, mechanic: target.mechanic,
            changedAt: at.description, changedBy: by, reason: reason, requestKey: requestKey)]
        a.start = start.description
        a.bay = bay
        a.mechanic = mechanic
        a.rescheduleCount = (target.rescheduleCount ?? 0) + 1
        a.version = target.currentVersion + 1
        return a
    }
}

/// Times the engine copies into its records (approvals, confirmations, the
/// snapshot's history): each must be a facility local time, and one that
/// says when something happened must not lie after now.
enum RecordedTimes {
    static func check(_ text: String?, path: String, what: String, now: LocalDateTime) -> [ValidationIssue] {
        guard let text else { return [] }
        guard let time = LocalDateTime(text) else {
            return [ValidationIssue(path: path, message: "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM")]
        }
        guard time <= now else {
            return [ValidationIssue(path: path, message: "\(time) is after now (\(now)): \(what) cannot come from the future")]
        }
        return []
    }

    /// The snapshot's history entries, which a reschedule copies forward (and
    /// a replay restores): their times must be local times and durations
    /// possible. (Their bays may since have gone, and their order against now
    /// is the backend's.)
    static func history(of snapshot: BookingSnapshot) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        for (i, appointment) in snapshot.appointments.enumerated() {
            for (k, entry) in (appointment.history ?? []).enumerated() {
                let path = "appointments[\(i)].history[\(k)]"
                for (name, value) in [("start", entry.start), ("changedAt", entry.changedAt)] where LocalDateTime(value) == nil {
                    issues.append(ValidationIssue(path: "\(path).\(name)", message: "\"\(value)\" is not a local time YYYY-MM-DDTHH:MM"))
                }
                if entry.durationMinutes <= 0 || entry.durationMinutes > Scenario.maxDurationMinutes {
                    issues.append(ValidationIssue(path: "\(path).durationMinutes",
                                                  message: "must be from 1 to \(Scenario.maxDurationMinutes), not \(entry.durationMinutes)"))
                }
            }
        }
        return issues
    }
}
