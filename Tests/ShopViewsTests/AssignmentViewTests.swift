import ShopBooking
import ShopDomain
import ShopTestSupport
import Testing

@testable import ShopViews

@Suite("Assignment view")
struct AssignmentViewTests {
    let viewer = BoardShop.caller(.viewAssignments)

    @Test("the list summary reads bay or mobile unit, then the mechanic's short name")
    func summaries() throws {
        let floor = try BoardShop.floor(
            BoardShop.location(
                appointments: [
                    BoardShop.appointment("A1", bay: "B3", mechanic: "jane"),
                    BoardShop.appointment("A2", start: "10:00", bay: nil, mobile: "M2", mechanic: "alex"),
                    BoardShop.appointment("A3", start: "11:00", bay: nil, mechanic: nil),
                    BoardShop.appointment("A4", start: "12:00", bay: "B1", mechanic: nil),
                ], positions: [.init(unit: "M2", latitude: 41.9, longitude: -87.6, at: "2026-03-02T08:50")]))
        let board = try AssignmentViews.board(floor, for: viewer, now: BoardShop.at("09:00"))
        #expect(
            board.assignments.map(\.summary) == [
                "Bay 3 - J. Doe", "Mobile 2 - A. Ruiz", "Unassigned", "Bay 1 - Unassigned",
            ])
        let jane = try #require(board.assignments[0].mechanic)
        #expect(jane.name == "Jane Doe" && jane.certifications == ["ASE-A1", "ASE-A5"])
        #expect(board.assignments[1].place?.kind == .mobileUnit)
        #expect(board.assignments[1].place?.position?.lastUpdated == "2026-03-02T08:50")
    }

    @Test("a snapshot that puts an appointment in a bay and a mobile unit is rejected, naming the field")
    func bayAndMobileUnitExclusive() {
        var appointment = BoardShop.appointment("A1", bay: "B1")
        appointment.mobileUnit = "M2"
        #expect {
            try BoardShop.floor(BoardShop.location(appointments: [appointment]))
        } throws: { error in
            (error as? InputError)?.paths == ["locations[0].appointments[0].mobileUnit"]
        }
        // Each kind in its own field.
        #expect(throws: InputError.self) {
            try BoardShop.floor(BoardShop.location(appointments: [BoardShop.appointment("A1", bay: "M2")]))
        }
    }

    @Test(
        "GPS: over 30 minutes old is stale, over 60 unavailable; exactly 30 and 60 are not yet",
        arguments: [
            (30, MobileUnitFix.fresh), (31, .stale), (60, .stale), (61, .unavailable),
        ])
    func gpsEdges(age: Int, fix: MobileUnitFix) throws {
        let now = BoardShop.at("10:00")
        let taken = now.adding(minutes: -age)
        #expect(MobileUnitFix.of(positionAt: taken, now: now) == fix)
        let floor = try BoardShop.floor(
            BoardShop.location(
                appointments: [BoardShop.appointment("A1", bay: nil, mobile: "M2", mechanic: "alex")],
                positions: [.init(unit: "M2", latitude: 41.9, longitude: -87.6, at: taken.description)]))
        let view = try #require(try AssignmentViews.board(floor, for: viewer, now: now).assignments.first)
        let position = try #require(view.place?.position)
        #expect(position.fix == fix)
        #expect(position.available == (fix != .unavailable))
        #expect(view.warnings.isEmpty == (fix == .fresh))
    }

    @Test("a mobile unit with no position at all cannot be located")
    func noPosition() throws {
        let floor = try BoardShop.floor(
            BoardShop.location(
                appointments: [BoardShop.appointment("A1", bay: nil, mobile: "M4", mechanic: "alex")]))
        let view = try #require(
            try AssignmentViews.board(floor, for: viewer, now: BoardShop.at("10:00")).assignments.first)
        #expect(view.place?.position?.fix == .unknown && view.place?.position?.available == false)
    }

    @Test("without VIEW_ASSIGNMENTS the board is refused")
    func needsViewPermission() throws {
        let floor = try BoardShop.floor(BoardShop.location(appointments: [BoardShop.appointment("A1")]))
        #expect(throws: ViewDenied(missing: .viewAssignments, reason: "viewing assignments needs VIEW_ASSIGNMENTS")) {
            try AssignmentViews.board(floor, for: BoardShop.caller(), now: BoardShop.at("09:00"))
        }
    }

    @Test("a caller sees their own facility; a dispatcher sees the whole organisation")
    func facilityScope() throws {
        let floor = try BoardShop.floor(
            BoardShop.location(id: "SHOP-1", appointments: [BoardShop.appointment("A1")]),
            BoardShop.location(id: "SHOP-2", appointments: [BoardShop.appointment("B1")]))
        let own = try AssignmentViews.board(floor, for: viewer, now: BoardShop.at("09:00"))
        #expect(own.assignments.map(\.appointmentId) == ["A1"])
        let dispatcher = BoardShop.caller(.viewAssignments, role: .dispatcher)
        let all = try AssignmentViews.board(floor, for: dispatcher, now: BoardShop.at("09:00"))
        #expect(all.assignments.map(\.appointmentId) == ["A1", "B1"])
        #expect(try AssignmentViews.view(of: "B1", in: floor, for: viewer, now: BoardShop.at("09:00")) == nil)
    }

    @Test(
        "shown states are SCHEDULED, CONFIRMED, IN_PROGRESS, AWAITING_PARTS, READY; cancelled only with its permission")
    func statesAndCancelled() throws {
        let statuses = ["SCHEDULED", "CONFIRMED", "IN_PROGRESS", "AWAITING_PARTS", "READY", "COMPLETED", "CANCELLED"]
        let floor = try BoardShop.floor(
            BoardShop.location(
                appointments: statuses.enumerated().map { i, status in
                    BoardShop.appointment("A\(i)", status: status, start: "0\(i + 8):00".suffix(5).description)
                }))
        let now = BoardShop.at("07:00")
        #expect(
            try AssignmentViews.board(floor, for: viewer, now: now).assignments.map(\.status.rawValue)
                == Array(statuses.prefix(5)))
        #expect(throws: ViewDenied.self) {
            try AssignmentViews.board(floor, for: viewer, now: now, includeCancelled: true)
        }
        let allowed = BoardShop.caller(.viewAssignments, .viewCancelledAppointments)
        let withCancelled = try AssignmentViews.board(floor, for: allowed, now: now, includeCancelled: true)
        #expect(withCancelled.assignments.map(\.status.rawValue) == Array(statuses.prefix(5)) + ["CANCELLED"])
    }

    @Test("cached People or assignment data are named with their age")
    func degradedData() throws {
        let floor = try BoardShop.floor(
            BoardShop.location(
                appointments: [BoardShop.appointment("A1")],
                dataSources: .init(
                    people: .init(cached: true, asOf: "2026-03-02T08:48"), assignments: .init(cached: false))))
        let board = try AssignmentViews.board(floor, for: viewer, now: BoardShop.at("09:00"))
        #expect(board.dataNotices == ["SHOP-1: People data served from a cache taken 12 min ago (2026-03-02T08:48)"])
    }
}

