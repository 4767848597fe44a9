import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner
import ShopVerifier

/// Proposes which waiting work to pull into freed time: unscheduled requests
/// (checked exactly as booking them would be: ``BookingEngine``), appointments
/// waiting for a mechanic (the same placement check), and later appointments
/// that could move earlier. Each proposal's resulting plan is checked by the
/// independent verifier, which also sums the contract objective that ranks them.
/// Proposes only: nothing is booked, assigned or moved.
public struct RefillEngine: Sendable {
    public var clock: any ShopClock

    public init(clock: any ShopClock) { self.clock = clock }

    public func refill(_ request: RefillRequest, in snapshot: BookingSnapshot) throws(InputError) -> RefillResult {
        let now = clock.now(timeZone: snapshot.facility.timeZone)
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
        if let format = request.format, format != RefillRequest.formatName {
            add("request.format", "expected \"\(RefillRequest.formatName)\", found \"\(format)\"")
        }
        issues += RequestChecks.common(
            requestId: request.requestId, facility: request.facility, caller: request.caller, snapshot: snapshot)
        let index = ValidatedFacility.Index(snapshot)
        let (start, startIssues) = RequestChecks.start(
            request.start, path: "request.start", slotMinutes: index.slotMinutes)
        let (end, endIssues) = RequestChecks.start(request.end, path: "request.end", slotMinutes: index.slotMinutes)
        issues += startIssues + endIssues
        if let start, let end, end <= start { add("request.end", "\(end) must be after the start \(start)") }
        if let bay = request.bay, index.bays[bay] == nil {
            add("request.bay", "unknown bay or mobile unit id \"\(bay)\"")
        }
        if let m = request.mechanic, index.mechanics[m] == nil {
            add("request.mechanic", "unknown mechanic id \"\(m)\"")
        }
        for (i, id) in (request.releasedAppointments ?? []).enumerated()
        where !snapshot.appointments.contains(where: { $0.id == id }) {
            add("request.releasedAppointments[\(i)]", "no appointment \"\(id)\" in the snapshot")
        }
        if let n = request.proposals, n < 1 || n > 50 { add("request.proposals", "must be from 1 to 50, not \(n)") }
        if let n = request.moveDays, n < 0 || n > 366 { add("request.moveDays", "must be from 0 to 366, not \(n)") }
        let (validated, facilityIssues) = ValidatedFacility.check(snapshot)
        issues += facilityIssues
        guard issues.isEmpty, let validated, let start, let end else { throw InputError(issues) }

        // The freed time: released appointments hold nothing.
        let released = Set(request.releasedAppointments ?? [])
        let facility = validated.removingAppointments { released.contains($0.id) }
        var current = snapshot
        current.appointments.removeAll { released.contains($0.id) }
        let slot = facility.scenario.facility.slotMinutes
        // From the freed start, or from the next slot boundary once it has passed.
        let from = max(start, LocalDateTime(absoluteMinutes: (now.absoluteMinutes + slot - 1) / slot * slot))
        let starts = stride(from: from.absoluteMinutes, to: end.absoluteMinutes, by: slot).map {
            LocalDateTime(absoluteMinutes: $0)
        }
        let bayType = request.bay.flatMap { id in facility.scenario.bays.first { $0.id == id }?.type }
        let freedMechanic = request.mechanic.flatMap { id in facility.scenario.mechanics.firstIndex { $0.id == id } }
        func freedBay(_ bay: String) -> Bool { request.bay == nil || request.bay == bay }

        var candidates: [Candidate] = []
        var waiting: [Waiting] = []
        // Unscheduled requests: booked as the caller would book them, at the freed starts only.
        var booking = BookingEngine(clock: clock)
        booking.options.alternativesWithMoves = false
        let sources = WaitingSource.all(in: facility).map { ($0.type, $0.id, $0.lines) }
        if !starts.isEmpty {
            for (type, id, lines) in sources {
                let ask = AppointmentRequest(
                    requestId: "\(request.requestId) \(type.rawValue) \(id)", facility: request.facility,
                    source: .init(type: type.rawValue, id: id), preferredStarts: starts.map(\.description),
                    bayType: bayType?.rawValue, mechanic: request.mechanic, caller: request.caller, alternatives: 0)
                guard let decision = try? booking.book(ask, in: current), let a = decision.appointment,
                    freedBay(a.bay ?? a.mobileUnit ?? "")
                else { continue }
                let job = "WAITING \(type.rawValue) \(id)"
                waiting.append(
                    Waiting(
                        job: job, durationMinutes: a.durationMinutes, bayTypes: ServiceLine.bayTypes(of: lines),
                        requiredSkills: a.requiredSkills, preferredSkills: SkillRule.preferredSkills(lines)))
                candidates.append(
                    Candidate(
                        kind: .pullInRequest, job: job, source: (type, id), appointment: nil,
                        start: LocalDateTime(a.start)!, durationMinutes: a.durationMinutes,
                        bay: a.bay ?? a.mobileUnit ?? "", mechanic: a.mechanic,
                        reasons: [
                            "\(type == .estimate ? "estimate" : "work order") \(id) waits with no appointment",
                            "booked as \(request.caller.id) would book it: \(a.assignmentStatus.rawValue)",
                        ]))
            }
        }
        // Appointments waiting for a mechanic, over the freed time: when a mechanic is freed (or
        // nothing narrower than the time is named); a freed bay alone staffs no one.
        for booked in facility.appointments
        where (request.mechanic != nil || request.bay == nil) && booked.status.isActive && booked.mechanic == nil
            && booked.file.needsMechanic != false && booked.start < end && start < booked.end && booked.start >= now
        {
            let others = facility.removingAppointments { $0.id == booked.file.id }
            guard
                let model = try? ShopState(
                    others, placing: work(of: booked, in: facility, preferredMechanic: freedMechanic))
            else { continue }
            let check = Conflicts.check(model, start: booked.start, now: now, strategy: .auto, soft: false)
            guard let m = check.mechanic, freedMechanic == nil || m == freedMechanic,
                check.blocking(overrideGranted: false).isEmpty
            else { continue }
            candidates.append(
                Candidate(
                    kind: .assignMechanic, job: booked.file.id, source: nil, appointment: booked,
                    start: booked.start, durationMinutes: booked.file.durationMinutes, bay: booked.file.bay,
                    mechanic: model.scenario.mechanics[m].id,
                    reasons: [
                        "\(booked.file.id) waits for a mechanic (AWAITING_MANUAL_ASSIGNMENT)",
                        "\(facility.name(ofMechanic: m)) is free \(booked.start.minuteOfDayText)–\(booked.end.minuteOfDayText)",
                    ]))
        }
        // Later appointments that could move earlier.
        if request.includeMoves ?? true, !starts.isEmpty {
            let last = LocalDateTime(date: end.date.adding(days: (request.moveDays ?? 7) + 1), minuteOfDay: 0)
            for booked in facility.appointments
            where ReleaseRules.noShowable.contains(booked.status) && booked.start >= end && booked.start < last {
                let others = facility.removingAppointments { $0.id == booked.file.id }
                guard
                    let model = try? ShopState(
                        others,
                        placing: work(of: booked, in: facility, preferredMechanic: freedMechanic ?? booked.mechanic))
                else { continue }
                for s in starts {
                    let check = Conflicts.check(model, start: s, now: now, strategy: .auto, soft: false)
                    guard let b = check.bay, check.blocking(overrideGranted: false).isEmpty,
                        freedBay(model.scenario.bays[b].id),
                        // Without a freed bay, the freed mechanic is what it comes for.
                        request.bay != nil || freedMechanic == nil || check.mechanic == freedMechanic
                    else { continue }
                    let mechanic =
                        booked.file.needsMechanic == false
                        ? nil : check.mechanic.map { model.scenario.mechanics[$0].id }
                    candidates.append(
                        Candidate(
                            kind: .moveEarlier, job: booked.file.id, source: nil, appointment: booked, start: s,
                            durationMinutes: booked.file.durationMinutes, bay: model.scenario.bays[b].id,
                            mechanic: mechanic,
                            reasons: [
                                "\(booked.file.id) is booked \(booked.start) and could come earlier",
                                "the customer\(booked.file.customerId.map { " \($0)" } ?? "") must agree (reschedule reason CUSTOMER_REQUEST)",
                            ]))
                    break
                }
            }
        }

        // Verified and ranked by the contract objective.
        let plan = try PlanOfRecord(current, facility: facility, waiting: waiting)
        var proposals: [RefillProposal] = []
        var warnings: [Warning] = []
        for c in candidates {
            let (delta, broken) = plan.delta(c)
            if !broken.isEmpty {
                warnings.append(
                    Warning(
                        code: "REFILL_PROPOSAL_REJECTED",
                        message: "\(c.job) at \(c.start) breaks \(broken.joined(separator: "; "))"))
                continue
            }
            let e = c.start.adding(minutes: c.durationMinutes)
            proposals.append(
                RefillProposal(
                    rank: 0, kind: c.kind, estimateId: c.source?.0 == .estimate ? c.source?.1 : nil,
                    workOrderId: c.source?.0 == .workOrder ? c.source?.1 : nil,
                    appointmentId: c.appointment?.file.id, start: c.start.description, end: e.description, bay: c.bay,
                    mechanic: c.mechanic, fromStart: c.kind == .moveEarlier ? c.appointment?.file.start : nil,
                    fromBay: c.kind == .moveEarlier ? c.appointment?.file.bay : nil,
                    fromMechanic: c.kind == .moveEarlier ? c.appointment?.file.mechanic : nil,
                    needsCustomerConsent: c.kind == .moveEarlier, objectiveDelta: delta, verified: true,
                    reasons: c.reasons + ["objective \(delta >= 0 ? "+" : "")\(delta)"]))
        }
        let order: [RefillProposal.Kind] = [.pullInRequest, .assignMechanic, .moveEarlier]
        proposals.sort {
            (
                $0.objectiveDelta, order.firstIndex(of: $0.kind)!, $0.start,
                $0.appointmentId ?? $0.estimateId ?? $0.workOrderId ?? ""
            )
                < (
                    $1.objectiveDelta, order.firstIndex(of: $1.kind)!, $1.start,
                    $1.appointmentId ?? $1.estimateId ?? $1.workOrderId ?? ""
                )
        }
        proposals = Array(proposals.prefix(request.proposals ?? 5))
        for i in proposals.indices { proposals[i].rank = i + 1 }
        return RefillResult(
            requestId: request.requestId, start: start.description, end: end.description, bay: request.bay,
            mechanic: request.mechanic, proposals: proposals, warnings: warnings)
    }

