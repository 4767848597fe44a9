// Solve benchmarks: every strategy of `StrategyCatalog` on the bundled
// datasets and on generated families, one thread, a time limit per solve.
// Names are `STRATEGY/SCENARIO` (e.g. `milp/busy-day`, `greedy/day-40`), plus
// `latency/greedy/day-40` (many iterations, for a stable p50).
//
// Besides wall-clock time (and peak resident memory) each solve records
// custom metrics taken from its `PlanResult`:
//   objective  the plan's objective (smaller is better)
//   proven     1 when the status is `optimal`, else 0
//   gap        objective - bound (0 when proven)
//   gap bp     (objective - bound) / objective, in basis points (1 bp = 0.01 %)
// Every plan is also checked by the independent `PlanVerifier` (outside the
// measured region); a plan it rejects fails the benchmark.
//
// Environment: SHOPSCHED_BENCH_TIME_LIMIT (seconds per solve, default 10).

import Benchmark
import BenchmarkSmoke
import Foundation
import ShopScheduler

// MARK: Settings

/// Seconds per solve; `SHOPSCHED_BENCH_TIME_LIMIT` overrides.
let timeLimitSeconds: Double = {
    if let text = ProcessInfo.processInfo.environment["SHOPSCHED_BENCH_TIME_LIMIT"],
        let value = Double(text), value > 0, value.isFinite
    {
        return value
    }
    return 10
}()

/// The options of every solve: one thread, the time limit, defaults otherwise.
let planOptions: PlanOptions = {
    var options = PlanOptions()
    options.threads = 1
    options.timeLimitSeconds = timeLimitSeconds
    return options
}()

enum ShopMetric {
    static let objective = BenchmarkMetric.custom("objective", polarity: .prefersSmaller, useScalingFactor: false)
    static let proven = BenchmarkMetric.custom("proven", polarity: .prefersLarger, useScalingFactor: false)
    static let gap = BenchmarkMetric.custom("gap", polarity: .prefersSmaller, useScalingFactor: false)
    static let gapBasisPoints = BenchmarkMetric.custom("gap bp", polarity: .prefersSmaller, useScalingFactor: false)
    static let all = [objective, proven, gap, gapBasisPoints]
}

// MARK: Scenarios

/// A scenario to solve: a bundled dataset or a generated family member.
struct ScenarioSource: Sendable {
    let name: String
    let jobs: Int
    let load: @Sendable () throws -> Scenario
}

struct BenchmarkSetupError: Error, CustomStringConvertible {
    let description: String
}

