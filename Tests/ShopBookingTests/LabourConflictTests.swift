import ShopBooking
import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

/// Booking against `facility.labourMinutesPerDay`: a booking that gets a
/// mechanic adds its minutes to its start day's booked labour (active
/// appointments with a mechanic); above the limit is LABOUR_LIMIT_EXCEEDED
/// (overridable), above the warning LABOUR_ABOVE_WARNING (soft).
@Suite("Booking: labour hours per day")
struct LabourConflictTests {
    func codes(_ decision: BookingDecision) -> [ConflictCode] { decision.conflicts.map(\.code) }

    /// Monday: 420 minutes booked with M-2 on the van (08:00–12:00 and 13:00–16:00); an
    /// appointment without a mechanic (books nothing); a cancelled one (holds nothing).
    static func monday(booked second: Int = 180) -> [BookedAppointment] {
        [
            Fixture.booked("A-1", "2026-11-23T08:00", minutes: 240, bay: "VAN-1", mechanic: "M-2"),
            Fixture.booked("A-2", "2026-11-23T13:00", minutes: second, bay: "VAN-1", mechanic: "M-2"),
            Fixture.booked(
                "A-3", "2026-11-23T14:00", minutes: 120, bay: "BAY-2", mechanic: nil, skills: [],
                needsMechanic: false),
            Fixture.booked(
                "A-4", "2026-11-23T10:30", minutes: 300, bay: "BAY-2", mechanic: "M-1", status: "CANCELLED"),
        ]
    }

    @Test func aboveTheLimitIsAnOverridableConflict() throws {
        let snapshot = Fixture.snapshot(appointments: Self.monday(), labour: .init(limit: 480))
        let decision = try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)
        #expect(decision.outcome == .conflicts)
        #expect(codes(decision) == [.labourLimitExceeded])
        #expect(decision.conflicts[0].severity == .overridable)
        #expect(decision.conflicts[0].message.contains("8 h 30 min"))
        // Alternatives never need an override: none lies on the full Monday.
        #expect(!decision.alternatives.isEmpty)
        #expect(decision.alternatives.allSatisfy { !$0.start.hasPrefix("2026-11-23") })
    }

    @Test func exactlyAtTheLimitIsNoConflict() throws {
        let snapshot = Fixture.snapshot(appointments: Self.monday(booked: 150), labour: .init(limit: 480))
        let decision = try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)
        #expect(decision.outcome == .created)
        #expect(decision.conflicts.isEmpty)
    }

    @Test func theOverrideLiftsItAndThePlanThenBreaksRuleSeven() throws {
        let snapshot = Fixture.snapshot(appointments: Self.monday(), labour: .init(limit: 480))
        let request = Fixture.request(
            ["2026-11-23T09:00"], permissions: Fixture.allPermissions,
            conflictOverride: .init(reason: "the owner works Saturday to catch up"))
        let decision = try Fixture.engine().book(request, in: snapshot)
        #expect(decision.outcome == .created)
        #expect(decision.conflicts.map(\.overridden) == [true])
        #expect(
            decision.audit.first { $0.type == AuditType.conflictOverridden }?.details["code"]
                == "LABOUR_LIMIT_EXCEEDED")
        // The contract has no override: the verifier sees the day above its limit.
        let a = try #require(decision.appointment)
        var booked = snapshot
        booked.appointments.append(
            BookedAppointment(
                id: "NEW", start: a.start, durationMinutes: a.durationMinutes, bay: a.bay!, mechanic: a.mechanic,
                customerId: "C-1", vehicleId: "V-1", requiredSkills: ["BRAKES"]))
        let report = try BookedPlanCheck(snapshot: booked).verify()
        #expect(report.violations.map(\.rule) == [.labour])
    }

    @Test func overTheWarningWarnsAndBooks() throws {
        let snapshot = Fixture.snapshot(appointments: Self.monday(), labour: .init(limit: 600, warnAbove: 480))
        let decision = try Fixture.book(Fixture.request(["2026-11-23T09:00"]), snapshot)
        #expect(decision.outcome == .created)
        #expect(codes(decision) == [.labourAboveWarning])
        #expect(decision.conflicts[0].severity == .soft)
        // Exactly at the warning: no conflict.
        let atWarning = Fixture.snapshot(appointments: Self.monday(booked: 150), labour: .init(warnAbove: 480))
        #expect(try Fixture.book(Fixture.request(["2026-11-23T09:00"]), atWarning).conflicts.isEmpty)
    }

    // Another day's labour does not count, and without a limit nothing is said.
    @Test func otherDaysAndNoLimitAreQuiet() throws {
        let snapshot = Fixture.snapshot(appointments: Self.monday(), labour: .init(limit: 480, warnAbove: 400))
        #expect(try Fixture.book(Fixture.request(["2026-11-24T09:00"]), snapshot).conflicts.isEmpty)
        let unlimited = Fixture.snapshot(appointments: Self.monday())
        #expect(try Fixture.book(Fixture.request(["2026-11-23T09:00"]), unlimited).conflicts.isEmpty)
    }
}
