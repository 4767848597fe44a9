import Foundation
import ShopScheduler
import Testing

/// The two listings of the DocC article "Getting started"
/// (`Sources/ShopScheduler/ShopScheduler.docc/GettingStarted.md`), compiled
/// against the umbrella module alone and run, so the article stays true.
@Suite("Getting started article")
struct GettingStartedTests {
    /// The article's paths are relative to the repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    func path(_ relative: String) -> String { Self.root.appendingPathComponent(relative).path }

    @Test func solveADay() throws {
        let scenario = try Scenario.load(path: path("datasets/busy-day.json"))
        var options = PlanOptions()
        options.timeLimitSeconds = 60
        let result = MILPStrategy().plan(Instance(scenario), options: options)
        let solution = result.solutionFile()
        let report = PlanVerifier(scenario: scenario).verify(solution)
        #expect(report.isFeasible && report.objective == solution.objective)
        // The article prints the proven optimum of the busy day.
        #expect(solution.status == "optimal" && solution.objective == 6118)
    }

    @Test func bookAnAppointment() throws {
        let snapshot = try BookingFiles.snapshot(from: BookingFiles.read(path("datasets/booking/snapshot.json")))
        let request = AppointmentRequest(
            requestId: "REQ-1001", facility: "DOWNTOWN",
            source: .init(type: "ESTIMATE", id: "E-101"), preferredStarts: ["2026-11-23T10:00"],
            caller: .init(id: "advisor-7", permissions: [.init(.createAppointment, facility: "DOWNTOWN")]))
        let engine = BookingEngine(clock: FixedClock(LocalDateTime("2026-11-23T07:30")!))
        let decision = try engine.book(request, in: snapshot)
        #expect(decision.outcome == .created)
        let appointment = try #require(decision.appointment)
        #expect(appointment.start == "2026-11-23T10:00")
        // Same request, same snapshot: the same decision, ids included (the
        // placement itself is verified independently by the booking dataset tests).
        #expect(JSONFiles.encode(try engine.book(request, in: snapshot)) == JSONFiles.encode(decision))
    }
}
