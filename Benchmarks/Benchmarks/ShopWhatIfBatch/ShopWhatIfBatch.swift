// What-if batch benchmarks: 10 of the 100 variants of datasets/whatif/busy-day-100.json (shard 1 of 10),
// 4 s per variant, solved one by one and two at a time, in the same run, so
// their ratio is the speed-up of `--jobs 2` (issue: at least 1.7x on 2 cores).
//   whatif/10-variants-jobs1    one variant at a time
//   whatif/10-variants-jobs2    two at a time
// Each iteration writes into a new temporary folder (nothing is resumed).
// Benchmarks/whatif-speed.sh runs the whole 100-variant batch through the CLI.

import Benchmark
import BenchmarkSmoke
import Foundation
import ShopScheduler

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration =
        .init(
            metrics: [.wallClock, .peakMemoryResident], warmupIterations: 0,
            maxDuration: .seconds(600), maxIterations: 3
        ).smokeAware
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "datasets/whatif/busy-day-100.json"
        ).path
    guard let batch = try? WhatIfBatch.load(path: path) else { fatalError("cannot read \(path)") }
    let first = 10

    for jobs in [1, 2] {
        Benchmark("whatif/\(first)-variants-jobs\(jobs)") { benchmark in
            for _ in benchmark.scaledIterations {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "whatif-bench-\(UUID().uuidString)")
                defer { try? FileManager.default.removeItem(at: folder) }
                var options = WhatIfRunner.Options()
                options.jobs = jobs
                options.timeLimitSeconds = 4
                // Shard 1 of 10: every tenth variant, 10 of the 100.
                options.shard = (1, 100 / first)
                let runner = WhatIfRunner(batch: batch, folder: ResultFolder(path: folder.path), options: options)
                blackHole(try runner.run())
            }
        }
    }
}