@Suite("Assignment notes")
struct AssignmentNotesTests {
    let floor: ShopFloor
    init() throws {
        floor = try BoardShop.floor(
            BoardShop.location(appointments: [BoardShop.appointment("A1", notes: "Customer waits")]))
    }

    @Test("500 characters are accepted, 501 refused")
    func lengthEdge() throws {
        let editor = BoardShop.caller(.editAssignmentNotes)
        let now = BoardShop.at("09:30")
        let ok = try AssignmentNotes.edit("A1", in: floor, to: String(repeating: "x", count: 500), by: editor, at: now)
        #expect(ok.notes?.count == 500)
        #expect(throws: AssignmentNotes.Refusal.tooLong(count: 501)) {
            try AssignmentNotes.edit("A1", in: floor, to: String(repeating: "x", count: 501), by: editor, at: now)
        }
    }

    @Test("each edit is a new version with who and when; the replaced text stays in the history")
    func versions() throws {
        let editor = BoardShop.caller(.editAssignmentNotes)
        let first = try AssignmentNotes.edit(
            "A1", in: floor, to: "Key in lockbox", by: editor, at: BoardShop.at("09:30"))
        #expect(first.notesHistory?.map(\.version) == [1, 2])
        #expect(first.notesHistory?.map(\.text) == ["Customer waits", "Key in lockbox"])
        #expect(first.notesHistory?.last?.by == "u-1" && first.notesHistory?.last?.at == "2026-03-02T09:30")
        var snapshot = floor.snapshot
        snapshot.locations[0].appointments[0] = first
        let second = try AssignmentNotes.edit(
            "A1", in: ShopFloor(snapshot), to: "Done", by: editor, at: BoardShop.at("10:00"))
        #expect(second.notesHistory?.map(\.version) == [1, 2, 3])
        #expect(second.notes == "Done" && second.lastUpdatedAt == "2026-03-02T10:00")
    }

    @Test("editing needs EDIT_ASSIGNMENT_NOTES and the appointment's facility")
    func denials() throws {
        #expect(throws: AssignmentNotes.Refusal.self) {
            try AssignmentNotes.edit(
                "A1", in: floor, to: "x", by: BoardShop.caller(.viewAssignments), at: BoardShop.at("09:30"))
        }
        let elsewhere = BoardShop.caller(.editAssignmentNotes, facility: "SHOP-9")
        #expect(throws: AssignmentNotes.Refusal.self) {
            try AssignmentNotes.edit("A1", in: floor, to: "x", by: elsewhere, at: BoardShop.at("09:30"))
        }
        #expect(throws: AssignmentNotes.Refusal.unknownAppointment("NOPE")) {
            try AssignmentNotes.edit(
                "NOPE", in: floor, to: "x", by: BoardShop.caller(.editAssignmentNotes), at: BoardShop.at("09:30"))
        }
    }
}

