import ShopBooking
import ShopDomain
import ShopTestSupport
import Testing

/// Ranked alternatives: each one, applied, is a feasible plan whose cost
/// difference the independent verifier confirms; ranking options; and each
/// one, booked, is created.
@Suite("alternatives")
struct AlternativesTests {
    /// Monday 09:00–12:00 both brake-capable bays are taken and M-1 is busy; the customer wants 10:00.
    static let busyMorning = [
        Fixture.booked("A-1", "2026-11-23T09:00", minutes: 180, bay: "BAY-1", mechanic: "M-1"),
        Fixture.booked(
            "A-2", "2026-11-23T08:00", minutes: 240, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false),
    ]

    @Test func conflictReturnsThreeVerifiedAlternatives() throws {
        let snapshot = Fixture.snapshot(appointments: Self.busyMorning)
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), snapshot)
        #expect(decision.outcome == .conflicts)
        #expect(decision.conflicts.map(\.code) == [.noEligibleBay])
        #expect(decision.alternatives.count == 3)
        let check = BookedPlanCheck(snapshot: snapshot, job: BookedPlanCheck.brakeJob(starts: ["2026-11-23T10:00"]))
        let best = decision.alternatives[0].addedCost
        for (i, alternative) in decision.alternatives.enumerated() {
            #expect(alternative.rank == i + 1)
            let cost = try check.addedCost(
                start: alternative.start, bay: alternative.bay, mechanic: alternative.mechanic)
            #expect(cost == alternative.addedCost, "alternative \(alternative.rank) at \(alternative.start)")
            #expect(alternative.costDifference == alternative.addedCost - best)
            #expect(alternative.moves.isEmpty)
        }
        #expect(decision.alternatives.map(\.addedCost) == decision.alternatives.map(\.addedCost).sorted())
        #expect(Set(decision.alternatives.map(\.start)).count == 3, "one alternative per start")
        // The best: BAY-2 frees at 12:00 and BAY-1 too; 12:00 is 8 slots from 10:00; M-1 is free again then.
        #expect(decision.alternatives[0].start == "2026-11-23T12:00")
        #expect(decision.alternatives[0].addedCost == 8)
        #expect(decision.alternatives[0].reasons.contains { $0.contains("free 12:00–13:30") })
        #expect(decision.alternatives[0].reasons.contains("J. Doe has BRAKES and ENGINE"))
    }

    @Test func eachAlternativeCanBeBooked() throws {
        let snapshot = Fixture.snapshot(appointments: Self.busyMorning)
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), snapshot)
        for alternative in decision.alternatives {
            let booked = try Fixture.book(Fixture.request([alternative.start]), snapshot)
            #expect(booked.outcome == .created)
            #expect(booked.appointment?.bay == alternative.bay)
            #expect(booked.appointment?.mechanic == alternative.mechanic)
        }
    }

    @Test func earliestOrdersByStart() throws {
        let snapshot = Fixture.snapshot(appointments: Self.busyMorning)
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T15:00", "2026-11-23T08:00"], order: ["earliest"]),
            Fixture.snapshot(appointments: Self.busyMorning, maxConcurrent: 0))
        #expect(decision.alternatives.isEmpty, "no capacity at all: nothing to offer")
        let byStart = try Fixture.book(Fixture.request(["2026-11-23T10:00"], order: ["earliest"]), snapshot)
        #expect(byStart.alternatives.map(\.start) == byStart.alternatives.map(\.start).sorted())
        #expect(byStart.alternatives.first?.start == "2026-11-23T12:00")
    }

    @Test func sameDayFirstKeepsThePreferredDay() throws {
        // Both wanted starts are blocked: Monday 10:00 (busy morning) and Wednesday 10:00 (both bays
        // 10:00–10:30). By cost alone Wednesday 10:30 (2 slots off) beats Monday 12:00 (8 slots off).
        let wednesday = [
            Fixture.booked(
                "A-3", "2026-11-25T10:00", minutes: 30, bay: "BAY-1", mechanic: nil, skills: [], needsMechanic: false),
            Fixture.booked(
                "A-4", "2026-11-25T10:00", minutes: 30, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false),
        ]
        let snapshot = Fixture.snapshot(appointments: Self.busyMorning + wednesday)
        let starts = ["2026-11-23T10:00", "2026-11-25T10:00"]
        let byCost = try Fixture.book(Fixture.request(starts), snapshot)
        #expect(byCost.outcome == .conflicts)
        #expect(byCost.alternatives.first?.start == "2026-11-25T10:30")
        let sameDay = try Fixture.book(Fixture.request(starts, order: ["sameDayFirst"]), snapshot)
        // Distinct options: each later one starts when the better one's run (90 min) is over.
        #expect(sameDay.alternatives.map(\.start) == ["2026-11-23T12:00", "2026-11-23T13:30", "2026-11-23T15:00"])
        #expect(sameDay.alternatives.map(\.costDifference) == [0, 6, 12])
        for (a, b) in zip(sameDay.alternatives, sameDay.alternatives.dropFirst()) {
            let sameResource = a.bay == b.bay || (a.mechanic != nil && a.mechanic == b.mechanic)
            #expect(!sameResource || a.end <= b.start, "\(a.start) and \(b.start) hold one bay or mechanic at once")
        }
    }

    @Test func preferredMechanicFirst() throws {
        let snapshot = Fixture.snapshot(appointments: Self.busyMorning)
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T10:00"], mechanic: "M-2", order: ["preferredMechanic"]), snapshot)
        #expect(decision.alternatives.first?.mechanic == "M-2")
        #expect(decision.alternatives.allSatisfy { $0.mechanic == "M-2" })
    }

    @Test func zeroAlternativesAsked() throws {
        let decision = try Fixture.book(
            Fixture.request(["2026-11-23T10:00"], alternatives: 0),
            Fixture.snapshot(appointments: Self.busyMorning))
        #expect(decision.outcome == .conflicts)
        #expect(decision.alternatives.isEmpty)
    }

    @Test func alternativesOnSuccessWhenAsked() throws {
        var request = Fixture.request(["2026-11-23T10:00"])
        request.alwaysOfferAlternatives = true
        let snapshot = Fixture.snapshot(appointments: Self.busyMorning)
        let plain = try Fixture.book(Fixture.request(["2026-11-23T12:00"]), snapshot)
        #expect(plain.alternatives.isEmpty, "not asked")
        request.preferredStarts = ["2026-11-23T12:00"]
        let decision = try Fixture.book(request, snapshot)
        #expect(decision.outcome == .created)
        #expect(decision.alternatives.count == 3)
        #expect(!decision.alternatives.contains { $0.start == decision.appointment?.start }, "never the booked start")
        let check = BookedPlanCheck(snapshot: snapshot, job: BookedPlanCheck.brakeJob(starts: ["2026-11-23T12:00"]))
        for alt in decision.alternatives {
            #expect(try check.addedCost(start: alt.start, bay: alt.bay, mechanic: alt.mechanic) == alt.addedCost)
        }
    }

    @Test func bayTypePreferenceChoosesTheBay() throws {
        var request = Fixture.request()
        #expect(
            try Fixture.book(request, Fixture.snapshot()).appointment?.bay == "BAY-1",
            "snapshot order without a preference")
        request.bayType = "LIFT_BAY"
        #expect(try Fixture.book(request, Fixture.snapshot()).appointment?.bay == "BAY-2")
    }
}
