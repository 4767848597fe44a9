import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Testing

@testable import ShopService

/// Hummingbird's side of the service, without a socket: the body limit, the request id and the
/// headers of a reply.
@Suite struct ResponderTests {
    func respond(_ api: ServiceAPI, path: String, headers: HTTPFields = [:], body: Data = Data()) async throws
        -> Response
    {
        var logger = Logger(label: "test")
        logger[metadataKey: "hb.request.id"] = "hb-1"
        let context = BasicRequestContext(source: .init(channel: NIOAsyncTestingChannel(), logger: logger))
        let request = Request(
            head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: path, headerFields: headers),
            body: RequestBody(buffer: ByteBuffer(bytes: body)))
        return try await ServiceResponder(api: api).respond(to: request, context: context)
    }

    @Test func aBodyOverTheLimitIs413BeforeItIsRead() async throws {
        var options = ServiceOptions()
        options.maxBodyBytes = 10
        let api = ServiceAPI(keys: nil, options: options)
        let announced = try await respond(api, path: "/v1/solve", headers: [.contentLength: "11"])
        #expect(announced.status.code == 413)
        let streamed = try await respond(api, path: "/v1/solve", body: Data(String(repeating: " ", count: 11).utf8))
        #expect(streamed.status.code == 413)
        #expect(streamed.headers[.contentType] == "application/problem+json")
    }

    @Test func theRequestIdIsTheClientsOrHummingbirds() async throws {
        let api = ServiceAPI(keys: nil)
        let given = try await respond(api, path: "/v1/solve", headers: [HTTPField.Name("X-Request-Id")!: "order-42"])
        #expect(given.headers[HTTPField.Name("X-Request-Id")!] == "order-42")
        #expect(given.status.code == 400)
        let hostile = try await respond(api, path: "/v1/solve", headers: [HTTPField.Name("X-Request-Id")!: "a b\nc"])
        #expect(hostile.headers[HTTPField.Name("X-Request-Id")!] == "hb-1")
    }

    @Test func aKeyRefusalSaysBearer() async throws {
        let api = ServiceAPI(keys: try APIKeys([.init(id: "k", sha256: SHA256.hex("k"))]))
        let reply = try await respond(api, path: "/v1/solve", body: Data("{}".utf8))
        #expect(reply.status.code == 401)
        #expect(reply.headers[.wwwAuthenticate] == "Bearer")
    }
}
