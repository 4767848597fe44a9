/// The assignment views of a snapshot: one per visible appointment, with the
/// data-freshness notes of each location.
public struct AssignmentBoard: Codable, Hashable, Sendable {
    public var now: String
    public var assignments: [AssignmentView]
    /// One line per location whose People or assignment data are cached.
    public var dataNotices: [String]
}
