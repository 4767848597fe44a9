import Foundation

/// One HTTP request as the service reads it: what the routes need and nothing of the server's types.
public struct ServiceRequest: Sendable {
    /// `GET`, `POST`…
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The `Authorization` header.
    public var authorization: String?
    /// The `Accept` header.
    public var accept: String?
    /// The `Content-Type` header.
    public var contentType: String?
    /// The body's bytes.
    public var body: Data

    /// A request.
    public init(
        method: String, path: String, authorization: String? = nil, accept: String? = nil,
        contentType: String? = nil, body: Data = Data()
    ) {
        self.method = method
        self.path =
            path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        self.authorization = authorization
        self.accept = accept
        self.contentType = contentType
        self.body = body
    }
}