    /// A booked appointment as work to place (its own needs; its source's bay types, else its bay's).
    private func work(of booked: ValidatedFacility.Booked, in facility: ValidatedFacility, preferredMechanic: Int?)
        -> JobToPlace
    {
        let lines = facility.sourceLines(of: booked.file)
        return JobToPlace(
            jobID: "REFILL " + booked.file.id, label: booked.file.id, customerId: booked.file.customerId,
            durationMinutes: booked.file.durationMinutes, requiredSkills: booked.requiredSkills,
            preferredSkills: SkillRule.preferredSkills(lines ?? []),
            bayTypes: lines.map { ServiceLine.bayTypes(of: $0) } ?? [facility.scenario.bays[booked.bay].type],
            preferredStarts: [], preferredMechanic: preferredMechanic, needsMechanic: booked.file.needsMechanic != false
        )
    }

    struct Candidate {
        var kind: RefillProposal.Kind
        /// Its job id in the plan of record.
        var job: String
        var source: (SourceType, String)?
        var appointment: ValidatedFacility.Booked?
        var start: LocalDateTime
        var durationMinutes: Int
        var bay: String
        var mechanic: String?
        var reasons: [String]
    }

    struct Waiting {
        var job: String
        var durationMinutes: Int
        var bayTypes: [BayType]
        var requiredSkills: [String]
        var preferredSkills: [String]
    }
}

