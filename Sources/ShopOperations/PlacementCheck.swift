import ShopDomain

/// Rule 4: what stands in the way of one wanted start, and which bay and
/// mechanic it would get. Hard conflicts (no eligible bay, outside operating
/// hours, hard capacity, outside the booking horizon) block; overridable ones
/// (mechanic required but none free, customer already booked then) block
/// unless overridden; soft ones (capacity above the soft threshold, preferred
/// mechanic unavailable, mechanic overloaded that day) only warn.
public struct PlacementCheck: Sendable {
    /// The wanted start.
    public var start: LocalDateTime
    /// Its slot on the state's grid.
    public var slot: Int
    /// What stands in the way, in the order found.
    public var conflicts: [Conflict] = []
    /// The bay (index) it would get.
    public var bay: Int?
    /// The mechanic assigned now (auto, or manual with the requested one free).
    public var mechanic: Int?
    /// A qualified mechanic known to be free (the assigned one, or the staffing proof of a deferred one).
    public var candidate: Int?
    /// Where work that may pause would work (``JobToPlace/resumable``): its work
    /// ranges, with the shifts of the mechanic who would do it (assigned, else
    /// ``candidate``; none: the shop's hours alone); `nil` for work in one stretch,
    /// or a start whose time does not hold.
    public var work: [LocalRange]?
    /// Its end: the last work range's end, else start plus the duration (set by the check).
    public var end: LocalDateTime?
    /// Whether the mechanic is assigned now, later or by a person.
    public var assignmentStatus: AssignmentStatus = .assigned

    /// Conflicts that stop the booking, given whether overrides are granted.
    public func blocking(overrideGranted: Bool) -> [Conflict] {
        conflicts.filter { $0.severity == .hard || ($0.severity == .overridable && !overrideGranted) }
    }
}
