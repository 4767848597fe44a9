import Foundation

/// Reading and writing the contract's JSON files.
///
/// Decoding turns Foundation's `DecodingError` into a ``InputError``
/// that names the JSON path, so a wrong type reads like any other problem.
public enum JSONFiles {
    /// Decodes `type` from JSON data.
    /// Every JSON input goes through here, so every one is first checked by
    /// ``JSONShape`` (duplicate keys, nesting depth, numbers out of range,
    /// lone surrogates, syntax errors with line and column).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(InputError) -> T {
        try JSONShape.check(data)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            var found = issue(for: error)
            // Foundation on Linux reports a fraction where an integer belongs
            // as corrupt data with no path; find the number and name it.
            if found.path.isEmpty, let json = try? JSONSerialization.jsonObject(with: data),
                let path = firstFraction(in: json, path: "")
            {
                found = ValidationIssue(path: path, message: "expected a whole number")
            }
            throw InputError([found])
        } catch {
            throw InputError([ValidationIssue(path: "", message: "not valid JSON: \(error.localizedDescription)")])
        }
    }

    /// Encodes a value as pretty-printed JSON with a stable key order.
    public static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Our file types hold only strings, integers, finite doubles and arrays.
        return (try? encoder.encode(value)) ?? Data()
    }

    /// The issue for a decoding error, with the JSON path of the field (also used for YAML).
    public static func issue(for error: DecodingError) -> ValidationIssue {
        switch error {
        case .typeMismatch(let type, let context):
            return ValidationIssue(path: path(context.codingPath), message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return ValidationIssue(path: path(context.codingPath), message: "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            return ValidationIssue(path: path(context.codingPath + [key]), message: "required field is missing")
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.localizedDescription ?? context.debugDescription
            return ValidationIssue(
                path: path(context.codingPath),
                message: context.codingPath.isEmpty ? "not valid JSON: \(underlying)" : context.debugDescription)
        @unknown default:
            return ValidationIssue(path: "", message: "\(error)")
        }
    }

    /// The path of the first number that is not a whole number, skipping
    /// `seconds` (the one decimal field of our files).
    static func firstFraction(in value: Any, path: String) -> String? {
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() where key != "seconds" {
                if let found = firstFraction(in: object[key]!, path: path.isEmpty ? key : path + "." + key) {
                    return found
                }
            }
        } else if let array = value as? [Any] {
            for (index, item) in array.enumerated() {
                if let found = firstFraction(in: item, path: "\(path)[\(index)]") { return found }
            }
        } else if let number = value as? NSNumber, !(value is Bool),
            number.doubleValue.rounded() != number.doubleValue || abs(number.doubleValue) > 9e15
        {
            return path
        }
        return nil
    }

    /// `jobs[3].window.latest` from a coding path.
    public static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}

extension Scenario {
    /// Parses and validates a scenario from JSON data.
    public static func load(from data: Data) throws(InputError) -> Scenario {
        try Scenario(file: JSONFiles.decode(ScenarioFile.self, from: data))
    }

    /// Parses and validates a scenario file.
    public static func load(path: String) throws(InputError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError([ValidationIssue(path: "", message: "cannot read file \(path)")])
        }
        return try load(from: data)
    }
}

extension SolutionFile {
    public static func load(from data: Data) throws(InputError) -> SolutionFile {
        let file = try JSONFiles.decode(SolutionFile.self, from: data)
        guard file.format == formatName else {
            throw InputError([
                ValidationIssue(path: "format", message: "expected \"\(formatName)\", found \"\(file.format)\"")
            ])
        }
        let issues = file.formIssues
        if !issues.isEmpty { throw InputError(issues) }
        return file
    }

    /// The statuses a solution file may have.
    public static let statuses = ["optimal", "feasible", "infeasible", "error"]

    /// Fields that are malformed on their own, before any plan is checked
    /// (bad input, not a wrong plan): an unknown `status`; `seconds` negative
    /// or not finite; a claimed `bound` above the claimed `objective`, or,
    /// for `optimal`, different from it (optimal means proved: bound equals
    /// objective); a time that is not `YYYY-MM-DDTHH:MM`.
    public var formIssues: [ValidationIssue] {
        var issues = IssueList()
        if !Self.statuses.contains(status) {
            issues.add(
                "status",
                "\"\(ValidationIssue.excerpt(status))\" is not one of \(Self.statuses.joined(separator: ", "))")
        }
        if !seconds.isFinite || seconds < 0 { issues.add("seconds", "must be 0 or more, not \(seconds)") }
        if let bound, let objective {
            if bound > objective {
                issues.add(
                    "bound",
                    "\(bound) is above the objective \(objective); a lower bound is never above the plan's cost")
            } else if status == "optimal", bound != objective {
                issues.add(
                    "bound",
                    "\(bound) is below the objective \(objective), but status optimal means the bound meets the objective"
                )
            }
        }
        for (index, assignment) in assignments.enumerated() {
            if assignment.job.isEmpty { issues.add("assignments[\(index)].job", "must not be empty") }
            if LocalDateTime(assignment.start) == nil {
                issues.add(
                    "assignments[\(index)].start",
                    "\"\(ValidationIssue.excerpt(assignment.start))\" is not a local time YYYY-MM-DDTHH:MM")
            }
            if LocalDateTime(assignment.end) == nil {
                issues.add(
                    "assignments[\(index)].end",
                    "\"\(ValidationIssue.excerpt(assignment.end))\" is not a local time YYYY-MM-DDTHH:MM")
            }
        }
        for (index, entry) in unscheduled.enumerated() where entry.job.isEmpty {
            issues.add("unscheduled[\(index)].job", "must not be empty")
        }
        return issues.issues
    }
}

/// A closed set of names read from JSON. Decoding an unknown name fails
/// with a message listing the valid ones (Swift's own says only "Cannot
/// initialize Role from invalid String value").
public protocol ListedValues: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

extension ListedValues {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let valid = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "unknown value \"\(ValidationIssue.excerpt(text))\"; use one of \(valid)")
        }
        self = value
    }
}
