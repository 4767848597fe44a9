import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import ShopTestSupport
import Testing

/// Refilling freed time: which waiting work to pull in, ranked by the contract objective, each verified.
@Suite("refill")
struct RefillTests {
    /// Tuesday: A-1 (C-1) BAY-1 M-1 10:00–11:00, the one who will not come; A-3 waits for a
    /// mechanic in BAY-2 10:30–11:30. Thursday: A-2 (C-2) BAY-1 M-2 10:00. Waiting with no
    /// appointment: estimate E-9 (60 min BRAKES) and a DRAFT estimate E-8 (not bookable).
    static func snapshot() -> BookingSnapshot {
        var waitingForMechanic = Shop.appointment("A-3", "2026-11-24T10:30", bay: "BAY-2", customer: "C-3")
        waitingForMechanic.mechanic = nil
        waitingForMechanic.needsMechanic = true
        var s = Shop.snapshot([
            Shop.appointment("A-1", "2026-11-24T10:00", status: "CONFIRMED"),
            Shop.appointment("A-2", "2026-11-26T10:00", mechanic: "M-2", customer: "C-2"),
            waitingForMechanic,
        ])
        let line = ServiceLine(
            serviceType: "BRAKES", estimatedMinutes: 60, requiredSkills: ["BRAKES"],
            bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"])
        s.estimates = [
            Estimate(id: "E-9", status: "APPROVED", customerId: "C-9", vehicleId: "V-9", lines: [line]),
            Estimate(id: "E-8", status: "DRAFT", customerId: "C-8", vehicleId: "V-8", lines: [line]),
        ]
        return s
    }

    static let caller = Caller(id: "planner-1", permissions: Shop.grants([.createAppointment]))

    static func request(
        _ start: String = "2026-11-24T10:00", _ end: String = "2026-11-24T11:00", bay: String? = "BAY-1",
        mechanic: String? = "M-1", released: [String]? = nil, includeMoves: Bool? = nil
    ) -> RefillRequest {
        RefillRequest(
            requestId: "RF-1", facility: "FAC-1", start: start, end: end, bay: bay, mechanic: mechanic,
            releasedAppointments: released, includeMoves: includeMoves, caller: caller)
    }

    /// The snapshot with the proposal carried out, checked by the verifier.
    static func applied(_ p: RefillProposal, to s: BookingSnapshot, released: Set<String> = []) -> BookingSnapshot {
        var after = s
        after.appointments.removeAll { released.contains($0.id) }
        switch p.kind {
        case .pullInRequest:
            after.appointments.append(
                BookedAppointment(
                    id: "NEW", start: p.start, durationMinutes: 60, bay: p.bay, mechanic: p.mechanic,
                    estimateId: p.estimateId, customerId: "C-9", requiredSkills: ["BRAKES"]))
        case .assignMechanic, .moveEarlier:
            after.appointments = after.appointments.map { a in
                guard a.id == p.appointmentId else { return a }
                var a = a
                (a.start, a.bay, a.mechanic) = (p.start, p.bay, p.mechanic)
                return a
            }
        }
        return after
    }

    @Test func aNoShowsTimeIsOfferedToWaitingWorkBestFirst() throws {
        let s = Self.snapshot()
        let now = FixedClock(Shop.at("2026-11-24T10:15"))
        let noShow = try CancellationEngine(clock: now).markNoShow(
            NoShowRequest(
                requestId: "NS-1", facility: "FAC-1", appointmentId: "A-1",
                caller: .init(id: "advisor-2", permissions: Shop.grants([.cancelAppointment]))), in: s)
        #expect(noShow.outcome == .noShow)
        let bay = try #require(noShow.freed.first { $0.kind == .bay })
        let mechanic = try #require(noShow.freed.first { $0.kind == .mechanic })
        // The no-show decided, not yet stored: the refill is told it gave its time back.
        let result = try RefillEngine(clock: now).refill(
            Self.request(bay.start, bay.end, bay: bay.resource, mechanic: mechanic.resource, released: ["A-1"]), in: s)
        #expect(result.warnings.isEmpty)
        #expect(result.proposals.map(\.kind) == [.pullInRequest, .assignMechanic, .moveEarlier])
        #expect(result.proposals.map(\.rank) == [1, 2, 3])
        let pull = result.proposals[0], assign = result.proposals[1], move = result.proposals[2]
        // From now on (10:15), not from the freed start that has passed.
        #expect(pull.estimateId == "E-9" && pull.start == "2026-11-24T10:15" && pull.bay == "BAY-1")
        #expect(pull.mechanic == "M-1")
        #expect(!result.proposals.contains { $0.estimateId == "E-8" })  // a draft is not bookable
        #expect(assign.appointmentId == "A-3" && assign.mechanic == "M-1" && assign.start == "2026-11-24T10:30")
        #expect(!assign.needsCustomerConsent)
        #expect(move.appointmentId == "A-2" && move.fromStart == "2026-11-26T10:00" && move.start == "2026-11-24T10:15")
        #expect(move.needsCustomerConsent)
        // Ranked by the contract objective (default weights): booking waiting work saves its
        // unscheduled cost, a mechanic saves unassignedMechanic, a move costs `moved` (and its mechanic).
        #expect(pull.objectiveDelta < assign.objectiveDelta && assign.objectiveDelta < move.objectiveDelta)
        #expect(pull.objectiveDelta < 0 && assign.objectiveDelta < 0 && move.objectiveDelta > 0)
        // Each, carried out, is a feasible plan for the independent verifier.
        for p in result.proposals {
            #expect(p.verified)
            let report = (try BookedPlanCheck(snapshot: Self.applied(p, to: s, released: ["A-1"])).verify())
            #expect(report.isFeasible, "\(p.kind) \(p.start): \(report)")
        }
        // Stored first, the no-show gives the same proposals.
        var stored = s
        stored.appointments = stored.appointments.map { $0.id == "A-1" ? noShow.appointment! : $0 }
        let same = try RefillEngine(clock: now).refill(
            Self.request(bay.start, bay.end, bay: "BAY-1", mechanic: "M-1"), in: stored)
        #expect(same.proposals == result.proposals)
    }

    @Test func theTwoOClockLiftOnDemand() throws {
        // "The 14:00 lift is free, who can take it?" — any mechanic, BAY-2 only, no moves.
        let result = try RefillEngine(clock: FixedClock(Shop.at("2026-11-24T08:00"))).refill(
            Self.request("2026-11-24T14:00", "2026-11-24T15:00", bay: "BAY-2", mechanic: nil, includeMoves: false),
            in: Self.snapshot())
        #expect(!result.proposals.isEmpty)
        #expect(result.proposals.allSatisfy { $0.bay == "BAY-2" && $0.kind != .moveEarlier })
        #expect(result.proposals.first?.estimateId == "E-9")
        #expect(result.proposals.first?.start == "2026-11-24T14:00")
        for p in result.proposals {
            #expect(try BookedPlanCheck(snapshot: Self.applied(p, to: Self.snapshot())).verify().isFeasible)
        }
    }

    @Test func nothingFitsNothingIsProposed() throws {
        // Sunday evening after closing: no start fits.
        let result = try RefillEngine(clock: FixedClock(Shop.at("2026-11-24T08:00"))).refill(
            Self.request("2026-11-24T17:45", "2026-11-24T18:00"), in: Self.snapshot())
        #expect(result.proposals.isEmpty)
        // A freed time already past gives nothing either.
        let late = try RefillEngine(clock: FixedClock(Shop.at("2026-11-24T12:00"))).refill(
            Self.request(), in: Self.snapshot())
        #expect(late.proposals.isEmpty)
    }

    @Test func badInputNamesTheField() throws {
        var r = Self.request("2026-11-24T11:00", "2026-11-24T10:00", bay: "BAY-9", mechanic: "M-9", released: ["A-404"])
        r.proposals = 0
        #expect {
            try RefillEngine(clock: FixedClock(Shop.at("2026-11-24T08:00"))).refill(r, in: Self.snapshot())
        } throws: { error in
            (error as? InputError)?.issues.map(\.path) == [
                "request.end", "request.bay", "request.mechanic", "request.releasedAppointments[0]",
                "request.proposals",
            ]
        }
    }
}
