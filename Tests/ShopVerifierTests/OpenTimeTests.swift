import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

private typealias F = FixtureShop

/// The verifier's own reading of the open-time rule: ranges that touch, on one
/// day or across midnight, are one open interval; a mechanic's touching (or
/// overlapping) shifts are one shift.
@Suite("Verifier: touching ranges and shifts join")
struct VerifierOpenTimeTests {
    static func range(_ start: String, _ end: String) -> LocalRange {
        LocalRange(start: LocalDateTime(start)!, end: LocalDateTime(end)!)
    }

    // J-1 (90 min) at 11:30 runs 11:30–13:00. With Monday 08:00–12:00 and
    // 12:00–18:00 that is inside the one interval 08:00–18:00; with the
    // fixture's lunch closing 12:00–13:00 it is not.
    @Test func touchingBoundaryAcceptedRealGapRejected() throws {
        let overNoon = F.plan(["J-1": F.place("2026-11-23T11:30", "BAY-L", "M-1")])
        let touching = try F.scenario {
            $0.facility.operatingHours["mon"] = [["08:00", "12:00"], ["12:00", "18:00"]]
        }
        #expect(
            PlanVerifier(scenario: touching).openIntervals
                == [
                    Self.range("2026-11-23T08:00", "2026-11-23T18:00"),
                    Self.range("2026-11-24T08:00", "2026-11-24T18:00"),
                ])
        #expect(F.verify(touching, overNoon).violations == [])
        #expect(F.verify(try F.scenario(), overNoon).rules == [.hours])
    }

    // Monday open until 24:00 and Tuesday from 00:00: one interval Mon 08:00 –
    // Tue 18:00, so J-3 (30 min, no mechanic) may run 23:45–00:15. When
    // Tuesday opens at 00:15 the shop is closed for a slot at midnight.
    @Test func acrossMidnight() throws {
        let lateNight = F.plan(["J-3": F.place("2026-11-23T23:45", "BAY-A", nil)])
        let joined = try F.scenario {
            $0.facility.operatingHours = ["mon": [["08:00", "24:00"]], "tue": [["00:00", "18:00"]]]
        }
        #expect(PlanVerifier(scenario: joined).openIntervals == [Self.range("2026-11-23T08:00", "2026-11-24T18:00")])
        #expect(F.verify(joined, lateNight).violations == [])
        let gap = try F.scenario {
            $0.facility.operatingHours = ["mon": [["08:00", "24:00"]], "tue": [["00:15", "18:00"]]]
        }
        let report = F.verify(gap, lateNight)
        #expect(report.rules == [.hours])
        #expect(report.violations.first?.message.contains("08:00–24:00") == true)
        // A closed Tuesday breaks the run as well.
        let closed = try F.scenario {
            $0.facility.operatingHours = ["mon": [["08:00", "24:00"]], "tue": [["00:00", "18:00"]]]
            $0.facility.closedDates = ["2026-11-24"]
        }
        #expect(F.verify(closed, lateNight).rules == [.hours])
    }

    // With the hours joined over noon, J-1 at 11:30–13:00 needs M-1 on one
    // shift throughout: shifts 08:00–12:00 and 12:00–16:00 touch (accepted),
    // 08:00–12:00 and 12:15–16:00 leave a gap (rejected), and overlapping
    // 08:00–12:30 and 12:00–16:00 join (accepted).
    @Test func touchingShiftsJoin() throws {
        let overNoon = F.plan(["J-1": F.place("2026-11-23T11:30", "BAY-L", "M-1")])
        func scenario(_ shifts: [(String, String)]) throws -> Scenario {
            try F.scenario { file in
                file.facility.operatingHours["mon"] = [["08:00", "12:00"], ["12:00", "18:00"]]
                file.mechanics[0].shifts = shifts.map { .init(start: "2026-11-23T\($0.0)", end: "2026-11-23T\($0.1)") }
            }
        }
        #expect(F.verify(try scenario([("08:00", "12:00"), ("12:00", "16:00")]), overNoon).violations == [])
        // In any order.
        #expect(F.verify(try scenario([("12:00", "16:00"), ("08:00", "12:00")]), overNoon).violations == [])
        let gap = F.verify(try scenario([("08:00", "12:00"), ("12:15", "16:00")]), overNoon)
        #expect(gap.rules == [.mechanic])
        #expect(gap.violations.first?.message.contains("2026-11-23 08:00–12:00, 2026-11-23 12:15–16:00") == true)
        #expect(F.verify(try scenario([("08:00", "12:30"), ("12:00", "16:00")]), overNoon).violations == [])
        // Touching only as written: 12:05 rounds to 12:00 as an end and to 12:15 as a start.
        #expect(F.verify(try scenario([("08:00", "12:05"), ("12:05", "16:00")]), overNoon).rules == [.mechanic])
    }

    // A shift through midnight, written as two touching shifts.
    @Test func shiftsTouchingAtMidnight() throws {
        let lateNight = F.plan(["J-1": F.place("2026-11-23T23:30", "BAY-L", "M-1")])
        let scenario = try F.scenario { file in
            file.facility.operatingHours = ["mon": [["08:00", "24:00"]], "tue": [["00:00", "18:00"]]]
            file.mechanics[0].shifts = [
                .init(start: "2026-11-23T20:00", end: "2026-11-24T00:00"),
                .init(start: "2026-11-24T00:00", end: "2026-11-24T04:00"),
            ]
        }
        #expect(F.verify(scenario, lateNight).violations == [])
    }
}
