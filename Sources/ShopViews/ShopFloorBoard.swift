import ShopDomain
import ShopOperations

/// The shop-floor board: per location, one lane per bay and one per mobile
/// unit with the day's work on it, then the work waiting for a mechanic and
/// the work at risk. Built from the work-in-progress view, so every time on
/// it is a completion estimate of ``FloorPlan``. Rendered as text by
/// ``table()`` and as a self-contained page by ``html()``.
public struct ShopFloorBoard: Codable, Hashable, Sendable {
    public var now: String
    public var locations: [LocationBoard]

    public struct LocationBoard: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        /// The day shown, and its first opening and last closing (`HH:MM`).
        public var day: String
        public var opens: String?
        public var closes: String?
        public var lanes: [Lane]
        public var waiting: [WorkInProgressRow]
        public var atRisk: [WorkInProgressRow]
        public var dataNotices: [String]
        /// The location's own now and time zone.
        public var now: String? = nil
        public var timeZone: String? = nil
        /// Appointments still without a mechanic past their assignment deadline.
        public var overdueAssignments: [OverdueAssignment] = []
        public var dataSources: [DataSourceStatus] = []
        /// Labour hours booked and available on the day shown.
        public var labour: LabourDay? = nil
        /// The day's breaks between its first opening and last closing
        /// (`HH:MM`, a lunch hour), in which work pauses and cars keep their
        /// bays; absent when the shop is open throughout.
        public var breaks: [Break]? = nil
    }

    /// A closed stretch inside the day shown.
    public struct Break: Codable, Hashable, Sendable {
        public var from: String
        public var to: String
    }

    public struct Lane: Codable, Hashable, Sendable {
        public var place: String
        public var type: String
        public var isMobile: Bool
        /// Mobile units: how fresh the last GPS position is.
        public var fix: MobileUnitFix?
        public var bars: [Bar]
    }

    /// One work order's run in a lane.
    public struct Bar: Codable, Hashable, Sendable {
        public var workOrderId: String
        public var text: String
        public var mechanic: String?
        public var start: String
        public var end: String
        /// The pieces of work when it pauses (``WorkInProgressRow/work``); the
        /// car keeps the lane between them. Absent: one piece, `start` to `end`.
        public var work: [SolutionFile.WorkRange]? = nil
        public var status: WorkOrderState
        /// The location's word for the status.
        public var statusLabel: String? = nil
        /// Waiting work the plan expects here (not yet assigned).
        public var expected: Bool
        public var atRisk: Bool
    }

    /// The board of every location `caller` may see (their own; all with
    /// `WIP_VIEW_ALL_LOCATIONS`), on `now`'s day.
    public static func build(_ floor: ShopFloor, for caller: ViewCaller, now: LocalDateTime) throws(ViewDenied)
        -> ShopFloorBoard
    {
        try build(floor, for: caller, clock: FloorClock.local(now, on: floor, for: caller))
    }

    /// The board at one instant, each location on its own clock and its own day.
    public static func build(_ floor: ShopFloor, for caller: ViewCaller, clock: FloorClock) throws(ViewDenied)
        -> ShopFloorBoard
    {
        build(
            floor, for: caller, clock: clock,
            workInProgress: try WorkInProgressViews.board(
                floor, for: caller, clock: clock, query: .init(locations: workInProgressScope(of: caller))))
    }

    /// The locations the board shows, as a work-in-progress query's
    /// `locations`: all with `WIP_VIEW_ALL_LOCATIONS`, else the caller's own.
    public static func workInProgressScope(of caller: ViewCaller) -> [String]? {
        caller.may(.viewAllLocations) ? ["*"] : nil
    }

    /// The board laid out from `wip`, the work-in-progress board of the same
    /// caller and time with the query ``workInProgressScope(of:)`` (so a caller
    /// that serves both builds it once).
    public static func build(
        _ floor: ShopFloor, for caller: ViewCaller, now: LocalDateTime,
        workInProgress wip: WorkInProgressBoard
    ) -> ShopFloorBoard {
        build(floor, for: caller, clock: FloorClock.local(now, on: floor, for: caller), workInProgress: wip)
    }

    /// As ``build(_:for:now:workInProgress:)``, at one instant.
    public static func build(
        _ floor: ShopFloor, for caller: ViewCaller, clock: FloorClock,
        workInProgress wip: WorkInProgressBoard
    ) -> ShopFloorBoard {
        let all = caller.may(.viewAllLocations)
        var boards: [LocationBoard] = []
        for location in floor.locations where location.id == caller.facilityId || all {
            let now = clock.now(in: location)
            let rows = wip.rows.filter { $0.locationId == location.id }
            let hours =
                location.scenario.facility.closedDates.contains(now.date)
                ? [] : location.scenario.facility.operatingHours[now.date.weekday] ?? []
            let lanes = location.scenario.bays.map { bay in
                let bars = rows.compactMap { row -> Bar? in
                    let place = row.place ?? row.waiting?.expectedPlace
                    // Work already done has no run left to draw.
                    guard place == bay.id, let start = row.estimatedStart, let end = row.estimatedCompletion,
                        start < end
                    else { return nil }
                    let who =
                        row.mechanic?.name
                        ?? row.waiting?.expectedMechanic.flatMap { id in
                            location.people.first { $0.id == id }.map { $0.name ?? $0.id }
                        }
                    return Bar(
                        workOrderId: row.workOrderId, text: "\(row.workOrderId) \(row.vehicle.name ?? row.vehicle.id)",
                        mechanic: who, start: start, end: end, work: row.work, status: row.status,
                        statusLabel: row.statusLabel,
                        expected: row.mechanic == nil, atRisk: row.risk != nil)
                }.sorted { ($0.start, $0.workOrderId) < ($1.start, $1.workOrderId) }
                let index = location.scenario.bayIndex(bay.id)!
                let fix =
                    bay.type == .mobileUnit
                    ? MobileUnitFix.of(
                        ageMinutes: location.positions[index].map { clock.minutes(since: $0.at, in: location) })
                    : nil
                return Lane(
                    place: bay.id, type: bay.type.rawValue, isMobile: bay.type == .mobileUnit, fix: fix, bars: bars)
            }
            boards.append(
                LocationBoard(
                    id: location.id, name: location.name, day: now.date.description,
                    opens: hours.first?.open.description, closes: hours.map(\.close).max()?.description,
                    lanes: lanes.sorted { ($0.isMobile ? 1 : 0, $0.place) < ($1.isMobile ? 1 : 0, $1.place) },
                    waiting: rows.filter { $0.waiting != nil }.sorted {
                        $0.waiting!.queuePosition < $1.waiting!.queuePosition
                    },
                    atRisk: rows.filter { $0.risk != nil }.sorted(by: WorkInProgressViews.lateFirst),
                    dataNotices: AssignmentViews.dataNotices(location, clock: clock), now: now.description,
                    timeZone: location.timeZone,
                    overdueAssignments: caller.may(.viewAssignments)
                        ? AssignmentViews.overdueAssignments(location, clock: clock) : [],
                    dataSources: DataSourceStatus.of(location, clock: clock),
                    labour: LabourDay(location, day: now.date),
                    breaks: Self.breaks(hours)))
        }
        return ShopFloorBoard(now: clock.homeNow.description, locations: boards)
    }
}

