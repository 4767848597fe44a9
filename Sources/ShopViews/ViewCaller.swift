import ShopDomain
import ShopOperations

/// Who asks for a view, and what they may do.
///
/// Permissions are the stories' names. A dispatcher (``Role/dispatcher``)
/// sees assignments of the whole organisation; anyone else only those of
/// their own facility.
public struct ViewCaller: Codable, Hashable, Sendable {
    /// The roles are the core's (``StaffRole``), shared with booking and rescheduling.
    public typealias Role = StaffRole

    public var id: String
    public var role: Role?
    /// The facility (location id) the caller works at.
    public var facilityId: String
    public var permissions: Set<String>

    public init(id: String, role: Role? = nil, facilityId: String, permissions: Set<String>) {
        self.id = id
        self.role = role
        self.facilityId = facilityId
        self.permissions = permissions
    }

    public func may(_ permission: Permission) -> Bool { permissions.contains(permission.rawValue) }
}
