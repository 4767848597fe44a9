/// The work-in-progress board.
public struct WorkInProgressBoard: Codable, Hashable, Sendable {
    public var now: String
    public var rows: [WorkInProgressRow]
    /// Rows after the filters, and active work orders in scope before them.
    public var visibleCount: Int
    public var totalCount: Int
    public var groups: [Group]?
    /// Ids of visible rows at risk, latest first.
    public var atRisk: [String]
    public var dataNotices: [String]
    /// Each location's own now.
    public var locations: [LocationClock] = []
    public var dataSources: [DataSourceStatus] = []

    public struct Group: Codable, Hashable, Sendable {
        public var key: String
        public var label: String
        public var workOrderIds: [String]
    }
}
