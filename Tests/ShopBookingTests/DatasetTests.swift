import Foundation
import ShopBooking
import ShopDomain
import ShopTestSupport
import Testing

/// The bundled examples in `datasets/booking/` decide as `datasets/README.md`
/// says, and their alternatives pass the independent verifier.
@Suite("bundled booking examples")
struct DatasetTests {
    static let folder: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("datasets/booking")
    }()

    func load(_ request: String) throws -> (BookingSnapshot, AppointmentRequest) {
        let snapshot = try BookingFiles.snapshot(
            from: BookingFiles.read(Self.folder.appendingPathComponent("snapshot.json").path))
        let request = try BookingFiles.request(
            from: BookingFiles.read(Self.folder.appendingPathComponent(request).path))
        return (snapshot, request)
    }

    func decide(_ name: String) throws -> (BookingSnapshot, BookingDecision) {
        let (snapshot, request) = try load(name)
        return (snapshot, try Fixture.book(request, snapshot, now: Fixture.at("2026-11-23T07:30")))
    }

    @Test func createdExample() throws {
        let (snapshot, decision) = try decide("request-created.json")
        #expect(decision.outcome == .created)
        let a = try #require(decision.appointment)
        let job = ScenarioFile.Job(
            id: "NEW", durationMinutes: 90, bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"],
            requiredSkills: ["BRAKES"], preferredSkills: ["ENGINE"], preferredStarts: ["2026-11-23T10:00"])
        #expect(
            try BookedPlanCheck(snapshot: snapshot, job: job).addedCost(
                start: a.start, bay: a.bay!, mechanic: a.mechanic) == 0)
    }

    @Test func conflictsExampleAlternativesVerify() throws {
        let (snapshot, decision) = try decide("request-conflicts.json")
        #expect(decision.outcome == .conflicts)
        #expect(decision.alternatives.count == 3)
        let job = ScenarioFile.Job(
            id: "NEW", durationMinutes: 60, bayTypes: ["ALIGNMENT_BAY"], requiredSkills: ["ALIGNMENT"],
            preferredStarts: ["2026-11-23T09:00"])
        for alt in decision.alternatives {
            let cost = try BookedPlanCheck(snapshot: snapshot, job: job).addedCost(
                start: alt.start, bay: alt.bay, mechanic: alt.mechanic)
            #expect(cost == alt.addedCost)
        }
    }

    @Test func movesExampleAlternativesVerify() throws {
        let (snapshot, decision) = try decide("request-moves.json")
        #expect(decision.outcome == .conflicts)
        #expect(!decision.alternativesWithMoves.isEmpty)
        let job = ScenarioFile.Job(
            id: "NEW", durationMinutes: 120, bayTypes: ["LIFT_BAY"], requiredSkills: ["ENGINE"],
            preferredStarts: ["2026-11-24T10:00"])
        for alt in decision.alternativesWithMoves + decision.alternatives {
            let cost = try BookedPlanCheck(snapshot: snapshot, job: job)
                .addedCost(start: alt.start, bay: alt.bay, mechanic: alt.mechanic, moves: alt.moves)
            #expect(cost == alt.addedCost, "\(alt.start)")
            #expect(
                alt.moves.allSatisfy { move in
                    snapshot.appointments.first { $0.id == move.appointment }?.status == "SCHEDULED"
                })
        }
    }

    @Test func workOrderExampleIsDeferredByServiceTypePolicy() throws {
        let (_, decision) = try decide("request-work-order.json")
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.durationMinutes == 150, "Work Execution's 150 min over the lines' 90")
        #expect(decision.appointment?.assignmentStatus == .deferred)
        #expect(decision.appointment?.assignmentDeadline == "2026-11-24T18:00")
        #expect(decision.warnings.map(\.code) == ["DURATION_MISMATCH"], "150 against 60 + the standard 30")
    }
}
