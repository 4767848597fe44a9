import ShopScheduler

/// Why a route gave no result: bad input (`400`, every problem listed) or a key or caller that
/// may not do it (`403`).
enum RouteFailure: Error {
    case badInput(InputError)
    case forbidden(String)

    var problem: ProblemDetails {
        switch self {
        case .badInput(let error): return .badInput(error)
        case .forbidden(let why): return .make(403, why)
        }
    }
}

/// What a document route knows of its request besides the body.
struct RouteContext: Sendable {
    /// The key the request came with; nil when the server runs without keys.
    var key: APIKeys.Key?
    /// `true` when the client asked for HTML (`Accept: text/html`).
    var wantsHTML: Bool
    /// The server's limits.
    var options: ServiceOptions

    /// Throws `403` unless the key may act for every one of `facilities`.
    func allow(facilities: [String]) throws(RouteFailure) {
        guard let key else { return }
        for facility in facilities where !key.allows(facility: facility) {
            throw .forbidden("the API key '\(key.id)' may not be used for facility '\(facility)'")
        }
    }
}

/// Runs `body`, turning its input errors into a `400`.
func input<T>(_ body: () throws(InputError) -> T) throws(RouteFailure) -> T {
    do { return try body() } catch { throw .badInput(error) }
}

/// Reads every document a route needs, gathering the problems of all of them before failing,
/// so one answer lists every problem of the body.
struct ProblemGatherer {
    private(set) var issues: [ValidationIssue]

    /// A gatherer holding the body's own problems first.
    init(_ envelope: RequestEnvelope) { issues = envelope.issues }

    /// `read`'s value, or nil with its problems kept.
    mutating func read<T>(_ read: () throws(InputError) -> T) -> T? {
        do { return try read() } catch {
            issues += error.issues
            return nil
        }
    }

    /// Keeps a problem of the field at `path`.
    mutating func add(_ path: String, _ message: String) {
        issues.append(ValidationIssue(path: path, message: message))
    }

    /// Throws the problems kept, if any.
    func check() throws(RouteFailure) {
        if !issues.isEmpty { throw .badInput(InputError(issues)) }
    }
}
