// View benchmarks: the assignment and work-in-progress views of a generated
// busy shop with 200 active work orders (issue: both under 20 ms).
//   views/both-200       both views from a validated snapshot
//   views/board-200      the shop-floor board (the work-in-progress view, laid out)
//   views/validate-200   reading the snapshot into a ShopFloor (validation)

import Benchmark
import BenchmarkSmoke
import Foundation
import ShopScheduler

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration =
        .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(5), maxIterations: 200).smokeAware
    let snapshot = BoardGenerator.snapshot(seed: 1, workOrders: 200)
    let now = LocalDateTime("2026-03-02T10:00")!
    let caller = ViewCaller(
        id: "bench", role: .dispatcher, facilityId: snapshot.locations[0].facility.id,
        permissions: Set(Permission.allCases.map(\.rawValue)))
    guard let floor = try? ShopFloor(snapshot) else { fatalError("the generated snapshot must be valid") }

    Benchmark("views/both-200") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try AssignmentViews.board(floor, for: caller, now: now))
            blackHole(try WorkInProgressViews.board(floor, for: caller, now: now))
        }
    }
    Benchmark("views/board-200") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ShopFloorBoard.build(floor, for: caller, now: now))
        }
    }
    Benchmark("views/validate-200") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ShopFloor(snapshot))
        }
    }
}
