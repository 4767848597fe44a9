// swift-tools-version:6.1
import PackageDescription

// Layers, bottom up; each target can be read alone, and every dependency
// points down this list (a target depends only on targets above it here):
//   CGLPK (system library) -> CGLPKShim (C, traps GLPK's fatal errors)
//   MILP (Swift model builder and GLPK solver; knows nothing of shops)
//   ShopDomain (scenario and solution files, validation, the slot grid)
//   ShopVerifier (independent plan checker, written from the contract)
//   ShopPlanner (shop formulation on MILP, greedy, unscheduled reasons)
//   ShopOperations (the shop-operations core: the validated facility snapshot,
//     the shop state as a scenario, the placement and conflict check, the
//     alternatives, statuses, permissions, callers, clocks, ids, audit)
//   ShopViews (assignment and work-in-progress read models; ShopDomain and ShopOperations only)
//   ShopScenarioGenerator (seeded, realistic scenario files for tests and benchmarks)
//   ShopImport (published benchmark formats as scenario files)
//   ShopBooking (the booking use case: snapshot + request -> decision; re-exports ShopOperations)
//   ShopReschedule (the reschedule and replan use cases, notifications; re-exports ShopOperations)
//   ShopWhatIf (what-if batches: variants of a base scenario, solved, compared, reported)
//   ShopScheduler (umbrella) -> shopsched (CLI)
//   ShopFuzz (mutators and drivers of the fuzz campaign) -> shopsched-fuzz
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
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
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
        .target(
            name: "ShopPlanner",
            dependencies: [
                "ShopDomain", "MILP",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "ShopScenarioGenerator", dependencies: ["ShopDomain", "ShopPlanner", "ShopViews"]),
        .target(name: "ShopImport", dependencies: ["ShopDomain"]),
        .target(name: "ShopOperations", dependencies: ["ShopDomain", "ShopPlanner"]),
        .target(name: "ShopBooking", dependencies: ["MILP", "ShopDomain", "ShopPlanner", "ShopOperations"]),
        .target(name: "ShopViews", dependencies: ["ShopDomain", "ShopOperations"]),
        .target(name: "ShopReschedule", dependencies: ["ShopOperations", "ShopPlanner", "ShopDomain"]),
        .target(
            name: "ShopWhatIf",
            dependencies: [
                "ShopDomain", "ShopPlanner", "ShopVerifier", "ShopScenarioGenerator",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "ShopScheduler",
            dependencies: ["ShopDomain", "ShopVerifier", "ShopPlanner", "ShopScenarioGenerator", "ShopImport", "ShopOperations",
                           "ShopBooking", "ShopReschedule", "ShopViews", "ShopWhatIf", "MILP"]
        ),
        .executableTarget(
            name: "shopsched",
            dependencies: [
                "ShopScheduler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The fuzz campaign (scripts/fuzz.sh): mutators and per-format drivers, and its runner.
        .target(
            name: "ShopFuzz",
            dependencies: ["ShopDomain", "ShopVerifier", "ShopPlanner", "ShopScenarioGenerator", "ShopImport", "ShopBooking",
                           "ShopReschedule", "ShopViews", "ShopWhatIf", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "shopsched-fuzz",
            dependencies: ["ShopFuzz", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ShopFuzzTests", dependencies: ["ShopFuzz", "ShopDomain"]),
        .testTarget(name: "MILPTests", dependencies: ["MILP"]),
        .testTarget(name: "ShopDomainTests", dependencies: ["ShopDomain"]),
        .testTarget(name: "ShopVerifierTests", dependencies: ["ShopVerifier", "ShopDomain"]),
        .testTarget(
            name: "ShopPlannerTests",
            dependencies: ["ShopPlanner", "ShopVerifier", "ShopDomain"],
            resources: []
        ),
        .testTarget(
            name: "ShopScenarioGeneratorTests",
            dependencies: ["ShopScenarioGenerator", "ShopPlanner", "ShopVerifier", "ShopDomain"]
        ),
        .testTarget(name: "ShopImportTests", dependencies: ["ShopImport", "ShopDomain", "ShopPlanner", "ShopVerifier"]),
        .testTarget(name: "ShopViewsTests", dependencies: ["ShopViews", "ShopBooking", "ShopDomain", "ShopScenarioGenerator"]),
        .testTarget(
            name: "ShopWhatIfTests",
            dependencies: ["ShopWhatIf", "ShopPlanner", "ShopVerifier", "ShopDomain"]
        ),
        .testTarget(name: "ShopSchedCLITests", dependencies: ["shopsched"]),
        .testTarget(name: "ShopSchedulerTests", dependencies: ["ShopScheduler"]),
        .testTarget(
            name: "ShopBookingTests",
            dependencies: ["ShopBooking", "ShopVerifier", "ShopDomain", "ShopPlanner", "ShopScenarioGenerator"]
        ),
        .testTarget(
            name: "ShopRescheduleTests",
            dependencies: ["ShopReschedule", "ShopBooking", "ShopVerifier", "ShopDomain", "ShopPlanner", "ShopScenarioGenerator"]
        ),
    ]
)
