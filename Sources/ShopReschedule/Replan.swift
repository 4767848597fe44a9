import Foundation
import MILP
import ShopDomain
import ShopOperations
import ShopPlanner

/// A replanned day (`shopsched.replan/1`): the new plan, what changes and why,
/// what is now at risk, and the events, notifications and audit records the
/// changes imply. The backend persists it as it is.
public struct ReplanResult: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.replan/1"

    public var format: String = ReplanResult.formatName
    public var requestId: String
    public var facility: String
    public var day: String
    public var now: String
    /// The solve's status (written as in the solution file: `optimal`, `feasible`, `infeasible`, `error`).
    public var status: PlanStatus
    public var objective: Int?
    public var bound: Int?
    public var seconds: Double
    public var problems: [String]
    /// The day as a contract scenario: started (and, by policy, confirmed)
    /// appointments pinned, the others with `current`, the disruption applied.
    /// `plan` is a solution of it (`shopsched verify` checks one against the other).
    public var scenario: ScenarioFile
    public var plan: SolutionFile
    /// The changed appointments as they are to be stored (new placement, the old one in `history`).
    public var appointments: [BookedAppointment]
    public var changes: [ReplanChange]
    public var atRisk: [AtRisk]
    public var events: [RescheduleEvent]
    public var outbox: NotificationOutbox
    public var audit: [AuditRecord]
    public var warnings: [Warning]
    /// The new planned times of the changed appointments' work orders, for Work Execution.
    public var workOrderUpdates: [WorkOrderPlanUpdated]? = nil
}

/// One appointment the replan changes (or the urgent job it adds).
public struct ReplanChange: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// Another start (bay and mechanic may change too).
        case moved = "MOVED"
        /// Same start, another bay or mechanic.
        case reassigned = "REASSIGNED"
        /// No place today: it needs rebooking.
        case unscheduled = "UNSCHEDULED"
        /// An urgent job placed.
        case added = "ADDED"
    }
    public var appointment: String
    public var kind: Kind
    public var fromStart: String?
    public var toStart: String?
    public var fromBay: String?
    public var toBay: String?
    public var fromMechanic: String?
    public var toMechanic: String?
    /// The new end when the work may pause (contract §7): the end of its last work range,
    /// perhaps on a later day; `nil` for work in one stretch (`toStart` plus its duration).
    public var toEnd: String? = nil
    /// The new work ranges when the work may pause (contract §7), in order; `nil` otherwise.
    public var toWork: [SolutionFile.WorkRange]? = nil
    /// A ``RescheduleReason`` raw value.
    public var reason: String
    /// Why, in words (which disruption it follows from).
    public var why: String
}

/// A job that may miss its promised time (its booked end), or has no place today.
public struct AtRisk: Codable, Hashable, Sendable {
    public var appointment: String
    public var promisedEnd: String?
    /// `nil` when it has no place today.
    public var expectedEnd: String?
    public var delayMinutes: Int?
    public var why: String
}

extension AtRisk {
    /// A job that ends `expectedEnd`, after its `promisedEnd`; `why` is told the delay in minutes.
    static func late(
        _ appointment: String, promisedEnd: LocalDateTime, expectedEnd: LocalDateTime, why: (Int) -> String
    ) -> AtRisk {
        let delay = expectedEnd.absoluteMinutes - promisedEnd.absoluteMinutes
        return AtRisk(
            appointment: appointment, promisedEnd: promisedEnd.description, expectedEnd: expectedEnd.description,
            delayMinutes: delay, why: why(delay))
    }
}

/// Replans a day after a disruption, moving as little as possible: a pure
/// function of a snapshot, a ``Disruption`` and the injected clock.
///
/// The day becomes a contract scenario (``ReplanDay``); ShopPlanner's MILP
/// solves it; the contract's `moved`, `changedBay` and `changedMechanic`
/// weights, with each movable appointment's present start as its preferred
/// start, make the fewest and smallest changes win.
///
/// ```swift
/// let engine = ReplanEngine(clock: FixedClock(LocalDateTime("2026-11-23T11:30")!))
/// let result = try engine.replan(disruption, in: snapshot)
/// for change in result.changes { print(change.appointment, change.why) }
/// ```
public struct ReplanEngine: Sendable {
    public var clock: any ShopClock
    public var ids: any BookingIDGenerator
    /// Threads for the MILP (independent parts side by side).
    public var threads: Int

    public init(clock: any ShopClock, ids: any BookingIDGenerator = StableIDGenerator(), threads: Int = 1) {
        self.clock = clock
        self.ids = ids
        self.threads = threads
    }

    public static let defaultTimeLimitSeconds = 10.0

    /// The MILP as a replan uses it: branching first on whether each job is in
    /// (`branchOnJobs`), clique cuts only. On replanned days most jobs are
    /// pinned and the question is which job, if any, must go; on generated
    /// sick-mechanic days these settings prove the optimum much sooner than
    /// the default ones (the figures: `Benchmarks/README.md`, "Figures the
    /// code relies on").
    public static var strategy: MILPStrategy {
        var glpk = MILPStrategy.defaultGLPK
        glpk.cuts = [.clique]
        return MILPStrategy(solver: PricedSolver(base: glpk, search: glpk), branchOnJobs: true)
    }

