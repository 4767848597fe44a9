import ShopBooking
import ShopDomain
import ShopPlanner
import ShopScenarioGenerator
import ShopTestSupport
import Testing

/// One request into a generated, planned day of about 60 booked appointments
/// (the benchmark's case): alternatives come back, and every one, applied,
/// passes the independent verifier at the reported cost. The job is 45 minutes:
/// on these packed days a longer one in a general bay or lift finds no place at
/// all, and the test would check nothing.
@Suite("a generated day")
struct GeneratedDayTests {
    static func day(seed: UInt64) throws -> BookingSnapshot {
        let file = try ScenarioGenerator.scenario(
            GeneratorOptions(seed: seed, jobs: 72, mechanics: 10, bays: 10, days: 1))
        let plan = GreedyStrategy().plan(Instance(try Scenario(file: file)), options: PlanOptions()).solutionFile()
        var snapshot = BookingSnapshot(booked: file, plan: plan)
        snapshot.estimates = [
            Estimate(
                id: "E-1", status: "APPROVED", customerId: "C-NEW", vehicleId: "V-NEW",
                lines: [
                    ServiceLine(
                        serviceType: "BRAKES", estimatedMinutes: 45, requiredSkills: ["BRAKES"],
                        bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"])
                ])
        ]
        return snapshot
    }

    /// Seed and the alternatives it offers: seed 1 has no plain room on the day (with moves), 2 and 3 have.
    @Test(arguments: [(1, 3), (2, 3), (3, 2)] as [(UInt64, Int)])
    func alternativesOnABusyDayVerify(seed: UInt64, offered: Int) throws {
        let snapshot = try Self.day(seed: seed)
        #expect(snapshot.appointments.count >= 55, "\(snapshot.appointments.count) booked")
        var request = Fixture.request(["2026-11-23T10:00"])
        request.facility = snapshot.facility.id
        request.caller.permissions = [.init(.createAppointment)]
        request.alwaysOfferAlternatives = true
        // Time enough for the search with moves to finish on a loaded machine.
        var engine = Fixture.engine(now: Fixture.at("2026-11-23T06:00"))
        engine.options.movesTimeLimitSeconds = 20
        let decision = try engine.book(request, in: snapshot)
        #expect(!decision.warnings.contains { $0.code == "MOVES_SEARCH_INCOMPLETE" })
        let job = ScenarioFile.Job(
            id: "NEW", durationMinutes: 45, bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"],
            requiredSkills: ["BRAKES"], preferredStarts: ["2026-11-23T10:00"])
        let check = BookedPlanCheck(snapshot: snapshot, job: job)
        // They must come back, each verified below.
        #expect(
            decision.alternatives.count + decision.alternativesWithMoves.count == offered,
            "seed \(seed): \(decision.outcome), \(decision.alternatives.count) plain, \(decision.alternativesWithMoves.count) with moves"
        )
        for alt in decision.alternatives + decision.alternativesWithMoves {
            let cost = try check.addedCost(start: alt.start, bay: alt.bay, mechanic: alt.mechanic, moves: alt.moves)
            #expect(cost == alt.addedCost, "seed \(seed) \(alt.start)")
        }
        if let a = decision.appointment, let bay = a.bay {
            let mechanic =
                a.mechanic ?? decision.audit.first { $0.type == AuditType.assignmentDecision }?.details["staffedBy"]
            _ = try check.addedCost(start: a.start, bay: bay, mechanic: mechanic)
            try Fixture.verifyCreated(
                a, decision: decision, request: request, snapshot: snapshot, sourceLocation: #_sourceLocation)
        }
    }
}
