import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import ShopScheduler

/// The service on Hummingbird 2: HTTP/1.1 on `host:port`, each request answered by ``ServiceAPI``.
///
/// `SIGTERM` or `SIGINT` stops it gracefully (swift-service-lifecycle): `/readyz` turns `503`, the
/// listener closes, requests in flight are answered, then the process exits.
public struct ShopServer: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port; 0 picks a free one (written to `portFile`, and logged).
    public var port: Int
    /// Where to write the port once listening, if anywhere (for scripts that start the server on port 0).
    public var portFile: String?
    /// The routes.
    public var api: ServiceAPI

    /// A server for `api` on `host:port`.
    public init(host: String, port: Int, portFile: String? = nil, api: ServiceAPI) {
        self.host = host
        self.port = port
        self.portFile = portFile
        self.api = api
    }

    /// Runs until a signal stops it.
    public func run(logger: Logger) async throws {
        let responder = ServiceResponder(api: api)
        let portFile = portFile
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "shopsched"),
            services: [DrainOnShutdown(api: api, logger: logger)],
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                logger.info("listening", metadata: ["address": "http://\(host):\(bound)"])
                if let portFile {
                    try? Data("\(bound)\n".utf8).write(to: URL(fileURLWithPath: portFile), options: .atomic)
                }
            },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

/// Turns `/readyz` to `503` as soon as a graceful stop begins.
struct DrainOnShutdown: Service {
    let api: ServiceAPI
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.notice("stopping: no new requests; answering those in flight")
        api.drain()
    }
}

/// Hummingbird's side: reads the head and the body (at most the body limit), gives the request
/// id to every log line, and writes the ``ServiceReply``.
struct ServiceResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let api: ServiceAPI

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var logger = context.logger
        let id = Self.requestID(request.headers[values: Self.requestIDField].first) ?? context.id
        logger[metadataKey: "request_id"] = .string(id)
        let limit = api.options.maxBodyBytes
        let reply: ServiceReply
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            reply = ServiceAPI.tooLarge(limit)
        } else {
            do {
                let buffer = try await request.body.collect(upTo: limit)
                reply = await api.respond(
                    ServiceRequest(
                        method: request.method.rawValue, path: request.uri.path,
                        authorization: request.headers[.authorization], accept: request.headers[.accept],
                        contentType: request.headers[.contentType], body: Data(buffer.readableBytesView)),
                    logger: logger)
            } catch {
                reply = ServiceAPI.tooLarge(limit)
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        headers[Self.requestIDField] = id
        for (name, value) in reply.headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// The header carrying a request's id, both ways.
    static let requestIDField = HTTPField.Name("X-Request-Id")!

    /// A client's `X-Request-Id`, when it is a short token of letters, digits and `-_.:`; else nil.
    static func requestID(_ given: String?) -> String? {
        guard let given, (1...64).contains(given.count),
            given.unicodeScalars.allSatisfy({
                CharacterSet.alphanumerics.contains($0) || "-_.:".unicodeScalars.contains($0)
            })
        else { return nil }
        return given
    }
}
