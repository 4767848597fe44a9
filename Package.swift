// swift-tools-version:6.1
import PackageDescription

// Layers, bottom up; each target depends only on targets listed above it
// (after "->": its direct dependencies), so every arrow points down:
//   CGLPK (system library)
//   CGLPKShim (C, traps GLPK's fatal errors) -> CGLPK
//   MILP (Swift model builder, GLPK and priced solvers; knows nothing of shops) -> CGLPKShim
//   ShopDomain (scenario and solution files, validation, the slot grid, SplitMix64)
//   ShopVerifier (independent plan checker, written from the contract) -> ShopDomain
//   ShopPlanner (shop formulation on MILP, greedy, unscheduled reasons) -> ShopDomain, MILP
//   ShopScenarioGenerator (seeded, realistic scenario files for tests and benchmarks) -> ShopDomain, ShopPlanner
//   ShopImport (published benchmark formats as scenario files) -> ShopDomain
//   ShopOperations (the shop-operations core under the use cases: the validated facility snapshot,
//       the shop state as a typed scenario, the placement and conflict check, the alternatives, the
//       override policy, the change recorder and notifications; statuses, permissions, the caller,
//       clocks, ids, audit) -> ShopDomain, ShopPlanner
//   ShopBooking (the booking use case: snapshot + request -> decision; what next for a mechanic and
//       the refill, each proposal checked by the verifier; re-exports ShopOperations)
//       -> ShopDomain, MILP, ShopPlanner, ShopOperations, ShopVerifier
//   ShopViews (assignment and work-in-progress read models of a shop floor; seeded boards) -> ShopDomain, ShopOperations
//   ShopWhatIf (what-if batches: variants of a base scenario, solved, compared, reported)
//       -> ShopDomain, ShopPlanner, ShopVerifier
//   ShopReschedule (the reschedule and replan use cases; re-exports ShopOperations)
//       -> ShopDomain, MILP, ShopPlanner, ShopOperations
//   ShopScheduler (umbrella: re-exports every Swift module above) -> all of them
//   ShopService (the HTTP service behind `shopsched serve`: routes, API keys, limits, metrics; it calls the
//       same engines and encoders as the CLI) -> ShopScheduler, Hummingbird, Prometheus, ServiceLifecycle, Logging
//   shopsched (the CLI) -> ShopScheduler, ShopService, ArgumentParser
//   ShopFuzz (mutators and drivers of the fuzz campaign)
//       -> ShopDomain, ShopVerifier, ShopPlanner, ShopImport, ShopBooking, ShopReschedule, ShopViews, ShopWhatIf, Yams
//   shopsched-fuzz (the campaign's runner) -> ShopDomain, ShopFuzz, ArgumentParser
//   ShopTestSupport (for test targets only: shops, fixture, the booking and board shops, checked planning and
//       checked booked plans) -> ShopDomain, ShopPlanner, ShopVerifier, ShopOperations, ShopViews
// ShopWhatIf also uses Yams. Test targets depend on the modules they test and, most, on ShopTestSupport.
let package = Package(
    name: "ShopScheduler",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ShopScheduler", targets: ["ShopScheduler"]),
        .library(name: "ShopVerifier", targets: ["ShopVerifier"]),
        .library(name: "ShopScenarioGenerator", targets: ["ShopScenarioGenerator"]),
        .library(name: "MILP", targets: ["MILP"]),
        .library(name: "ShopOperations", targets: ["ShopOperations"]),
        .library(name: "ShopBooking", targets: ["ShopBooking"]),
        .library(name: "ShopReschedule", targets: ["ShopReschedule"]),
        .executable(name: "shopsched", targets: ["shopsched"]),
        .executable(name: "shopsched-fuzz", targets: ["shopsched-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // The HTTP service (ShopService): Hummingbird without its default traits (swift-configuration
        // and full Foundation are not needed), Prometheus text for /metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Only for `swift package generate-documentation` (the DocC catalog); no target links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        .target(
            name: "CGLPKShim",
            dependencies: ["CGLPK"],
            linkerSettings: [.linkedLibrary("glpk")]
        ),
        .target(name: "MILP", dependencies: ["CGLPKShim"]),
        .target(name: "ShopDomain"),
        .target(name: "ShopVerifier", dependencies: ["ShopDomain"]),
        .target(name: "ShopPlanner", dependencies: ["ShopDomain", "MILP"]),
        .target(name: "ShopScenarioGenerator", dependencies: ["ShopDomain", "ShopPlanner"]),
        .target(name: "ShopImport", dependencies: ["ShopDomain"]),
        .target(name: "ShopOperations", dependencies: ["ShopDomain", "ShopPlanner"]),
        .target(
            name: "ShopBooking", dependencies: ["ShopDomain", "MILP", "ShopPlanner", "ShopOperations", "ShopVerifier"]),
        .target(name: "ShopViews", dependencies: ["ShopDomain", "ShopPlanner", "ShopOperations"]),
        .target(name: "ShopReschedule", dependencies: ["ShopDomain", "MILP", "ShopPlanner", "ShopOperations"]),
        .target(
            name: "ShopWhatIf",
            dependencies: [
                "ShopDomain", "ShopPlanner", "ShopVerifier",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "ShopScheduler",
            dependencies: [
                "ShopDomain", "ShopVerifier", "ShopPlanner", "ShopScenarioGenerator", "ShopImport",
                "ShopOperations", "ShopBooking", "ShopReschedule", "ShopViews", "ShopWhatIf", "MILP",
            ]
        ),
        .target(
            name: "ShopService",
            dependencies: [
                "ShopScheduler",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "shopsched",
            dependencies: [
                "ShopScheduler", "ShopService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz campaign (scripts/fuzz.sh): mutators and per-format drivers, and its runner.
        .target(
            name: "ShopFuzz",
            dependencies: [
                "ShopDomain", "ShopVerifier", "ShopPlanner", "ShopImport", "ShopBooking",
                "ShopReschedule", "ShopViews", "ShopWhatIf", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "shopsched-fuzz",
            dependencies: [
                "ShopDomain", "ShopFuzz", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: hand-made shops, the fixture shop, the booking and board
        // shops, the repository's files, and planning and booked plans checked by the verifier.
        .target(
            name: "ShopTestSupport",
            dependencies: ["ShopDomain", "ShopPlanner", "ShopVerifier", "ShopOperations", "ShopViews"]
        ),
        .testTarget(name: "ShopFuzzTests", dependencies: ["ShopFuzz", "ShopDomain"]),
        .testTarget(name: "MILPTests", dependencies: ["MILP"]),
        .testTarget(name: "ShopDomainTests", dependencies: ["ShopDomain"]),
        .testTarget(name: "ShopVerifierTests", dependencies: ["ShopVerifier", "ShopDomain", "ShopTestSupport"]),
        .testTarget(
            name: "ShopPlannerTests",
            dependencies: ["ShopPlanner", "ShopVerifier", "ShopDomain", "MILP", "ShopTestSupport"],
            resources: []
        ),
        .testTarget(
            name: "ShopScenarioGeneratorTests",
            dependencies: ["ShopScenarioGenerator", "ShopPlanner", "ShopVerifier", "ShopDomain", "ShopTestSupport"]
        ),
        .testTarget(
            name: "ShopImportTests", dependencies: ["ShopImport", "ShopDomain", "ShopPlanner", "ShopVerifier"]),
        .testTarget(
            name: "ShopViewsTests",
            dependencies: [
                "ShopViews", "ShopBooking", "ShopDomain", "ShopPlanner", "ShopVerifier", "ShopScenarioGenerator",
                "ShopTestSupport",
            ]
        ),
        .testTarget(
            name: "ShopWhatIfTests",
            dependencies: ["ShopWhatIf", "ShopPlanner", "ShopVerifier", "ShopDomain", "ShopTestSupport"]
        ),
        .testTarget(name: "ShopSchedCLITests", dependencies: ["shopsched"]),
        .testTarget(name: "ShopSchedulerTests", dependencies: ["ShopScheduler"]),
        .testTarget(
            name: "ShopServiceTests",
            dependencies: [
                "ShopService", "ShopScheduler", "ShopTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ShopBookingTests",
            dependencies: [
                "ShopBooking", "ShopVerifier", "ShopDomain", "ShopPlanner", "ShopScenarioGenerator", "ShopTestSupport",
            ]
        ),
        .testTarget(
            name: "ShopRescheduleTests",
            dependencies: [
                "ShopReschedule", "ShopBooking", "ShopVerifier", "ShopDomain", "ShopPlanner", "ShopScenarioGenerator",
                "ShopTestSupport",
            ]
        ),
    ]
)
