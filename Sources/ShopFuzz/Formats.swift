import Foundation

/// The input formats of the campaign, each with its seeds and companions.
public enum FuzzFormat: String, CaseIterable, Sendable {
    case scenario
    /// A solution file, checked against its scenario (`datasets/small-shop-day.json`).
    case solution
    /// `shopsched.booking-snapshot/1` seeded from `datasets/booking/`; read by book, reschedule and replan.
    case bookingSnapshot = "booking-snapshot"
    /// The same format seeded from `datasets/reschedule/snapshot.json`.
    case rescheduleSnapshot = "reschedule-snapshot"
    case bookingRequest = "booking-request"
    case rescheduleRequest = "reschedule-request"
    /// A disruption, replanned over `datasets/reschedule/snapshot.json`.
    case disruption
    case boardSnapshot = "board-snapshot"
    /// A caller file, reading `datasets/board/snapshot.json`.
    case caller
    case whatifJSON = "whatif-json"
    case whatifYAML = "whatif-yaml"
    /// An OR-Library ptask `.dat` file (`shopsched import ptask`).
    case ptask

    /// Mutated as a JSON tree (else as text and bytes).
    public var isJSON: Bool { self != .ptask && self != .whatifYAML }

    /// The extension of a saved input.
    public var fileExtension: String {
        switch self {
        case .ptask: "dat"
        case .whatifYAML: "yaml"
        default: "json"
        }
    }
}

/// The seed files of every format and the companion files the drivers pair
/// them with, read once from the repository's `datasets/` and `fuzz/corpus/`.
public struct FuzzSeeds: Sendable {
    public var root: URL
    public var seeds: [FuzzFormat: [[UInt8]]] = [:]
    public var scenarioFiles: [String: Data] = [:]

    public struct Missing: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "cannot read seed \(path)" }
    }

    /// `root` is the repository (holding `datasets/` and `fuzz/corpus/`).
    public init(root: URL) throws(Missing) {
        self.root = root
        func read(_ path: String) throws(Missing) -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
                throw Missing(path: path)
            }
            return [UInt8](data)
        }
        for name in ["small-shop-day.json", "busy-day.json", "week.json"] {
            scenarioFiles[name] = Data(try read("datasets/" + name))
        }
        seeds[.scenario] = scenarioFiles.keys.sorted().map { [UInt8](scenarioFiles[$0]!) }
        seeds[.bookingSnapshot] = [try read("datasets/booking/snapshot.json")]
        seeds[.rescheduleSnapshot] = [try read("datasets/reschedule/snapshot.json")]
        seeds[.bookingRequest] = try ["conflicts", "created", "moves", "work-order"].map { (n) throws(Missing) in
            try read("datasets/booking/request-\(n).json")
        }
        seeds[.rescheduleRequest] = try ["moved", "short-notice"].map { (n) throws(Missing) in
            try read("datasets/reschedule/request-\(n).json")
        }
        seeds[.disruption] = [try read("datasets/reschedule/disruption.json")]
        seeds[.boardSnapshot] = [try read("datasets/board/snapshot.json")]
        seeds[.caller] = [try read("datasets/board/advisor.json"), try read("datasets/board/dispatcher.json")]
        seeds[.whatifJSON] = [try read("datasets/whatif/busy-day.json"), try read("datasets/whatif/busy-day-100.json")]
        seeds[.whatifYAML] = [try read("datasets/whatif/week-saturday.yaml")]
        // Formats without a bundled example are seeded from fuzz/corpus/.
        for format in [FuzzFormat.solution, .ptask] {
            let folder = root.appendingPathComponent("fuzz/corpus/\(format.rawValue)")
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
                !$0.hasPrefix(".")
            }.sorted()
            seeds[format] = try names.map { (n) throws(Missing) in try read("fuzz/corpus/\(format.rawValue)/\(n)") }
            if seeds[format]!.isEmpty { throw Missing(path: "fuzz/corpus/\(format.rawValue)/*") }
        }
    }

    /// Seeds of `format` as trees, for splicing subtrees between seeds.
    public func donors(_ format: FuzzFormat) -> [JSONValue] {
        guard format.isJSON else { return [] }
        return (seeds[format] ?? []).compactMap { try? JSONParser.parse($0) }
    }
}