/// The snapshot's plan as a contract scenario for the verifier: each active
/// appointment a job with `current` (so a move pays `moved`), mechanic
/// `optional` when it still waits for one (so it pays `unassignedMechanic`),
/// and each waiting request a job left unscheduled.
struct PlanOfRecord {
    let verifier: PlanVerifier
    let assignments: [SolutionFile.Assignment]
    let slotMinutes: Int
    let before: VerificationReport

    init(_ snapshot: BookingSnapshot, facility: ValidatedFacility, waiting: [RefillEngine.Waiting]) throws(InputError) {
        slotMinutes = snapshot.facility.slotMinutes
        var jobs: [ScenarioFile.Job] = []
        var assignments: [SolutionFile.Assignment] = []
        for booked in facility.appointments where booked.status.isActive {
            let a = booked.file
            let lines = facility.sourceLines(of: a) ?? []
            let mode = a.needsMechanic == false ? "none" : a.mechanic == nil ? "optional" : "required"
            jobs.append(
                ScenarioFile.Job(
                    id: a.id, durationMinutes: a.durationMinutes,
                    bayTypes: [facility.scenario.bays[booked.bay].type.rawValue],
                    requiredSkills: booked.requiredSkills, preferredSkills: SkillRule.preferredSkills(lines),
                    mechanic: mode, current: ScenarioFile.Placement(start: a.start, bay: a.bay, mechanic: a.mechanic)))
            assignments.append(Self.assignment(a.id, booked.start, a.durationMinutes, a.bay, a.mechanic, slotMinutes))
        }
        for w in waiting {
            jobs.append(
                ScenarioFile.Job(
                    id: w.job, durationMinutes: w.durationMinutes, bayTypes: w.bayTypes.map(\.rawValue),
                    requiredSkills: w.requiredSkills, preferredSkills: w.preferredSkills, mechanic: "required"))
        }
        let scenario = try Scenario(
            file: ScenarioFile(
                facility: snapshot.facility, bays: snapshot.bays,
                mechanics: snapshot.mechanics.map {
                    ScenarioFile.Mechanic(id: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts)
                }, jobs: jobs, weights: snapshot.weights))
        verifier = PlanVerifier(scenario: scenario)
        self.assignments = assignments
        before = verifier.verify(Self.solution(scenario, assignments))
    }

