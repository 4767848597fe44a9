import Foundation
import Logging
import ShopScheduler

/// The HTTP service's routes, independent of the server that carries them: a request in, a reply
/// out. Checks the key, the media type and the body's size, runs the route on the worker pool
/// within the deadline, and counts every answer in the metrics.
public final class ServiceAPI: Sendable {
    /// A route of openapi.yaml.
    struct Route: Sendable {
        var path: String
        var method: String
        /// Open routes (health, readiness, metrics) need no key.
        var open: Bool
        var handle: @Sendable (Data, RouteContext) throws(RouteFailure) -> ServiceReply
    }

    /// The keys accepted; nil when the server was started with `--allow-no-auth`.
    public let keys: APIKeys?
    /// The limits.
    public let options: ServiceOptions
    /// The metrics `/metrics` shows.
    public let metrics: ServiceMetrics
    private let pool: WorkerPool
    private let draining = LockedFlag()
    private let routes: [Route]

    /// The document routes and their paths (as in openapi.yaml).
    static let documentRoutes: [Route] = [
        Route(path: "/v1/bookings:decide", method: "POST", open: false, handle: DocumentRoutes.decideBooking),
        Route(path: "/v1/reschedules:decide", method: "POST", open: false, handle: DocumentRoutes.decideReschedule),
        Route(path: "/v1/replans", method: "POST", open: false, handle: DocumentRoutes.replan),
        Route(path: "/v1/boards", method: "POST", open: false, handle: DocumentRoutes.board),
        Route(path: "/v1/scenarios:validate", method: "POST", open: false, handle: DocumentRoutes.validateScenario),
        Route(path: "/v1/plans:verify", method: "POST", open: false, handle: DocumentRoutes.verifyPlan),
        Route(path: "/v1/plans:diff", method: "POST", open: false, handle: DocumentRoutes.diffPlans),
        Route(path: "/v1/solve", method: "POST", open: false, handle: DocumentRoutes.solve),
    ]

    /// Every path the service answers, with its method (what openapi.yaml lists).
    public static var paths: [(path: String, method: String)] {
        documentRoutes.map { ($0.path, $0.method) } + [("/healthz", "GET"), ("/readyz", "GET"), ("/metrics", "GET")]
    }

    /// A service with `keys` (nil: no authentication), `options` and its own metrics.
    public convenience init(
        keys: APIKeys?, options: ServiceOptions = ServiceOptions(), metrics: ServiceMetrics = ServiceMetrics()
    ) {
        self.init(keys: keys, options: options, metrics: metrics, routes: Self.documentRoutes)
    }

    /// A service answering `routes` (tests add routes of their own).
    init(keys: APIKeys?, options: ServiceOptions, metrics: ServiceMetrics, routes: [Route]) {
        self.routes = routes
        self.keys = keys
        self.options = options
        self.metrics = metrics
        self.pool = WorkerPool(workers: max(1, options.workers), queue: max(0, options.queue))
    }

    /// From now on `/readyz` answers `503`, so a load balancer stops sending (graceful stop).
    public func drain() { draining.set() }

    /// The reply to `request`, counted in the metrics under its route.
    public func respond(_ request: ServiceRequest, logger: Logger = Logger(label: "shopsched.serve")) async
        -> ServiceReply
    {
        let started = ContinuousClock.now
        let (route, reply, key) = await answer(request)
        let duration = ContinuousClock.now - started
        metrics.record(route: route, method: request.method, status: reply.status, duration: duration)
        metrics.setInFlight(pool.inFlight)
        var metadata: Logger.Metadata = [
            "method": .string(request.method), "route": .string(route), "status": .stringConvertible(reply.status),
            "ms": .stringConvertible(Int(duration / .milliseconds(1))),
        ]
        // The key's id, never the key: which backend called.
        if let key { metadata["key"] = .string(key) }
        logger.info("answered", metadata: metadata)
        return reply
    }

    /// The route's name (its path, or `other`), the reply, and the id of the key it came with.
    private func answer(_ request: ServiceRequest) async -> (route: String, reply: ServiceReply, key: String?) {
        switch (request.method, request.path) {
        case ("GET", "/healthz"): return ("/healthz", .document(["status": "ok"]), nil)
        case ("GET", "/readyz"):
            guard !draining.isSet else {
                return ("/readyz", ProblemDetails.make(503, "the server is stopping").reply, nil)
            }
            return ("/readyz", .document(["status": "ready"]), nil)
        case ("GET", "/metrics"):
            return ("/metrics", .text(metrics.text(), contentType: "text/plain; version=0.0.4; charset=utf-8"), nil)
        default: break
        }
        guard let route = routes.first(where: { $0.path == request.path }) else {
            if ["/healthz", "/readyz", "/metrics"].contains(request.path) {
                return ("other", methodNotAllowed(request, allowed: "GET"), nil)
            }
            return (
                "other", ProblemDetails.make(404, "no route \(request.path); openapi.yaml lists the routes").reply, nil
            )
        }
        guard request.method == route.method else {
            return (route.path, methodNotAllowed(request, allowed: route.method), nil)
        }
        var key: APIKeys.Key?
        if let keys {
            guard let token = Self.bearerToken(request.authorization), let found = keys.key(forToken: token) else {
                var reply = ProblemDetails.make(401, "a valid API key is required: Authorization: Bearer KEY").reply
                reply.headers["WWW-Authenticate"] = "Bearer"
                return (route.path, reply, nil)
            }
            key = found
        }
        let id = key?.id
        if request.body.count > options.maxBodyBytes { return (route.path, Self.tooLarge(options.maxBodyBytes), id) }
        if let type = request.contentType, !Self.isJSON(type) {
            return (route.path, ProblemDetails.make(415, "the body must be application/json, not \(type)").reply, id)
        }
        let context = RouteContext(key: key, wantsHTML: Self.wantsHTML(request.accept), options: options)
        let body = request.body
        let handle = route.handle
        let result = await pool.run(deadline: options.deadlineSeconds) { () -> ServiceReply in
            do throws(RouteFailure) { return try handle(body, context) } catch { return error.problem.reply }
        }
        switch result {
        case .success(let reply):
            return (route.path, reply, id)
        case .failure(.queueFull):
            var reply = ProblemDetails.make(429, "every worker is busy and the queue is full; try again shortly").reply
            reply.headers["Retry-After"] = "1"
            return (route.path, reply, id)
        case .failure(.deadlinePassed):
            let detail = "the request took longer than the server's deadline of \(options.deadlineSeconds) s"
            return (route.path, ProblemDetails.make(503, detail).reply, id)
        }
    }

    /// The `413` for a body larger than `limit` bytes.
    public static func tooLarge(_ limit: Int) -> ServiceReply {
        ProblemDetails.make(413, "the request body is larger than this server's limit of \(limit) bytes").reply
    }

    private func methodNotAllowed(_ request: ServiceRequest, allowed: String) -> ServiceReply {
        var reply = ProblemDetails.make(405, "\(request.path) takes \(allowed), not \(request.method)").reply
        reply.headers["Allow"] = allowed
        return reply
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return type == "application/json" || type.hasSuffix("+json")
    }

    /// `true` when `Accept` names `text/html` (a browser's `Accept` does, before `*/*`).
    static func wantsHTML(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.split(separator: ",").contains {
            $0.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() == "text/html"
        }
    }
}

/// A flag set once, behind a lock.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
