import Foundation
import ShopDomain
import ShopOperations

/// A snapshot and a reschedule request that passed every check. The snapshot
/// is checked once, by the facility's own validation (``ValidatedFacility``,
/// the same paths as in booking: `appointments[2].bay`), the request's fields
/// by their names (`request.newStart`, `request.reason`); every problem is
/// reported at once.
///
/// The move is then put in the placement check's terms: the appointment
/// leaves the facility and comes back as the work to place (its duration,
/// skills, and its source's bay types, or its bay's type when the snapshot
/// lacks the source), wanting the new start and preferring its mechanic; so
/// booking's conflict checks, codes and alternatives apply to it unchanged.
struct ValidatedReschedule {
    /// The facility as validated, the appointment on it.
    let facility: ValidatedFacility
    let request: RescheduleRequest
    let target: BookedAppointment
    /// Its index in the snapshot's appointments.
    let targetIndex: Int
    let currentStart: LocalDateTime
    /// Its end now (for work that may pause, the end of its last work range).
    let currentEnd: LocalDateTime
    let newStart: LocalDateTime
    /// Its end at the new start when it runs in one stretch.
    var newEnd: LocalDateTime { newStart.adding(minutes: target.durationMinutes) }
    /// The facility without the appointment, and the appointment as the work to place.
    let model: ShopState

    var snapshot: BookingSnapshot { facility.snapshot }

    static func validate(snapshot: BookingSnapshot, request: RescheduleRequest, now: LocalDateTime) throws(InputError)
        -> ValidatedReschedule
    {
        var issues: [ValidationIssue] = RecordedTimes.history(of: snapshot)
        if let format = request.format, format != RescheduleRequest.formatName {
            issues.append(
                ValidationIssue(
                    path: "request.format", message: "expected \"\(RescheduleRequest.formatName)\", found \"\(format)\""
                ))
        }
        if RescheduleReason(rawValue: request.reason) == nil {
            issues.append(
                ValidationIssue(
                    path: "request.reason",
                    message:
                        "unknown reason \"\(request.reason)\"; use one of \(RescheduleReason.allCases.map(\.rawValue).joined(separator: ", "))"
                ))
        }
        issues += RecordedTimes.approvals(request.managerApproval, request.customerConfirmation, now: now)
        let targetIndex = snapshot.appointments.firstIndex { $0.id == request.appointmentId }
        if targetIndex == nil {
            issues.append(
                ValidationIssue(
                    path: "request.appointmentId",
                    message: "no appointment \"\(request.appointmentId)\" in the snapshot"))
        }
        let (facility, facilityIssues) = ValidatedFacility.check(snapshot)
        issues += facilityIssues
        issues += RequestChecks.common(
            requestId: request.requestId, facility: request.facility, caller: request.caller,
            snapshot: snapshot)
        issues +=
            RequestChecks.start(
                request.newStart, path: "request.newStart",
                slotMinutes: ValidatedFacility.Index(snapshot).slotMinutes
            ).1
        issues += RequestChecks.alternatives(request.alternatives)
        if let scope = request.seriesScope, SeriesScope(rawValue: scope) == nil {
            issues.append(
                ValidationIssue(
                    path: "request.seriesScope",
                    message:
                        "unknown scope \"\(scope)\"; use one of \(SeriesScope.allCases.map(\.rawValue).joined(separator: ", "))"
                ))
        }
        guard issues.isEmpty, let facility, let targetIndex else { throw InputError(issues) }
        return try ValidatedReschedule(facility: facility, request: request, targetIndex: targetIndex)
    }

