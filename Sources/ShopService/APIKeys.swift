import Foundation
import ShopScheduler

/// The API keys a server accepts, read from the file `--api-keys` names (`shopsched.api-keys/1`).
///
/// The file holds each key's SHA-256 digest, never the key, so neither the file nor the server's
/// memory gives a key away; a bearer token is hashed and compared with every digest in constant
/// time. A key may be limited to facilities: then every facility a request's documents name must
/// be one of them.
///
/// ```json
/// {"format": "shopsched.api-keys/1",
///  "keys": [{"id": "spring-backend", "sha256": "<64 hex digits>", "facilities": ["F1"]}]}
/// ```
public struct APIKeys: Sendable {
    /// One accepted key.
    public struct Key: Codable, Hashable, Sendable {
        /// Who holds the key (logged with each request; never the key itself).
        public var id: String
        /// The key's SHA-256 digest, 64 hexadecimal digits (`printf %s KEY | sha256sum`).
        public var sha256: String
        /// The facilities the key may use; absent means every facility.
        public var facilities: [String]?

        /// A key entry.
        public init(id: String, sha256: String, facilities: [String]? = nil) {
            self.id = id
            self.sha256 = sha256
            self.facilities = facilities
        }

        /// `true` when the key may act for `facility`.
        public func allows(facility: String) -> Bool { facilities?.contains(facility) ?? true }
    }

    private struct File: Codable {
        var format: String
        var keys: [Key]
    }

    /// The file's format name.
    public static let format = "shopsched.api-keys/1"

    /// The keys, in the file's order.
    public let keys: [Key]
    private let digests: [[UInt8]]

    /// Keys from their entries; every digest must be 64 hexadecimal digits and every id unique.
    public init(_ keys: [Key]) throws(InputError) {
        var issues: [ValidationIssue] = []
        var seen = Set<String>()
        var digests: [[UInt8]] = []
        for (i, key) in keys.enumerated() {
            if key.id.isEmpty { issues.append(.init(path: "keys[\(i)].id", message: "must not be empty")) }
            if !seen.insert(key.id).inserted {
                issues.append(.init(path: "keys[\(i)].id", message: "'\(key.id)' is given twice"))
            }
            if let digest = Self.bytes(hex: key.sha256) {
                digests.append(digest)
            } else {
                issues.append(
                    .init(path: "keys[\(i)].sha256", message: "must be 64 hexadecimal digits (a SHA-256 digest)"))
            }
        }
        if !issues.isEmpty { throw InputError(issues) }
        self.keys = keys
        self.digests = digests
    }

    /// The keys of a `shopsched.api-keys/1` file's bytes.
    public static func load(from data: Data) throws(InputError) -> APIKeys {
        let file = try JSONFiles.decode(File.self, from: data)
        guard file.format == format else {
            throw InputError([.init(path: "format", message: "must be '\(format)', not '\(file.format)'")])
        }
        if file.keys.isEmpty { throw InputError([.init(path: "keys", message: "must name at least one key")]) }
        return try APIKeys(file.keys)
    }

    /// The key whose digest is `token`'s, or nil. Every digest is compared in full, whatever
    /// matched, so the time taken does not tell how much of a guess was right.
    public func key(forToken token: String) -> Key? {
        let candidate = SHA256.digest(Array(token.utf8))
        var found: Int?
        for (i, digest) in digests.enumerated() {
            var difference: UInt8 = 0
            for (x, y) in zip(digest, candidate) { difference |= x ^ y }
            if difference == 0 && found == nil { found = i }
        }
        return found.map { keys[$0] }
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: 64, by: 2) {
            guard let high = nibble(digits[i]), let low = nibble(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
