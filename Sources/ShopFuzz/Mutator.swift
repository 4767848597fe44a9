import ShopDomain

/// The campaign's random numbers: the project's own SplitMix64, so a seed
/// gives the same inputs on every machine and Swift version.
public struct FuzzRandom {
    var generator: SplitMix64
    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// The generator of input `index` of `format` in campaign `seed`: every
    /// input is drawn alone, so a run restarted at `index + 1` after a crash
    /// sees exactly the inputs it would have seen.
    public init(seed: UInt64, format: String, index: Int) {
        var hash = StableHash()  // of the format name
        hash.combineBytes(format.utf8)
        var mixer = SplitMix64(seed: seed ^ hash.value)
        generator = SplitMix64(seed: mixer.next() ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
    }

    public mutating func next() -> UInt64 { generator.next() }
    /// A whole number in `0..<count` (`count` at least 1).
    public mutating func below(_ count: Int) -> Int { generator.int(in: 0...(max(count, 1) - 1)) }
    public mutating func int(in range: ClosedRange<Int>) -> Int { generator.int(in: range) }
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Structure-aware and byte-level mutations of the project's input files.
public enum Mutator {
    /// The deepest nesting a mutation builds; the known deep-JSON and deep-YAML
    /// crashes start well above the decoders' own comfort, so the CI bound
    /// stays modest and the long run may raise it.
    nonisolated(unsafe) public static var maxDepth = 2_000  // set once at start-up, before any input

    // MARK: - Dictionaries of hostile values

    static let numbers = [
        "0", "-1", "1", "-0", "2", "7", "15", "59", "60", "61", "1440", "1441", "100000",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "9007199254740993", "99999999999999999999", "1e400", "-1e400", "1e-400", "0.5", "1.5",
        "-0.25", "1.0000000001", "2147483648", "4294967296", "1e3", "1E2", "15.0",
    ]
    static let times = [
        "24:00", "25:99", "23:59", "00:00", "08:05", "08:07", "12:59", "00:01", "02:30", "01:30",
        "7:30", "08:00:00", "08-00", "-1:00", "99:99", "", "8", "noon",
    ]
    /// Dates around the America/Chicago DST changes of 2026 (Mar 8, Nov 1) and odd calendar days.
    static let dates = [
        "2026-03-08", "2026-11-01", "2026-02-29", "2028-02-29", "2026-13-01", "2026-00-10",
        "2026-11-31", "0000-01-01", "9999-12-31", "1970-01-01", "2026-1-5", "26-11-23",
    ]
    static let strings = [
        "", " ", "\u{0}", "a\u{0}b", "é", "e\u{301}", "\u{202E}BAY-1", "🚗", "\u{FEFF}",
        "null", "true", "0", "-1", "NaN", "Infinity", "BAY-1", "M-1", "J-1", "GENERAL_SERVICE_BAY",
        "LIFT_BAY", "required", "optional", "none", "UTC", "America/Chicago", "Mars/Olympus",
        "Europe/London", "Pacific/Kiritimati", "..", "/", "%s%n", "<script>", "\"", "\\",
        "shopsched.scenario/1", "closed", "09:00-14:00", "14:00-09:00", "line\nbreak",
    ]

    // MARK: - One input

    /// Mutates `seed` (the bytes of a seed file) 1 to 4 times. JSON seeds get
    /// mostly tree mutations (the input must get past the parser to reach
    /// validation and the engines), sometimes a byte-level one on top.
    public static func mutate(_ seed: [UInt8], json: Bool, donors: [JSONValue] = [], random: inout FuzzRandom)
        -> [UInt8]
    {
        mutate(seed, tree: json ? try? JSONParser.parse(seed) : nil, donors: donors, random: &random)
    }

    /// The same, with the seed already parsed (`tree` is `seed` as a tree, or nil
    /// for a seed that is not JSON): the campaign parses each seed once.
    public static func mutate(
        _ seed: [UInt8], tree parsed: JSONValue?, donors: [JSONValue] = [], random: inout FuzzRandom
    ) -> [UInt8] {
        var tree = parsed
        var bytes = seed
        let steps = 1 + random.below(4)
        for _ in 0..<steps {
            if var t = tree, random.chance(88) {
                mutateTree(&t, donors: donors, random: &random)
                tree = t
            } else {
                if let t = tree { bytes = t.bytes; tree = nil }
                mutateBytes(&bytes, random: &random)
            }
        }
        if let tree { return tree.bytes }
        return bytes
    }

    // MARK: - Tree mutations

    public static func mutateTree(_ tree: inout JSONValue, donors: [JSONValue] = [], random: inout FuzzRandom) {
        let path = tree.randomPath(random: &random) ?? []
        let node = tree[path]
        /// A node of one kind (nil when there is none).
        func some(_ kind: (JSONValue) -> Bool) -> [Int]? {
            tree.randomPath(random: &random) { node, _, _ in kind(node) }
        }
        switch random.below(16) {
        case 0:  // delete a key or an element (a child of a container, else the node itself)
            if let smaller = removingChild(node, random: &random) {
                tree[path] = smaller
            } else if let last = path.last {
                let parent = Array(path.dropLast())
                tree[parent] = removing(child: last, of: tree[parent])
            }
        case 1:  // duplicate a key (same name twice, the copy maybe changed)
            if case .object(var members) = node, !members.isEmpty {
                var copy = members[random.below(members.count)]
                if random.chance(50) { copy.value = typeConfused(copy.value, random: &random) }
                members.insert(copy, at: random.below(members.count + 1))
                tree[path] = .object(members)
            } else {
                tree[path] = typeConfused(node, random: &random)
            }
        case 2:  // swap two keys' values, or rename a key to another's
            if case .object(var members) = node, members.count >= 2 {
                let i = random.below(members.count), j = random.below(members.count)
                if random.chance(50) {
                    members.swapAt(i, j); let k = members[i].key; members[i].key = members[j].key; members[j].key = k
                } else {
                    members[i].key = members[j].key
                }
                tree[path] = .object(members)
            } else {
                tree[path] = typeConfused(node, random: &random)
            }
        case 3, 4:  // a value of another type
            tree[path] = typeConfused(node, random: &random)
        case 5, 6:  // extreme numbers, preferring a number node
            let target = some { if case .number = $0 { true } else { false } } ?? path
            tree[target] = .number(random.pick(numbers))
        case 7:  // empty or huge strings, odd text
            let target = some { if case .string = $0 { true } else { false } } ?? path
            tree[target] = .string(oddString(random: &random))
        case 8, 9:  // odd times and dates
            guard let target = some({ if case .string(let s) = $0 { looksLikeTime(s) } else { false } }) else {
                tree[path] = typeConfused(node, random: &random)
                return
            }
            if case .string(let s) = tree[target] { tree[target] = .string(oddTime(s, random: &random)) }
        case 10:  // empty arrays
            if let target = some({ if case .array = $0 { true } else { false } }) { tree[target] = .array([]) }
        case 11:  // duplicated array elements (duplicate ids and all)
            guard let target = some({ if case .array(let a) = $0 { !a.isEmpty } else { false } }) else { return }
            if case .array(var items) = tree[target] {
                let copies = random.chance(85) ? 1 : random.int(in: 2...300)
                let item = items[random.below(items.count)]
                for _ in 0..<copies { items.insert(item, at: random.below(items.count + 1)) }
                tree[target] = .array(items)
            }
        case 12:  // deep nesting around a node
            let depth = random.chance(80) ? random.int(in: 2...64) : random.int(in: 65...max(65, maxDepth))
            var wrapped = node
            let asObject = random.chance(50)
            for _ in 0..<depth { wrapped = asObject ? .object([.init("x", wrapped)]) : .array([wrapped]) }
            tree[path] = wrapped
        case 13:  // swap ids between objects, or give one object another's id
            swapIDs(&tree, random: &random)
        case 14:  // splice: a subtree from elsewhere (this file or a donor)
            let source = donors.isEmpty || random.chance(50) ? tree : random.pick(donors)
            tree[path] = source[source.randomPath(random: &random) ?? []]
        default:  // shrink an array to a prefix, or drop one element
            guard let target = some({ if case .array(let a) = $0 { !a.isEmpty } else { false } }) else { return }
            if case .array(let items) = tree[target] {
                tree[target] = .array(Array(items.prefix(random.below(items.count))))
            }
        }
    }

    static func removingChild(_ node: JSONValue, random: inout FuzzRandom) -> JSONValue? {
        switch node {
        case .object(let m) where !m.isEmpty: return removing(child: random.below(m.count), of: node)
        case .array(let a) where !a.isEmpty: return removing(child: random.below(a.count), of: node)
        default: return nil
        }
    }

    static func removing(child index: Int, of node: JSONValue) -> JSONValue {
        switch node {
        case .object(var m): m.remove(at: index); return .object(m)
        case .array(var a): a.remove(at: index); return .array(a)
        default: return node
        }
    }

    static func typeConfused(_ node: JSONValue, random: inout FuzzRandom) -> JSONValue {
        let options: [JSONValue]
        switch node {
        case .number(let n): options = [.string(n), .bool(true), .null, .array([node]), .object([]), .number(n + ".5")]
        case .string(let s):
            options = [
                .number(random.pick(numbers)), .null, .bool(false), .array([node]), .object([.init(s, node)]),
                .string(s + s),
            ]
        case .bool(let b): options = [.number(b ? "1" : "0"), .string(b ? "true" : "false"), .null]
        case .null: options = [.number("0"), .string(""), .array([]), .object([])]
        case .array(let a): options = [.object([]), .string(""), .null, a.first ?? .null, .number("1")]
        case .object(let m): options = [.array(m.map(\.value)), .string("{}"), .null, .number("0"), .array([node])]
        }
        return random.pick(options)
    }

    static func oddString(random: inout FuzzRandom) -> String {
        switch random.below(4) {
        case 0:
            return String(repeating: random.pick(["A", "é", "🚗", "-", "0"]), count: random.pick([256, 4_096, 70_000]))
        default: return random.pick(strings)
        }
    }

    /// `HH:MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` and `HH:MM-HH:MM` values.
    static func looksLikeTime(_ s: String) -> Bool {
        let u = Array(s.utf8)
        if u.count == 5, u[2] == UInt8(ascii: ":") { return true }
        if u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") { return true }
        if u.count == 11, u[5] == UInt8(ascii: "-") { return true }
        return false
    }

    static func oddTime(_ s: String, random: inout FuzzRandom) -> String {
        let u = Array(s.utf8)
        if u.count == 5 { return random.pick(times) }
        if u.count == 11 { return random.pick(times) + "-" + random.pick(times) }
        if u.count == 10 { return random.pick(dates) }
        let date = random.chance(50) ? String(s.prefix(10)) : random.pick(dates)
        let time = random.chance(70) ? random.pick(times) : String(s.dropFirst(11))
        switch random.below(6) {
        case 0: return date + " " + time
        case 1: return date + "T" + time + "Z"
        case 2: return date + "T" + time + ":00"
        default: return date + "T" + time
        }
    }

    /// Objects with an `id`: two swap ids, or one takes the other's.
    static func swapIDs(_ tree: inout JSONValue, random: inout FuzzRandom) {
        func isID(_ node: JSONValue, _ depth: Int, _ key: String?) -> Bool {
            guard case .string = node, let key else { return false }
            return key == "id" || key.hasSuffix("Id") || key == "bay" || key == "mechanic" || key == "appointment"
        }
        guard let a = tree.randomPath(random: &random, where: isID),
            let b = tree.randomPath(random: &random, where: isID)
        else { return }
        let va = tree[a], vb = tree[b]
        tree[a] = vb
        if random.chance(50) { tree[b] = va }
    }

    // MARK: - Byte mutations

    static let interestingBytes: [UInt8] = [
        0x00, 0xFF, 0x7F, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x0A,
        0xC3, 0xE2, 0xF0, 0x80, 0x30, 0x2D, 0x65, 0x20, 0x23, 0x26, 0x2A, 0x21,
    ]

    public static func mutateBytes(_ bytes: inout [UInt8], random: inout FuzzRandom) {
        guard !bytes.isEmpty else { bytes = [random.pick(interestingBytes)]; return }
        let at = random.below(bytes.count)
        switch random.below(7) {
        case 0: bytes[at] ^= UInt8(1 << random.below(8))
        case 1: bytes.insert(random.pick(interestingBytes), at: at)
        case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(16)))
        case 4: bytes.removeSubrange(at..<bytes.count)  // truncate
        case 5:  // duplicate a chunk
            let end = min(bytes.count, at + 1 + random.below(64))
            bytes.insert(contentsOf: bytes[at..<end], at: random.below(bytes.count))
        default: bytes[at] = random.pick(interestingBytes)
        }
    }
}
