/// Why a request (a booking or a reschedule) was refused before any placement
/// was looked at, or why its conflict override was refused.
public struct Denial: Codable, Hashable, Sendable {
    public var code: DenialCode
    public var message: String
    public init(code: DenialCode, message: String) {
        self.code = code
        self.message = message
    }
}
