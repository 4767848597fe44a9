import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner
import ShopVerifier

/// The reverse of alternatives: given a mechanic and a time, the waiting
/// work they could start next, ranked by the contract objective.
///
/// Waiting work is: estimates (approved or quoted) and open work orders with
/// no active appointment; booked appointments without a mechanic on the day,
/// at their booked time; and scheduled appointments after the time, moved
/// earlier onto that day. Each is placed by the booking's own placement check
/// (``/ShopOperations/Alternatives/earliest(_:mechanic:from:before:now:)``):
/// the earliest start that day from the time on at which the mechanic is the
/// one it goes to and nothing blocks (bays, hours, capacity, the labour
/// limit, the customer's other appointments). The resulting plan, every
/// active appointment pinned where it is booked and the work placed, is then
/// checked by ``/ShopVerifier/PlanVerifier`` and costed by it against the
/// plan as booked; a proposal whose plan breaks a rule the booked plan keeps
/// is dropped. Ranked by cost difference, then start, then kind and id.
public enum WhatNext {
    public static let maxCount = 50

    /// Validates `request` against `snapshot` (every problem at once, with
    /// its path: `request.mechanic`, `appointments[2].bay`) and answers it.
    /// A caller without `VIEW_ASSIGNMENTS` for the snapshot's facility is
    /// `DENIED` (`MISSING_PERMISSION_VIEW_ASSIGNMENTS`) before anything is placed.
    public static func decide(_ request: NextRequest, in snapshot: BookingSnapshot, now: LocalDateTime)
        throws(InputError) -> NextDecision
    {
        let (checked, snapshotIssues) = ValidatedFacility.check(snapshot)
        var issues = snapshotIssues
        if let format = request.format, format != NextRequest.formatName {
            issues.append(
                ValidationIssue(
                    path: "request.format", message: "expected \"\(NextRequest.formatName)\", found \"\(format)\""))
        }
        if !snapshot.mechanics.contains(where: { $0.id == request.mechanic }) {
            issues.append(
                ValidationIssue(
                    path: "request.mechanic", message: "no mechanic \"\(request.mechanic)\" in the snapshot's mechanics"
                ))
        }
        var at = now
        if let text = request.at {
            let (time, problems) = RequestChecks.start(
                text, path: "request.at", slotMinutes: ValidatedFacility.Index(snapshot).slotMinutes)
            issues += problems
            if let time, time > now { at = time }
        }
        if request.caller == nil {
            issues.append(
                ValidationIssue(
                    path: "request.caller",
                    message: "missing: who asks (id and permissions); proposals need VIEW_ASSIGNMENTS"))
        }
        let count = request.count ?? 5
        if count < 1 || count > maxCount {
            issues.append(
                ValidationIssue(path: "request.count", message: "must be from 1 to \(maxCount), not \(count)"))
        }
        guard issues.isEmpty, let facility = checked, let m = facility.scenario.mechanicIndex(request.mechanic),
            let caller = request.caller
        else { throw InputError(issues) }
        // Checked before anything is placed: a denied caller learns nothing of the waiting work.
        let facilityId = snapshot.facility.id
        guard caller.has(.viewAssignments, for: facilityId) else {
            return NextDecision(
                mechanic: request.mechanic, at: at.description, outcome: .denied,
                denials: [
                    Denial(
                        code: .missingViewAssignmentsPermission,
                        message: "\(caller.id) lacks VIEW_ASSIGNMENTS for facility \(facilityId)")
                ], proposals: [])
        }
        return try proposals(facility, mechanic: m, at: at, now: now, count: count)
    }

    /// The proposals for mechanic `m` from `at` on that day, at most `count`
    /// (the caller's permission already checked by ``decide(_:in:now:)``).
    static func proposals(
        _ facility: ValidatedFacility, mechanic m: Int, at: LocalDateTime, now: LocalDateTime, count: Int
    ) throws(InputError) -> NextDecision {
        let mechanic = facility.scenario.mechanics[m]
        let dayEnd = LocalDateTime(date: at.date.adding(days: 1), minuteOfDay: 0)
        var decision = NextDecision(
            mechanic: mechanic.id, at: at.description, outcome: .denied, denials: [], proposals: [])
        if !mechanic.active {
            decision.denials.append(
                Denial(code: .mechanicInactive, message: "\(facility.name(ofMechanic: m)) is not active (on leave)"))
            return decision
        }
        if !mechanic.shifts.contains(where: { $0.end > at && $0.start < dayEnd }) {
            decision.denials.append(
                Denial(
                    code: .mechanicOffShift,
                    message:
                        "\(facility.name(ofMechanic: m)) has no shift left on \(at.date) from \(at.minuteOfDayText)"
                ))
            return decision
        }
        var found: [NextProposal] = []
        for item in waiting(facility, at: at) {
            if let proposal = try propose(item, facility, mechanic: m, at: at, dayEnd: dayEnd, now: now) {
                found.append(proposal)
            }
        }
        found.sort {
            ($0.costDifference, $0.start, $0.kind.rawValue, $0.work) < (
                $1.costDifference, $1.start, $1.kind.rawValue, $1.work
            )
        }
        decision.proposals = found.prefix(count).enumerated().map { rank, proposal in
            var ranked = proposal
            ranked.rank = rank + 1
            return ranked
        }
        decision.outcome = decision.proposals.isEmpty ? .nothingWaiting : .proposed
        return decision
    }