    static func assignment(
        _ job: String, _ start: LocalDateTime, _ minutes: Int, _ bay: String, _ mechanic: String?, _ slot: Int
    ) -> SolutionFile.Assignment {
        let slots = (minutes + slot - 1) / slot
        return SolutionFile.Assignment(
            job: job, start: start.description, end: start.adding(minutes: slots * slot).description, bay: bay,
            mechanic: mechanic)
    }

    /// The plan, every job not assigned listed as unscheduled (waiting).
    static func solution(_ scenario: Scenario, _ assignments: [SolutionFile.Assignment]) -> SolutionFile {
        let assigned = Set(assignments.map(\.job))
        return SolutionFile(
            scenario: scenario.facility.id, strategy: "refill", status: "feasible", objective: nil, bound: nil,
            seconds: 0, assignments: assignments,
            unscheduled: scenario.jobs.filter { !assigned.contains($0.id) }.map {
                SolutionFile.Unscheduled(job: $0.id, reasons: ["waiting"])
            })
    }

    /// The objective change of `c`, and the rules its plan breaks that the current plan keeps.
    func delta(_ c: RefillEngine.Candidate) -> (Int, [String]) {
        var list = assignments.filter { $0.job != c.job }
        list.append(Self.assignment(c.job, c.start, c.durationMinutes, c.bay, c.mechanic, slotMinutes))
        let after = verifier.verify(Self.solution(verifier.scenario, list))
        let known = Set(before.violations.map(\.message))
        return (
            after.objective - before.objective,
            after.violations.filter { !known.contains($0.message) }.map(\.description)
        )
    }
}
