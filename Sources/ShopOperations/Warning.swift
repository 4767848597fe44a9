/// Something the caller should know that does not block (a duration mismatch, a skipped wanted start, moves not searched).
public struct Warning: Codable, Hashable, Sendable {
    public var code: String
    public var message: String
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
