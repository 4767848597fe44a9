import Foundation
import ShopDomain
import ShopOperations
import ShopTestSupport
import Testing

@testable import ShopViews

/// Issue 19, part 5: the work-in-progress and multi-location items of the
/// floor stories. Fixture: Main Street (SHOP-1, America/Chicago), Monday
/// 2026-03-02.
enum Floor {
    static func instant(_ text: String) -> Date { FloorClock.timestamp(text, timeZone: "UTC")! }
    static func clock(_ text: String, home: String = "America/Chicago") -> FloorClock {
        FloorClock(instant: FloorClock.timestamp(text, timeZone: home)!, homeTimeZone: home)
    }
    static let all = BoardShop.caller(
        .viewAssignments, .updateWorkOrderStatus, .sendCustomerUpdate, .viewInternalNotes, .viewAllLocations)

    /// W1 in progress with Jane in B1 from 09:00 (60 min left), promised at 11:00.
    static func shop(
        labels: [String: String]? = nil, threshold: Int? = nil, dataSources: BoardSnapshot.DataSources? = nil,
        remaining: Int = 60
    ) -> BoardSnapshot.Location {
        var order = BoardShop.workOrder(
            "W1", status: "IN_PROGRESS", appointment: "A1", remaining: remaining, promised: "11:00")
        order.statusHistory = [
            .init(status: "IN_PROGRESS", at: "2026-03-02T09:00", by: "jane", reason: "car on the lift")
        ]
        var location = BoardShop.location(
            appointments: [
                BoardShop.appointment("A1", status: "IN_PROGRESS", bay: "B1", mechanic: "jane", workOrder: "W1")
            ],
            workOrders: [order], dataSources: dataSources)
        location.statusLabels = labels
        location.estimateChangeThresholdMinutes = threshold
        return location
    }
}

@Suite("Work in progress: status labels, reasons, estimate events")
struct StatusLabelTests {
    @Test func eachLocationNamesItsStatusesItsOwnWay() throws {
        var lakeside = Floor.shop(labels: ["IN_PROGRESS": "On the lift"])
        lakeside.facility.id = "SHOP-2"
        let floor = try BoardShop.floor(Floor.shop(), lakeside)
        let board = try WorkInProgressViews.board(
            floor, for: Floor.all, clock: Floor.clock("2026-03-02T09:30"), query: .init(locations: ["*"]))
        #expect(board.rows.map(\.statusLabel) == ["In progress", "On the lift"])
        #expect(board.rows.allSatisfy { $0.statusReason == "car on the lift" })
        let laid = try ShopFloorBoard.build(floor, for: Floor.all, clock: Floor.clock("2026-03-02T09:30"))
        #expect(laid.locations[1].lanes.first { $0.place == "B1" }?.bars.first?.statusLabel == "On the lift")
    }

