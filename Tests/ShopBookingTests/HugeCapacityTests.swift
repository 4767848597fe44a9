import Foundation
import ShopBooking
import ShopDomain
import Testing

/// `facility.maxConcurrent` near Int.max: the soft capacity check multiplied
/// it by the day's open slots and trapped on the overflow (found by the fuzz
/// campaign, fuzz/regressions/booking-snapshot/). The share is now worked out
/// in floating point: a huge capacity is simply never nearly full.
@Suite struct HugeCapacityTests {
    @Test func aHugeMaxConcurrentDecidesEveryBundledRequest() throws {
        let folder = DatasetTests.folder
        var snapshot = try BookingFiles.snapshot(
            from: BookingFiles.read(folder.appendingPathComponent("snapshot.json").path))
        snapshot.facility.maxConcurrent = Int.max
        for name in ["conflicts", "created", "moves", "work-order"] {
            let request = try BookingFiles.request(
                from: BookingFiles.read(folder.appendingPathComponent("request-\(name).json").path))
            let decision = try Fixture.book(request, snapshot, now: Fixture.at("2026-11-23T07:30"))
            #expect(decision.requestId == request.requestId, "\(name)")
        }
    }
}
