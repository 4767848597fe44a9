/// Who asks, and what they may do: the caller of booking, rescheduling and
/// replanning requests (`caller` in their files).
public struct Caller: Codable, Hashable, Sendable {
    /// Who the caller is (the actor of audit records).
    public var id: String
    public var permissions: [Grant]
    /// A ``StaffRole`` raw value (optional): carried by the audit records as the actor's role.
    public var role: String?
    public init(id: String, permissions: [Grant], role: StaffRole? = nil) {
        self.id = id
        self.permissions = permissions
        self.role = role?.rawValue
    }

    /// Whether the caller holds `permission` for `facility`.
    public func has(_ permission: Permission, for facility: String) -> Bool {
        permissions.contains { $0.permission == permission.rawValue && ($0.facility == nil || $0.facility == facility) }
    }

    /// One permission, for one facility (or, with `facility` absent, every facility).
    public struct Grant: Codable, Hashable, Sendable {
        public var permission: String
        public var facility: String?
        public init(_ permission: Permission, facility: String? = nil) {
            self.permission = permission.rawValue
            self.facility = facility
        }
    }
}
