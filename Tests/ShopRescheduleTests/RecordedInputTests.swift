import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import ShopVerifier
import Testing

/// What the engines copy into their records, and the day a replan is about:
/// checked, each problem named by the field of the file it is in.
@Suite("recorded input")
struct RecordedInputTests {
    static let now = "2026-11-23T09:00"
    static let day = Shop.snapshot([Shop.appointment()])

    func paths(_ request: RescheduleRequest, _ snapshot: BookingSnapshot = Self.day) throws -> [ValidationIssue] {
        let error = try #require(throws: InputError.self) {
            _ = try RescheduleEngine(clock: FixedClock(Shop.at(Self.now))).reschedule(request, in: snapshot)
        }
        return error.issues
    }

    /// W1: the approval's and the confirmation's times were copied into the update and audit unchecked.
    @Test func approvalAndConfirmationTimesMustBePastLocalTimes() throws {
        for bad in ["not-a-time", "", "2026-11-23T25:99"] {
            let approval = Shop.request(notes: "ok", manager: ManagerApproval(approvedBy: "mgr-1", approvedAt: bad))
            #expect(
                try paths(approval) == [
                    ValidationIssue(
                        path: "request.managerApproval.approvedAt",
                        message: "\"\(bad)\" is not a local time YYYY-MM-DDTHH:MM")
                ])
            let confirmation = Shop.request(confirmation: CustomerConfirmation(channel: "PHONE", confirmedAt: bad))
            #expect(try paths(confirmation).map(\.path) == ["request.customerConfirmation.confirmedAt"])
        }
        let future = Shop.request(
            notes: "ok", manager: ManagerApproval(approvedBy: "mgr-1", approvedAt: "2026-11-23T09:30"),
            confirmation: CustomerConfirmation(channel: "PHONE", confirmedAt: "2026-11-24T08:00"))
        #expect(
            try paths(future) == [
                ValidationIssue(
                    path: "request.managerApproval.approvedAt",
                    message: "2026-11-23T09:30 is after now (2026-11-23T09:00): an approval cannot come from the future"
                ),
                ValidationIssue(
                    path: "request.customerConfirmation.confirmedAt",
                    message:
                        "2026-11-24T08:00 is after now (2026-11-23T09:00): a confirmation cannot come from the future"),
            ])
        #expect(
            try paths(Shop.request(confirmation: CustomerConfirmation(channel: "  "))).map(\.path) == [
                "request.customerConfirmation.channel"
            ])

        // Times up to now pass, into the records as given.
        let fine = Shop.request(
            notes: "ok", manager: ManagerApproval(approvedBy: "mgr-1", approvedAt: "2026-11-23T08:55"),
            confirmation: CustomerConfirmation(channel: "PHONE", confirmedAt: Self.now))
        let decision = try Shop.reschedule(fine, Self.day, now: Self.now)
        #expect(decision.outcome == .rescheduled, "\(decision.denials)")
        #expect(decision.audit.contains { $0.details["approvedAt"] == "2026-11-23T08:55" })
        #expect(decision.update?.customerConfirmation?.confirmedAt == Self.now)
    }

    /// The snapshot's history is copied forward (and restored on a replay): its times are checked too.
    @Test func historyTimesAreLocalTimes() throws {
        var snapshot = Self.day
        snapshot.appointments[0].history = [
            AppointmentHistoryEntry(
                start: "2026-11-23T10:00", durationMinutes: 60, bay: "BAY-1", mechanic: "M-1", changedAt: "yesterday",
                changedBy: "sched-1", reason: "SHOP_CAPACITY", requestKey: "RS-0")
        ]
        #expect(try paths(Shop.request(), snapshot).map(\.path) == ["appointments[0].history[0].changedAt"])
        let disruption = Disruption(
            requestId: "D-1", facility: "FAC-1", day: "2026-11-24",
            events: [DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-1", from: "2026-11-24T12:00")])
        let error = try #require(throws: InputError.self) {
            _ = try ReplanEngine(clock: FixedClock(Shop.at(Self.now))).replan(disruption, in: snapshot)
        }
        #expect(error.paths == ["appointments[0].history[0].changedAt"])
    }

    func replanIssues(_ disruption: Disruption, now: String = ReplanTests.now) throws -> [ValidationIssue] {
        let error = try #require(throws: InputError.self) {
            _ = try ReplanEngine(clock: FixedClock(Shop.at(now))).replan(disruption, in: ReplanTests.day)
        }
        return error.issues
    }

    /// W5: events of another day than the replan's were dropped: "optimal, 0 changes".
    @Test func eventsOffTheReplanDayAreRefused() throws {
        let tuesday = Disruption(
            requestId: "D-1", facility: "FAC-1", day: "2026-11-23",
            events: [
                DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-1", from: "2026-11-24T12:00"),
                DisruptionEvent(
                    type: .bayOutOfService, bay: "BAY-1", from: "2026-11-22T12:00", until: "2026-11-23T00:00"),
            ])
        #expect(
            try replanIssues(tuesday) == [
                ValidationIssue(
                    path: "disruption.events[0].from", message: "2026-11-24T12:00 is not on the replan day 2026-11-23"),
                ValidationIssue(
                    path: "disruption.events[1].from", message: "2026-11-22T12:00 is not on the replan day 2026-11-23"),
                ValidationIssue(
                    path: "disruption.events[1].until",
                    message: "2026-11-23T00:00 is not after the start of the replan day 2026-11-23"),
            ])
        // Without from, an event begins now: an until before now is refused (it made a reversed range).
        let over = Disruption(
            requestId: "D-1", facility: "FAC-1",
            events: [
                DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-1", until: "2026-11-23T10:00")
            ])
        #expect(
            try replanIssues(over) == [
                ValidationIssue(
                    path: "disruption.events[0].until",
                    message: "2026-11-23T10:00 is not after now (2026-11-23T11:30), when an event without from begins")
            ])
        // Without a day, the day is today's: the same.
        var today = tuesday
        today.day = nil
        #expect(try replanIssues(today).first?.path == "disruption.events[0].from")
        // An overrun of an appointment of another day.
        var snapshot = ReplanTests.day
        snapshot.appointments.append(Shop.appointment("T-5", "2026-11-24T10:00", customer: "C-5"))
        let overrun = Disruption(
            requestId: "D-1", facility: "FAC-1",
            events: [DisruptionEvent(type: .jobOverrun, appointment: "T-5", minutes: 30)])
        let error = try #require(throws: InputError.self) {
            _ = try ReplanEngine(clock: FixedClock(Shop.at(ReplanTests.now))).replan(overrun, in: snapshot)
        }
        #expect(
            error.issues == [
                ValidationIssue(
                    path: "disruption.events[0].appointment",
                    message: "T-5 starts 2026-11-24T10:00, not on the replan day 2026-11-23")
            ])
        // Until the next midnight is on the day; the disruption is then replanned and verified.
        let fine = try ReplanTests.replan(
            [
                DisruptionEvent(
                    type: .bayOutOfService, bay: "BAY-2", from: "2026-11-23T13:00",
                    until: "2026-11-24T00:00")
            ], ReplanTests.day)
        #expect(!fine.changes.isEmpty)
        // An outage that lasts past the day ("until tomorrow noon", as a backend reports it)
        // is held to midnight on this day's replan: the same changes as until midnight (review).
        let longer = try ReplanTests.replan(
            [
                DisruptionEvent(
                    type: .bayOutOfService, bay: "BAY-2", from: "2026-11-23T13:00",
                    until: "2026-11-24T12:00")
            ], ReplanTests.day)
        #expect(longer.changes == fine.changes)
    }

    /// W5: a day already over is not replanned (everything would be pinned, perhaps infeasibly).
    @Test func aDayAlreadyOverIsRefused() throws {
        let disruption = Disruption(
            requestId: "D-1", facility: "FAC-1", day: "2026-11-23",
            events: [DisruptionEvent(type: .mechanicUnavailable, mechanic: "M-1", from: "2026-11-23T12:00")])
        #expect(
            try replanIssues(disruption, now: "2026-11-24T08:00") == [
                ValidationIssue(
                    path: "disruption.day",
                    message:
                        "2026-11-23 is over (now is 2026-11-24T08:00); only today or a day to come can be replanned")
            ])
        var blank = disruption
        blank.reportedBy = " "
        #expect(try replanIssues(blank).map(\.path) == ["disruption.reportedBy"])
    }

    /// An urgent job's bad fields were blamed on the snapshot's `jobs[5].priority`, a field that does not exist.
    @Test func urgentJobProblemsNameTheDisruptionsField() throws {
        let job = UrgentJob(id: "U-1", durationMinutes: 60, bayTypes: ["GENERAL_SERVICE_BAY"], priority: 2_000_000)
        let priority = Disruption(
            requestId: "D-1", facility: "FAC-1", events: [DisruptionEvent(type: .urgentJob, job: job)])
        #expect(
            try replanIssues(priority) == [
                ValidationIssue(
                    path: "disruption.events[0].job.priority",
                    message: "must be a whole number from 1 to \(Scenario.maxPriority), not 2000000")
            ])
        var twice = job
        twice.priority = nil
        let duplicate = Disruption(
            requestId: "D-1", facility: "FAC-1",
            events: [
                DisruptionEvent(type: .urgentJob, job: twice), DisruptionEvent(type: .urgentJob, job: twice),
            ])
        #expect(
            try replanIssues(duplicate) == [
                ValidationIssue(
                    path: "disruption.events[1].job.id", message: "\"U-1\" is also the urgent job of events[0]")
            ])
    }
}
