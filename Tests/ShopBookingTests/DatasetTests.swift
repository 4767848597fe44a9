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

    func load(_ request: String, snapshot name: String = "snapshot.json") throws -> (
        BookingSnapshot, AppointmentRequest
    ) {
        let snapshot = try BookingFiles.snapshot(
            from: BookingFiles.read(Self.folder.appendingPathComponent(name).path))
        let request = try BookingFiles.request(
            from: BookingFiles.read(Self.folder.appendingPathComponent(request).path))
        return (snapshot, request)
    }

    func decide(_ name: String, snapshot file: String = "snapshot.json") throws -> (BookingSnapshot, BookingDecision) {
        let (snapshot, request) = try load(name, snapshot: file)
        return (snapshot, try Fixture.book(request, snapshot, now: Fixture.at("2026-11-23T07:30")))
    }

    // The lunch shop (open 08:00–12:00 and 13:00–17:00): the 5-hour brake-and-suspension job
    // works 10–12 and 13–16 with A. Smith (the only mechanic with SUSPENSION) on the lift.
    @Test func acrossLunchExample() throws {
        let (_, decision) = try decide("request-across-lunch.json", snapshot: "lunch-snapshot.json")
        let a = try #require(decision.appointment)
        #expect((a.start, a.end, a.bay, a.mechanic) == ("2026-11-23T10:00", "2026-11-23T16:00", "LIFT-1", "M-2"))
        #expect(
            a.work?.map { "\($0.start)–\($0.end)" } == [
                "2026-11-23T10:00–2026-11-23T12:00", "2026-11-23T13:00–2026-11-23T16:00",
            ])
    }

    // The 14-hour engine rebuild from Monday 14:00 with J. Doe: Mon 14–17, Tue 08–12 and
    // 13–17, Wed 08–11, so it ends on Wednesday at 11:00.
    @Test func engineRebuildExample() throws {
        let (_, decision) = try decide("request-engine-rebuild.json", snapshot: "lunch-snapshot.json")
        let a = try #require(decision.appointment)
        #expect((a.end, a.mechanic, a.resumable) == ("2026-11-25T11:00", "M-1", true))
        #expect(a.work?.count == 4)
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
