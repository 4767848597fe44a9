import Foundation
import ShopScheduler

/// What the service answers to one request, before it becomes an HTTP response: the status, the
/// media type and the exact bytes (the CLI's bytes for the engine's documents).
public struct ServiceReply: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type`.
    public var contentType: String
    /// The body.
    public var body: Data
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`), in order.
    public var headers: [String: String]

    /// A reply.
    public init(status: Int, contentType: String, body: Data, headers: [String: String] = [:]) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// A JSON document encoded as the CLI writes it (`JSONFiles.encode` and a newline).
    static func document<T: Encodable>(_ value: T, status: Int = 200) -> ServiceReply {
        ServiceReply(status: status, contentType: "application/json", body: JSONFiles.encode(value) + Data("\n".utf8))
    }

    /// Plain text, as the CLI prints it.
    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> ServiceReply {
        ServiceReply(status: 200, contentType: contentType, body: Data(text.utf8))
    }
}

/// An RFC 9457 problem details document (`application/problem+json`), with every problem of a bad
/// input in `errors`: its JSON path in the request body and the message the CLI prints for it.
public struct ProblemDetails: Codable, Hashable, Sendable {
    /// One problem of the input.
    public struct Problem: Codable, Hashable, Sendable {
        /// The field's JSON path in the request body (`request.preferredStarts[0]`); empty for the whole body.
        public var path: String
        /// The CLI's message for it.
        public var message: String
    }

    /// A URI naming the kind of problem (`about:blank` uses the status's title).
    public var type: String
    /// The status's short title (`Bad Request`).
    public var title: String
    /// The HTTP status code.
    public var status: Int
    /// What went wrong, in a sentence.
    public var detail: String
    /// Every problem of a bad input, in the order found (absent when there is none to list).
    public var errors: [Problem]?

    /// The reply carrying this problem.
    var reply: ServiceReply {
        ServiceReply(
            status: status, contentType: "application/problem+json", body: JSONFiles.encode(self) + Data("\n".utf8))
    }

    /// A problem of `status` with the standard title.
    static func make(_ status: Int, _ detail: String, errors: [Problem]? = nil) -> ProblemDetails {
        ProblemDetails(type: "about:blank", title: title(status), status: status, detail: detail, errors: errors)
    }

    /// `400 Bad Request` listing every issue of `error`.
    static func badInput(_ error: InputError) -> ProblemDetails {
        let count = error.issues.count
        return make(
            400, "the request has \(count) problem\(count == 1 ? "" : "s")",
            errors: error.issues.map { Problem(path: $0.path, message: $0.message) })
    }

    static func title(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        case 429: return "Too Many Requests"
        case 503: return "Service Unavailable"
        default: return "Internal Server Error"
        }
    }
}
