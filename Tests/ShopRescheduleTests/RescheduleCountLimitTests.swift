import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import Testing

/// A reschedule count near Int.max in a snapshot: the next count (and the
/// notification's sequence number) overflowed and trapped the process (found
/// by the fuzz campaign, fuzz/regressions/reschedule-snapshot/). It is refused
/// as bad input, naming the field.
@Suite struct RescheduleCountLimitTests {
    static func repository() -> URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }

    @Test func replanRefusesAHugeRescheduleCount() throws {
        let folder = Self.repository().appendingPathComponent("datasets/reschedule")
        var snapshot = try BookingFiles.snapshot(
            from: BookingFiles.read(folder.appendingPathComponent("snapshot.json").path))
        let disruption = try RescheduleFiles.disruption(
            from: BookingFiles.read(folder.appendingPathComponent("disruption.json").path))
        // APT-4 is one the bundled disruption moves.
        let i = try #require(snapshot.appointments.firstIndex { $0.id == "APT-4" })
        snapshot.appointments[i].rescheduleCount = Int.max
        #expect {
            _ = try ReplanEngine(clock: FixedClock(Shop.at("2026-11-23T11:00"))).replan(disruption, in: snapshot)
        } throws: { error in
            (error as? InputError)?.issues.contains {
                $0.path == "appointments[\(i)].rescheduleCount" && $0.message.contains("at most")
            } == true
        }
    }

    @Test func rescheduleRefusesAHugeRescheduleCount() {
        let snapshot = Shop.snapshot([Shop.appointment(count: Int.max)])
        #expect {
            _ = try Shop.reschedule(Shop.request(), snapshot)
        } throws: { error in
            (error as? InputError)?.issues.contains { $0.path == "appointments[0].rescheduleCount" } == true
        }
    }

    @Test func theLargestCountStillReschedules() throws {
        // From the third move on a manager approves (the shop's rule), at the limit too.
        let snapshot = Shop.snapshot([Shop.appointment(count: 1_000_000)])
        let decision = try Shop.reschedule(Shop.request(notes: "fleet car", manager: Shop.manager), snapshot)
        #expect(decision.outcome == .rescheduled && decision.appointment?.rescheduleCount == 1_000_001)
    }
}
