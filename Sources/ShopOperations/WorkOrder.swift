/// A work order. Bookable unless `COMPLETED` or `CANCELLED`.
public struct WorkOrder: Codable, Hashable, Sendable {
    public var id: String
    /// `OPEN`, `IN_PROGRESS`, `ON_HOLD`, `COMPLETED`, `CANCELLED`, …
    public var status: String
    public var customerId: String?
    public var vehicleId: String?
    public var lines: [ServiceLine]
    /// Minutes Work Execution expects the whole order to take, when known;
    /// it wins over the estimate (`DurationRule`).
    public var workExecutionMinutes: Int?
    public var allowsMultipleAppointments: Bool?

    public init(
        id: String, status: String, customerId: String?, vehicleId: String?, lines: [ServiceLine],
        workExecutionMinutes: Int? = nil, allowsMultipleAppointments: Bool? = nil
    ) {
        self.id = id
        self.status = status
        self.customerId = customerId
        self.vehicleId = vehicleId
        self.lines = lines
        self.workExecutionMinutes = workExecutionMinutes
        self.allowsMultipleAppointments = allowsMultipleAppointments
    }
}
