/// One problem found in an input file, with the JSON path of the field.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// For example `jobs[3].window.latest`; empty for the whole document.
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Every problem found in one input, reported together.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]
    public init(_ issues: [ValidationIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
    /// The paths of the issues, in order (handy in tests).
    public var paths: [String] { issues.map(\.path) }
}

/// Collects issues while walking a file.
struct IssueList {
    private(set) var issues: [ValidationIssue] = []
    mutating func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
    var isEmpty: Bool { issues.isEmpty }
}
