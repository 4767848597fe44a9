import ShopBooking
import ShopDomain
import ShopReschedule
import ShopTestSupport
import Testing

/// Moving an appointment that may pause (contract §7, issue 18): its work
/// ranges are recomputed at the new start with the mechanic it keeps, and the
/// conflicts follow the rule (the bay held over the pauses, the mechanic busy
/// only in the work). Every move goes through the verifier with the work
/// ranges its update claims (`Shop.reschedule`).
@Suite("rescheduling work that may pause")
struct ResumableRescheduleTests {
    static func range(_ start: String, _ end: String) -> SolutionFile.WorkRange {
        SolutionFile.WorkRange(start: start, end: end)
    }

    /// A 10-hour job with M-1 (on shift 08:00–17:00 every day) on the lift,
    /// booked Wednesday 08:00: Wed 08–17 and Thu 08–09.
    static func rebuild(_ start: String = "2026-11-25T08:00") -> BookedAppointment {
        var a = Shop.appointment("R-1", start, minutes: 600, bay: "BAY-2", mechanic: "M-1")
        a.resumable = true
        return a
    }

    @Test func movedWorkIsRecomputedAtTheNewStart() throws {
        let decision = try Shop.reschedule(
            Shop.request("2026-11-25T13:00", appointment: "R-1"), Shop.snapshot([Self.rebuild()]))
        #expect(decision.outcome == .rescheduled)
        let update = try #require(decision.update)
        #expect(update.fromEnd == "2026-11-26T09:00")
        // Wed 13–17 (4 h), Thu 08–14 (6 h).
        #expect(update.toEnd == "2026-11-26T14:00")
        #expect(
            update.toWork == [
                Self.range("2026-11-25T13:00", "2026-11-25T17:00"), Self.range("2026-11-26T08:00", "2026-11-26T14:00"),
            ])
        #expect(decision.appointment?.resumable == true)
        #expect(decision.appointment?.mechanic == "M-1")
        // The lift is claimed over the night, the mechanic once per work range.
        #expect(decision.claims.filter { $0.kind == .bay }.map(\.end) == ["2026-11-26T14:00"])
        #expect(decision.claims.filter { $0.kind == .mechanic }.count == 2)
        #expect(decision.events.first?.newEnd == "2026-11-26T14:00")
    }

    // The lift is held overnight: another car on it Thursday 09:00 (before the moved
    // job's end at 14:00) blocks the move, though the old placement ended at 09:00.
    @Test func bayTakenBeforeTheNewEndIsAConflict() throws {
        let other = Shop.appointment(
            "A-2", "2026-11-26T09:00", bay: "BAY-2", mechanic: nil, status: "CONFIRMED", customer: "C-2")
        let decision = try Shop.reschedule(
            Shop.request("2026-11-25T13:00", appointment: "R-1"), Shop.snapshot([Self.rebuild(), other]))
        #expect(decision.outcome == .conflicts)
        #expect(decision.conflicts.map(\.code) == [.noEligibleBay])
        #expect(decision.conflicts.first?.end == "2026-11-26T14:00")
        // Its alternatives each carry their work ranges and end on a later day; each one,
        // taken, is a move the verifier accepts (`Shop.reschedule`).
        #expect(!decision.alternatives.isEmpty)
        for alternative in decision.alternatives {
            #expect(alternative.work != nil && alternative.end.prefix(10) > alternative.start.prefix(10))
            let taken = try Shop.reschedule(
                Shop.request(alternative.start, appointment: "R-1"), Shop.snapshot([Self.rebuild(), other]))
            #expect(taken.outcome == .rescheduled, "\(alternative.start): \(taken.conflicts.map(\.code))")
        }
    }

    // M-1 is busy only in the moved job's work: its other job on BAY-1 Thursday 14:00,
    // right after the new end, lets it keep M-1; at Thursday 10:00, a work slot, M-1 is
    // taken and the policy (auto) gives the job M-2, whose shifts are the same.
    @Test func mechanicKeptWhenBusyOnlyAfterTheWork() throws {
        let after = Shop.appointment("A-2", "2026-11-26T14:00", mechanic: "M-1", status: "CONFIRMED", customer: "C-2")
        let kept = try Shop.reschedule(
            Shop.request("2026-11-25T13:00", appointment: "R-1"), Shop.snapshot([Self.rebuild(), after]))
        #expect(kept.update?.mechanicAssignment == .preserved)
        let during = Shop.appointment("A-2", "2026-11-26T10:00", mechanic: "M-1", status: "CONFIRMED", customer: "C-2")
        let moved = try Shop.reschedule(
            Shop.request("2026-11-25T13:00", appointment: "R-1"), Shop.snapshot([Self.rebuild(), during]))
        #expect(moved.outcome == .rescheduled)
        #expect(moved.appointment?.mechanic == "M-2")
        #expect(moved.update?.toEnd == "2026-11-26T14:00")
    }

    @Test func permissionDenialsAreUnchanged() throws {
        let decision = try Shop.reschedule(
            Shop.request("2026-11-25T13:00", appointment: "R-1", permissions: []), Shop.snapshot([Self.rebuild()]))
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.missingReschedulePermission])
    }
}