    // MARK: - Waiting work

    /// A piece of waiting work: the job to place and where it may go.
    struct Item {
        var kind: NextProposal.Kind
        var work: String
        var job: JobToPlace
        /// For appointments: its index in the facility's appointments.
        var appointment: Int?
        /// The starts it may take: from, before (exclusive).
        var from: LocalDateTime?
        var before: LocalDateTime?
        var note: String
    }

    static func waiting(_ facility: ValidatedFacility, at: LocalDateTime) -> [Item] {
        let standard = facility.policy.standardDurations ?? [:]
        var items: [Item] = []
        func sourceJob(id: String, customer: String?, lines: [ServiceLine], workExecution: Int?) -> JobToPlace? {
            let minutes =
                workExecution ?? lines.map { $0.estimatedMinutes ?? standard[$0.serviceType] ?? 0 }.reduce(0, +)
            guard minutes > 0, minutes <= Scenario.maxDurationMinutes else { return nil }
            return JobToPlace(
                jobID: "WAITING " + id, label: id, customerId: customer, durationMinutes: minutes,
                requiredSkills: SkillRule.requiredSkills(lines), preferredSkills: SkillRule.preferredSkills(lines),
                bayTypes: ServiceLine.bayTypes(of: lines), preferredStarts: [])
        }
        for source in WaitingSource.all(in: facility) {
            guard
                let job = sourceJob(
                    id: source.id, customer: source.customerId, lines: source.lines,
                    workExecution: source.workExecutionMinutes)
            else { continue }
            let estimate = source.type == .estimate
            items.append(
                Item(
                    kind: estimate ? .unscheduledEstimate : .unscheduledWorkOrder, work: source.id, job: job,
                    note:
                        "\(estimate ? "estimate" : "work order") \(source.id) (\(source.status)) has no appointment yet"
                ))
        }
        for (index, booked) in facility.appointments.enumerated() where booked.status.isActive {
            let file = booked.file
            let lines = facility.sourceLines(of: file)
            let required = file.requiredSkills ?? SkillRule.requiredSkills(lines ?? [])
            let preferred = SkillRule.union((lines ?? []).map { $0.preferredSkills ?? [] }).filter {
                !required.contains($0)
            }
            var job = JobToPlace(
                jobID: "WAITING " + file.id, label: file.id, customerId: file.customerId,
                durationMinutes: file.durationMinutes, requiredSkills: required, preferredSkills: preferred,
                bayTypes: [facility.scenario.bays[booked.bay].type], preferredStarts: [booked.start])
            if booked.mechanic == nil, file.needsMechanic != false, booked.start >= at,
                booked.start.date == at.date
            {
                items.append(
                    Item(
                        kind: .awaitingMechanic, work: file.id, job: job, appointment: index, from: booked.start,
                        before: booked.start.adding(minutes: 1),
                        note: "appointment \(file.id) at \(booked.start) has no mechanic yet"))
            } else if booked.status.isMovable, booked.start > at, file.needsMechanic != false {
                // Moving may change the bay: any type its work allows.
                job.bayTypes = lines.map { ServiceLine.bayTypes(of: $0) } ?? job.bayTypes
                items.append(
                    Item(
                        kind: .moveEarlier, work: file.id, job: job, appointment: index, before: booked.start,
                        note: "appointment \(file.id) at \(booked.start) moves earlier (the customer must agree)"))
            }
        }
        return items
    }

    // MARK: - One proposal, placed and verified

    static func propose(
        _ item: Item, _ facility: ValidatedFacility, mechanic m: Int, at: LocalDateTime, dayEnd: LocalDateTime,
        now: LocalDateTime
    ) throws(InputError) -> NextProposal? {
        var job = item.job
        job.preferredMechanic = m
        let booked = item.appointment.map { facility.appointments[$0] }
        let others = booked.map { b in facility.removingAppointments { $0.id == b.file.id } } ?? facility
        let model = try ShopState(others, placing: job)
        guard model.qualified.contains(m),
            let (placement, alternative) = Alternatives.earliest(
                model, mechanic: m, from: item.from ?? at, before: min(item.before ?? dayEnd, dayEnd), now: now)
        else { return nil }
        let start = model.instance.time(ofSlot: placement.start)
        guard
            let (difference, verified) = try verify(
                item, facility, booked: booked, job: job, start: start, bay: placement.bay, mechanic: m)
        else { return nil }
        var reasons = [item.note] + alternative.reasons
        reasons.append(verified)
        return NextProposal(
            rank: 0, kind: item.kind, work: item.work, start: alternative.start, end: alternative.end,
            bay: alternative.bay, mechanic: facility.scenario.mechanics[m].id, durationMinutes: job.durationMinutes,
            costDifference: difference, reasons: reasons)
    }

