/// Writes a ``JSONValue`` as block-style YAML and adds YAML's own hostile
/// shapes: aliases that multiply (the "billion laughs"), deep flow nesting,
/// tags, and YAML 1.1 scalars that look like booleans, octal or sexagesimal.
/// A ``JSONValue/number(_:)`` is written verbatim, so a mutation can plant
/// raw YAML text (`*alias`, `!!binary …`) anywhere.
public enum YAMLText {
    public static func text(_ value: JSONValue) -> String {
        var lines: [String] = []
        emit(value, indent: 0, into: &lines, prefix: nil)
        return lines.joined(separator: "\n") + "\n"
    }

    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s):
            var out = ""
            JSONValue.quote(s, into: &out)
            return out
        case .array(let a) where a.isEmpty: return "[]"
        case .object(let m) where m.isEmpty: return "{}"
        default: return nil
        }
    }

    static func key(_ k: String) -> String {
        var out = ""
        JSONValue.quote(k, into: &out)
        return out
    }

    private static func emit(_ value: JSONValue, indent: Int, into lines: inout [String], prefix: String?) {
        let pad = String(repeating: " ", count: indent)
        if let s = scalar(value) {
            lines.append(pad + (prefix.map { $0 + " " } ?? "") + s)
            return
        }
        if let prefix { lines.append(pad + prefix) }
        let inner = prefix == nil ? indent : indent + 2
        let innerPad = String(repeating: " ", count: inner)
        switch value {
        case .array(let items):
            for item in items {
                if let s = scalar(item) {
                    lines.append(innerPad + "- " + s)
                } else {
                    lines.append(innerPad + "-")
                    emit(item, indent: inner + 2, into: &lines, prefix: nil)
                }
            }
        case .object(let members):
            for member in members {
                emit(member.value, indent: inner, into: &lines, prefix: key(member.key) + ":")
            }
        default: break
        }
    }

    /// Raw YAML scalars that mean something else in some YAML dialect.
    static let oddScalars = [
        "~", "yes", "no", "on", "off", "Y", ".inf", "-.inf", ".nan", "0o17", "017", "0x1F",
        "1_000", "1:30", "8:00", "2026-11-23", "2026-11-23T08:00:00Z", "!!binary aGVsbG8=",
        "!!float 1", "!!int 0x10", "!!str 12", "!unknown x", "!!timestamp 2001-12-14",
        "&anchor 1", "*undefined", "|\n  block", ">-\n  folded", "\"\\x00\"", "'single''quote'",
        "? complex", "[a, b", "{a: 1", "- -", "@reserved", "`reserved", "%TAG", "<<: *undefined",
    ]

    /// A YAML-only mutation of the tree: plants a raw scalar, an alias bomb or deep flow nesting.
    public static func mutate(_ tree: inout JSONValue, random: inout FuzzRandom, maxAliasLevels: Int) {
        switch random.below(3) {
        case 0:
            tree[tree.randomPath(random: &random) ?? []] = .number(random.pick(oddScalars))
        case 1:
            // Level k is a list of `width` aliases of level k-1: width^levels nodes once expanded.
            guard case .object(var members) = tree else { return }
            let levels = random.int(in: 1...max(1, maxAliasLevels)), width = random.int(in: 2...10)
            var bomb: [JSONValue.Member] = [.init("laugh0", .number("&l0 \"ha\""))]
            for k in 1...levels {
                let refs = Array(repeating: "*l\(k - 1)", count: width).joined(separator: ", ")
                bomb.append(.init("laugh\(k)", .number("&l\(k) [\(refs)]")))
            }
            members.insert(contentsOf: bomb, at: 0)
            tree = .object(members)
            // Use the biggest level where a real value belongs.
            if let deep = tree.randomPath(random: &random, where: { _, depth, _ in depth >= 2 }) {
                tree[deep] = .number("*l\(levels)")
            }
        default:
            let depth = random.chance(80) ? random.int(in: 2...64) : random.int(in: 65...max(65, Mutator.maxDepth))
            tree[tree.randomPath(random: &random) ?? []] = .number(
                String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        }
    }
}