    @Test func aLabelForAnUnknownStatusOrAnEmptyOneNamesTheField() {
        #expect {
            try BoardShop.floor(Floor.shop(labels: ["ON_LIFT": "On the lift", "WAITING": " "]))
        } throws: { error in
            (error as? InputError)?.paths == ["locations[0].statusLabels.ON_LIFT", "locations[0].statusLabels.WAITING"]
        }
    }

    @Test func aStatusChangeNeedsAReasonAndCarriesItAndTheEstimate() throws {
        let floor = try BoardShop.floor(Floor.shop())
        let clock = Floor.clock("2026-03-02T09:30")
        #expect {
            try WorkInProgressActions.changeStatus(
                "W1", in: floor, to: .awaitingParts, reason: "  ", by: Floor.all, clock: clock)
        } throws: { error in
            (error as? WorkInProgressActions.Refusal)?.field == "reason"
        }
        let change = try WorkInProgressActions.changeStatus(
            "W1", in: floor, to: .awaitingParts, reason: "caliper on order", by: Floor.all, clock: clock)
        #expect(change.workOrder.status == "AWAITING_PARTS")
        #expect(
            change.workOrder.statusHistory?.last
                == .init(status: "AWAITING_PARTS", at: "2026-03-02T09:30", by: "u-1", reason: "caliper on order"))
        let event = change.event
        #expect(event.oldStatus == "IN_PROGRESS" && event.newStatus == "AWAITING_PARTS")
        #expect(event.reason == "caliper on order" && event.changedBy == "u-1")
        // In progress with 60 min left: done at 10:30 from 09:30; awaiting parts with none
        // listed, it is ready now and the same estimate holds.
        #expect(
            event.previousEstimatedCompletion == "2026-03-02T10:30" && event.estimatedCompletion == "2026-03-02T10:30")
        // The backend stores the change; the snapshot diff gives the same event id.
        var after = floor.snapshot
        after.locations[0].workOrders[0] = change.workOrder
        #expect(ChangeDetection.workOrderEvents(from: floor.snapshot, to: after).map(\.eventId) == [event.eventId])
        #expect(ChangeDetection.workOrderEvents(from: floor.snapshot, to: after).first?.reason == "caliper on order")
    }

    @Test func aStatusChangeIsRefusedWithoutThePermissionOrToTheSameStatus() throws {
        let floor = try BoardShop.floor(Floor.shop())
        let clock = Floor.clock("2026-03-02T09:30")
        #expect {
            try WorkInProgressActions.changeStatus(
                "W1", in: floor, to: .readyForPickup, reason: "done", by: BoardShop.caller(.viewAssignments),
                clock: clock)
        } throws: { error in
            (error as? WorkInProgressActions.Refusal)?.missing == .updateWorkOrderStatus
        }
        #expect {
            try WorkInProgressActions.changeStatus(
                "W1", in: floor, to: .inProgress, reason: "still", by: Floor.all, clock: clock)
        } throws: { error in
            (error as? WorkInProgressActions.Refusal)?.field == "status"
        }
        #expect {
            try WorkInProgressActions.changeStatus(
                "W9", in: floor, to: .inProgress, reason: "x", by: Floor.all, clock: clock)
        } throws: { error in
            (error as? WorkInProgressActions.Refusal)?.field == "workOrderId"
        }
    }

    @Test(
        "an estimate that moves more than the threshold, status unchanged, is an event; exactly the threshold is not",
        arguments: [(75, 15, false), (76, 15, true), (45, 15, false), (44, 15, true), (80, 30, false), (91, 30, true)])
    func estimateMoves(remaining: Int, threshold: Int, raised: Bool) throws {
        let before = try BoardShop.floor(Floor.shop(threshold: threshold))
        let after = try BoardShop.floor(Floor.shop(threshold: threshold, remaining: remaining))
        let clock = Floor.clock("2026-03-02T09:30")
        let events = ChangeDetection.workOrderEvents(from: before, at: clock, to: after, at: clock)
        #expect(events.statusChanges.isEmpty)
        #expect(events.estimateChanges.count == (raised ? 1 : 0))
        if let event = events.estimateChanges.first {
            #expect(event.previousEstimatedCompletion == "2026-03-02T10:30" && event.status == "IN_PROGRESS")
            #expect(event.deltaMinutes == remaining - 60 && event.thresholdMinutes == threshold)
            #expect(
                event.estimatedCompletion == LocalDateTime("2026-03-02T09:30")!.adding(minutes: remaining).description)
        }
    }

    @Test func theCallersThresholdWinsAndTheDefaultIsFifteen() throws {
        let before = try BoardShop.floor(Floor.shop()), after = try BoardShop.floor(Floor.shop(remaining: 80))
        let clock = Floor.clock("2026-03-02T09:30")
        #expect(
            ChangeDetection.workOrderEvents(from: before, at: clock, to: after, at: clock).estimateChanges.count == 1)
        #expect(
            ChangeDetection.workOrderEvents(
                from: before, at: clock, to: after, at: clock, estimateThresholdMinutes: 20
            ).estimateChanges.isEmpty)
        let ids = ChangeDetection.workOrderEvents(from: before, at: clock, to: after, at: clock).estimateChanges.map(
            \.eventId)
        #expect(
            ids
                == ChangeDetection.workOrderEvents(from: before, at: clock, to: after, at: clock).estimateChanges.map(
                    \.eventId))
    }

    @Test func aStatusChangeIsNoEstimateEvent() throws {
        let before = try BoardShop.floor(Floor.shop())
        var changed = Floor.shop(remaining: 200)
        changed.workOrders[0].status = "AWAITING_PARTS"
        let after = try BoardShop.floor(changed)
        let clock = Floor.clock("2026-03-02T09:30")
        let events = ChangeDetection.workOrderEvents(from: before, at: clock, to: after, at: clock)
        #expect(events.statusChanges.count == 1 && events.estimateChanges.isEmpty)
        #expect(events.statusChanges[0].previousEstimatedCompletion == "2026-03-02T10:30")
    }

    @Test func aBadThresholdNamesTheField() {
        #expect {
            try BoardShop.floor(Floor.shop(threshold: 0))
        } throws: { error in
            (error as? InputError)?.paths == ["locations[0].estimateChangeThresholdMinutes"]
        }
    }
}