    /// Throws ``InputError`` (every problem; snapshot paths as in booking, the
    /// disruption's as `disruption.events[0].mechanic`) on bad input.
    public func replan(_ disruption: Disruption, in snapshot: BookingSnapshot) throws(InputError) -> ReplanResult {
        let recorder = ChangeRecorder(
            ids: ids, clock: clock, facility: disruption.facility,
            timeZone: snapshot.facility.timeZone, actor: disruption.reportedBy ?? "replan",
            requestKey: disruption.requestId)
        let day = try ReplanDay(snapshot: snapshot, disruption: disruption, now: recorder.now)
        let instance = day.instance
        var options = PlanOptions()
        options.threads = max(1, threads)
        options.timeLimitSeconds = disruption.policy?.timeLimitSeconds ?? Self.defaultTimeLimitSeconds
        let result = Self.strategy.plan(instance, options: options)
        return ReplanReport(day: day, instance: instance, result: result, disruption: disruption, recorder: recorder)
            .make()
    }
}

/// Turns a solve into the changes, risks, events, notifications and audit records.
struct ReplanReport {
    let day: ReplanDay
    let instance: Instance
    let result: PlanResult
    let disruption: Disruption
    /// Ids, audit, events, notifications and work-order updates of the changes.
    let recorder: ChangeRecorder

    func make() -> ReplanResult {
        var recorder = self.recorder
        let now = recorder.now, actor = recorder.actor
        let hasPlan = result.status == .optimal || result.status == .feasible
        var out = ReplanResult(
            requestId: disruption.requestId, facility: disruption.facility, day: day.date.description,
            now: now.description,
            status: result.status, objective: hasPlan ? result.objective : nil, bound: result.bound,
            seconds: (result.seconds * 1000).rounded() / 1000, problems: result.problems, scenario: day.file,
            plan: result.solutionFile(), appointments: [], changes: [], atRisk: day.atRisk, events: [],
            outbox: NotificationOutbox(), audit: [], warnings: day.warnings)
        guard hasPlan else {
            recorder.audit.add(
                RescheduleAuditType.replanned,
                [
                    "status": result.status.rawValue,
                    "problems": result.problems.joined(separator: "; "),
                ])
            out.audit = recorder.audit.records
            return out
        }
        for (j, job) in instance.jobs.enumerated() {
            let placed = result.placements[j]
            guard let index = day.appointmentOfJob[j] else {
                // The urgent job.
                if let p = placed {
                    out.changes.append(
                        ReplanChange(
                            appointment: job.id, kind: .added, toStart: instance.time(ofSlot: p.start).description,
                            toBay: instance.bays[p.bay].id, toMechanic: p.mechanic.map { instance.mechanics[$0].id },
                            reason: RescheduleReason.emergency.rawValue, why: "urgent job added"))
                } else {
                    out.atRisk.append(AtRisk(appointment: job.id, why: "urgent job: no place today (\(reasons(j)))"))
                }
                continue
            }
            let booked = day.snapshot.appointments[index]
            let promisedEnd = day.promisedEnds[j]!
            guard let from = job.current else {
                // Pinned: it stays; an overrun (or, for work that may pause, its mechanic's
                // time off) may still make it late. Work running past the day ends on a later
                // day, beyond this replan.
                if let p = placed, day.runsPastDay[j] == nil {
                    let end = self.end(j, p)
                    if end > promisedEnd,
                        !out.atRisk.contains(where: { $0.appointment == booked.id && $0.expectedEnd != nil })
                    {
                        out.atRisk.append(
                            .late(booked.id, promisedEnd: promisedEnd, expectedEnd: end) { "runs \($0) min over" })
                    }
                }
                continue
            }
            guard placed != from else { continue }
            let (reason, why) = cause(j, from)
            let fromStart = instance.time(ofSlot: from.start)
            let fromBay = instance.bays[from.bay].id, fromMechanic = from.mechanic.map { instance.mechanics[$0].id }
            var to: (start: LocalDateTime, bay: String, mechanic: String?)?
            let work = placed.flatMap { p in job.resumable ? instance.occupation(job: j, p).work : nil }
            if let p = placed {
                to = (
                    instance.time(ofSlot: p.start), instance.bays[p.bay].id,
                    p.mechanic.map { instance.mechanics[$0].id }
                )
            }
            out.changes.append(
                ReplanChange(
                    appointment: booked.id,
                    kind: to == nil ? .unscheduled : to!.start != fromStart ? .moved : .reassigned,
                    fromStart: fromStart.description, toStart: to?.start.description, fromBay: fromBay, toBay: to?.bay,
                    fromMechanic: fromMechanic, toMechanic: to?.mechanic,
                    toEnd: work.map { instance.time(ofSlot: $0[$0.count - 1].upperBound).description },
                    toWork: work.map { ResumableWork.written(ResumableWork.times(instance, $0)) }, reason: reason,
                    why: why))
            var change = ChangeRecorder.Change(
                appointment: booked, fromStart: fromStart, fromBay: fromBay,
                fromMechanic: fromMechanic, to: to, reason: reason, notes: why,
                countsAsReschedule: false)
            // The events, calendars and planned times read the §7 ends of work that may pause
            // (other work keeps start plus its booked duration there).
            if job.resumable {
                change.fromEnd = promisedEnd
                change.toEnd = placed.map { end(j, $0) }
            }
            if let p = placed, to != nil, let stored = recorder.stored(change) {
                out.appointments.append(stored)
                let end = self.end(j, p)
                if end > promisedEnd {
                    out.atRisk.append(
                        .late(booked.id, promisedEnd: promisedEnd, expectedEnd: end) { _ in "moved later: \(why)" })
                }
            } else {
                out.atRisk.append(
                    AtRisk(
                        appointment: booked.id, promisedEnd: promisedEnd.description,
                        why: "no place today (\(reasons(j))): \(why)"))
            }
            // Event, notifications, work order and audit, as for a reschedule.
            let notice = recorder.minutes(until: change.noticeFrom)
            let timeChanged = to?.start != fromStart
            recorder.record(
                change, noticeMinutes: notice, notifyCustomer: timeChanged,
                mandatory: timeChanged && notice < 24 * 60)
            recorder.audit.add(
                RescheduleAuditType.rescheduled, appointment: booked.id,
                [
                    "by": actor, "reason": reason, "why": why, "from": fromStart.description,
                    "to": to?.start.description ?? "", "bay": "\(fromBay)→\(to?.bay ?? "-")",
                    "mechanic": "\(fromMechanic ?? "-")→\(to?.mechanic ?? "-")", "noticeMinutes": String(notice),
                ])
        }
        recorder.finish()
        out.events = recorder.events
        out.outbox = recorder.outbox
        out.workOrderUpdates = recorder.workOrderUpdates.isEmpty ? nil : recorder.workOrderUpdates
        recorder.audit.add(
            RescheduleAuditType.replanned,
            [
                "status": result.status.rawValue, "objective": result.objective.map(String.init) ?? "",
                "disruptions": disruption.events.map(\.type).joined(separator: ","),
                "changes": String(out.changes.count), "atRisk": out.atRisk.map(\.appointment).joined(separator: ","),
            ])
        out.audit = recorder.audit.records
        return out
    }

