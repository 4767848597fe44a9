import Foundation

/// The strict pre-check every JSON input passes before it is decoded
/// (``JSONFiles/decode(_:from:)`` runs it): one pass over the bytes, with
/// its own stack, so hostile input is turned away before Foundation's parser
/// sees it.
///
/// It rejects, naming the field's JSON path where there is one:
/// - a key written twice in one object (Foundation would silently keep one
///   of the values, so `"slotMinutes": 0, "slotMinutes": 15` could read 0);
/// - nesting deeper than ``maxNestingDepth`` arrays and objects;
/// - a number too large for a double (`1e400`);
/// - a string with a lone UTF-16 surrogate (`"\ud800"`), a bad escape, a raw
///   control character or bytes that are not UTF-8;
/// - anything that is not JSON, with the line and column where it stops
///   being JSON.
public enum JSONShape {
    /// Most arrays and objects nested inside one another. The contract's
    /// files nest five deep at most; 64 leaves room and keeps any recursive
    /// decoder far from the end of its stack.
    public static let maxNestingDepth = 64

    /// Throws the problems found, or returns when `data` is plain, well-formed JSON.
    public static func check(_ data: Data) throws(InputError) {
        var scanner = Scanner(bytes: [UInt8](data))
        scanner.run()
        if !scanner.issues.isEmpty { throw InputError(scanner.issues) }
    }

    private enum Container {
        /// The key being read, if any; the keys seen so far are in `Scanner.keySets`.
        case object(key: String?)
        case array(index: Int)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var at = 0
        var line = 1
        var lineStart = 0
        var stack: [Container] = []
        /// The keys seen in each open object, innermost last. Kept apart from
        /// `stack` so a key is inserted in place: a set copied out of an enum
        /// payload would be copied again on every insert (quadratic in the keys).
        var keySets: [Set<String>] = []
        var issues: [ValidationIssue] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Column in characters (UTF-8 continuation bytes do not count).
        var column: Int {
            var count = 1
            for b in bytes[lineStart..<min(at, bytes.count)] where b & 0xC0 != 0x80 { count += 1 }
            return count
        }

        var path: String {
            var text = ""
            for container in stack {
                switch container {
                case .array(let index): text += "[\(index)]"
                case .object(let key?): text += text.isEmpty ? key : "." + key
                case .object(nil): break
                }
            }
            return text
        }

        /// A syntax error: scanning stops there (what follows cannot be read).
        struct Stop: Error {}

        mutating func fail(_ problem: String) -> Stop {
            issues.append(
                ValidationIssue(path: path, message: "not valid JSON at line \(line), column \(column): \(problem)"))
            return Stop()
        }

