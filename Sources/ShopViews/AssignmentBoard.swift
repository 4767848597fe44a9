import ShopOperations

/// The assignment views of a snapshot: one per visible appointment, with the
/// data-freshness notes of each location.
public struct AssignmentBoard: Codable, Hashable, Sendable {
    public var now: String
    public var assignments: [AssignmentView]
    /// One line per cached source of a location (People, assignments, Work
    /// Execution) and per source read more than 60 s ago.
    public var dataNotices: [String]
    /// Each location's own now (the same instant on its own clock).
    public var locations: [LocationClock] = []
    public var dataSources: [DataSourceStatus] = []
    /// Appointments still without a mechanic past their assignment deadline.
    public var overdueAssignments: [OverdueAssignment] = []
}

/// A location's now, on its own wall clock.
public struct LocationClock: Codable, Hashable, Sendable {
    public var locationId: String
    public var timeZone: String
    public var now: String

    init(_ location: ShopFloor.Location, _ clock: FloorClock) {
        locationId = location.id
        timeZone = location.timeZone
        now = clock.now(in: location).description
    }
}
