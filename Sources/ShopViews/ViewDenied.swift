import ShopOperations

/// A view the caller may not see, and why.
public struct ViewDenied: Error, Hashable, Sendable, CustomStringConvertible {
    /// The permission that is missing, when one would allow it.
    public var missing: Permission?
    public var reason: String
    public init(missing: Permission?, reason: String) {
        self.missing = missing
        self.reason = reason
    }
    public var description: String { reason }
}
