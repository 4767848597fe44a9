import ShopBooking
import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

/// What next for a mechanic: the waiting work they could start, ranked by the
/// contract objective, each plan checked by the verifier (inside ``WhatNext``,
/// and again here from the test's own reading of the snapshot).
@Suite("What next for a mechanic")
struct WhatNextTests {
    static let nine = Fixture.at("2026-11-23T09:00")

    func decide(
        _ mechanic: String, at: String? = nil, count: Int? = nil, _ snapshot: BookingSnapshot,
        now: LocalDateTime = Fixture.now
    ) throws -> NextDecision {
        try WhatNext.decide(
            NextRequest(mechanic: mechanic, at: at, count: count, caller: Self.dispatcher), in: snapshot, now: now)
    }

    /// Holds VIEW_ASSIGNMENTS for every facility.
    static let dispatcher = Caller(id: "dispatcher-2", permissions: [.init(.viewAssignments)])

    /// Estimate E-1 (brake pads, 90 min) and work order W-1 (brakes, 90 min) wait; nothing is booked.
    @Test func unscheduledWorkComesFirstAndIsVerified() throws {
        let snapshot = Fixture.snapshot()
        let decision = try decide("M-1", at: "2026-11-23T09:00", snapshot)
        #expect(decision.outcome == .proposed)
        #expect(decision.proposals.map(\.work) == ["E-1", "W-1"])
        #expect(decision.proposals.map(\.kind) == [.unscheduledEstimate, .unscheduledWorkOrder])
        let first = decision.proposals[0]
        #expect(first.start == "2026-11-23T09:00" && first.mechanic == "M-1" && first.rank == 1)
        #expect(first.costDifference == -1000)
        // The test's own check: the plan with it is feasible, and costs the unscheduled term less.
        let check = BookedPlanCheck(snapshot: snapshot, job: BookedPlanCheck.brakeJob(starts: []))
        let added = try check.addedCost(start: first.start, bay: first.bay, mechanic: first.mechanic)
        #expect(added - 1000 == first.costDifference)
        #expect(first.reasons.contains { $0.hasPrefix("plan verified") })
    }

    // M-2 lacks ENGINE, which E-1 prefers: the missing preferred skill costs 5.
    @Test func costDifferenceFollowsTheObjective() throws {
        let decision = try decide("M-2", at: "2026-11-23T09:00", Fixture.snapshot())
        #expect(decision.proposals.first?.costDifference == -995)
    }

    @Test func anAppointmentWithoutAMechanicIsTakenAtItsTime() throws {
        let snapshot = Fixture.snapshot(
            appointments: [
                Fixture.booked("A-1", "2026-11-23T10:00", minutes: 60, bay: "BAY-1", mechanic: nil, status: "SCHEDULED")
            ], estimates: [], workOrders: [])
        let decision = try decide("M-2", at: "2026-11-23T09:00", snapshot)
        #expect(decision.proposals.map(\.kind) == [.awaitingMechanic])
        let p = try #require(decision.proposals.first)
        #expect(p.start == "2026-11-23T10:00" && p.bay == "BAY-1")
        // Contract: an optional-mechanic job without one pays unassignedMechanic (200); with M-2 it
        // does not, but its mechanic changes from none (`current`) to M-2: changedMechanic (20).
        #expect(p.costDifference == -180)
    }

    @Test func aLaterAppointmentMovesEarlierAtACost() throws {
        let snapshot = Fixture.snapshot(
            appointments: [
                Fixture.booked(
                    "A-7", "2026-11-24T10:30", minutes: 60, bay: "BAY-2", mechanic: "M-1", status: "SCHEDULED"),
                Fixture.booked(
                    "A-8", "2026-11-24T13:00", minutes: 60, bay: "BAY-2", mechanic: "M-1", status: "CONFIRMED"),
            ], estimates: [], workOrders: [])
        let decision = try decide("M-1", at: "2026-11-23T09:00", snapshot)
        // A-8 is confirmed: it stays. A-7 comes to Monday 09:00 on its own bay: `moved` only.
        #expect(decision.proposals.map(\.work) == ["A-7"])
        #expect(decision.proposals[0].kind == .moveEarlier)
        #expect(decision.proposals[0].start == "2026-11-23T09:00")
        #expect(decision.proposals[0].costDifference == 50)
    }