    /// Where job `j` placed at `p` ends: for work that may pause, its last work slot's end (contract §7).
    func end(_ j: Int, _ p: SlotPlacement) -> LocalDateTime {
        guard instance.jobs[j].resumable else {
            return instance.time(ofSlot: p.start).adding(minutes: day.scenario.jobs[j].durationMinutes)
        }
        return instance.time(ofSlot: instance.occupation(job: j, p).end)
    }

    func reasons(_ j: Int) -> String {
        (result.reasons[j] ?? []).map(\.rawValue).joined(separator: ", ").nonEmptyOr("no room")
    }

    /// Which disruption a change follows from: its own mechanic or bay gone at
    /// its time, an overrunning job in its bay or mechanic's way, or else room
    /// made for the others (a knock-on) or for an urgent job.
    func cause(_ j: Int, _ from: SlotPlacement) -> (String, String) {
        let start = instance.time(ofSlot: from.start)
        let range = start.absoluteMinutes..<end(j, from).absoluteMinutes
        if let m = from.mechanic,
            let outage = day.mechanicOutages.first(where: {
                $0.mechanic == instance.mechanics[m].id && $0.range.overlaps(range)
            })
        {
            return (RescheduleReason.mechanicUnavailable.rawValue, "\(outage.mechanic) unavailable \(outage.text)")
        }
        if let outage = day.bayOutages.first(where: { $0.bay == instance.bays[from.bay].id && $0.range.overlaps(range) }
        ) {
            return (RescheduleReason.equipmentIssue.rawValue, "\(outage.bay) out of service \(outage.text)")
        }
        for overrun in day.overruns {
            guard let other = result.placements[overrun.job] ?? instance.jobs[overrun.job].pinned else { continue }
            let otherStart = instance.time(ofSlot: other.start).absoluteMinutes
            let otherRange = otherStart..<(otherStart + instance.jobs[overrun.job].length * instance.slotMinutes)
            if otherRange.overlaps(range),
                other.bay == from.bay || (other.mechanic != nil && other.mechanic == from.mechanic)
            {
                return (
                    RescheduleReason.shopCapacity.rawValue, "\(overrun.appointment) runs \(overrun.minutes) min over"
                )
            }
        }
        if let urgent = day.urgentJobs.first {
            return (RescheduleReason.shopCapacity.rawValue, "makes room for urgent job \(urgent)")
        }
        return (RescheduleReason.shopCapacity.rawValue, "knock-on: makes room for the jobs the disruption moved")
    }
}

extension String {
    func nonEmptyOr(_ fallback: String) -> String { isEmpty ? fallback : self }
}
