// Smoke mode (`scripts/bench-smoke.sh`, in CI): every benchmark runs once, untimed, so a broken
// setup or body fails the run. One module, so the five benchmark targets share these lines.

import Benchmark
import Foundation

/// Whether `SHOPSCHED_BENCH_SMOKE=1` asks for the smoke run.
let smokeMode = ProcessInfo.processInfo.environment["SHOPSCHED_BENCH_SMOKE"] == "1"

extension Benchmark.Configuration {
    /// This configuration, or in smoke mode one iteration without warm-up.
    public var smokeAware: Self {
        var configuration = self
        if smokeMode {
            configuration.warmupIterations = 0
            configuration.maxIterations = 1
        }
        return configuration
    }
}