        var describeHere: String {
            guard at < bytes.count else { return "the end of the input" }
            let b = bytes[at]
            if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
            return String(format: "byte 0x%02X", b)
        }

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x09, 0x0D: at += 1
                case 0x0A: at += 1; line += 1; lineStart = at
                default: return
                }
            }
        }

        mutating func run() {
            // A UTF-8 byte order mark is tolerated, as Foundation does.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3; lineStart = 3 }
            do {
                skipSpace()
                guard at < bytes.count else { throw fail("the input is empty") }
                try value()
                skipSpace()
                if at < bytes.count { throw fail("unexpected \(describeHere) after the end of the document") }
            } catch {}
        }

        /// Reads one value; containers are walked with ``stack``, not recursion.
        mutating func value() throws(Stop) {
            try single()
            while !stack.isEmpty {
                skipSpace()
                guard at < bytes.count else { throw fail("the input ends inside \(stackTopName)") }
                let b = bytes[at]
                switch stack[stack.count - 1] {
                case .array(let index):
                    if b == 0x5D { at += 1; stack.removeLast(); continue }
                    guard b == 0x2C else { throw fail("expected ',' or ']' in a list, found \(describeHere)") }
                    at += 1
                    stack[stack.count - 1] = .array(index: index + 1)
                    skipSpace()
                    try single()
                case .object:
                    if b == 0x7D { at += 1; stack.removeLast(); keySets.removeLast(); continue }
                    guard b == 0x2C else { throw fail("expected ',' or '}' in an object, found \(describeHere)") }
                    at += 1
                    // Between fields: a problem here belongs to the object, not the last field.
                    stack[stack.count - 1] = .object(key: nil)
                    skipSpace()
                    try member()
                }
            }
        }

        var stackTopName: String {
            if case .array = stack.last { return "a list" }
            return "an object"
        }

        /// `"key": value` inside the object on top of the stack.
        mutating func member() throws(Stop) {
            guard at < bytes.count, bytes[at] == 0x22 else {
                throw fail("expected a field name in quotes, found \(describeHere)")
            }
            let key = try string()
            let isNew = keySets[keySets.count - 1].insert(key).inserted
            stack[stack.count - 1] = .object(key: key)
            if !isNew {
                issues.append(
                    ValidationIssue(
                        path: path,
                        message: "duplicate key \"\(key)\" (line \(line)); an object may name each field once"))
            }
            skipSpace()
            guard at < bytes.count, bytes[at] == 0x3A else {
                throw fail("expected ':' after the field name, found \(describeHere)")
            }
            at += 1
            skipSpace()
            try single()
        }

        /// A scalar, or the opening of a container (pushed on the stack).
        mutating func single() throws(Stop) {
            guard at < bytes.count else { throw fail("expected a value, found the end of the input") }
            switch bytes[at] {
            case 0x7B, 0x5B:
                guard stack.count < maxNestingDepth else {
                    throw fail("nested deeper than \(maxNestingDepth) lists and objects")
                }
                let isObject = bytes[at] == 0x7B
                at += 1
                skipSpace()
                if isObject {
                    stack.append(.object(key: nil))
                    keySets.append([])
                    if at < bytes.count, bytes[at] == 0x7D { at += 1; stack.removeLast(); keySets.removeLast(); return }
                    try member()
                } else {
                    stack.append(.array(index: 0))
                    if at < bytes.count, bytes[at] == 0x5D { at += 1; stack.removeLast(); return }
                    try single()
                }
            case 0x22: _ = try string()
            case 0x2D, 0x30...0x39: try number()
            case 0x74: try literal("true")
            case 0x66: try literal("false")
            case 0x6E: try literal("null")
            default: throw fail("expected a value, found \(describeHere)")
            }
        }

        mutating func literal(_ word: String) throws(Stop) {
            let utf8 = Array(word.utf8)
            guard bytes.count - at >= utf8.count, Array(bytes[at..<(at + utf8.count)]) == utf8 else {
                throw fail("expected a value, found \(describeHere)")
            }
            at += utf8.count
        }

        mutating func number() throws(Stop) {
            let begin = at
            func digits() -> Int {
                let from = at
                while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
                return at - from
            }
            if bytes[at] == 0x2D { at += 1 }
            guard at < bytes.count, (0x30...0x39).contains(bytes[at]) else {
                throw fail("a number needs a digit after '-'")
            }
            if bytes[at] == 0x30 {
                at += 1
                if at < bytes.count, (0x30...0x39).contains(bytes[at]) { throw fail("a number may not start with 0") }
            } else {
                _ = digits()
            }
            if at < bytes.count, bytes[at] == 0x2E {
                at += 1
                guard digits() > 0 else { throw fail("a number needs digits after '.'") }
            }
            if at < bytes.count, bytes[at] == 0x65 || bytes[at] == 0x45 {
                at += 1
                if at < bytes.count, bytes[at] == 0x2B || bytes[at] == 0x2D { at += 1 }
                guard digits() > 0 else { throw fail("a number needs digits in its exponent") }
            }
            let text = String(decoding: bytes[begin..<at], as: UTF8.self)
            if let value = Double(text), !value.isFinite {
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                issues.append(ValidationIssue(path: path, message: "the number \(shown) is too large (line \(line))"))
            }
        }

        /// A quoted string, escapes resolved; checks UTF-8 and surrogate pairs.
        mutating func string() throws(Stop) -> String {
            at += 1
            var scalars = String.UnicodeScalarView()
            while true {
                guard at < bytes.count else { throw fail("the input ends inside a string") }
                let b = bytes[at]
                switch b {
                case 0x22:
                    at += 1
                    return String(scalars)
                case 0x5C:
                    at += 1
                    guard at < bytes.count else { throw fail("the input ends inside a string") }
                    let e = bytes[at]
                    at += 1
                    switch e {
                    case 0x22: scalars.append("\"");
                    case 0x5C: scalars.append("\\");
                    case 0x2F: scalars.append("/")
                    case 0x62: scalars.append("\u{8}");
                    case 0x66: scalars.append("\u{C}");
                    case 0x6E: scalars.append("\n")
                    case 0x72: scalars.append("\r");
                    case 0x74: scalars.append("\t")
                    case 0x75:
                        let unit = try hex4()
                        if (0xD800...0xDBFF).contains(unit) {
                            guard bytes.count - at >= 6, bytes[at] == 0x5C, bytes[at + 1] == 0x75 else {
                                throw fail(
                                    String(
                                        format: "\\u%04x is half of a UTF-16 surrogate pair with no second half", unit))
                            }
                            at += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else {
                                throw fail(
                                    String(
                                        format: "\\u%04x is half of a UTF-16 surrogate pair with no second half", unit))
                            }
                            scalars.append(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
                        } else if (0xDC00...0xDFFF).contains(unit) {
                            throw fail(
                                String(
                                    format: "\\u%04x is the second half of a UTF-16 surrogate pair with no first half",
                                    unit))
                        } else {
                            scalars.append(Unicode.Scalar(unit)!)
                        }
                    default:
                        at -= 1
                        throw fail(
                            "unknown escape \\\(describeHere.trimmingCharacters(in: CharacterSet(charactersIn: "'"))) in a string"
                        )
                    }
                case 0x00..<0x20:
                    throw fail("a control character (byte 0x\(String(b, radix: 16))) must be escaped in a string")
                case 0x80...:
                    scalars.append(try utf8Scalar())
                default:
                    scalars.append(Unicode.Scalar(b))
                    at += 1
                }
            }
        }

        mutating func hex4() throws(Stop) -> UInt32 {
            guard bytes.count - at >= 4 else { throw fail("\\u needs four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = UInt32(String(Unicode.Scalar(bytes[at])), radix: 16) else {
                    throw fail("\\u needs four hex digits")
                }
                value = value * 16 + digit
                at += 1
            }
            return value
        }

        /// One multi-byte UTF-8 sequence starting at `at`.
        mutating func utf8Scalar() throws(Stop) -> Unicode.Scalar {
            let b = bytes[at]
            let (count, initial): (Int, UInt32) =
                b & 0xE0 == 0xC0
                ? (2, UInt32(b & 0x1F))
                : b & 0xF0 == 0xE0
                    ? (3, UInt32(b & 0x0F))
                    : b & 0xF8 == 0xF0 ? (4, UInt32(b & 0x07)) : (0, 0)
            guard count > 0, bytes.count - at >= count else { throw fail("the bytes are not UTF-8 text") }
            var value = initial
            for k in 1..<count {
                let c = bytes[at + k]
                guard c & 0xC0 == 0x80 else { throw fail("the bytes are not UTF-8 text") }
                value = value << 6 | UInt32(c & 0x3F)
            }
            let smallest: UInt32 = count == 2 ? 0x80 : count == 3 ? 0x800 : 0x10000
            guard value >= smallest, let scalar = Unicode.Scalar(value) else {
                throw fail("the bytes are not UTF-8 text")
            }
            at += count
            return scalar
        }
    }
}
