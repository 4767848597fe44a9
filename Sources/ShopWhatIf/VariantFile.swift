import Foundation
import ShopDomain
import Yams

/// A what-if file (`shopsched.whatif/1`, JSON or YAML) as written: a base
/// scenario and named variants, each a list of ``Edit``s, and grids whose
/// axes expand into every combination.
///
/// ```json
/// { "format": "shopsched.whatif/1", "base": "../busy-day.json",
///   "variants": [ { "name": "extra-lift",
///                   "edits": [ { "edit": "addBays", "type": "LIFT_BAY", "count": 1 } ] } ],
///   "grids": [ { "name": "lifts-saturday",
///                "axes": [ { "set": "bays.LIFT_BAY", "values": [2, 3, 4] },
///                          { "set": "hours.sat", "values": ["closed", "09:00-14:00"] } ] } ] }
/// ```
public struct VariantFile: Decodable, Sendable, Hashable {
    public static let formatName = "shopsched.whatif/1"

    public var format: String
    /// The base scenario's path, relative to the variant file.
    public var base: String
    public var variants: [Variant]?
    public var grids: [Grid]?

    public init(format: String = VariantFile.formatName, base: String, variants: [Variant]?, grids: [Grid]?) {
        self.format = format
        self.base = base
        self.variants = variants
        self.grids = grids
    }

    /// A named list of edits.
    public struct Variant: Decodable, Sendable, Hashable {
        public var name: String
        public var edits: [Edit]
        public init(name: String, edits: [Edit]) {
            self.name = name
            self.edits = edits
        }
    }

    /// Every combination of one value per axis; the first axis varies slowest.
    public struct Grid: Decodable, Sendable, Hashable {
        public var name: String
        public var axes: [Axis]
        public init(name: String, axes: [Axis]) {
            self.name = name
            self.axes = axes
        }
    }

    /// One axis: either a setting with values (`set`, `values`) or named
    /// options, each a list of edits (`name`, `options`).
    public struct Axis: Decodable, Sendable, Hashable {
        /// `bays.<TYPE>` (a count), `hours.<day>` (`closed` or `HH:MM-HH:MM[,…]`),
        /// `maxConcurrent` (a number or `unlimited`), `labourLimit` (minutes per day
        /// or `unlimited`), `demand` (a factor),
        /// `slotMinutes`, or `weights.<name>`.
        public var set: String?
        public var values: [Scalar]?
        public var name: String?
        public var options: [Option]?
    }

    /// A labelled list of edits on an options axis.
    public struct Option: Decodable, Sendable, Hashable {
        public var label: String
        public var edits: [Edit]
    }

    /// A number or a string, as a grid value.
    public enum Scalar: Decodable, Sendable, Hashable, CustomStringConvertible {
        case int(Int)
        case double(Double)
        case string(String)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let int = try? container.decode(Int.self) {
                self = .int(int)
            } else if let double = try? container.decode(Double.self) {
                self = .double(double)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        public var description: String {
            switch self {
            case .int(let value): String(value)
            case .double(let value): String(value)
            case .string(let value): value
            }
        }
    }

    /// Parses a variant file: YAML when `path` ends in `.yaml` or `.yml`, else JSON.
    /// Decoding problems name the field (`variants[1].edits[0].count`).
    public static func parse(_ data: Data, yaml: Bool) throws(InputError) -> VariantFile {
        guard data.count <= WhatIfLimits.maxFileBytes else {
            throw InputError([
                ValidationIssue(
                    path: "", message: "\(data.count) bytes; a what-if file has at most \(WhatIfLimits.maxFileBytes)")
            ])
        }
        let file: VariantFile
        if yaml {
            guard data.count <= WhatIfLimits.maxYAMLBytes else {
                throw InputError([
                    ValidationIssue(
                        path: "",
                        message:
                            "\(data.count) bytes; a YAML what-if file has at most \(WhatIfLimits.maxYAMLBytes) (JSON: \(WhatIfLimits.maxFileBytes))"
                    )
                ])
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError([ValidationIssue(path: "", message: "not valid YAML: the text is not UTF-8")])
            }
            // Before Yams: its parser recurses once per nesting level.
            try YAMLGuard.check(text)
            do {
                file = try YAMLDecoder().decode(VariantFile.self, from: text)
            } catch let error as DecodingError {
                throw InputError([JSONFiles.issue(for: error)])
            } catch {
                throw InputError([ValidationIssue(path: "", message: "not valid YAML: \(error)")])
            }
        } else {
            file = try JSONFiles.decode(VariantFile.self, from: data)
        }
        guard file.format == formatName else {
            throw InputError([
                ValidationIssue(path: "format", message: "expected \"\(formatName)\", found \"\(file.format)\"")
            ])
        }
        return file
    }
}
