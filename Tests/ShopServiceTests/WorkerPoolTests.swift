import Dispatch
import Foundation
import Testing

@testable import ShopService

/// The pool's two refusals, each forced by work held until the test lets it go (no timing decides
/// an outcome: the held work cannot finish before its release).
@Suite struct WorkerPoolTests {
    @Test func aFullQueueIsRefusedAtOnce() async throws {
        let pool = WorkerPool(workers: 1, queue: 0)
        let release = DispatchSemaphore(value: 0)
        let held = Task { await pool.run(deadline: 60) { release.wait() } }
        while pool.inFlight == 0 { await Task.yield() }
        let refused = await pool.run(deadline: 60) { () }
        guard case .failure(.queueFull) = refused else {
            Issue.record("expected queueFull, got \(refused)")
            release.signal()
            return
        }
        release.signal()
        guard case .success = await held.value else {
            Issue.record("the held work should finish")
            return
        }
    }

    @Test func workPastTheDeadlineIsAbandoned() async throws {
        let pool = WorkerPool(workers: 1, queue: 4)
        let release = DispatchSemaphore(value: 0)
        let late = await pool.run(deadline: 0.05) { release.wait() }
        release.signal()
        guard case .failure(.deadlinePassed) = late else {
            Issue.record("expected deadlinePassed, got \(late)")
            return
        }
    }

    /// A route held until released: the first request takes the only worker and passes its
    /// deadline (503), the next finds the queue full (429, with Retry-After).
    @Test func theServiceAnswers503And429() async throws {
        var options = ServiceOptions()
        options.workers = 1
        options.queue = 0
        options.deadlineSeconds = 0.05
        let release = DispatchSemaphore(value: 0)
        let held = ServiceAPI.Route(path: "/v1/held", method: "POST", open: false) { _, _ in
            release.wait()
            return .text("done")
        }
        let api = ServiceAPI(keys: nil, options: options, metrics: ServiceMetrics(), routes: [held])
        let request = ServiceRequest(
            method: "POST", path: "/v1/held", contentType: "application/json", body: Data("{}".utf8))
        let late = await api.respond(request)
        #expect(late.status == 503)
        #expect(late.contentType == "application/problem+json")
        let busy = await api.respond(request)
        #expect(busy.status == 429)
        #expect(busy.headers["Retry-After"] == "1")
        release.signal()
        // The worker frees once the held work returns; then the route answers again.
        while true {
            let again = await api.respond(request)
            if again.status == 429 {
                await Task.yield()
                continue
            }
            #expect(again.status == 503)  // held again until released
            release.signal()
            break
        }
    }
}
