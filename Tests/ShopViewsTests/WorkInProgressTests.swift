import ShopBooking
import ShopTestSupport
import Testing

@testable import ShopViews

/// Monday 09:00. Hand-computed plan (the shop is open 08:00–17:00; Jane works
/// Mon and Tue 08:00–17:00, Alex Mon 08:00–13:00):
/// - W1 in progress, Jane in B1, 120 min left: 09:00–11:00.
/// - W2 booked 10:00, Jane in B3, 90 min: Jane is busy until 11:00, so 11:00–12:30.
/// - W4 awaiting parts (P-2 at 10:00, P-1 at 11:30), Alex with M2, 60 min: 11:30–12:30.
/// - W3 booked 14:00, Jane in B1, 300 min: 180 min to closing, 120 min on
///   Tuesday from 08:00: done Tuesday 10:00.
/// - Waiting: W6 (priority 2, BRAKES, 30 min) is first in the queue: only Jane
///   qualifies; her first free half hour is 12:30 (between W2 and W3), in B1.
///   W5 (TIRES, 90 min) second: Alex is free now, B3 too (until W2 at 11:00):
///   09:00–10:30, no wait.
@Suite("Work-in-progress view")
struct WorkInProgressTests {
    static let appointments = [
        BoardShop.appointment(
            "A1", status: "IN_PROGRESS", start: "08:00", minutes: 180, bay: "B1", mechanic: "jane", workOrder: "W1"),
        BoardShop.appointment("A2", start: "10:00", minutes: 90, bay: "B3", mechanic: "jane", workOrder: "W2"),
        BoardShop.appointment("A3", start: "14:00", minutes: 300, bay: "B1", mechanic: "jane", workOrder: "W3"),
        BoardShop.appointment(
            "A4", status: "AWAITING_PARTS", start: "09:00", minutes: 60, bay: nil, mobile: "M2",
            mechanic: "alex", workOrder: "W4"),
    ]
    static let workOrders = [
        BoardShop.workOrder(
            "W1", status: "IN_PROGRESS", appointment: "A1", remaining: 120, promised: "11:00", customer: "C1"),
        BoardShop.workOrder("W2", appointment: "A2", remaining: 90, promised: "12:00", customer: "C2"),
        BoardShop.workOrder("W3", appointment: "A3", remaining: 300, promised: "17:00", customer: "C1", vehicle: "V3"),
        BoardShop.workOrder(
            "W4", status: "AWAITING_PARTS", appointment: "A4", remaining: 60, promised: "12:00", customer: "C4",
            parts: [
                .init(partNumber: "P-1", expectedAt: "2026-03-02T11:30"),
                .init(partNumber: "P-2", expectedAt: "2026-03-02T10:00"),
            ]),
        BoardShop.workOrder("W5", status: "WAITING", remaining: 90, skills: ["TIRES"], customer: "C5"),
        BoardShop.workOrder(
            "W6", status: "WAITING", remaining: 30, skills: ["BRAKES"], preferred: ["ENGINE", "HYBRID"],
            priority: 2, customer: "C6"),
        BoardShop.workOrder("W7", status: "COMPLETED", remaining: 0, customer: "C7"),
    ]
    let floor: ShopFloor
    let now = BoardShop.at("09:00")
    let advisor = BoardShop.caller()

    init() throws {
        floor = try BoardShop.floor(BoardShop.location(appointments: Self.appointments, workOrders: Self.workOrders))
    }

    func rows() throws -> [String: WorkInProgressRow] {
        let board = try WorkInProgressViews.board(floor, for: advisor, now: now)
        return Dictionary(uniqueKeysWithValues: board.rows.map { ($0.workOrderId, $0) })
    }

    @Test("completion estimates match the hand-computed plan, queues and carry-over included")
    func handComputedPlan() throws {
        let rows = try rows()
        #expect(rows["W1"]?.estimatedCompletion == "2026-03-02T11:00")
        #expect(rows["W2"]?.estimatedStart == "2026-03-02T11:00")
        #expect(rows["W2"]?.estimatedCompletion == "2026-03-02T12:30")
        #expect(rows["W4"]?.estimatedStart == "2026-03-02T11:30")
        #expect(rows["W4"]?.estimatedCompletion == "2026-03-02T12:30")
        #expect(rows["W3"]?.estimatedStart == "2026-03-02T14:00")
        #expect(rows["W3"]?.estimatedCompletion == "2026-03-03T10:00")
        #expect(rows["W7"] == nil)
    }

