/// Work to fit in today, in the scenario file's terms.
public struct UrgentJob: Codable, Hashable, Sendable {
    public var id: String
    public var durationMinutes: Int
    public var bayTypes: [String]
    public var requiredSkills: [String]?
    public var customerId: String?
    public var vehicleId: String?
    /// Contract priority (default 3: placing it is worth three ordinary appointments).
    public var priority: Int?

    public init(
        id: String, durationMinutes: Int, bayTypes: [String], requiredSkills: [String]? = nil,
        customerId: String? = nil, vehicleId: String? = nil, priority: Int? = nil
    ) {
        self.id = id
        self.durationMinutes = durationMinutes
        self.bayTypes = bayTypes
        self.requiredSkills = requiredSkills
        self.customerId = customerId
        self.vehicleId = vehicleId
        self.priority = priority
    }
}