@Suite("Work in progress: data staleness and outages")
struct StalenessTests {
    @Test(
        "a source read more than 60 s ago is flagged; exactly 60 s is not",
        arguments: [
            ("2026-03-02T09:29:00", false, 60), ("2026-03-02T09:28:59", true, 61), ("2026-03-02T09:29:30", false, 30),
        ])
    func sixtySeconds(readAt: String, stale: Bool, age: Int) throws {
        let floor = try BoardShop.floor(Floor.shop(dataSources: .init(workExecution: .init(readAt: readAt))))
        let board = try WorkInProgressViews.board(floor, for: Floor.all, clock: Floor.clock("2026-03-02T09:30:00"))
        let status = try #require(board.dataSources.first)
        #expect(status.source == "workExecution" && status.ageSeconds == age && status.stale == stale)
        #expect(status.cached == false)
        #expect(
            board.dataNotices
                == (stale ? ["SHOP-1: Work Execution data read \(age) s ago (stale after 60 s)"] : []))
    }

    @Test func aReadTimeWithAnOffsetIsAnInstant() throws {
        // 15:29:10Z is 09:29:10 in Chicago (CST, UTC−6): 50 s before 09:30.
        let floor = try BoardShop.floor(
            Floor.shop(
                dataSources: .init(
                    people: .init(readAt: "2026-03-02T15:29:10Z"),
                    assignments: .init(readAt: "2026-03-02T10:28:00-05:00"))))
        let board = try AssignmentViews.board(floor, for: Floor.all, clock: Floor.clock("2026-03-02T09:30"))
        #expect(board.dataSources.map(\.source) == ["people", "assignments"])
        #expect(board.dataSources.map(\.ageSeconds) == [50, 120])
        #expect(board.dataNotices == ["SHOP-1: assignment data read 120 s ago (stale after 60 s)"])
    }

    @Test func aWorkExecutionOutageShowsTheCachedDataWithItsAge() throws {
        let floor = try BoardShop.floor(
            Floor.shop(
                dataSources: .init(
                    workExecution: .init(cached: true, asOf: "2026-03-02T09:05", readAt: "2026-03-02T09:29:45"))))
        let board = try WorkInProgressViews.board(floor, for: Floor.all, clock: Floor.clock("2026-03-02T09:30"))
        #expect(board.rows.map(\.workOrderId) == ["W1"], "the cached work orders are still shown")
        let status = try #require(board.dataSources.first)
        #expect(
            status.cached && status.cachedAsOf == "2026-03-02T09:05" && status.cachedAgeMinutes == 25 && !status.stale)
        #expect(
            board.dataNotices == [
                "SHOP-1: Work Execution unavailable: work orders served from a cache taken 25 min ago (2026-03-02T09:05)"
            ])
        let laid = try ShopFloorBoard.build(floor, for: Floor.all, clock: Floor.clock("2026-03-02T09:30"))
        #expect(laid.table().contains("! SHOP-1: Work Execution unavailable"))
        #expect(laid.html().contains("Work Execution unavailable: work orders served from a cache taken 25 min ago"))
    }

    @Test func aBadReadTimeNamesTheField() {
        #expect {
            try BoardShop.floor(Floor.shop(dataSources: .init(workExecution: .init(readAt: "09:30:00"))))
        } throws: { error in
            (error as? InputError)?.paths == ["locations[0].dataSources.workExecution.readAt"]
        }
    }

    @Test("timestamps: seconds, Z and offsets, and what is refused")
    func timestamps() {
        let chicago = "America/Chicago"
        #expect(FloorClock.timestamp("2026-03-02T09:30:15", timeZone: chicago) == Floor.instant("2026-03-02T15:30:15Z"))
        #expect(FloorClock.timestamp("2026-03-02T09:30", timeZone: chicago) == Floor.instant("2026-03-02T15:30Z"))
        #expect(FloorClock.timestamp("2026-03-02T10:30+01:00", timeZone: chicago) == Floor.instant("2026-03-02T09:30Z"))
        for bad in ["2026-03-02", "2026-03-02T09:30:61", "2026-03-02T09:30+1", "2026-03-02T25:00", "x"] {
            #expect(FloorClock.timestamp(bad, timeZone: chicago) == nil, "\(bad)")
        }
    }
}

