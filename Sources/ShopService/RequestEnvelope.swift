import Foundation
import ShopScheduler

/// A request body of the document routes: one JSON object whose members are whole documents (a
/// snapshot, a request…) and a few options.
///
/// Each document member is kept as its own bytes, exactly as sent, so that it goes through the
/// CLI's readers as a file would (``JSONShape``'s checks, the decoders' paths and messages) and
/// the result is the CLI's byte for byte. A problem's path is the member's name and then the
/// document's own path (`snapshot.bays[0].id`).
struct RequestEnvelope {
    /// The raw bytes of each member, by name.
    let members: [String: Data]
    /// The body's own problems: members it should not have (a missing document is its reader's
    /// problem), listed with those of the documents.
    let issues: [ValidationIssue]

    /// Splits `body`, which must be a JSON object; members not named in `documents` or `options`
    /// are problems (``issues``). Throws when the body is not a JSON object.
    init(_ body: Data, documents: [String], options: [String] = []) throws(InputError) {
        try JSONShape.check(body)
        let bytes = [UInt8](body)
        var scanner = MemberScanner(bytes: bytes)
        guard let found = scanner.members() else {
            throw InputError([ValidationIssue(path: "", message: "the request body must be a JSON object")])
        }
        var issues: [ValidationIssue] = []
        var members: [String: Data] = [:]
        for (name, range) in found {
            if documents.contains(name) || options.contains(name) {
                members[name] = Data(bytes[range])
            } else {
                let known = (documents + options).joined(separator: ", ")
                issues.append(ValidationIssue(path: name, message: "unknown field (the fields are \(known))"))
            }
        }
        self.members = members
        self.issues = issues
    }

    /// The member `name` read by `read`, its problems' paths put under `name` (paths that already
    /// start with `name.` — the engines name their request's fields so — are kept as they are).
    func document<T>(_ name: String, _ read: (Data) throws(InputError) -> T) throws(InputError) -> T {
        guard let data = members[name] else {
            throw InputError([ValidationIssue(path: name, message: "required field is missing")])
        }
        do { return try read(data) } catch { throw Self.under(name, error) }
    }

    /// An optional string member (`now`, `strategy`); a value that is not a string is a problem.
    func string(_ name: String) throws(InputError) -> String? {
        guard let data = members[name] else { return nil }
        guard let value = try? JSONDecoder().decode(String.self, from: data) else {
            throw InputError([ValidationIssue(path: name, message: "expected a string")])
        }
        return value
    }

    /// An optional number member (`timeLimitSeconds`, `gap`).
    func number(_ name: String) throws(InputError) -> Double? {
        guard let data = members[name] else { return nil }
        guard let value = try? JSONDecoder().decode(Double.self, from: data) else {
            throw InputError([ValidationIssue(path: name, message: "expected a number")])
        }
        return value
    }

    /// `error`'s issues with their paths put under `name`, except those already there.
    static func under(_ name: String, _ error: InputError) -> InputError {
        InputError(error.issues.map { under(name, $0) })
    }

    /// One issue's path put under `name` (`snapshot`, `snapshot.bays[0]`, `snapshot[2]`).
    static func under(_ name: String, _ issue: ValidationIssue) -> ValidationIssue {
        if issue.path == name || issue.path.hasPrefix(name + ".") || issue.path.hasPrefix(name + "[") { return issue }
        let path = issue.path.isEmpty ? name : issue.path.hasPrefix("[") ? name + issue.path : name + "." + issue.path
        return ValidationIssue(path: path, message: issue.message)
    }
}

/// Finds the top-level members of a JSON object already known to be well-formed (``JSONShape``
/// passed it): each name and the byte range of its value.
private struct MemberScanner {
    let bytes: [UInt8]
    var at = 0

    mutating func members() -> [(String, Range<Int>)]? {
        skipSpace()
        guard at < bytes.count, bytes[at] == UInt8(ascii: "{") else { return nil }
        at += 1
        var found: [(String, Range<Int>)] = []
        while true {
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { return found }
            let keyStart = at
            skipString()
            let key = (try? JSONDecoder().decode(String.self, from: Data(bytes[keyStart..<at]))) ?? ""
            skipSpace()
            at += 1  // the colon
            skipSpace()
            let valueStart = at
            skipValue()
            found.append((key, valueStart..<at))
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: ",") { at += 1 } else { return found }
        }
    }

    mutating func skipSpace() {
        while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
    }

    /// Past a string starting at its opening quote.
    mutating func skipString() {
        at += 1
        while at < bytes.count, bytes[at] != UInt8(ascii: "\"") {
            at += bytes[at] == UInt8(ascii: "\\") ? 2 : 1
        }
        at += 1
    }

    /// Past one value: a string, or anything up to the comma or brace that ends it at this depth.
    mutating func skipValue() {
        var depth = 0
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\""):
                skipString()
                if depth == 0 { return }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return }
                depth -= 1
                if depth == 0 {
                    at += 1
                    return
                }
            case UInt8(ascii: ","):
                if depth == 0 { return }
            case 0x20, 0x09, 0x0A, 0x0D:
                if depth == 0 { return }
            default: break
            }
            at += 1
        }
    }
}