    @Test("waiting work: queue position, expected assignment time, wait and skill matches")
    func waitingWork() throws {
        let rows = try rows()
        let w6 = try #require(rows["W6"]?.waiting)
        #expect(w6.queuePosition == 1)
        #expect(w6.expectedAssignmentAt == "2026-03-02T12:30")
        #expect(w6.estimatedWaitMinutes == 210)
        #expect(
            w6.qualifiedMechanics == [
                .init(
                    mechanicId: "jane", name: "Jane Doe", hasAllRequired: true,
                    preferredHeld: ["ENGINE"], preferredMissing: ["HYBRID"])
            ])
        #expect(rows["W6"]?.label == "Not yet assigned")
        let w5 = try #require(rows["W5"]?.waiting)
        #expect(w5.queuePosition == 2)
        #expect(w5.expectedAssignmentAt == "2026-03-02T09:00" && w5.estimatedWaitMinutes == 0)
        #expect(rows["W5"]?.estimatedCompletion == "2026-03-02T10:30")
    }

    @Test("parts: the latest expected arrival moves the estimate; an unknown arrival blocks it")
    func awaitingParts() throws {
        var orders = Self.workOrders
        orders[3].parts![0].expectedAt = "2026-03-02T12:00"
        let later = try BoardShop.floor(BoardShop.location(appointments: Self.appointments, workOrders: orders))
        let moved = try WorkInProgressViews.board(later, for: advisor, now: now).rows.first { $0.workOrderId == "W4" }
        #expect(moved?.estimatedCompletion == "2026-03-02T13:00")
        orders[3].parts![0].expectedAt = nil
        let unknown = try BoardShop.floor(BoardShop.location(appointments: Self.appointments, workOrders: orders))
        let blocked = try WorkInProgressViews.board(unknown, for: advisor, now: now).rows.first {
            $0.workOrderId == "W4"
        }
        #expect(blocked?.estimatedCompletion == nil)
        #expect(blocked?.blocked == "waiting for part P-1 with no expected arrival")
        #expect(blocked?.risk?.minutesLate == nil && blocked?.parts.count == 2)
    }

    @Test("at risk: later than promised, with how late and why; on time is not at risk")
    func atRisk() throws {
        let board = try WorkInProgressViews.board(floor, for: advisor, now: now)
        let rows = Dictionary(uniqueKeysWithValues: board.rows.map { ($0.workOrderId, $0) })
        #expect(rows["W1"]?.risk == nil)
        #expect(rows["W2"]?.risk?.minutesLate == 30)
        #expect(rows["W2"]?.risk?.reasons.contains("behind 1 job(s) of Jane Doe") == true)
        #expect(rows["W4"]?.risk?.minutesLate == 30)
        #expect(rows["W4"]?.risk?.reasons.first == "waiting for part P-1 until 2026-03-02T11:30")
        #expect(rows["W3"]?.risk?.minutesLate == 17 * 60)
        #expect(rows["W3"]?.risk?.reasons.contains { $0.hasPrefix("carries over to 2026-03-03") } == true)
        #expect(board.atRisk == ["W3", "W2", "W4"])  // latest first, ties by id
    }

    @Test("work left at a shift's end carries over to the mechanic's next shift; with none, no estimate")
    func shiftEnd() throws {
        // Jane: 60 min before Monday's closing, 60 more from 08:00 Tuesday.
        // Alex works only until 13:00 on Monday and has no later shift.
        let floor = try BoardShop.floor(
            BoardShop.location(
                appointments: [
                    BoardShop.appointment(
                        "A8", start: "16:00", minutes: 120, bay: "B1", mechanic: "jane", workOrder: "W8"),
                    BoardShop.appointment(
                        "A9", start: "12:00", minutes: 120, bay: "B3", mechanic: "alex", workOrder: "W9"),
                ],
                workOrders: [
                    BoardShop.workOrder("W8", appointment: "A8", remaining: 120),
                    BoardShop.workOrder("W9", appointment: "A9", remaining: 120),
                ]))
        let rows = try WorkInProgressViews.board(floor, for: advisor, now: now).rows
        let jane = try #require(rows.first { $0.workOrderId == "W8" })
        #expect(jane.estimatedCompletion == "2026-03-03T09:00")
        let alex = try #require(rows.first { $0.workOrderId == "W9" })
        #expect(alex.estimatedCompletion == nil)
        #expect(alex.blocked?.contains("cannot finish") == true)
    }

    @Test("filters by mechanic, bay, status and date, with visible and total counts")
    func filters() throws {
        func ids(_ query: WorkInProgressQuery) throws -> [String] {
            try WorkInProgressViews.board(floor, for: advisor, now: now, query: query).rows.map(\.workOrderId).sorted()
        }
        #expect(try ids(.init(mechanic: "jane")) == ["W1", "W2", "W3"])
        #expect(try ids(.init(bay: "B1")) == ["W1", "W3"])
        #expect(try ids(.init(statuses: [.waiting])) == ["W5", "W6"])
        #expect(try ids(.init(date: "2026-03-03")) == ["W3"])
        let board = try WorkInProgressViews.board(floor, for: advisor, now: now, query: .init(mechanic: "alex"))
        #expect(board.visibleCount == 1 && board.totalCount == 6)
    }

    @Test("grouping by customer and by vehicle")
    func grouping() throws {
        let byCustomer = try WorkInProgressViews.board(floor, for: advisor, now: now, query: .init(groupBy: .customer))
        let c1 = try #require(byCustomer.groups?.first { $0.key == "C1" })
        #expect(c1.workOrderIds.sorted() == ["W1", "W3"])
        let byVehicle = try WorkInProgressViews.board(floor, for: advisor, now: now, query: .init(groupBy: .vehicle))
        #expect(byVehicle.groups?.first { $0.key == "V3" }?.workOrderIds == ["W3"])
    }

    @Test("other locations only with WIP_VIEW_ALL_LOCATIONS")
    func locationScope() throws {
        let two = try BoardShop.floor(
            BoardShop.location(id: "SHOP-1", appointments: Self.appointments, workOrders: Self.workOrders),
            BoardShop.location(id: "SHOP-2", workOrders: [BoardShop.workOrder("X1", status: "WAITING")]))
        #expect(try WorkInProgressViews.board(two, for: advisor, now: now).totalCount == 6)
        #expect(throws: ViewDenied.self) {
            try WorkInProgressViews.board(two, for: self.advisor, now: self.now, query: .init(locations: ["*"]))
        }
        #expect(throws: ViewDenied.self) {
            try WorkInProgressViews.board(two, for: self.advisor, now: self.now, query: .init(locations: ["SHOP-2"]))
        }
        let regional = BoardShop.caller(.viewAllLocations)
        #expect(
            try WorkInProgressViews.board(two, for: regional, now: now, query: .init(locations: ["*"])).totalCount == 7)
        #expect(
            try WorkInProgressViews.board(two, for: regional, now: now, query: .init(locations: ["SHOP-2"]))
                .rows.map(\.workOrderId) == ["X1"])
    }

    @Test("the board of two locations with the same work order ids keeps each location's at-risk order")
    func boardAcrossLocations() throws {
        // Work order ids are unique per location only.
        let two = try BoardShop.floor(
            BoardShop.location(id: "SHOP-1", appointments: Self.appointments, workOrders: Self.workOrders),
            BoardShop.location(id: "SHOP-2", appointments: Self.appointments, workOrders: Self.workOrders))
        let board = try ShopFloorBoard.build(two, for: BoardShop.caller(.viewAllLocations), now: now)
        #expect(board.locations.map(\.id) == ["SHOP-1", "SHOP-2"])
        for location in board.locations {
            #expect(location.atRisk.map(\.workOrderId) == ["W3", "W2", "W4"])
        }
    }

    @Test("restricted actions are shown disabled with the reason")
    func actions() throws {
        let rows = try rows()
        let w1 = try #require(rows["W1"])
        #expect(w1.actions.allSatisfy { !$0.enabled })
        #expect(w1.actions.first { $0.name == "editNotes" }?.reason == "needs EDIT_ASSIGNMENT_NOTES")
        let lead = BoardShop.caller(.reassignMechanic, .editAssignmentNotes, .updateWorkOrderStatus)
        let board = try WorkInProgressViews.board(floor, for: lead, now: now)
        let w5 = try #require(board.rows.first { $0.workOrderId == "W5" })
        #expect(
            w5.actions.first { $0.name == "editNotes" }
                == .init(name: "editNotes", enabled: false, reason: "no appointment to note on"))
        #expect(w5.actions.first { $0.name == "reassignMechanic" }?.enabled == true)
    }

    @Test("status history comes in time order")
    func statusHistory() throws {
        var order = BoardShop.workOrder("W1", status: "IN_PROGRESS", remaining: 10)
        order.statusHistory = [
            .init(status: "IN_PROGRESS", at: "2026-03-02T08:30", by: "jane"),
            .init(status: "SCHEDULED", at: "2026-02-27T16:00"),
        ]
        let floor = try BoardShop.floor(BoardShop.location(workOrders: [order]))
        let row = try #require(try WorkInProgressViews.board(floor, for: advisor, now: now).rows.first)
        #expect(row.statusHistory.map(\.status) == ["SCHEDULED", "IN_PROGRESS"])
    }
}