@Suite("Work in progress: send update, detail fields")
struct SendUpdateTests {
    @Test func sendUpdateQueuesTheCustomersNotificationWithStatusAndEstimate() throws {
        let floor = try BoardShop.floor(Floor.shop(labels: ["IN_PROGRESS": "On the lift"]))
        let update = try WorkInProgressActions.sendUpdate(
            "W1", in: floor, by: Floor.all, clock: Floor.clock("2026-03-02T09:30"), requestId: "SU-1",
            message: "We found a worn belt; call us.")
        let entry = try #require(update.outbox.entries.first)
        #expect(update.outbox.entries.count == 1)
        #expect(entry.recipientKind == .customer && entry.recipientId == "C1" && entry.workOrderId == "W1")
        #expect(entry.appointmentId == "A1" && entry.status == .pending && entry.channel == .sms && entry.mandatory)
        #expect(
            entry.text
                == "Update on your Vehicle V1 (work order W1): On the lift. Expected ready: 2026-03-02 10:30. We found a worn belt; call us."
        )
        #expect(entry.createdAt == "2026-03-02T09:30")
        let audit = try #require(update.audit.first)
        #expect(update.audit.count == 1 && audit.type == AuditType.customerUpdateSent)
        #expect(audit.details["notificationId"] == entry.notificationId && audit.actorRole == "SERVICE_ADVISOR")
        #expect(audit.details["estimatedCompletion"] == "2026-03-02T10:30")
        let again = try WorkInProgressActions.sendUpdate(
            "W1", in: floor, by: Floor.all, clock: Floor.clock("2026-03-02T09:30"), requestId: "SU-1",
            message: "We found a worn belt; call us.")
        #expect(again == update, "same request, same ids")
    }

    @Test func sendUpdateIsRefusedWithoutItsPermissionAndOffersTheAction() throws {
        let floor = try BoardShop.floor(Floor.shop())
        let advisor = BoardShop.caller(.viewAssignments)
        #expect {
            try WorkInProgressActions.sendUpdate(
                "W1", in: floor, by: advisor, clock: Floor.clock("2026-03-02T09:30"), requestId: "SU-1")
        } throws: { error in
            (error as? WorkInProgressActions.Refusal)?.missing == .sendCustomerUpdate
        }
        let row = try #require(
            try WorkInProgressViews.board(floor, for: advisor, now: BoardShop.at("09:30")).rows.first)
        #expect(
            row.actions.first { $0.name == "sendUpdate" }
                == .init(name: "sendUpdate", enabled: false, reason: "needs SEND_CUSTOMER_UPDATE"))
        #expect {
            try WorkInProgressActions.sendUpdate(
                "W1", in: floor, by: Floor.all, clock: Floor.clock("2026-03-02T09:30"), requestId: "SU-1",
                message: String(repeating: "x", count: 501))
        } throws: { error in
            (error as? WorkInProgressActions.Refusal)?.field == "message"
        }
    }

    static func detailed(internalNotes: String? = "customer is difficult; call before 5") -> BoardSnapshot.Location {
        var location = Floor.shop()
        location.workOrders[0].customer = .init(id: "C1", name: "Pat Lee", phone: "+1 312 555 0100")
        location.workOrders[0].vehicle = .init(
            id: "V1", name: "Blue Civic", vin: "1HGCM82633A004352", year: 2019, make: "Honda", model: "Civic")
        location.workOrders[0].serviceDescription = "Front brake pads and rotors"
        location.workOrders[0].internalNotes = internalNotes
        return location
    }

    @Test func theDetailFieldsAreShownAndInternalNotesOnlyToPermittedCallers() throws {
        let floor = try BoardShop.floor(Self.detailed())
        let permitted = try #require(
            try WorkInProgressViews.board(floor, for: Floor.all, now: BoardShop.at("09:30")).rows.first)
        #expect(permitted.customer.phone == "+1 312 555 0100")
        #expect(permitted.vehicle.vin == "1HGCM82633A004352" && permitted.vehicle.year == 2019)
        #expect(permitted.vehicle.make == "Honda" && permitted.vehicle.model == "Civic")
        #expect(permitted.serviceDescription == "Front brake pads and rotors")
        #expect(permitted.internalNotes == "customer is difficult; call before 5")
        for role in ViewCaller.Role.allCases {
            let caller = BoardShop.caller(.viewAssignments, .updateWorkOrderStatus, role: role)
            let row = try #require(
                try WorkInProgressViews.board(floor, for: caller, now: BoardShop.at("09:30")).rows.first)
            #expect(row.internalNotes == nil, "\(role) without VIEW_INTERNAL_NOTES")
            #expect(row.serviceDescription == "Front brake pads and rotors")
            let json = String(decoding: JSONFiles.encode(row), as: UTF8.self)
            #expect(!json.contains("difficult"), "the notes leave no trace in the JSON")
        }
    }

    @Test func aBadVinOrYearNamesTheField() {
        var location = Self.detailed()
        location.workOrders[0].vehicle.vin = "1HGCM82633A00435O"
        location.workOrders[0].vehicle.year = 1700
        #expect {
            try BoardShop.floor(location)
        } throws: { error in
            (error as? InputError)?.paths == [
                "locations[0].workOrders[0].vehicle.vin", "locations[0].workOrders[0].vehicle.year",
            ]
        }
    }
}

