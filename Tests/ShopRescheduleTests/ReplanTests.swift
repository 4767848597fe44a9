import Foundation
import ShopBooking
import ShopDomain
import ShopPlanner
import ShopReschedule
import ShopScenarioGenerator
import ShopTestSupport
import ShopVerifier
import Testing

/// Replanning a day: every plan checked by the independent verifier against the
/// day's scenario, started jobs never moved, and fewer changes than a solve from scratch.
@Suite("replan")
struct ReplanTests {
    static let now = "2026-11-23T11:30"

    static func replan(
        _ events: [DisruptionEvent], _ snapshot: BookingSnapshot, now: String = ReplanTests.now,
        policy: ReplanPolicy? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ReplanResult {
        let disruption = Disruption(
            requestId: "DIS-1", facility: "FAC-1", reportedBy: "dispatch-1", events: events, policy: policy)
        let result = try ReplanEngine(clock: FixedClock(Shop.at(now))).replan(disruption, in: snapshot)
        try verify(result, snapshot, sourceLocation: sourceLocation)
        return result
    }

    /// The plan is feasible for the day's scenario at the objective it reports; no started job moved;
    /// the changes list exactly the appointments whose placement differs.
    static func verify(_ result: ReplanResult, _ snapshot: BookingSnapshot, sourceLocation: SourceLocation) throws {
        #expect(result.status == .optimal, "\(result.problems)", sourceLocation: sourceLocation)
        let scenario = try Scenario(file: result.scenario)
        let report = PlanVerifier.verify(result.plan, against: scenario)
        #expect(report.isFeasible, "\(report)", sourceLocation: sourceLocation)
        #expect(report.objective == result.objective, sourceLocation: sourceLocation)
        let placed = Dictionary(uniqueKeysWithValues: result.plan.assignments.map { ($0.job, $0) })
        let now = Shop.at(result.now)
        for a in snapshot.appointments where BookedPlanCheck.active.contains(a.status) && a.start.hasPrefix(result.day)
        {
            let started = a.status == "IN_PROGRESS" || Shop.at(a.start) < now
            let p = placed[a.id]
            let same = p?.start == a.start && p?.bay == a.bay
            if started {
                #expect(same, "started \(a.id) never moves", sourceLocation: sourceLocation)
            }
            let changed = !(same && (p?.mechanic == a.mechanic || a.mechanic == nil || started))
            #expect(
                result.changes.contains { $0.appointment == a.id } == changed, "\(a.id) in changes",
                sourceLocation: sourceLocation)
        }
    }

    /// Monday, now 11:30. M-1 goes home at 12:00.
    /// S-1 IN_PROGRESS 10:00–12:00 BAY-1 M-1 (started); A-2 SCHEDULED 12:30–13:30 BAY-1 M-1;
    /// A-3 SCHEDULED 14:00–15:00 BAY-2 M-1; C-4 CONFIRMED 13:00–14:00 BAY-2 M-2.
    static let day = Shop.snapshot([
        Shop.appointment(
            "S-1", "2026-11-23T10:00", minutes: 120, bay: "BAY-1", mechanic: "M-1", status: "IN_PROGRESS",
            customer: "C-1"),
        Shop.appointment("A-2", "2026-11-23T12:30", bay: "BAY-1", mechanic: "M-1", customer: "C-2"),
        Shop.appointment("A-3", "2026-11-23T14:00", bay: "BAY-2", mechanic: "M-1", customer: "C-3"),
        Shop.appointment(
            "C-4", "2026-11-23T13:00", bay: "BAY-2", mechanic: "M-2", status: "CONFIRMED", customer: "C-4"),
    ])
    static let sick = DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-1", from: "2026-11-23T12:00")

