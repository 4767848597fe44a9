import Foundation
import Yams

/// The deterministic stream of inputs of a campaign: input `index` of
/// `format` depends only on the campaign seed, the format and the index.
public struct FuzzInputs {
    public let seeds: FuzzSeeds
    public let campaignSeed: UInt64
    /// Levels of the YAML alias bomb (width up to 10 per level).
    public var maxAliasLevels = 5
    var trees: [FuzzFormat: [JSONValue]] = [:]

    public init(seeds: FuzzSeeds, campaignSeed: UInt64) {
        self.seeds = seeds
        self.campaignSeed = campaignSeed
        for format in FuzzFormat.allCases where format.isJSON { trees[format] = seeds.donors(format) }
        trees[.whatifYAML] =
            (seeds.seeds[.whatifYAML] ?? []).compactMap {
                (try? Yams.load(yaml: String(decoding: $0, as: UTF8.self))).flatMap(Self.tree)
            } + (trees[.whatifJSON] ?? [])
    }

    /// Input `index` of `format`. Index 0 of each seed is the seed itself, unchanged.
    public func input(_ format: FuzzFormat, _ index: Int) -> [UInt8] {
        let raw = seeds.seeds[format] ?? []
        guard !raw.isEmpty else { return [] }
        if index < raw.count { return raw[index] }
        var random = FuzzRandom(seed: campaignSeed, format: format.rawValue, index: index)
        let pick = random.below(raw.count)
        switch format {
        case .ptask:
            return PTaskMutator.mutate(raw[pick], random: &random)
        case .whatifYAML:
            let forest = trees[.whatifYAML] ?? []
            guard !forest.isEmpty, random.chance(85) else {
                var bytes = raw[pick]
                for _ in 0..<(1 + random.below(3)) { Mutator.mutateBytes(&bytes, random: &random) }
                return bytes
            }
            var tree = forest[random.below(forest.count)]
            for _ in 0..<(1 + random.below(3)) {
                if random.chance(30) {
                    YAMLText.mutate(&tree, random: &random, maxAliasLevels: maxAliasLevels)
                } else {
                    Mutator.mutateTree(&tree, donors: forest, random: &random)
                }
            }
            var bytes = Array(YAMLText.text(tree).utf8)
            if random.chance(10) { Mutator.mutateBytes(&bytes, random: &random) }
            return bytes
        default:
            // The donors are the seeds parsed once, in the same order (every seed is JSON).
            let donors = trees[format] ?? []
            let tree = donors.count == raw.count ? donors[pick] : try? JSONParser.parse(raw[pick])
            return Mutator.mutate(raw[pick], tree: tree, donors: donors, random: &random)
        }
    }

    /// A YAML value (from Yams) as a tree; keys sorted, since YAML mappings come unordered.
    static func tree(_ value: Any) -> JSONValue? {
        switch value {
        case let d as [String: Any]:
            return .object(d.keys.sorted().compactMap { k in tree(d[k]!).map { JSONValue.Member(k, $0) } })
        case let a as [Any]: return .array(a.compactMap(tree))
        case let b as Bool: return .bool(b)
        case let i as Int: return .number(String(i))
        case let x as Double: return .number(String(x))
        case let s as String: return .string(s)
        default: return .null
        }
    }
}

/// Mutations of the ptask text format: numbers, header counts and lines.
public enum PTaskMutator {
    static let numbers = [
        "0", "-1", "1", "1440", "1441", "100000", "9223372036854775807", "99999999999999999999",
        "1.5", "1e3", "", "x", "00", "+5", "-0", "2147483648",
    ]

    public static func mutate(_ seed: [UInt8], random: inout FuzzRandom) -> [UInt8] {
        var lines = String(decoding: seed, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        var bytes: [UInt8]? = nil
        for _ in 0..<(1 + random.below(4)) {
            if var b = bytes { Mutator.mutateBytes(&b, random: &random); bytes = b; continue }
            guard !lines.isEmpty else { lines = [""]; continue }
            let i = random.below(lines.count)
            switch random.below(8) {
            case 0, 1:  // replace one number of a line
                var words = lines[i].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                if !words.isEmpty {
                    let w = random.below(words.count)
                    words[w] = words[w].hasSuffix(":") ? random.pick(numbers) + ":" : random.pick(numbers)
                    lines[i] = words.joined(separator: " ")
                }
            case 2:  // a header with another count
                if let h = lines.firstIndex(where: { $0.contains("=") }) {
                    let name =
                        lines[h].split(separator: "=").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "Jobs"
                    lines[h] = "\(name) = \(random.pick(numbers))"
                }
            case 3: lines.insert(lines[i], at: random.below(lines.count + 1))
            case 4: lines.remove(at: i)
            case 5: lines.swapAt(i, random.below(lines.count))
            case 6: lines = Array(lines.prefix(i))
            default: bytes = Array(lines.joined(separator: "\n").utf8)
            }
        }
        return bytes ?? Array(lines.joined(separator: "\n").utf8)
    }
}