@Suite("Change detection")
struct ChangeDetectionTests {
    @Test("an appointment moved to another bay and mechanic gives one AssignmentUpdated with old and new")
    func assignmentUpdated() throws {
        let before = BoardSnapshot(locations: [
            BoardShop.location(appointments: [
                BoardShop.appointment("A1", bay: "B1", mechanic: "jane"), BoardShop.appointment("A2", start: "10:00"),
            ])
        ])
        var after = before
        after.locations[0].appointments[0].bay = "B3"
        after.locations[0].appointments[0].mechanic = "alex"
        let events = ChangeDetection.assignmentEvents(from: before, to: after)
        #expect(events.count == 1)
        #expect(events[0].appointmentId == "A1")
        #expect(
            events[0].changes == [
                FieldChange(field: "bay", old: "B1", new: "B3"),
                FieldChange(field: "mechanic", old: "jane", new: "alex"),
            ])
        #expect(ChangeDetection.assignmentEvents(from: before, to: after) == events)
        #expect(ChangeDetection.assignmentEvents(from: before, to: before).isEmpty)
    }

    @Test("a work order whose status changed gives WorkorderStatusChanged with every changed field")
    func statusChanged() throws {
        let before = BoardSnapshot(locations: [
            BoardShop.location(workOrders: [
                BoardShop.workOrder("W1", status: "IN_PROGRESS", remaining: 60),
                BoardShop.workOrder("W2", remaining: 30),
            ])
        ])
        var after = before
        after.locations[0].workOrders[0].status = "AWAITING_PARTS"
        after.locations[0].workOrders[0].parts = [.init(partNumber: "P-1", expectedAt: "2026-03-02T13:00")]
        after.locations[0].workOrders[1].remainingMinutes = 20
        let events = ChangeDetection.workOrderEvents(from: before, to: after)
        #expect(events.map(\.workOrderId) == ["W1"])
        #expect(events[0].oldStatus == "IN_PROGRESS" && events[0].newStatus == "AWAITING_PARTS")
        #expect(events[0].changes.map(\.field) == ["status", "parts"])
    }
}
