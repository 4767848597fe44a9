import ShopDomain

/// An appointment whose mechanic is still unassigned past its deadline.
public struct OverdueAssignment: Codable, Hashable, Sendable {
    public var appointmentId: String
    public var facilityId: String
    public var start: String
    public var assignmentDeadline: String
    public var overdueMinutes: Int

    public init(
        appointmentId: String, facilityId: String, start: String, assignmentDeadline: String, overdueMinutes: Int
    ) {
        self.appointmentId = appointmentId
        self.facilityId = facilityId
        self.start = start
        self.assignmentDeadline = assignmentDeadline
        self.overdueMinutes = overdueMinutes
    }
}
