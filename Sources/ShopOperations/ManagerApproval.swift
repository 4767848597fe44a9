/// A Shop Manager's approval, as the backend vouches for it: the engine cannot
/// check who someone is, so the backend sends this only when `approvedBy`
/// holds the role `SHOP_MANAGER` for the facility.
public struct ManagerApproval: Codable, Hashable, Sendable {
    public static let managerRole = "SHOP_MANAGER"
    public var approvedBy: String
    /// Must be `SHOP_MANAGER`.
    public var role: String
    /// Facility local time of the approval, when known.
    public var approvedAt: String?
    public init(approvedBy: String, role: String = ManagerApproval.managerRole, approvedAt: String? = nil) {
        self.approvedBy = approvedBy
        self.role = role
        self.approvedAt = approvedAt
    }

    public var isValid: Bool { !approvedBy.isEmpty && role == Self.managerRole }
}
