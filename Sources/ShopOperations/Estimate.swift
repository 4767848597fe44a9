/// An estimate as the estimating service gives it. Bookable when `APPROVED`
/// or `QUOTED`; booking moves it to `SCHEDULED`.
public struct Estimate: Codable, Hashable, Sendable {
    public var id: String
    /// `DRAFT`, `QUOTED`, `APPROVED`, `DECLINED`, `EXPIRED`, `SCHEDULED`, …
    public var status: String
    public var customerId: String?
    public var vehicleId: String?
    public var lines: [ServiceLine]
    /// More than one active appointment may point at it.
    public var allowsMultipleAppointments: Bool?

    public init(
        id: String, status: String, customerId: String?, vehicleId: String?, lines: [ServiceLine],
        allowsMultipleAppointments: Bool? = nil
    ) {
        self.id = id
        self.status = status
        self.customerId = customerId
        self.vehicleId = vehicleId
        self.lines = lines
        self.allowsMultipleAppointments = allowsMultipleAppointments
    }
}
