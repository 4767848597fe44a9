import ShopBooking
import ShopDomain
import ShopPlanner
import ShopScenarioGenerator
import Testing

/// One request into a generated, planned day of about 60 booked appointments
/// (the benchmark's case): the decision is consistent and every alternative,
/// applied, passes the independent verifier at the reported cost.
@Suite("a generated day")
struct GeneratedDayTests {
    static func day(seed: UInt64) throws -> BookingSnapshot {
        let file = try ScenarioGenerator.scenario(GeneratorOptions(seed: seed, jobs: 72, mechanics: 10, bays: 10, days: 1))
        let plan = GreedyStrategy().plan(Instance(try Scenario(file: file)), options: PlanOptions()).solutionFile()
        var snapshot = BookingSnapshot(booked: file, plan: plan)
        snapshot.estimates = [Estimate(id: "E-1", status: "APPROVED", customerId: "C-NEW", vehicleId: "V-NEW", lines: [
            ServiceLine(serviceType: "BRAKES", estimatedMinutes: 120, requiredSkills: ["BRAKES"],
                        bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"])])]
        return snapshot
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func alternativesOnABusyDayVerify(seed: UInt64) throws {
        let snapshot = try Self.day(seed: seed)
        #expect(snapshot.appointments.count >= 55, "\(snapshot.appointments.count) booked")
        var request = Fixture.request(["2026-11-23T10:00"])
        request.facility = snapshot.facility.id
        request.caller.permissions = [.init(.createAppointment)]
        request.alwaysOfferAlternatives = true
        let decision = try Fixture.book(request, snapshot, now: Fixture.at("2026-11-23T06:00"))
        let job = ScenarioFile.Job(id: "NEW", durationMinutes: 120, bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"],
                                   requiredSkills: ["BRAKES"], preferredStarts: ["2026-11-23T10:00"])
        let check = IndependentCheck(snapshot: snapshot, job: job)
        for alt in decision.alternatives + decision.alternativesWithMoves {
            let cost = try check.addedCost(start: alt.start, bay: alt.bay, mechanic: alt.mechanic, moves: alt.moves)
            #expect(cost == alt.addedCost, "seed \(seed) \(alt.start)")
        }
        if let a = decision.appointment, let bay = a.bay {
            let mechanic = a.mechanic ?? decision.audit.first { $0.type == AuditType.assignmentDecision }?.details["staffedBy"]
            _ = try check.addedCost(start: a.start, bay: bay, mechanic: mechanic)
        }
    }
}