@Suite("Multi-location: each location's own now; GPS across daylight saving")
struct MultiLocationTimeTests {
    /// Main Street in Chicago and Foothills (SHOP-2) in Denver, an hour behind.
    static func twoZones(denverPosition: String? = nil) throws -> ShopFloor {
        var denver = BoardShop.location(
            id: "SHOP-2",
            appointments: [BoardShop.appointment("D1", start: "09:00", bay: nil, mobile: "M2", mechanic: "alex")],
            workOrders: [BoardShop.workOrder("DW1", appointment: "D1", remaining: 60)],
            positions: denverPosition.map { [.init(unit: "M2", latitude: 39.7, longitude: -105.0, at: $0)] })
        denver.facility.timeZone = "America/Denver"
        return try BoardShop.floor(
            BoardShop.location(
                appointments: [BoardShop.appointment("A1", start: "09:00", workOrder: "W1")],
                workOrders: [BoardShop.workOrder("W1", appointment: "A1", remaining: 60)]),
            denver)
    }

    @Test func oneInstantIsReadOnEachLocationsOwnClock() throws {
        let floor = try Self.twoZones()
        // 09:30 in Chicago is 08:30 in Denver.
        let clock = FloorClock.local(BoardShop.at("09:30"), on: floor, for: Floor.all)
        let board = try WorkInProgressViews.board(floor, for: Floor.all, clock: clock, query: .init(locations: ["*"]))
        #expect(board.now == "2026-03-02T09:30")
        #expect(board.locations.map(\.now) == ["2026-03-02T09:30", "2026-03-02T08:30"])
        #expect(board.locations.map(\.timeZone) == ["America/Chicago", "America/Denver"])
        // Each plan from its own now: Chicago's 09:00 job is late to start, so it starts now (09:30);
        // Denver's starts at its booked 09:00, half an hour ahead.
        #expect(board.rows.map(\.estimatedCompletion) == ["2026-03-02T10:30", "2026-03-02T10:00"])
        // The same local now given by a Denver caller means 08:30 in Chicago's terms an hour later.
        let denverCaller = BoardShop.caller(.viewAssignments, .viewAllLocations, facility: "SHOP-2")
        let fromDenver = FloorClock.local(BoardShop.at("09:30"), on: floor, for: denverCaller)
        #expect(fromDenver.instant.timeIntervalSince(clock.instant) == 3600)
        let laid = try ShopFloorBoard.build(floor, for: denverCaller, clock: fromDenver)
        #expect(laid.locations.map(\.now) == ["2026-03-02T10:30", "2026-03-02T09:30"])
        #expect(laid.now == "2026-03-02T09:30", "the board's line is the caller's own clock")
    }

