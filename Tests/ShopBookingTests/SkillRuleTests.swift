import ShopBooking
import ShopDomain
import ShopTestSupport
import Testing

/// Rule 3: required skills, active, on shift; preferred skills rank; nobody
/// qualified means AWAITING_SKILL_FULFILLMENT and an event.
@Suite("skills")
struct SkillRuleTests {
    @Test func preferredSkillsRankTheMechanics() throws {
        // Both M-1 and M-2 have BRAKES; only M-1 has the preferred ENGINE.
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot())
        #expect(decision.appointment?.mechanic == "M-1")
        #expect(decision.appointment?.assignmentStatus == .assigned)
        let cost = try BookedPlanCheck(
            snapshot: Fixture.snapshot(), job: BookedPlanCheck.brakeJob(starts: ["2026-11-23T09:00"])
        )
        .addedCost(start: "2026-11-23T09:00", bay: decision.appointment!.bay!, mechanic: "M-1")
        #expect(cost == 0, "at the preferred start, with every preferred skill")
    }

    @Test func busyBestMechanicGivesWayToTheNextQualified() throws {
        let snapshot = Fixture.snapshot(appointments: [
            Fixture.booked("A-1", "2026-11-23T09:00", bay: "BAY-2", mechanic: "M-1")
        ])
        let decision = try Fixture.book(Fixture.request(), snapshot)
        #expect(decision.appointment?.mechanic == "M-2")
        #expect(decision.appointment?.bay == "BAY-1")
        let cost = try BookedPlanCheck(
            snapshot: snapshot, job: BookedPlanCheck.brakeJob(starts: ["2026-11-23T09:00"])
        )
        .addedCost(start: "2026-11-23T09:00", bay: "BAY-1", mechanic: "M-2")
        #expect(cost == 5, "M-2 lacks the preferred ENGINE: one missingPreferredSkill")
    }

    @Test func inactiveMechanicIsNeverAssigned() throws {
        // Only M-3 has EV, and M-3 is inactive.
        let line = ServiceLine(serviceType: "EV_BATTERY", estimatedMinutes: 60, requiredSkills: ["EV"])
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(lines: [line])])
        let decision = try Fixture.book(Fixture.request(), snapshot)
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.mechanic == nil)
        #expect(decision.appointment?.assignmentStatus == .awaitingSkillFulfillment)
    }

    @Test func noQualifiedMechanicCreatesWithSkillResolutionEvent() throws {
        let line = ServiceLine(serviceType: "HVAC", estimatedMinutes: 60, requiredSkills: ["HVAC", "BRAKES"])
        let decision = try Fixture.book(
            Fixture.request(), Fixture.snapshot(estimates: [Fixture.estimate(lines: [line])]))
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.assignmentStatus == .awaitingSkillFulfillment)
        #expect(
            decision.events.map(\.type) == [
                BookingEventType.createdFromEstimate, BookingEventType.needsSkillResolution,
            ])
        let event = decision.events[1]
        #expect(event.appointmentId == decision.appointment?.id)
        #expect(event.requiredSkills == ["HVAC", "BRAKES"])
        #expect(event.version == 1)
        #expect(event.eventId != decision.events[0].eventId)
    }

    @Test func mechanicOffShiftIsNotAssigned() throws {
        // 16:30 + 90 min ends at 18:00: inside opening hours, after both shifts end at 17:00.
        let decision = try Fixture.book(Fixture.request(["2026-11-23T16:30"]), Fixture.snapshot())
        #expect(decision.outcome == .conflicts)
        #expect(decision.conflicts.map(\.code) == [.noMechanicFree])
        #expect(decision.conflicts[0].resources == ["M-1", "M-2"])
    }
}
