import Foundation

/// The limits and settings of a server (`shopsched serve`'s options).
public struct ServiceOptions: Sendable {
    /// The largest request body accepted, in bytes; a larger one is a `413`.
    public var maxBodyBytes = 8 << 20
    /// The longest `timeLimitSeconds` a `POST /v1/solve` may ask for; longer is a `400`.
    public var maxTimeLimitSeconds: Double = 10
    /// Seconds a request may take before the server answers `503` (its work, once started, finishes).
    public var deadlineSeconds: Double = 30
    /// Engine calls run at once.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Requests that may wait for a worker; one more is a `429`.
    public var queue = 64

    /// The defaults: 8 MiB bodies, solves of at most 10 s, a 30 s deadline, a worker per core, 64 waiting.
    public init() {}
}
