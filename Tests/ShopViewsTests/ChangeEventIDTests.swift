import ShopDomain
import ShopTestSupport
import ShopViews
import Testing

/// Change-event ids (issue 15): one per change, so a deduplicating consumer never drops a real
/// event, and still the same for the same two snapshots (retries and replays).
@Suite("Change event ids")
struct ChangeEventIDTests {
    /// Snapshots of A1 in bay `bay` at the backend's `version` (and its `lastUpdatedAt`).
    static func board(_ bay: String, version: Int?, updatedAt: String?) -> BoardSnapshot {
        var appointment = BoardShop.appointment("A1", bay: bay)
        appointment.version = version
        appointment.lastUpdatedAt = updatedAt.map { "\(BoardShop.monday)T\($0)" }
        return BoardSnapshot(locations: [BoardShop.location(appointments: [appointment])])
    }

    @Test("the same change made again later gets a new id", arguments: [true, false])
    func repeatedChangeGetsANewId(versioned: Bool) throws {
        // B1 → B3 (version 2, 08:10), back to B1 (3, 08:20), B1 → B3 again (4, 08:30).
        let states = [("B1", 1, "08:00"), ("B3", 2, "08:10"), ("B1", 3, "08:20"), ("B3", 4, "08:30")].map {
            Self.board($0.0, version: versioned ? $0.1 : nil, updatedAt: versioned ? nil : $0.2)
        }
        let ids = try (1..<states.count).map { i in
            let events = ChangeDetection.assignmentEvents(from: states[i - 1], to: states[i])
            #expect(events.count == 1)
            return try #require(events.first).eventId
        }
        #expect(Set(ids).count == 3, "\(ids)")
        // Deterministic: the same two snapshots give the same id.
        #expect(ChangeDetection.assignmentEvents(from: states[2], to: states[3]).first?.eventId == ids[2])
    }

    @Test("a work order's status reached again later gets a new id")
    func repeatedStatusGetsANewId() throws {
        func board(_ status: String, _ history: [String]) -> BoardSnapshot {
            var order = BoardShop.workOrder("W1", status: status)
            order.statusHistory = history.enumerated().map {
                .init(status: $1, at: "\(BoardShop.monday)T0\($0 + 8):00")
            }
            return BoardSnapshot(locations: [BoardShop.location(workOrders: [order])])
        }
        let states = [
            board("IN_PROGRESS", ["IN_PROGRESS"]), board("AWAITING_PARTS", ["IN_PROGRESS", "AWAITING_PARTS"]),
            board("IN_PROGRESS", ["IN_PROGRESS", "AWAITING_PARTS", "IN_PROGRESS"]),
            board("AWAITING_PARTS", ["IN_PROGRESS", "AWAITING_PARTS", "IN_PROGRESS", "AWAITING_PARTS"]),
        ]
        let ids = (1..<states.count).compactMap {
            ChangeDetection.workOrderEvents(from: states[$0 - 1], to: states[$0]).first?.eventId
        }
        #expect(ids.count == 3 && Set(ids).count == 3, "\(ids)")
        #expect(ChangeDetection.workOrderEvents(from: states[2], to: states[3]).first?.eventId == ids[2])
    }
}