/// `datasets/` of the engine's package: found from this file's path
/// (`Benchmarks/Benchmarks/ShopSolve/ShopSolve.swift`), else from the
/// working directory (the package root or `Benchmarks/`).
func datasetsDirectory() throws -> URL {
    let fileManager = FileManager.default
    let thisFile = URL(fileURLWithPath: #filePath)
    let benchmarksPackage = thisFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let cwd = URL(fileURLWithPath: fileManager.currentDirectoryPath)
    let candidates = [
        benchmarksPackage.deletingLastPathComponent().appendingPathComponent("datasets"),
        cwd.appendingPathComponent("datasets"),
        cwd.deletingLastPathComponent().appendingPathComponent("datasets"),
    ]
    for candidate in candidates {
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(
            atPath: candidate.appendingPathComponent("busy-day.json").path,
            isDirectory: &isDirectory), !isDirectory.boolValue
        {
            return candidate.standardizedFileURL
        }
    }
    throw BenchmarkSetupError(description: "datasets/ not found; looked in \(candidates.map(\.path))")
}

func dataset(_ name: String, jobs: Int) -> ScenarioSource {
    ScenarioSource(name: name, jobs: jobs) {
        let path = try datasetsDirectory().appendingPathComponent("\(name).json").path
        return try Scenario.load(path: path)
    }
}

/// A generated scenario, the same as `make-families.sh` writes for seed 1.
func family(
    _ name: String, jobs: Int, mechanics: Int, bays: Int, days: Int,
    disrupted: Bool = false, pinned: Double = 0, multiDay: Double = 0
) -> ScenarioSource {
    ScenarioSource(name: name, jobs: jobs) {
        let options = GeneratorOptions(
            seed: 1, jobs: jobs, mechanics: mechanics, bays: bays, days: days,
            pinnedFraction: pinned, disrupted: disrupted, multiDayFraction: multiDay)
        return try Scenario(file: ScenarioGenerator.scenario(options))
    }
}

let scenarios: [ScenarioSource] = [
    dataset("small-shop-day", jobs: 16),
    dataset("busy-day", jobs: 44),
    dataset("week", jobs: 150),
    family("day-20", jobs: 20, mechanics: 5, bays: 5, days: 1),
    family("day-40", jobs: 40, mechanics: 8, bays: 8, days: 1),
    family("replan-40", jobs: 40, mechanics: 8, bays: 8, days: 1, disrupted: true, pinned: 0.1),
    family("multi-80", jobs: 80, mechanics: 6, bays: 6, days: 2),
    family("multi-160", jobs: 160, mechanics: 8, bays: 8, days: 3),
    family("multi-320", jobs: 320, mechanics: 10, bays: 10, days: 5),
    // Resumable jobs (issue 18): a week in which a tenth of the jobs are multi-day rebuilds.
    family("week-multiday", jobs: 120, mechanics: 8, bays: 8, days: 6, multiDay: 0.1),
]

/// Every strategy runs on every scenario, the baseline `milp-plain` too:
/// where it cannot finish, the time limit bounds it (a whole run took 7
/// minutes here). Leave combinations out with `--skip REGEX`.

// MARK: Measuring

/// What one benchmark needs ready before its measured region.
struct Prepared: @unchecked Sendable {
    let instance: Instance
    let verifier: PlanVerifier
    let strategy: any PlanningStrategy
}

func prepare(_ source: ScenarioSource, strategy name: String) throws -> Prepared {
    guard let strategy = StrategyCatalog.strategy(named: name) else {
        throw BenchmarkSetupError(description: "no strategy named \(name)")
    }
    let scenario = try source.load()
    return Prepared(instance: Instance(scenario), verifier: PlanVerifier(scenario: scenario), strategy: strategy)
}

/// Checks the plan and records the custom metrics (outside the measured region).
func record(_ result: PlanResult, of prepared: Prepared, in benchmark: Benchmark, verify: Bool = true) {
    guard result.status == .optimal || result.status == .feasible, let objective = result.objective else {
        benchmark.error("no plan: status \(result.status.rawValue) \(result.problems.joined(separator: "; "))")
        return
    }
    if verify {
        let report = prepared.verifier.verify(result.solutionFile())
        guard report.isFeasible, report.objective == objective else {
            benchmark.error(
                "the verifier rejects the plan (objective \(objective), verifier \(String(describing: report.objective)))"
            )
            return
        }
    }
    let bound = result.bound ?? Int.min
    let gap = result.bound == nil ? objective : max(0, objective - bound)
    benchmark.measurement(ShopMetric.objective, objective)
    benchmark.measurement(ShopMetric.proven, result.status == .optimal ? 1 : 0)
    benchmark.measurement(ShopMetric.gap, gap)
    benchmark.measurement(
        ShopMetric.gapBasisPoints,
        objective == 0 ? (gap == 0 ? 0 : 10_000) : Int((Double(gap) * 10_000 / Double(abs(objective))).rounded()))
}

/// One solve per iteration; only `plan` is inside the measured region.
func solveBenchmark(
    _ name: String, strategy: String, scenario: ScenarioSource,
    configuration: Benchmark.Configuration
) {
    Benchmark(name, configuration: configuration) { benchmark, prepared in
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let result = prepared.strategy.plan(prepared.instance, options: planOptions)
            benchmark.stopMeasurement()
            record(result, of: prepared, in: benchmark)
        }
    } setup: {
        try prepare(scenario, strategy: strategy)
    }
}

// MARK: The suite

let benchmarks: @Sendable () -> Void = {
    let units: [BenchmarkMetric: BenchmarkUnits] = [
        ShopMetric.objective: .count, ShopMetric.proven: .count,
        ShopMetric.gap: .count, ShopMetric.gapBasisPoints: .count,
    ]
    // MILP variants: a few iterations; a solve that runs into the time limit
    // is done once (maxDuration is checked after each iteration).
    let milpConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident] + ShopMetric.all,
        timeUnits: .milliseconds, units: units,
        warmupIterations: 0, maxDuration: .seconds(5), maxIterations: 5
    ).smokeAware
    // Greedy: milliseconds per solve, so more iterations.
    let greedyConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident] + ShopMetric.all,
        timeUnits: .microseconds, units: units,
        warmupIterations: 2, maxDuration: .seconds(2), maxIterations: 50
    ).smokeAware

    for strategy in StrategyCatalog.names {
        for scenario in scenarios {
            solveBenchmark(
                "\(strategy)/\(scenario.name)", strategy: strategy, scenario: scenario,
                configuration: strategy == "greedy" ? greedyConfiguration : milpConfiguration)
        }
    }

    // Greedy on the 40-job day alone, enough iterations for a stable p50
    // (target: under 5 ms). The plan is verified once, on the first iteration.
    let dayForty = scenarios.first { $0.name == "day-40" }!
    Benchmark(
        "latency/greedy/day-40",
        configuration: Benchmark.Configuration(
            metrics: [.wallClock, .throughput, ShopMetric.objective], timeUnits: .microseconds, units: units,
            warmupIterations: 20, maxDuration: .seconds(5), maxIterations: 2_000
        ).smokeAware
    ) { (benchmark: Benchmark, prepared: Prepared) in
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let result = prepared.strategy.plan(prepared.instance, options: planOptions)
            benchmark.stopMeasurement()
            guard let objective = result.objective else {
                benchmark.error("greedy returned no plan")
                return
            }
            benchmark.measurement(ShopMetric.objective, objective)
            blackHole(result)
        }
    } setup: { () throws -> Prepared in
        let prepared = try prepare(dayForty, strategy: "greedy")
        let report = prepared.verifier.verify(
            prepared.strategy.plan(prepared.instance, options: planOptions).solutionFile())
        guard report.isFeasible else {
            throw BenchmarkSetupError(description: "greedy's day-40 plan fails verification")
        }
        return prepared
    }
}