    @Test func rankingIsByCostThenStartAndCountCuts() throws {
        let snapshot = Fixture.snapshot(
            appointments: [
                Fixture.booked(
                    "A-1", "2026-11-23T11:00", minutes: 60, bay: "BAY-2", mechanic: nil, status: "SCHEDULED"),
                Fixture.booked(
                    "A-7", "2026-11-25T10:30", minutes: 60, bay: "BAY-2", mechanic: "M-2", status: "SCHEDULED"),
            ])
        let all = try decide("M-1", at: "2026-11-23T09:00", count: 10, snapshot)
        #expect(
            all.proposals.map(\.kind) == [.unscheduledEstimate, .unscheduledWorkOrder, .awaitingMechanic, .moveEarlier])
        #expect(all.proposals.map(\.rank) == [1, 2, 3, 4])
        let costs = all.proposals.map(\.costDifference)
        #expect(costs == costs.sorted())
        let two = try decide("M-1", at: "2026-11-23T09:00", count: 2, snapshot)
        #expect(two.proposals.map(\.work) == ["E-1", "W-1"])
    }

    // The daily labour limit: M-1 already books 420 of 480 on Monday, so no 90-minute job fits.
    @Test func theLabourLimitStopsProposals() throws {
        let snapshot = Fixture.snapshot(
            appointments: [
                Fixture.booked("A-1", "2026-11-23T08:00", minutes: 240, bay: "VAN-1", mechanic: "M-2"),
                Fixture.booked("A-2", "2026-11-23T13:00", minutes: 180, bay: "VAN-1", mechanic: "M-2"),
            ], labour: .init(limit: 480))
        let decision = try decide("M-1", at: "2026-11-23T09:00", snapshot)
        #expect(decision.outcome == .nothingWaiting)
        let roomy = Fixture.snapshot(appointments: snapshot.appointments, labour: .init(limit: 510))
        #expect(try decide("M-1", at: "2026-11-23T09:00", roomy).outcome == .proposed)
    }

    @Test func nothingWaiting() throws {
        let decision = try decide("M-1", at: "2026-11-23T09:00", Fixture.snapshot(estimates: [], workOrders: []))
        #expect(decision.outcome == .nothingWaiting)
        #expect(decision.proposals.isEmpty && decision.denials.isEmpty)
    }

    @Test func anInactiveMechanicIsDenied() throws {
        let decision = try decide("M-3", at: "2026-11-23T09:00", Fixture.snapshot())
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.mechanicInactive])
    }

    // Saturday: M-1 works Monday to Friday only. After the shift on Monday, likewise.
    @Test func aMechanicOffShiftIsDenied() throws {
        let saturday = try decide("M-1", at: "2026-11-28T10:00", Fixture.snapshot())
        #expect(saturday.denials.map(\.code) == [.mechanicOffShift])
        let evening = try decide("M-1", at: "2026-11-23T17:00", Fixture.snapshot())
        #expect(evening.denials.map(\.code) == [.mechanicOffShift])
        // Before the shift starts the day is still ahead: proposals start at 08:00.
        let early = try decide("M-1", Fixture.snapshot(), now: Fixture.at("2026-11-23T06:00"))
        #expect(early.proposals.first?.start == "2026-11-23T08:00")
    }

    @Test func badInputNamesTheField() throws {
        #expect {
            _ = try decide("M-9", at: "2026-11-23T09:07", count: 0, Fixture.snapshot())
        } throws: { error in
            Set((error as? InputError)?.issues.map(\.path) ?? []) == [
                "request.mechanic", "request.at", "request.count",
            ]
        }
    }

    // `at` before now is now: nothing is proposed in the past.
    @Test func neverBeforeNow() throws {
        let decision = try decide("M-1", at: "2026-11-23T08:00", Fixture.snapshot(), now: Self.nine)
        #expect(decision.at == "2026-11-23T09:00")
        #expect(decision.proposals.allSatisfy { $0.start >= "2026-11-23T09:00" })
    }

    /// VIEW_ASSIGNMENTS is required for the snapshot's facility (FAC-1): held for another
    /// facility, or not at all, the answer is DENIED with no proposals, before any placement.
    @Test func aCallerWithoutViewAssignmentsHereIsDenied() throws {
        for grants in [[Caller.Grant(.viewAssignments, facility: "FAC-2")], Fixture.createOnly] {
            let caller = Caller(id: "advisor-7", permissions: grants)
            let decision = try WhatNext.decide(
                NextRequest(mechanic: "M-1", at: "2026-11-23T09:00", caller: caller), in: Fixture.snapshot(),
                now: Fixture.now)
            #expect(decision.outcome == .denied)
            #expect(decision.denials.map(\.code) == [.missingViewAssignmentsPermission])
            #expect(decision.proposals.isEmpty)
        }
        let here = Caller(id: "advisor-7", permissions: [.init(.viewAssignments, facility: "FAC-1")])
        let allowed = try WhatNext.decide(
            NextRequest(mechanic: "M-1", at: "2026-11-23T09:00", caller: here), in: Fixture.snapshot(), now: Fixture.now
        )
        #expect(allowed.outcome == .proposed)
    }

    @Test func aRequestWithoutACallerIsBadInput() {
        #expect {
            try WhatNext.decide(NextRequest(mechanic: "M-1", caller: nil), in: Fixture.snapshot(), now: Fixture.now)
        } throws: { ($0 as? InputError)?.paths == ["request.caller"] }
    }
}
