import ShopBooking
import ShopDomain
import Testing

/// Rule 5: auto, deferred (complex or long work, or policy), manual; the SLA
/// deadline; deferral still checks that a qualified mechanic will be free.
@Suite("assignment strategy")
struct AssignmentStrategyTests {
    static let complex = BookingPolicy(complexServiceTypes: ["BRAKE_PADS"])

    @Test func complexWorkIsDeferredWithDeadlineAtPriorBusinessDayClose() throws {
        let decision = try Fixture.book(Fixture.request(["2026-11-24T09:00"]), Fixture.snapshot(policy: Self.complex))
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.bay != nil)
        #expect(decision.appointment?.mechanic == nil)
        #expect(decision.appointment?.assignmentStatus == .deferred)
        #expect(decision.appointment?.assignmentDeadline == "2026-11-23T18:00")
        let audit = try #require(decision.audit.first { $0.type == AuditType.assignmentDecision })
        #expect(audit.details["strategy"] == "deferred")
        #expect(audit.details["staffedBy"] == "M-1", "the staffing check found the best qualified mechanic free")
    }

    // Why (review): the day's closing was read from the range that opens last;
    // with overlapping ranges (allowed: open time is their union) that is not
    // the latest close. Monday 08:00–18:00 with 09:00–12:00 closes at 18:00.
    @Test func deadlineIsTheLatestCloseOfOverlappingRanges() throws {
        var snapshot = Fixture.snapshot(policy: Self.complex)
        snapshot.facility.operatingHours["mon"] = [["08:00", "18:00"], ["09:00", "12:00"]]
        let decision = try Fixture.book(Fixture.request(["2026-11-24T09:00"]), snapshot)
        #expect(decision.appointment?.assignmentDeadline == "2026-11-23T18:00")
    }

    @Test func sameDayDeferredWorkIsDueWithinTwoHours() throws {
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T13:00"]), Fixture.snapshot(policy: Self.complex),
            now: Fixture.at("2026-11-23T10:15"))
        #expect(decision.appointment?.assignmentDeadline == "2026-11-23T12:15")
    }

    @Test func deadlineNeverAfterTheStart() throws {
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T11:00"]), Fixture.snapshot(policy: Self.complex),
            now: Fixture.at("2026-11-23T10:15"))
        #expect(decision.appointment?.assignmentDeadline == "2026-11-23T11:00")
    }

    @Test func priorBusinessDaySkipsClosedDays() throws {
        // Monday's prior business day is Saturday (Sunday closed), closing 13:00; now is Saturday 10:00.
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T09:00"]), Fixture.snapshot(policy: Self.complex),
            now: Fixture.at("2026-11-21T10:00"))
        #expect(decision.appointment?.assignmentDeadline == "2026-11-21T13:00")
    }

    @Test func longWorkIsDeferred() throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(lines: [Fixture.brakeLine(minutes: 240)])])
        let decision = try Fixture.book(Fixture.request(["2026-11-24T09:00"]), snapshot)
        #expect(decision.appointment?.assignmentStatus == .deferred)
        let shorter = Fixture.snapshot(estimates: [Fixture.estimate(lines: [Fixture.brakeLine(minutes: 225)])])
        #expect(
            try Fixture.book(Fixture.request(["2026-11-24T09:00"]), shorter).appointment?.assignmentStatus == .assigned)
    }

    @Test func serviceTypeStrategyBeatsTheComplexDefault() throws {
        let policy = BookingPolicy(serviceTypeStrategies: ["BRAKE_PADS": "auto"], complexServiceTypes: ["BRAKE_PADS"])
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot(policy: policy))
        #expect(decision.appointment?.assignmentStatus == .assigned)
        #expect(decision.appointment?.mechanic == "M-1")
    }

    @Test func facilityDeferredStrategy() throws {
        let decision = try Fixture.book(
            Fixture.request(), Fixture.snapshot(policy: BookingPolicy(assignmentStrategy: "deferred")))
        #expect(decision.appointment?.assignmentStatus == .deferred)
    }

    @Test func deferralNeverBooksWhatCannotBeStaffed() throws {
        // M-1 busy with assigned work; M-2 is the only other BRAKES mechanic and an unassigned
        // (deferred) brake appointment at the same time already needs them.
        let booked = [
            Fixture.booked("A-1", "2026-11-24T09:00", minutes: 90, bay: "VAN-1", mechanic: "M-1"),
            Fixture.booked("A-2", "2026-11-24T09:00", minutes: 90, bay: "BAY-2", mechanic: nil),
        ]
        let decision = try Fixture.book(
            Fixture.request(["2026-11-24T09:00"]), Fixture.snapshot(appointments: booked, policy: Self.complex))
        #expect(decision.outcome == .conflicts)
        #expect(decision.conflicts.map(\.code) == [.noMechanicFree])
        // Without A-2 the same request is staffed by M-2.
        let free = try Fixture.book(
            Fixture.request(["2026-11-24T09:00"]),
            Fixture.snapshot(appointments: [booked[0]], policy: Self.complex))
        #expect(free.outcome == .created)
        #expect(free.audit.first { $0.type == AuditType.assignmentDecision }?.details["staffedBy"] == "M-2")
    }

    @Test func manualWithRequestedMechanicAssignsThem() throws {
        let policy = BookingPolicy(assignmentStrategy: "manual")
        let decision = try Fixture.book(Fixture.request(mechanic: "M-2"), Fixture.snapshot(policy: policy))
        #expect(decision.appointment?.mechanic == "M-2")
        #expect(decision.appointment?.assignmentStatus == .assigned)
        let open = try Fixture.book(Fixture.request(), Fixture.snapshot(policy: policy))
        #expect(open.appointment?.mechanic == nil)
        #expect(open.appointment?.assignmentStatus == .awaitingManualAssignment)
        #expect(open.appointment?.assignmentDeadline != nil)
    }
}
