/// What to show on the board.
public struct WorkInProgressQuery: Codable, Hashable, Sendable {
    public enum Grouping: String, Codable, Hashable, Sendable {
        case customer, vehicle
    }

    public var mechanic: String?
    public var bay: String?
    public var statuses: [WorkOrderState]?
    /// Work whose appointment or estimated completion falls on this date.
    public var date: String?
    public var groupBy: Grouping?
    /// `nil`: the caller's own location; `["*"]`: all locations.
    public var locations: [String]?

    public init(
        mechanic: String? = nil, bay: String? = nil, statuses: [WorkOrderState]? = nil, date: String? = nil,
        groupBy: Grouping? = nil, locations: [String]? = nil
    ) {
        self.mechanic = mechanic
        self.bay = bay
        self.statuses = statuses
        self.date = date
        self.groupBy = groupBy
        self.locations = locations
    }
}