    /// The move of the `targetIndex`-th appointment of a validated facility.
    private init(facility: ValidatedFacility, request: RescheduleRequest, targetIndex: Int) throws(InputError) {
        let booked = facility.appointments[targetIndex], target = booked.file
        // Validated: the request's new start is a local time on the grid.
        let newStart = LocalDateTime(request.newStart)!
        let sourceLines = facility.sourceLines(of: target)
        let required = target.requiredSkills ?? SkillRule.requiredSkills(sourceLines ?? [])
        let preferred = SkillRule.union((sourceLines ?? []).map { $0.preferredSkills ?? [] }).filter {
            !required.contains($0)
        }
        let job = JobToPlace(
            jobID: "REQUEST " + request.requestId, label: "RESCHEDULE " + target.id, customerId: target.customerId,
            durationMinutes: target.durationMinutes, requiredSkills: required, preferredSkills: preferred,
            bayTypes: sourceLines.map { ServiceLine.bayTypes(of: $0) } ?? [facility.scenario.bays[booked.bay].type],
            preferredStarts: [newStart], preferredMechanic: booked.mechanic,
            needsMechanic: target.needsMechanic != false, resumable: target.resumable == true)
        model = try ShopState(facility.removingAppointments { $0.id == target.id }, placing: job)
        self.facility = facility
        self.request = request
        self.target = target
        self.targetIndex = targetIndex
        currentStart = booked.start
        currentEnd = booked.end
        self.newStart = newStart
    }

    /// When the snapshot already holds this request's move (a retry after the
    /// backend stored it), the move as it was before it; else `nil`. Only the
    /// appointment put back where it was is checked (its bay may have gone since).
    func beforeReplay() throws(InputError) -> ValidatedReschedule? {
        guard let last = target.history?.last, last.requestKey == request.requestId else { return nil }
        var before = target
        before.start = last.start
        before.durationMinutes = last.durationMinutes
        before.bay = last.bay
        before.mechanic = last.mechanic
        before.rescheduleCount = max(0, (target.rescheduleCount ?? 1) - 1)
        before.version = target.version.map { max(1, $0 - 1) }
        before.history = Array(target.history!.dropLast())
        if before.history?.isEmpty == true { before.history = nil }
        let facility = try self.facility.replacingAppointment(at: targetIndex, with: before)
        return try ValidatedReschedule(facility: facility, request: request, targetIndex: targetIndex)
    }
}

/// Times the engine copies into its records (approvals, confirmations, the
/// snapshot's history): each must be a facility local time, and one that
/// says when something happened must not lie after now.
enum RecordedTimes {
    /// A manager's approval and a customer's confirmation (`request.managerApproval`,
    /// `request.customerConfirmation`): copied into the records as they are, so a
    /// channel that says something, and times that are not still to come.
    static func approvals(_ approval: ManagerApproval?, _ confirmation: CustomerConfirmation?, now: LocalDateTime)
        -> [ValidationIssue]
    {
        var issues: [ValidationIssue] = []
        if let channel = confirmation?.channel, channel.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(path: "request.customerConfirmation.channel", message: "must not be empty"))
        }
        issues += check(approval?.approvedAt, path: "request.managerApproval.approvedAt", what: "an approval", now: now)
        issues += check(
            confirmation?.confirmedAt, path: "request.customerConfirmation.confirmedAt", what: "a confirmation",
            now: now)
        return issues
    }

    static func check(_ text: String?, path: String, what: String, now: LocalDateTime) -> [ValidationIssue] {
        guard let text else { return [] }
        guard let time = LocalDateTime(text) else {
            return [ValidationIssue(path: path, message: "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM")]
        }
        guard time <= now else {
            return [
                ValidationIssue(
                    path: path, message: "\(time) is after now (\(now)): \(what) cannot come from the future")
            ]
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
                for (name, value) in [("start", entry.start), ("changedAt", entry.changedAt)]
                where LocalDateTime(value) == nil {
                    issues.append(
                        ValidationIssue(
                            path: "\(path).\(name)", message: "\"\(value)\" is not a local time YYYY-MM-DDTHH:MM"))
                }
                if entry.durationMinutes <= 0 || entry.durationMinutes > Scenario.maxDurationMinutes {
                    issues.append(
                        ValidationIssue(
                            path: "\(path).durationMinutes",
                            message: "must be from 1 to \(Scenario.maxDurationMinutes), not \(entry.durationMinutes)"))
                }
            }
        }
        return issues
    }
}
