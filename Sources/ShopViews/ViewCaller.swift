import ShopDomain
import ShopOperations

/// Who asks for a view, and what they may do.
///
/// Permissions are the stories' names. A dispatcher (``Role/dispatcher``)
/// sees assignments of the whole organisation; anyone else only those of
/// their own facility.
public struct ViewCaller: Codable, Hashable, Sendable {
    public enum Role: String, Codable, Hashable, Sendable, CaseIterable, ListedValues {
        case dispatcher = "DISPATCHER"
        case serviceAdvisor = "SERVICE_ADVISOR"
        case mechanic = "MECHANIC"
        case shopManager = "SHOP_MANAGER"
        case frontCounter = "FRONT_COUNTER"
    }

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
