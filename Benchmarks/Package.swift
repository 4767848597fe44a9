// swift-tools-version:6.1
import PackageDescription

// The benchmark suite, a package of its own so that the engine's package does
// not depend on package-benchmark. Run from this folder:
//   swift package benchmark                      (everything)
//   swift package benchmark --filter 'milp/.*'   (a subset)
// See README.md.
let package = Package(
    name: "ShopSchedulerBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The engine, by path: the package in the folder above.
        .package(name: "ShopScheduler", path: ".."),
        // package-benchmark. Naming the traits replaces its defaults
        // (MallocInterposer + RuntimeInterposer): both are left out. The
        // runtime interposer is an extra package (Linux with Swift 6.3 only);
        // without it, the malloc interposer, which the plugin preloads into
        // every benchmark, crashes them on Swift 6.3 (package-benchmark issue
        // 349). No benchmark here reads malloc or ARC counts.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // What every benchmark target shares: the smoke mode of scripts/bench-smoke.sh.
        .target(
            name: "BenchmarkSmoke",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Support/BenchmarkSmoke"
        ),
        // The published shift minimisation benchmark (see README):
        //   swift run -c release ptask-bench "$SHOPSCHED_PTASK_DIR"
        .executableTarget(
            name: "ptask-bench",
            dependencies: [
                .product(name: "ShopScheduler", package: "ShopScheduler"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "PTask"
        ),
        .executableTarget(
            name: "ShopSolve",
            dependencies: [
                .product(name: "ShopScheduler", package: "ShopScheduler"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSmoke",
            ],
            path: "Benchmarks/ShopSolve",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // Booking (issue 4): one request into a day of 60 appointments.
        .executableTarget(
            name: "ShopBook",
            dependencies: [
                .product(name: "ShopScheduler", package: "ShopScheduler"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSmoke",
            ],
            path: "Benchmarks/ShopBook",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // Shop-floor views (issue 6): both views of 200 work orders.
        .executableTarget(
            name: "ShopBoard",
            dependencies: [
                .product(name: "ShopScheduler", package: "ShopScheduler"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSmoke",
            ],
            path: "Benchmarks/ShopBoard",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // What-if batches (issue 7): 10 variants one by one and two at a time.
        .executableTarget(
            name: "ShopWhatIfBatch",
            dependencies: [
                .product(name: "ShopScheduler", package: "ShopScheduler"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSmoke",
            ],
            path: "Benchmarks/ShopWhatIfBatch",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        // Replanning (issue 5): a 60-appointment day with a sick mechanic.
        .executableTarget(
            name: "ShopReplan",
            dependencies: [
                .product(name: "ShopScheduler", package: "ShopScheduler"),
                .product(name: "Benchmark", package: "benchmark"),
                "BenchmarkSmoke",
            ],
            path: "Benchmarks/ShopReplan",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
    ]
)
