import Foundation
import ShopScheduler
import Testing

@testable import ShopService

/// Keys, limits and bad input: every denial has its status and a problem document.
@Suite struct SafetyTests {
    @Test func everyV1RouteNeedsAValidKey() async throws {
        let service = try TestService()
        for route in ServiceAPI.documentRoutes {
            for key: String? in [nil, "wrong-key"] {
                let reply = await service.post(route.path, Bodies.booking(), key: key)
                #expect(reply.status == 401, "\(route.path)")
                #expect(reply.headers["WWW-Authenticate"] == "Bearer")
                #expect(reply.contentType == "application/problem+json")
            }
        }
        let basic = await service.api.respond(
            ServiceRequest(
                method: "POST", path: "/v1/bookings:decide", authorization: "Basic abc", body: Bodies.booking()))
        #expect(basic.status == 401)
    }

    @Test func healthReadinessAndMetricsAreOpen() async throws {
        let service = try TestService()
        #expect(await service.get("/healthz").status == 200)
        #expect(await service.get("/readyz").status == 200)
        _ = await service.post("/v1/bookings:decide", Bodies.booking())
        let metrics = await service.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.contentType.hasPrefix("text/plain"))
        #expect(
            metrics.text.contains(
                #"shopsched_http_requests_total{route="/v1/bookings:decide",method="POST",status="200"} 1"#))
        #expect(metrics.text.contains("shopsched_http_request_duration_seconds_bucket{route=\"/v1/bookings:decide\""))
        service.api.drain()
        #expect(await service.get("/readyz").status == 503)
        #expect(await service.get("/healthz").status == 200)
    }

    @Test func aKeyLimitedToOtherFacilitiesIsForbidden() async throws {
        let reply = try await TestService().post("/v1/bookings:decide", Bodies.booking(), key: TestService.otherKey)
        #expect(reply.status == 403)
        #expect(reply.problem?.detail.contains("'DOWNTOWN'") == true)
    }

    @Test func withoutKeysEveryoneMayCall() async throws {
        let reply = try await TestService(auth: false).post("/v1/bookings:decide", Bodies.booking(), key: nil)
        #expect(reply.status == 200)
    }

    @Test func unknownRoutesAndWrongMethods() async throws {
        let service = try TestService()
        #expect(await service.get("/v1/nothing").status == 404)
        let wrong = await service.get("/v1/bookings:decide")
        #expect(wrong.status == 405)
        #expect(wrong.headers["Allow"] == "POST")
        #expect(await service.post("/healthz", Data()).status == 405)
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        var options = ServiceOptions()
        options.maxBodyBytes = 100
        let reply = try await TestService(options: options).post("/v1/bookings:decide", Bodies.booking())
        #expect(reply.status == 413)
        #expect(reply.contentType == "application/problem+json")
    }

    @Test func aBodyThatIsNotJSONIs415() async throws {
        let reply = try await TestService().api.respond(
            ServiceRequest(
                method: "POST", path: "/v1/solve", authorization: "Bearer \(TestService.allKey)",
                contentType: "application/x-www-form-urlencoded", body: Data("a=b".utf8)))
        #expect(reply.status == 415)
    }

    /// Every problem of the body at once, with its path in the body and the CLI's words.
    @Test func badInputListsEveryProblemWithItsPath() async throws {
        let service = try TestService()
        let notJSON = await service.post("/v1/bookings:decide", Data("{\"snapshot\": ".utf8))
        #expect(notJSON.status == 400)
        #expect(notJSON.contentType == "application/problem+json")
        #expect(notJSON.problem?.errors?.isEmpty == false)

        let notObject = await service.post("/v1/solve", Data("[1, 2]".utf8))
        #expect(notObject.status == 400)
        #expect(notObject.paths == [""])

        let empty = await service.post("/v1/bookings:decide", Data("{}".utf8))
        #expect(empty.paths == ["snapshot", "request"])

        let many = await service.post(
            "/v1/bookings:decide",
            Bodies.object([
                "snapshot": #"{"format": "shopsched.booking-snapshot/1"}"#, "request": #"{"requestId": 7}"#,
                "now": "\"tomorrow\"", "extra": "1",
            ]))
        #expect(many.status == 400)
        #expect(many.paths.contains("extra"))
        #expect(many.paths.contains("now"))
        #expect(many.paths.contains { $0.hasPrefix("snapshot.") })
        #expect(many.paths.contains("request.requestId"))

        let duplicate = await service.post(
            "/v1/scenarios:validate", Data(#"{"scenario": {"format": "a", "format": "b"}}"#.utf8))
        #expect(duplicate.status == 400)
        #expect(duplicate.paths == ["scenario.format"])
    }

    /// The scenario's own problems, under `scenario.`, in the words `shopsched validate` prints.
    @Test func anInvalidScenarioNamesItsFieldsInTheCLIsWords() async throws {
        let text = Bodies.file("contract/example.scenario.json").replacingOccurrences(
            of: "\"slotMinutes\": 30", with: "\"slotMinutes\": 7")
        let reply = try await TestService().post("/v1/scenarios:validate", Bodies.object(["scenario": text]))
        #expect(reply.status == 400)
        do {
            _ = try Scenario.load(from: Data(text.utf8))
            Issue.record("the edited scenario must be invalid")
        } catch {
            #expect(!error.issues.isEmpty)
            #expect(reply.paths == error.issues.map { "scenario." + $0.path })
            #expect(reply.problem?.errors?.map(\.message) == error.issues.map(\.message))
        }
    }
}