    @Test func sickMechanicMovesTheFewestAndSmallest() throws {
        let result = try Self.replan([Self.sick], Self.day)
        // A-2 cannot keep 12:30 with M-2 (C-4 holds M-2 from 13:00): it moves 30 min earlier to M-2.
        // A-3 keeps its time and bay and gets M-2. S-1 (started) and C-4 (confirmed) stay.
        #expect(result.changes.map(\.appointment) == ["A-2", "A-3"])
        let a2 = result.changes[0], a3 = result.changes[1]
        #expect(a2.kind == .moved && a2.fromStart == "2026-11-23T12:30" && a2.toStart == "2026-11-23T12:00")
        #expect(a2.toBay == "BAY-1" && a2.fromMechanic == "M-1" && a2.toMechanic == "M-2")
        #expect(a2.reason == "MECHANIC_UNAVAILABLE" && a2.why == "M-1 unavailable from 12:00")
        #expect(a3.kind == .reassigned && a3.toStart == "2026-11-23T14:00" && a3.toMechanic == "M-2")
        // 50 (moved) + 2 slots + 20 (mechanic) for A-2, 20 for A-3.
        #expect(result.objective == 92)
        #expect(result.atRisk.isEmpty, "A-2 ends earlier than promised; A-3 on time")
        #expect(result.appointments.map(\.id) == ["A-2", "A-3"])
        #expect(result.appointments[0].history?.last?.start == "2026-11-23T12:30")
        #expect(result.events.map(\.appointmentId) == ["A-2", "A-3"])
        #expect(result.events[0].reason == "MECHANIC_UNAVAILABLE" && result.events[0].newStart == "2026-11-23T12:00")
        // A-2's customer (time changed, same day: mandatory); M-1 taken off both, M-2 given both; A-3's customer not bothered.
        let outbox = result.outbox.entries.map { "\($0.appointmentId) \($0.recipientKind.rawValue) \($0.recipientId)" }
        #expect(
            outbox == [
                "A-2 CUSTOMER C-2", "A-2 MECHANIC M-1", "A-2 MECHANIC M-2", "A-3 MECHANIC M-1", "A-3 MECHANIC M-2",
            ])
        #expect(result.outbox.entries[0].mandatory && result.outbox.entries[0].calendar != nil)
        #expect(result.audit.last?.type == RescheduleAuditType.replanned)
    }

    @Test func sameDisruptionGivesTheSameIds() throws {
        let first = try Self.replan([Self.sick], Self.day), again = try Self.replan([Self.sick], Self.day)
        #expect(first.events == again.events && first.outbox == again.outbox && first.audit == again.audit)
        #expect(first.changes == again.changes)
    }

    @Test func overrunPushesTheNextJobAndPutsBothAtRisk() throws {
        let result = try Self.replan([DisruptionEvent(type: .jobOverrun, appointment: "S-1", minutes: 45)], Self.day)
        // S-1 now ends 12:45 in BAY-1; A-2 (general bay only) moves to 12:45.
        #expect(result.changes.map(\.appointment) == ["A-2"])
        #expect(result.changes[0].toStart == "2026-11-23T12:45" && result.changes[0].why == "S-1 runs 45 min over")
        #expect(result.atRisk.map(\.appointment).sorted() == ["A-2", "S-1"])
        #expect(result.atRisk.first { $0.appointment == "S-1" }?.delayMinutes == 45)
        #expect(result.atRisk.first { $0.appointment == "A-2" }?.delayMinutes == 15)
    }

    @Test func bayOutageMovesItsJobs() throws {
        let result = try Self.replan(
            [
                DisruptionEvent(
                    type: .bayOutOfService, bay: "BAY-2", from: "2026-11-23T13:30",
                    until: "2026-11-23T15:00")
            ], Self.day)
        // C-4 (confirmed, 13:00–14:00) has no place where it is: it moves although confirmed; A-3 too.
        let moved = Dictionary(uniqueKeysWithValues: result.changes.map { ($0.appointment, $0) })
        #expect(Set(moved.keys) == ["A-3", "C-4"])
        #expect(
            moved.values.allSatisfy { $0.reason == "EQUIPMENT_ISSUE" && $0.why == "BAY-2 out of service 13:30–15:00" })
    }

    @Test func confirmedStayUnlessThePolicySaysSo() throws {
        // C-4 holds M-2 13:00–14:00. Moving it (policy) lets A-2 keep 12:30 with M-2 instead of moving.
        let pinned = try Self.replan([Self.sick], Self.day)
        #expect(!pinned.changes.contains { $0.appointment == "C-4" })
        let free = try Self.replan([Self.sick], Self.day, policy: ReplanPolicy(moveConfirmed: true))
        #expect(free.objective! <= pinned.objective!)
        // A day where moving the confirmed one is far cheaper: M-1 goes home at 12:00, and A-2
        // (4 hours from 12:00) fits M-2's afternoon only if C-4 (confirmed, 13:00–14:00 with M-2) moves.
        let tight = Shop.snapshot([
            Shop.appointment("A-2", "2026-11-23T12:00", minutes: 240, bay: "BAY-1", mechanic: "M-1", customer: "C-2"),
            Shop.appointment(
                "C-4", "2026-11-23T13:00", bay: "BAY-2", mechanic: "M-2", status: "CONFIRMED", customer: "C-4"),
        ])
        let moved = try Self.replan([Self.sick], tight, policy: ReplanPolicy(moveConfirmed: true))
        #expect(moved.changes.contains { $0.appointment == "C-4" }, "the policy lets C-4 move")
        #expect(moved.changes.first { $0.appointment == "A-2" }.map { $0.kind != .unscheduled } == true)
        let kept = try Self.replan([Self.sick], tight)
        #expect(
            !kept.changes.contains { $0.appointment == "C-4" },
            "without the policy C-4 stays although moving it is cheaper")
        #expect(kept.changes.first { $0.appointment == "A-2" }?.kind == .unscheduled)
        #expect(moved.objective! < kept.objective!)
    }

    @Test func urgentJobIsAdded() throws {
        let job = UrgentJob(id: "U-1", durationMinutes: 60, bayTypes: ["LIFT_BAY"], requiredSkills: ["BRAKES"])
        let result = try Self.replan([DisruptionEvent(type: .urgentJob, job: job)], Self.day)
        let added = try #require(result.changes.first { $0.appointment == "U-1" })
        #expect(added.kind == .added && added.toBay == "BAY-2")
        #expect(result.changes.filter { $0.kind != .added }.isEmpty, "BAY-2 is free 11:30–13:00: nobody moves")
    }

    @Test func startedJobWhoseMechanicLeavesStaysAndIsFlagged() throws {
        let result = try Self.replan(
            [DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-1", from: "2026-11-23T11:30")], Self.day)
        #expect(!result.changes.contains { $0.appointment == "S-1" })
        #expect(result.atRisk.contains { $0.appointment == "S-1" && $0.why.contains("hand it over") })
    }

    @Test func badDisruptionNamesEveryField() throws {
        let disruption = Disruption(
            requestId: "", facility: "FAC-9",
            events: [
                DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-9", from: "noon"),
                DisruptionEvent(type: .jobOverrun, appointment: "A-2", minutes: 0),
            ])
        do {
            _ = try ReplanEngine(clock: FixedClock(Shop.at(Self.now))).replan(disruption, in: Self.day)
            Issue.record("expected an InputError")
        } catch {
            #expect(
                error.paths == [
                    "disruption.requestId", "disruption.facility", "disruption.events[0].from",
                    "disruption.events[0].mechanic", "disruption.events[1].minutes",
                ])
        }
    }

    /// A generated, planned day of `booked` appointments (every other one confirmed); at 11:00 the
    /// mechanic with the most work after 12:00 goes home at 12:00. (The benchmark's day has 60;
    /// the test uses 30, to stay fast.)
    static func sickDay(booked: Int = 30) throws -> (BookingSnapshot, Disruption, String) {
        let file = try ScenarioGenerator.scenario(
            GeneratorOptions(
                seed: 1, jobs: booked * 4 / 3, mechanics: booked / 6,
                bays: booked / 6, days: 1))
        var plan = GreedyStrategy().plan(Instance(try Scenario(file: file)), options: PlanOptions()).solutionFile()
        plan.assignments = Array(plan.assignments.prefix(booked))
        let snapshot = BookingSnapshot(booked: file, plan: plan)
        let date = file.facility.horizon.start
        let disruption = try #require(
            Disruption.sickMechanic(in: snapshot, from: Shop.at("\(date)T12:00"), requestId: "SICK-1"))
        return (snapshot, disruption, "\(date)T11:00")
    }

    @Test func generatedDayWithASickMechanicChangesFewerThanFromScratch() throws {
        let (snapshot, disruption, now) = try Self.sickDay()
        let result = try ReplanEngine(clock: FixedClock(Shop.at(now)), threads: 2).replan(disruption, in: snapshot)
        try Self.verify(result, snapshot, sourceLocation: #_sourceLocation)
        #expect(!result.changes.isEmpty)
        #expect(result.changes.allSatisfy { $0.reason == "MECHANIC_UNAVAILABLE" || $0.reason == "SHOP_CAPACITY" })
        // The same scenario without what the replan knows of the present plan (`current`, and the
        // present start the replan prefers), solved from scratch.
        var scratch = result.scenario
        for j in scratch.jobs.indices where scratch.jobs[j].current != nil {
            scratch.jobs[j].current = nil
            scratch.jobs[j].preferredStarts = nil
        }
        var options = PlanOptions()
        options.timeLimitSeconds = 5
        let fromScratch = MILPStrategy().plan(Instance(try Scenario(file: scratch)), options: options).solutionFile()
        let placed = Dictionary(uniqueKeysWithValues: fromScratch.assignments.map { ($0.job, $0) })
        let scratchChanges = result.scenario.jobs.filter { job in
            guard let current = job.current else { return false }
            let p = placed[job.id]
            return p?.start != current.start || p?.bay != current.bay || p?.mechanic != current.mechanic
        }.count
        #expect(result.changes.count < scratchChanges, "replan \(result.changes.count), from scratch \(scratchChanges)")
    }

    // The bundled example (`datasets/reschedule/`, the one the CLI tests run) gives a verified plan.
    @Test func bundledDisruptionGivesAVerifiedPlan() throws {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        let folder = dir.appendingPathComponent("datasets/reschedule")
        let snapshot = try BookingFiles.snapshot(
            from: BookingFiles.read(folder.appendingPathComponent("snapshot.json").path))
        let disruption = try RescheduleFiles.disruption(
            from: BookingFiles.read(folder.appendingPathComponent("disruption.json").path))
        let result = try ReplanEngine(clock: FixedClock(Shop.at("2026-11-23T11:00"))).replan(disruption, in: snapshot)
        try Self.verify(result, snapshot, sourceLocation: #_sourceLocation)
        #expect(result.changes.map(\.appointment) == ["APT-4", "APT-5"])
    }
}
