import ShopBooking
import ShopDomain
import Testing

@testable import ShopViews

/// Properties of the plan behind the board, on generated busy shops.
@Suite("Generated boards")
struct GeneratedBoardTests {
    @Test(
        "no mechanic and no bay holds two jobs at once, and each job gets its remaining minutes",
        arguments: [1, 2, 3] as [UInt64])
    func planIsConsistent(seed: UInt64) throws {
        let floor = try ShopFloor(BoardGenerator.snapshot(seed: seed, workOrders: 200))
        let location = floor.locations[0]
        let now = LocalDateTime("2026-03-02T10:00")!
        let plan = FloorPlan(location, now: now)
        var byMechanic: [Int: [Range<Int>]] = [:], byPlace: [Int: [Range<Int>]] = [:]
        var estimated = 0
        for (w, estimate) in plan.forecasts.enumerated() {
            guard let estimate, let start = estimate.start, let end = estimate.completion,
                location.workOrders[w].state != .readyForPickup
            else { continue }
            estimated += 1
            #expect(start >= now)
            #expect(end.absoluteMinutes - start.absoluteMinutes >= location.workOrders[w].file.remainingMinutes)
            guard start < end else { continue }
            byMechanic[estimate.mechanic!, default: []].append(start.absoluteMinutes..<end.absoluteMinutes)
            byPlace[estimate.place!, default: []].append(start.absoluteMinutes..<end.absoluteMinutes)
        }
        #expect(estimated > 150)
        for runs in Array(byMechanic.values) + Array(byPlace.values) {
            let sorted = runs.sorted { $0.lowerBound < $1.lowerBound }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.upperBound <= b.lowerBound) }
        }
    }

    @Test("the same snapshot gives the same board")
    func deterministic() throws {
        let caller = ViewCaller(id: "x", facilityId: "GEN-7", permissions: [Permission.viewAssignments.rawValue])
        let now = LocalDateTime("2026-03-02T10:00")!
        let a = try ShopFloorBoard.build(
            ShopFloor(BoardGenerator.snapshot(seed: 7, workOrders: 200)), for: caller, now: now)
        let b = try ShopFloorBoard.build(
            ShopFloor(BoardGenerator.snapshot(seed: 7, workOrders: 200)), for: caller, now: now)
        #expect(a == b)
        #expect(a.html() == b.html())
        let c = try ShopFloorBoard.build(
            ShopFloor(BoardGenerator.snapshot(seed: 8, workOrders: 200)), for: caller, now: now)
        #expect(a != c)
    }
}