    @Test func gpsAgesAreInTheUnitsOwnTimeZone() throws {
        // Denver's unit reported at 08:10 Denver time; at 09:30 Chicago (08:30 Denver) it is 20 min old.
        let floor = try Self.twoZones(denverPosition: "2026-03-02T08:10")
        let board = try AssignmentViews.board(
            floor, for: BoardShop.caller(.viewAssignments, role: .dispatcher), now: BoardShop.at("09:30"))
        let view = try #require(board.assignments.first { $0.appointmentId == "D1" })
        #expect(view.place?.position?.fix == .fresh && view.warnings.isEmpty)
    }

    /// A location open on a daylight-saving Sunday with a mobile unit M2 at `at`.
    static func dstFloor(positionAt at: String, day: String) throws -> ShopFloor {
        var location = BoardShop.location(
            appointments: [
                BoardSnapshot.Appointment(
                    id: "A1", status: "IN_PROGRESS", start: "\(day)T00:00", durationMinutes: 240, mobileUnit: "M2",
                    mechanic: "alex")
            ], positions: [.init(unit: "M2", latitude: 41.9, longitude: -87.6, at: at)])
        location.facility.horizon = .init(start: day, days: 1)
        location.facility.operatingHours = ["sun": [["00:00", "24:00"]]]
        location.mechanics[0].shifts = nil
        location.mechanics[1].shifts = nil
        return try BoardShop.floor(location)
    }

    @Test("spring forward: 01:50 CST to 03:10 CDT is 20 minutes, not 80")
    func springForward() throws {
        let floor = try Self.dstFloor(positionAt: "2026-03-08T01:50", day: "2026-03-08")
        let viewer = BoardShop.caller(.viewAssignments)
        let board = try AssignmentViews.board(floor, for: viewer, now: LocalDateTime("2026-03-08T03:10")!)
        #expect(board.assignments.first?.place?.position?.fix == .fresh)
        // The naive wall-clock difference would say 80 min: unavailable.
        #expect(
            MobileUnitFix.of(positionAt: LocalDateTime("2026-03-08T01:50"), now: LocalDateTime("2026-03-08T03:10")!)
                == .unavailable)
        // 40 real minutes: stale, with the real age in the warning.
        let later = try AssignmentViews.board(floor, for: viewer, now: LocalDateTime("2026-03-08T03:30")!)
        #expect(later.assignments.first?.warnings == ["M2: GPS position is 40 min old (stale after 30 min)"])
    }

    @Test("fall back: 01:50 CDT to 01:10 CST (the repeated hour) is 20 minutes")
    func fallBack() throws {
        let floor = try Self.dstFloor(positionAt: "2026-11-01T01:50", day: "2026-11-01")
        // The second 01:10 of the night, given as an instant.
        let clock = Floor.clock("2026-11-01T01:10-06:00")
        let board = try AssignmentViews.board(floor, for: BoardShop.caller(.viewAssignments), clock: clock)
        #expect(board.assignments.first?.place?.position?.fix == .fresh)
        #expect(board.now == "2026-11-01T01:10")
        let hourLater = try AssignmentViews.board(
            floor, for: BoardShop.caller(.viewAssignments), clock: Floor.clock("2026-11-01T01:55-06:00"))
        #expect(hourLater.assignments.first?.place?.position?.fix == .unavailable)
        #expect(hourLater.assignments.first?.warnings == ["M2: GPS position is 65 min old; unit marked unavailable"])
    }
}

