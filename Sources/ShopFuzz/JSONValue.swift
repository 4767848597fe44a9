/// A JSON document as a tree the mutators can edit.
///
/// Objects keep their members in file order as a list, so a mutated
/// document can hold the same key twice; numbers keep their text, so a
/// mutated document can hold `1e400` or `-0` exactly as written.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The document as compact JSON text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The document as compact JSON text in UTF-8, written byte by byte: a
    /// String appended scalar by scalar took most of the time of making an input.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
        write(to: &out)
        return out
    }

    func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += n.utf8
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.quote(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `s` as a JSON string, with the same escapes as the `String` version.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0x0A: out += #"\n"#.utf8
            case 0x0D: out += #"\r"#.utf8
            case 0x09: out += #"\t"#.utf8
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += #"\u00"#.utf8
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                Self.quote(member.key, into: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Every node with its path of child positions, root first (pre-order).
    public func nodes() -> [[Int]] {
        var found: [[Int]] = []
        var stack: [([Int], JSONValue)] = [([], self)]
        while let (path, node) = stack.popLast() {
            found.append(path)
            switch node {
            case .array(let items):
                for i in items.indices.reversed() { stack.append((path + [i], items[i])) }
            case .object(let members):
                for i in members.indices.reversed() { stack.append((path + [i], members[i].value)) }
            default: break
            }
        }
        return found
    }

    /// A node chosen uniformly among those `matches` accepts (given the node,
    /// its path length and the key it sits under), or nil when none does. One
    /// walk, one path kept: listing every node's path (``nodes()``) costs the
    /// sum of all depths, gigabytes for a deep subtree copied a few hundred
    /// times, which is what a mutation makes.
    public func randomPath(
        random: inout FuzzRandom, where matches: (JSONValue, Int, String?) -> Bool = { _, _, _ in true }
    ) -> [Int]? {
        var chosen: [Int]?
        var seen = 0
        var path: [Int] = []
        // (node, depth, position in its parent, key it sits under)
        var stack: [(JSONValue, Int, Int, String?)] = [(self, 0, -1, nil)]
        while let (node, depth, position, key) = stack.popLast() {
            if depth > 0 {
                path.removeLast(path.count - (depth - 1))
                path.append(position)
            }
            if matches(node, depth, key) {
                seen += 1
                if random.below(seen) == 0 { chosen = path }
            }
            switch node {
            case .array(let items):
                for i in items.indices.reversed() { stack.append((items[i], depth + 1, i, key)) }
            case .object(let members):
                for i in members.indices.reversed() { stack.append((members[i].value, depth + 1, i, members[i].key)) }
            default: break
            }
        }
        return chosen
    }

    /// Nodes in the tree.
    public var nodeCount: Int {
        var count = 0
        var stack: [JSONValue] = [self]
        while let node = stack.popLast() {
            count += 1
            switch node {
            case .array(let items): stack.append(contentsOf: items)
            case .object(let members): stack.append(contentsOf: members.map(\.value))
            default: break
            }
        }
        return count
    }

    public subscript(path: [Int]) -> JSONValue {
        get {
            var node = self
            for i in path {
                switch node {
                case .array(let items): node = items[i]
                case .object(let members): node = members[i].value
                default: return node
                }
            }
            return node
        }
        set {
            guard let first = path.first else { self = newValue; return }
            let rest = Array(path.dropFirst())
            switch self {
            case .array(var items):
                items[first][rest] = newValue
                self = .array(items)
            case .object(var members):
                members[first].value[rest] = newValue
                self = .object(members)
            default: break
            }
        }
    }

    /// The key a node sits under (the nearest object member on its path).
    public func key(at path: [Int]) -> String? {
        guard let last = path.last else { return nil }
        if case .object(let members) = self[Array(path.dropLast())] { return members[last].key }
        return key(at: Array(path.dropLast()))
    }
}

/// A small strict JSON parser (RFC 8259) that keeps member order and number text.
public struct JSONParser {
    private let bytes: [UInt8]
    private var at = 0
    private var depth = 0
    /// Seeds are the project's own files, so a modest limit is plenty.
    private let maxDepth = 512

    public struct Failure: Error, CustomStringConvertible {
        public var offset: Int
        public var description: String { "not JSON at byte \(offset)" }
    }

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        let value = try parser.value()
        parser.skipSpace()
        guard parser.at == bytes.count else { throw Failure(offset: parser.at) }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
    }

    private mutating func expect(_ word: String) throws(Failure) {
        for b in word.utf8 {
            guard at < bytes.count, bytes[at] == b else { throw Failure(offset: at) }
            at += 1
        }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        skipSpace()
        guard at < bytes.count else { throw Failure(offset: at) }
        switch bytes[at] {
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= maxDepth else { throw Failure(offset: at) }
            at += 1
            var items: [JSONValue] = []
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; depth -= 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                guard at < bytes.count else { throw Failure(offset: at) }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "]") { at += 1; depth -= 1; return .array(items) }
                throw Failure(offset: at)
            }
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= maxDepth else { throw Failure(offset: at) }
            at += 1
            var members: [JSONValue.Member] = []
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; depth -= 1; return .object(members) }
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw Failure(offset: at) }
                let key = try string()
                skipSpace()
                try expect(":")
                members.append(.init(key, try value()))
                skipSpace()
                guard at < bytes.count else { throw Failure(offset: at) }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "}") { at += 1; depth -= 1; return .object(members) }
                throw Failure(offset: at)
            }
        default:
            let start = at
            while at < bytes.count, "+-0123456789.eE".utf8.contains(bytes[at]) { at += 1 }
            guard at > start else { throw Failure(offset: at) }
            return .number(String(decoding: bytes[start..<at], as: UTF8.self))
        }
    }

    private mutating func string() throws(Failure) -> String {
        at += 1  // the opening quote
        var out: [UInt8] = []
        while at < bytes.count {
            let b = bytes[at]
            at += 1
            if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if b != UInt8(ascii: "\\") { out.append(b); continue }
            guard at < bytes.count else { break }
            let e = bytes[at]
            at += 1
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard at + 4 <= bytes.count,
                    let code = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
                else { throw Failure(offset: at) }
                at += 4
                out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
            default: out.append(e)
            }
        }
        throw Failure(offset: at)
    }
}
