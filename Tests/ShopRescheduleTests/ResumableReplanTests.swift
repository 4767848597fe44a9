import ShopBooking
import ShopDomain
import ShopReschedule
import Testing

/// Replanning a day with work that may pause (contract §7, issue 18): work
/// started on an earlier day holds its bay and mechanic as it is; work of the
/// day moves by the §7 rule; a disruption that meets a bay held over a pause
/// is told, never silently dropped. Every plan goes through the verifier
/// (`ReplanTests.verify`).
@Suite("replan: work that may pause")
struct ResumableReplanTests {
    /// `minutes` of resumable work with M-1 on BAY-2 (the only lift) from `start`.
    static func job(_ start: String, minutes: Int, status: String) -> BookedAppointment {
        var a = Shop.appointment("R-1", start, minutes: minutes, bay: "BAY-2", mechanic: "M-1", status: status)
        a.resumable = true
        return a
    }
    static func range(_ start: String, _ end: String) -> SolutionFile.WorkRange {
        SolutionFile.WorkRange(start: start, end: end)
    }
    /// `snapshot` replanned Monday 10:00 with BAY-2 out of service Mon 19:00 – Tue 07:00.
    static func replanWithOvernightOutage(
        _ snapshot: BookingSnapshot, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ReplanResult {
        try ReplanTests.replan(
            [
                DisruptionEvent(
                    type: .bayOutOfService, bay: "BAY-2", from: "2026-11-23T19:00", until: "2026-11-24T07:00")
            ], snapshot, now: "2026-11-23T10:00", sourceLocation: sourceLocation)
    }
    static let liftJob = UrgentJob(id: "U-1", durationMinutes: 60, bayTypes: ["LIFT_BAY"], requiredSkills: ["BRAKES"])

    // A 25-hour job started Monday 08:00 with M-1 (08:00–17:00): Mon 9 h, Tue 9 h,
    // Wed 08:00–15:00. Replanned Tuesday 10:00 after M-2 goes home, with an urgent
    // lift job: R-1 is not replanned, it holds BAY-2 all Tuesday and M-1's Tuesday,
    // so the urgent job has no place (BAY-2 is the only lift).
    @Test func dayTwoOfAThreeDayJobIsPinnedWhereItIs() throws {
        let snapshot = Shop.snapshot([Self.job("2026-11-23T08:00", minutes: 1500, status: "IN_PROGRESS")])
        let booked = try #require(try ValidatedFacility(snapshot).appointments.first)
        #expect(booked.end == Shop.at("2026-11-25T15:00"))
        let result = try ReplanTests.replan(
            [
                DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-2", from: "2026-11-24T10:00"),
                DisruptionEvent(type: .urgentJob, job: Self.liftJob),
            ], snapshot, now: "2026-11-24T10:00")
        #expect(!result.changes.contains { $0.appointment == "R-1" })
        #expect(!result.atRisk.contains { $0.appointment == "R-1" })
        let lift = try #require(result.scenario.bays.first { $0.id == "BAY-2" })
        #expect(lift.outOfService?.contains(.init(start: "2026-11-24T00:00", end: "2026-11-25T00:00")) == true)
        let m1 = try #require(result.scenario.mechanics.first { $0.id == "M-1" })
        #expect(!(m1.shifts ?? []).contains { $0.start.hasPrefix("2026-11-24") || $0.end.hasPrefix("2026-11-24") })
        #expect(!result.plan.assignments.contains { $0.job == "U-1" })
        #expect(result.atRisk.contains { $0.appointment == "U-1" })
    }

    // The same job, and M-1 goes home at 14:00 on Tuesday: it stays where it is
    // and is flagged to be handed over, as a started job of the day would be.
    @Test func dayTwoMechanicGoneIsToldHandItOver() throws {
        let snapshot = Shop.snapshot([Self.job("2026-11-23T08:00", minutes: 1500, status: "IN_PROGRESS")])
        let result = try ReplanTests.replan(
            [DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-1", from: "2026-11-24T14:00")], snapshot,
            now: "2026-11-24T10:00")
        #expect(!result.changes.contains { $0.appointment == "R-1" })
        let risk = try #require(result.atRisk.first { $0.appointment == "R-1" })
        #expect(risk.why.contains("hand it over"))
    }

    // M-1 and M-2 work 08:00–12:00 and 13:00–17:00. A 5-hour job booked Tuesday
    // 09:00 with M-1 works 09–12 and 13–15. BAY-2 is out of service 08:30–10:00:
    // the job cannot start before 10:00 (its bay held from the start), and 10:00 with
    // M-1 (no mechanic change) is the cheapest start left: it works 10–12, 13–16
    // and ends an hour late.
    @Test func notStartedWorkMovesByTheRule() throws {
        let split = (23...29).flatMap { day in
            [
                ScenarioFile.TimeRange(start: "2026-11-\(day)T08:00", end: "2026-11-\(day)T12:00"),
                ScenarioFile.TimeRange(start: "2026-11-\(day)T13:00", end: "2026-11-\(day)T17:00"),
            ]
        }
        let snapshot = Shop.snapshot(
            [Self.job("2026-11-24T09:00", minutes: 300, status: "SCHEDULED")],
            mechanics: [
                BookingSnapshot.Mechanic(id: "M-1", name: "J. Doe", skills: ["BRAKES"], shifts: split),
                BookingSnapshot.Mechanic(id: "M-2", name: "A. Smith", skills: ["BRAKES"], shifts: split),
            ])
        let result = try ReplanTests.replan(
            [
                DisruptionEvent(
                    type: .bayOutOfService, bay: "BAY-2", from: "2026-11-24T08:30", until: "2026-11-24T10:00")
            ], snapshot, now: "2026-11-24T08:30")
        #expect(result.scenario.jobs.first?.resumable == true)
        let change = try #require(result.changes.first { $0.appointment == "R-1" })
        #expect(change.kind == .moved && change.toStart == "2026-11-24T10:00")
        #expect(change.toBay == "BAY-2" && change.toMechanic == "M-1")
        let work = [
            Self.range("2026-11-24T10:00", "2026-11-24T12:00"), Self.range("2026-11-24T13:00", "2026-11-24T16:00"),
        ]
        #expect(change.toWork == work && change.toEnd == "2026-11-24T16:00")
        #expect(result.plan.assignments.first { $0.job == "R-1" }?.work == work)
        #expect(result.appointments.first { $0.id == "R-1" }?.resumable == true)
        let late = try #require(result.atRisk.first { $0.appointment == "R-1" })
        #expect(late.promisedEnd == "2026-11-24T15:00" && late.delayMinutes == 60)
        // The event and the work order's planned time read the same §7 ends (booked 09–12,
        // 13–15; moved 10–12, 13–16), not start plus duration (14:00 and 15:00).
        let event = try #require(result.events.first { $0.appointmentId == "R-1" })
        #expect(event.previousEnd == "2026-11-24T15:00" && event.newEnd == "2026-11-24T16:00")
    }

    // A 15-hour job started Monday 08:00 with M-1: Mon 08–17, Tue 08–14. Replanned
    // Monday 10:00; BAY-2 is to be out of service over the night (Mon 19:00 – Tue
    // 07:00), while the car is on it. The job stays; the day plans its Monday part
    // and holds BAY-2 to midnight; the outage begins when the job ends (a warning).
    @Test func outageOfAHeldBayOverTheNightWaitsForTheStartedJob() throws {
        let snapshot = Shop.snapshot([Self.job("2026-11-23T08:00", minutes: 900, status: "IN_PROGRESS")])
        let result = try Self.replanWithOvernightOutage(snapshot)
        let job = try #require(result.scenario.jobs.first { $0.id == "R-1" })
        #expect(job.resumable == true && job.durationMinutes == 540 && job.pinned?.start == "2026-11-23T08:00")
        #expect(result.plan.assignments.first { $0.job == "R-1" }?.end == "2026-11-23T17:00")
        let lift = try #require(result.scenario.bays.first { $0.id == "BAY-2" })
        #expect(lift.outOfService == [.init(start: "2026-11-23T17:00", end: "2026-11-24T00:00")])
        let warning = try #require(result.warnings.first { $0.code == "OUTAGE_AFTER_STARTED_JOB" })
        #expect(warning.message.contains("R-1") && warning.message.contains("2026-11-24T14:00"))
        #expect(!result.changes.contains { $0.appointment == "R-1" })
    }

    // The same outage, and the job is booked to start Monday 14:00 (not started):
    // its pin no longer holds, and a one-day replan cannot place work that runs on
    // past the day, so it is reported with no place today: it needs rebooking.
    @Test func outageOfAHeldBayUnschedulesWorkNotStarted() throws {
        let snapshot = Shop.snapshot([Self.job("2026-11-23T14:00", minutes: 900, status: "SCHEDULED")])
        let result = try Self.replanWithOvernightOutage(snapshot)
        let change = try #require(result.changes.first { $0.appointment == "R-1" })
        #expect(change.kind == .unscheduled && change.reason == "EQUIPMENT_ISSUE")
        #expect(result.atRisk.contains { $0.appointment == "R-1" && $0.expectedEnd == nil })
    }

    // Not started, running past the day, and nothing meets it: it stays pinned and
    // holds BAY-2 to midnight, so an urgent lift job finds no room after 17:00.
    @Test func workRunningPastTheDayStaysAndHoldsItsBay() throws {
        let snapshot = Shop.snapshot([Self.job("2026-11-23T14:00", minutes: 900, status: "SCHEDULED")])
        let result = try ReplanTests.replan(
            [DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-2", from: "2026-11-23T10:00")], snapshot,
            now: "2026-11-23T10:00")
        #expect(result.changes.isEmpty)
        let job = try #require(result.scenario.jobs.first { $0.id == "R-1" })
        #expect(job.pinned != nil && job.durationMinutes == 180)
        let lift = try #require(result.scenario.bays.first { $0.id == "BAY-2" })
        #expect(lift.outOfService == [.init(start: "2026-11-23T17:00", end: "2026-11-24T00:00")])
    }
}