@Suite("Deferred-assignment SLA on the board; notes edits count as changes")
struct OverdueAssignmentTests {
    static func floor() throws -> ShopFloor {
        var late = BoardShop.appointment("A1", start: "13:00", mechanic: nil)
        late.assignmentDeadline = "2026-03-02T09:00"
        var due = BoardShop.appointment("A2", start: "14:00", bay: "B3", mechanic: nil)
        due.assignmentDeadline = "2026-03-02T10:00"
        var staffed = BoardShop.appointment("A3", start: "15:00", mechanic: "jane")
        staffed.assignmentDeadline = "2026-03-02T08:00"
        var cancelled = BoardShop.appointment("A4", status: "CANCELLED", start: "15:00", bay: "B3", mechanic: nil)
        cancelled.assignmentDeadline = "2026-03-02T08:00"
        return try BoardShop.floor(BoardShop.location(appointments: [late, due, staffed, cancelled]))
    }

    @Test func theBoardAndTheQueryListWhatIsStillUnassignedPastItsDeadline() throws {
        let floor = try Self.floor()
        let viewer = BoardShop.caller(.viewAssignments)
        let clock = Floor.clock("2026-03-02T10:00")
        let late = try AssignmentViews.overdueAssignments(floor, for: viewer, clock: clock)
        // A2 is due exactly now: not yet overdue.
        #expect(
            late == [
                .init(
                    appointmentId: "A1", facilityId: "SHOP-1", start: "2026-03-02T13:00",
                    assignmentDeadline: "2026-03-02T09:00", overdueMinutes: 60)
            ])
        let board = try ShopFloorBoard.build(floor, for: viewer, clock: clock)
        #expect(board.locations[0].overdueAssignments == late)
        #expect(
            board.table().contains(
                "Mechanic overdue (past the assignment deadline):\n  A1 at 13:00: due 09:00, 60 min overdue"))
        #expect(board.html().contains("<h3>Mechanic overdue</h3>"))
        let later = try AssignmentViews.overdueAssignments(floor, for: viewer, clock: Floor.clock("2026-03-02T10:01"))
        #expect(later.map(\.appointmentId) == ["A1", "A2"])
        #expect(throws: ViewDenied.self) {
            try AssignmentViews.overdueAssignments(floor, for: BoardShop.caller(), clock: clock)
        }
    }

    @Test func aBadDeadlineNamesTheField() {
        var bad = BoardShop.appointment("A1", mechanic: nil)
        bad.assignmentDeadline = "soon"
        #expect {
            try BoardShop.floor(BoardShop.location(appointments: [bad]))
        } throws: { error in
            (error as? InputError)?.paths == ["locations[0].appointments[0].assignmentDeadline"]
        }
    }

    @Test func editingNotesMovesTheAppointmentsVersionOn() throws {
        var appointment = BoardShop.appointment("A1", notes: "first")
        appointment.version = 4
        let floor = try BoardShop.floor(
            BoardShop.location(appointments: [appointment, BoardShop.appointment("A2", start: "11:00")]))
        let editor = BoardShop.caller(.editAssignmentNotes)
        let edited = try AssignmentNotes.edit("A1", in: floor, to: "second", by: editor, at: BoardShop.at("09:00"))
        #expect(edited.version == 5)
        // Absent: version 1, so the first recorded change is 2.
        #expect(try AssignmentNotes.edit("A2", in: floor, to: "x", by: editor, at: BoardShop.at("09:00")).version == 2)
    }
}