    /// The plan as booked and the plan with the proposal, as contract
    /// scenario and solution files, checked and costed by the verifier: the
    /// cost difference and a sentence saying so, or `nil` when the proposal's
    /// plan breaks a rule the booked plan keeps.
    static func verify(
        _ item: Item, _ facility: ValidatedFacility, booked: ValidatedFacility.Booked?, job: JobToPlace,
        start: LocalDateTime, bay: Int, mechanic m: Int
    ) throws(InputError) -> (Int, String)? {
        let base = facility.scenario
        var jobs: [Scenario.Job] = []
        var asBooked: [SolutionFile.Assignment] = []
        func assignment(_ id: String, _ start: LocalDateTime, minutes: Int, bay: Int, mechanic: Int?)
            -> SolutionFile.Assignment
        {
            // `end` as the verifier recomputes it: start plus whole slots.
            let slot = base.facility.slotMinutes
            return SolutionFile.Assignment(
                job: id, start: start.description,
                end: start.adding(minutes: (minutes + slot - 1) / slot * slot).description,
                bay: base.bays[bay].id, mechanic: mechanic.map { base.mechanics[$0].id })
        }
        func mode(_ b: ValidatedFacility.Booked) -> MechanicMode {
            b.mechanic != nil ? .required : b.file.needsMechanic == false ? .none : .optional
        }
        for b in facility.appointments where b.status.isActive && b.file.id != booked?.file.id {
            let placement = Scenario.Placement(start: b.start, bay: b.bay, mechanic: b.mechanic)
            jobs.append(
                Scenario.Job(
                    id: b.file.id, durationMinutes: b.file.durationMinutes, bayTypes: [base.bays[b.bay].type],
                    requiredSkills: Set(b.requiredSkills), preferredSkills: [], mechanicMode: mode(b), priority: 1,
                    earliest: base.facility.horizonBegin, latest: base.facility.horizonEnd, preferredStarts: [],
                    pinned: placement, current: nil))
            asBooked.append(
                assignment(b.file.id, b.start, minutes: b.file.durationMinutes, bay: b.bay, mechanic: b.mechanic))
        }
        let id = booked?.file.id ?? "\(item.kind == .unscheduledEstimate ? "ESTIMATE" : "WORK_ORDER") \(item.work)"
        let current = booked.map { Scenario.Placement(start: $0.start, bay: $0.bay, mechanic: $0.mechanic) }
        jobs.append(
            Scenario.Job(
                id: id, durationMinutes: job.durationMinutes,
                bayTypes: Set(job.bayTypes + (booked.map { [base.bays[$0.bay].type] } ?? [])),
                requiredSkills: Set(job.requiredSkills), preferredSkills: job.preferredSkills,
                // New work needs its mechanic; a booked appointment without one may stay so (at a cost).
                mechanicMode: booked == nil || booked?.mechanic != nil ? .required : .optional,
                priority: 1, earliest: base.facility.horizonBegin, latest: base.facility.horizonEnd,
                preferredStarts: [], pinned: nil, current: current))
        let scenario = try Scenario(
            facility: base.facility, bays: base.bays, mechanics: base.mechanics, jobs: jobs, weights: base.weights)
        let verifier = PlanVerifier(scenario: scenario)
        func solution(_ extra: SolutionFile.Assignment?) -> SolutionFile {
            SolutionFile(
                scenario: base.facility.id, strategy: "next", status: "feasible", objective: nil, bound: nil,
                seconds: 0, assignments: asBooked + (extra.map { [$0] } ?? []),
                unscheduled: extra == nil && booked == nil ? [SolutionFile.Unscheduled(job: id, reasons: [])] : [])
        }
        let before = solution(
            booked.map {
                assignment(id, $0.start, minutes: $0.file.durationMinutes, bay: $0.bay, mechanic: $0.mechanic)
            })
        let after = solution(assignment(id, start, minutes: job.durationMinutes, bay: bay, mechanic: m))
        let beforeReport = verifier.verify(before), afterReport = verifier.verify(after)
        // Only what the proposal breaks counts: a booked plan that already breaks a rule stays as it is.
        let known = Set(beforeReport.violations.map(\.message))
        guard afterReport.violations.allSatisfy({ known.contains($0.message) }) else { return nil }
        let difference = afterReport.objective - beforeReport.objective
        return (
            difference,
            "plan verified: objective \(beforeReport.objective) as booked, \(afterReport.objective) with it (\(difference >= 0 ? "+" : "")\(difference))"
        )
    }
}
