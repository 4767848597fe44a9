/// One problem found in an input file, with the JSON path of the field.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// For example `jobs[3].window.latest`; empty for the whole document.
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String {
        let text = path.isEmpty ? message : "\(path): \(message)"
        // A safety net: no single line of a report is longer than this,
        // whatever a message echoes.
        return text.count > Self.longestLine ? String(text.prefix(Self.longestLine - 1)) + "…" : text
    }
    static let longestLine = 400

    /// `text` as an error message may echo it: at most `limit` characters,
    /// the rest shown as an ellipsis, so one bad line of a large file does
    /// not fill the screen.
    public static func excerpt(_ text: some StringProtocol, limit: Int = 80) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : String(text)
    }
}

/// Every problem found in one input, reported together.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [ValidationIssue]
    public init(_ issues: [ValidationIssue]) { self.issues = issues }
    public var description: String { reportLines.joined(separator: "\n") }

    /// Issues of one kind printed before the rest are summed up.
    public static let issuesShownPerKind = 20

    /// The lines to show a person: every issue, except that after
    /// ``issuesShownPerKind`` of one kind (the same message at the same
    /// place of different items, e.g. 10,000 duplicate job ids) the rest of
    /// that kind become one line "… and 9,980 more of this kind".
    public var reportLines: [String] {
        var shown: [String: Int] = [:]
        var order: [String] = []
        var lines: [(kind: String, text: String)] = []
        for issue in issues {
            let kind = Self.kind(of: issue)
            let count = shown[kind, default: 0]
            if count == 0 { order.append(kind) }
            shown[kind] = count + 1
            if count < Self.issuesShownPerKind { lines.append((kind, issue.description)) }
        }
        var result: [String] = []
        var lastOfKind: [String: Int] = [:]
        for (index, line) in lines.enumerated() { lastOfKind[line.kind] = index }
        for (index, line) in lines.enumerated() {
            result.append(line.text)
            if lastOfKind[line.kind] == index, let total = shown[line.kind], total > Self.issuesShownPerKind {
                let more = Self.grouped(total - Self.issuesShownPerKind)
                result.append("… and \(more) more of this kind")
            }
        }
        return result
    }

    /// `9980` as `9,980`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    /// The issue with every number and quoted text taken out: two issues of
    /// one kind differ only in which item and which value they name.
    static func kind(of issue: ValidationIssue) -> String {
        var kind = ""
        var inQuote = false
        var lastWasDigit = false
        for character in issue.path + "|" + issue.message {
            if character == "\"" { inQuote.toggle(); kind.append("\""); continue }
            if inQuote { continue }
            if character.isNumber {
                if !lastWasDigit { kind.append("#") }
                lastWasDigit = true
                continue
            }
            lastWasDigit = false
            kind.append(character)
        }
        return kind
    }
    /// The paths of the issues, in order (handy in tests).
    public var paths: [String] { issues.map(\.path) }
}

/// Collects issues while walking a file.
struct IssueList {
    private(set) var issues: [ValidationIssue] = []
    mutating func add(_ path: String, _ message: String) {
        issues.append(ValidationIssue(path: path, message: message))
    }
    var isEmpty: Bool { issues.isEmpty }
}