extension ShopFloorBoard {
    /// The gaps between a day's opening ranges, ranges that touch or overlap
    /// being one stretch; `nil` when there is none.
    static func breaks(_ hours: [Scenario.ClosedOpenClock]) -> [Break]? {
        let open = OpenTime.union(hours.map { $0.open.minutes..<$0.close.minutes })
        let gaps = zip(open, open.dropFirst()).map {
            Break(
                from: ClockTime(minutes: $0.upperBound)!.description, to: ClockTime(minutes: $1.lowerBound)!.description
            )
        }
        return gaps.isEmpty ? nil : gaps
    }

    /// The board as text: a row per bay, then per mobile unit, then waiting
    /// and at-risk work.
    public func table() -> String {
        var out = ""
        for board in locations {
            out += "\(board.name) (\(board.id)), \(board.day), now \((board.now ?? now).suffix(5))"
            if let zone = board.timeZone { out += " \(zone)" }
            if let opens = board.opens, let closes = board.closes { out += ", open \(opens)–\(closes)" }
            out += "\n"
            if let labour = board.labour { out += "\(labour.line)\n" }
            for notice in board.dataNotices { out += "! \(notice)\n" }
            let width = max(12, board.lanes.map { $0.place.count + 2 }.max() ?? 0)
            for lane in board.lanes {
                var head = lane.place
                if let fix = lane.fix, fix != .fresh { head += " (GPS \(fix.rawValue.lowercased()))" }
                let work = lane.bars.map { bar in
                    let who = bar.mechanic.map { " " + $0 } ?? ""
                    return
                        "\(Self.clock(bar.start, on: board.day))–\(Self.clock(bar.end, on: board.day)) \(bar.workOrderId)\(who)"
                        + (Self.piecesNote(bar).map { " (\($0))" } ?? "") + (bar.expected ? " (expected)" : "")
                        + (bar.atRisk ? " !" : "")
                }
                out +=
                    head.padding(toLength: max(width, head.count + 1), withPad: " ", startingAt: 0)
                    + (work.isEmpty ? "free" : work.joined(separator: " | ")) + "\n"
            }
            out += "Waiting for a mechanic:\n"
            if board.waiting.isEmpty { out += "  none\n" }
            for row in board.waiting {
                let waiting = row.waiting!
                let expected =
                    waiting.expectedAssignmentAt.map {
                        "expected \(Self.clock($0, on: board.day)), wait \(waiting.estimatedWaitMinutes!) min"
                    }
                    ?? (row.blocked ?? "no expected time")
                let who = waiting.qualifiedMechanics.map(\.name).joined(separator: ", ")
                out +=
                    "  \(waiting.queuePosition). \(row.workOrderId) \(row.customer.name ?? row.customer.id): \(expected); qualified: \(who.isEmpty ? "nobody" : who)\n"
            }
            if !board.overdueAssignments.isEmpty {
                out += "Mechanic overdue (past the assignment deadline):\n"
                for late in board.overdueAssignments {
                    out +=
                        "  \(late.appointmentId) at \(Self.clock(late.start, on: board.day)): due \(Self.clock(late.assignmentDeadline, on: board.day)), \(late.overdueMinutes) min overdue\n"
                }
            }
            out += "At risk:\n"
            if board.atRisk.isEmpty { out += "  none\n" }
            for row in board.atRisk {
                let late = row.risk!.minutesLate.map { "\($0) min late" } ?? "no estimate"
                out +=
                    "  \(row.workOrderId) promised \(row.promisedAt.map { Self.clock($0, on: board.day) } ?? "-"): \(late); "
                    + row.risk!.reasons.joined(separator: "; ") + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// "09:30" for a time on `day`, "03-03 10:00" on another day.
    static func clock(_ text: String, on day: String) -> String {
        text.hasPrefix(day) ? String(text.suffix(5)) : String(text.dropFirst(5).map { $0 == "T" ? " " : $0 })
    }
}
