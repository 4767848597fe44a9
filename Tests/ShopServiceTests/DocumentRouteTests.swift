import Foundation
import ShopScheduler
import ShopTestSupport
import Testing

@testable import ShopService

/// Each document route answers with what the CLI writes for the same files: the same engine
/// call, encoded the same way (scripts/serve-ci.sh compares with the CLI's own output over a
/// socket); every plan that comes back is checked by the verifier.
@Suite struct DocumentRouteTests {
    @Test func bookingIsTheEnginesDecisionAsTheCLIWritesIt() async throws {
        let service = try TestService()
        let reply = await service.post("/v1/bookings:decide", Bodies.booking())
        #expect(reply.status == 200)
        #expect(reply.contentType == "application/json")
        let snapshot = try BookingFiles.snapshot(from: Data(Bodies.file("booking/snapshot.json").utf8))
        let request = try BookingFiles.request(from: Data(Bodies.file("booking/request-created.json").utf8))
        let decision = try BookingEngine(clock: FixedClock(LocalDateTime("2026-11-23T07:30")!)).book(
            request, in: snapshot)
        #expect(decision.outcome == .created)
        // The engine's own tests check its decisions with the verifier; here the answer must be that decision.
        #expect(reply.body == JSONFiles.encode(decision) + Data("\n".utf8))
    }

    @Test func aBookingWithConflictsIsAResultNotAnError() async throws {
        let reply = try await TestService().post(
            "/v1/bookings:decide", Bodies.booking("booking/request-conflicts.json"))
        #expect(reply.status == 200)
        #expect(reply.text.contains("\"outcome\" : \"conflicts\""))
    }

    @Test func rescheduleAndReplanAnswerTheirDocuments() async throws {
        let service = try TestService()
        let snapshot = Bodies.file("reschedule/snapshot.json")
        let moved = await service.post(
            "/v1/reschedules:decide",
            Bodies.object([
                "snapshot": snapshot, "request": Bodies.file("reschedule/request-moved.json"),
                "now": "\"2026-11-23T09:30\"",
            ]))
        #expect(moved.status == 200)
        #expect(moved.text.contains("\"outcome\" : \"rescheduled\""))

        let replan = await service.post(
            "/v1/replans",
            Bodies.object([
                "snapshot": snapshot, "disruption": Bodies.file("reschedule/disruption.json"),
                "now": "\"2026-11-23T11:00\"",
            ]))
        #expect(replan.status == 200)
        let result = try JSONDecoder().decode(ReplanResult.self, from: replan.body)
        #expect(result.status == .optimal)
        let report = PlanVerifier(scenario: try Scenario(file: result.scenario)).verify(result.plan)
        #expect(report.isFeasible, "\(report)")
    }

    @Test func boardIsJSONOrThePage() async throws {
        let service = try TestService()
        let body = Bodies.object([
            "snapshot": Bodies.file("board/snapshot.json"), "caller": Bodies.file("board/advisor.json"),
            "now": "\"2026-03-02T09:15\"",
        ])
        let json = await service.post("/v1/boards", body)
        #expect(json.status == 200)
        #expect(json.contentType == "application/json")
        #expect(json.text.contains("\"workInProgress\""))
        let page = await service.post("/v1/boards", body, accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
        #expect(page.status == 200)
        #expect(page.contentType.hasPrefix("text/html"))
        #expect(page.text.hasPrefix("<!DOCTYPE html>") || page.text.hasPrefix("<!doctype html>"))
    }

    /// A caller with no permissions still sees the board of their own location (as `shopsched
    /// board --caller` shows it), without the assignment board.
    @Test func aCallerWithoutPermissionsSeesTheirLocationOnly() async throws {
        let caller = #"{"id": "nobody", "facilityId": "MAIN", "permissions": []}"#
        let reply = try await TestService().post(
            "/v1/boards",
            Bodies.object([
                "snapshot": Bodies.file("board/snapshot.json"), "caller": caller, "now": "\"2026-03-02T09:15\"",
            ]))
        #expect(reply.status == 200)
        #expect(!reply.text.contains("\"assignments\""))
    }

    @Test func aBoardOfAnotherFacilitysKeyIsForbidden() async throws {
        let reply = try await TestService().post(
            "/v1/boards", Bodies.object(["snapshot": Bodies.file("board/snapshot.json")]), key: TestService.otherKey)
        #expect(reply.status == 403)
        #expect(reply.contentType == "application/problem+json")
    }

    @Test func solveReturnsAVerifiedPlanWithinTheCap() async throws {
        let service = try TestService()
        let scenarioText = Bodies.file(Bodies.smallScenario)
        let reply = await service.post("/v1/solve", Bodies.object(["scenario": scenarioText, "timeLimitSeconds": "5"]))
        #expect(reply.status == 200)
        let solution = try SolutionFile.load(from: reply.body)
        #expect(solution.status == "optimal" || solution.status == "feasible")
        let scenario = try Scenario.load(from: Data(scenarioText.utf8))
        let report = PlanVerifier(scenario: scenario).verify(solution)
        #expect(report.isFeasible, "\(report)")

        let tooLong = await service.post(
            "/v1/solve", Bodies.object(["scenario": scenarioText, "timeLimitSeconds": "3600"]))
        #expect(tooLong.status == 400)
        #expect(tooLong.paths == ["timeLimitSeconds"])
        let unknown = await service.post(
            "/v1/solve", Bodies.object(["scenario": scenarioText, "strategy": "\"magic\""]))
        #expect(unknown.paths == ["strategy"])
    }

    @Test func verifyAndDiffAnswerAsTheCLIPrints() async throws {
        let service = try TestService()
        let scenarioText = Bodies.file("contract/example.scenario.json")
        let solutionText = Bodies.file("contract/example.solution.json")
        let verified = await service.post(
            "/v1/plans:verify", Bodies.object(["scenario": scenarioText, "solution": solutionText]))
        #expect(verified.status == 200)
        let scenario = try Scenario.load(from: Data(scenarioText.utf8))
        let report = PlanVerifier(scenario: scenario).verify(try SolutionFile.load(from: Data(solutionText.utf8)))
        #expect(verified.text.contains("\"feasible\" : \(report.isFeasible)"))

        let diff = await service.post("/v1/plans:diff", Bodies.object(["a": solutionText, "b": solutionText]))
        #expect(diff.status == 200)
        #expect(diff.contentType.hasPrefix("text/plain"))
        let solution = try SolutionFile.load(from: Data(solutionText.utf8))
        #expect(diff.text == "\(PlanDiff(solution, solution))")
    }

    @Test func validateCountsAValidScenario() async throws {
        let reply = try await TestService().post(
            "/v1/scenarios:validate", Bodies.object(["scenario": Bodies.file("contract/example.scenario.json")]))
        #expect(reply.status == 200)
        let scenario = try Scenario.load(path: Repository.dataset("contract/example.scenario.json"))
        #expect(reply.text.contains("\"jobs\" : \(scenario.jobs.count)"))
    }
}
