import Foundation
import ShopOperations

/// Every view of a shop floor a backend would serve, as `shopsched board --format json` writes
/// them and `POST /v1/boards` returns them: the board, the assignment board (when the caller may
/// view assignments) and work in progress.
public struct BoardViews: Encodable, Sendable {
    /// The shop-floor board.
    public var board: ShopFloorBoard
    /// The assignment board; absent when the caller lacks `viewAssignments`.
    public var assignments: AssignmentBoard?
    /// The work-in-progress board the shop-floor board is laid out from.
    public var workInProgress: WorkInProgressBoard

    /// The views of `floor` for `caller` at `clock`. The board is laid out from the
    /// work-in-progress view, built once; the assignment board is built only with
    /// `withAssignments` (the table and the page do not show it).
    public init(_ floor: ShopFloor, for caller: ViewCaller, clock: FloorClock, withAssignments: Bool) throws(ViewDenied)
    {
        let wip = try WorkInProgressViews.board(
            floor, for: caller, clock: clock, query: .init(locations: ShopFloorBoard.workInProgressScope(of: caller)))
        board = ShopFloorBoard.build(floor, for: caller, clock: clock, workInProgress: wip)
        assignments =
            withAssignments && caller.may(.viewAssignments)
            ? try AssignmentViews.board(floor, for: caller, clock: clock) : nil
        workInProgress = wip
    }

    /// The caller a board is read as when none is given: an organisation-wide dispatcher of the
    /// floor's first location with every view permission.
    public static func defaultCaller(of floor: ShopFloor) -> ViewCaller {
        ViewCaller(
            id: "shopsched", role: .dispatcher, facilityId: floor.locations.first?.id ?? "",
            permissions: Set(Permission.allCases.map(\.rawValue)))
    }

    /// The clock a board is read at: `now` (local to the caller's home location, or with `Z` or an
    /// offset) when given, else the system clock. Nil when `now` is not such a time.
    public static func clock(of floor: ShopFloor, for caller: ViewCaller, now: String?) -> FloorClock? {
        let home = FloorClock.homeTimeZone(of: floor, for: caller)
        guard let now else { return FloorClock(instant: SystemClock().instant(timeZone: home), homeTimeZone: home) }
        return FloorClock.timestamp(now, timeZone: home).map { FloorClock(instant: $0, homeTimeZone: home) }
    }
}
