// Replanning benchmark (issue 5): a generated, planned day of 60 booked
// appointments (every other one confirmed); at 11:00 the mechanic with the
// most work after 12:00 goes home at 12:00.
//   replan/sick-mechanic-60   ReplanEngine.replan, everything included
//                             (validation, the day's scenario, the MILP to a
//                             proven optimum, changes, risks, events,
//                             notifications, audit); target < 2 s
//   replan/solve-60-default   the day's scenario solved by MILPStrategy()
//   replan/solve-60-replan    the same solved by ReplanEngine.strategy: the
//                             ratio of these two, in one run, is what the
//                             replan's solver setting is worth
// Setup (outside the measured region) replans once and fails unless the solve
// is proven optimal, so a run that only measures time-outs cannot pass
// unnoticed. That such plans pass the independent PlanVerifier and change
// fewer appointments than a solve from scratch is the tests' job
// (`Tests/ShopRescheduleTests/ReplanTests.swift`).

import Benchmark
import BenchmarkSmoke
import Foundation
import ShopScheduler

struct SetupError: Error, CustomStringConvertible {
    let description: String
}

struct Case: @unchecked Sendable {
    let engine: ReplanEngine
    let snapshot: BookingSnapshot
    let disruption: Disruption
}

/// The same day as the tests' `ReplanTests.sickDay(booked: 60)`.
func sickDay() throws -> Case {
    let booked = 60
    let file = try ScenarioGenerator.scenario(
        GeneratorOptions(
            seed: 1, jobs: booked * 4 / 3, mechanics: booked / 6,
            bays: booked / 6, days: 1))
    var plan = GreedyStrategy().plan(Instance(try Scenario(file: file)), options: PlanOptions()).solutionFile()
    guard plan.assignments.count >= booked else {
        throw SetupError(description: "the generated day books only \(plan.assignments.count) appointments")
    }
    plan.assignments = Array(plan.assignments.prefix(booked))
    let snapshot = BookingSnapshot(booked: file, plan: plan)
    let date = file.facility.horizon.start
    guard
        let disruption = Disruption.sickMechanic(
            in: snapshot, from: LocalDateTime("\(date)T12:00")!, requestId: "SICK-1",
            policy: ReplanPolicy(timeLimitSeconds: 10))
    else {
        throw SetupError(description: "nobody has work after 12:00")
    }
    let engine = ReplanEngine(clock: FixedClock(LocalDateTime("\(date)T11:00")!), threads: 1)
    let result = try engine.replan(disruption, in: snapshot)
    guard result.status == .optimal else {
        throw SetupError(description: "the replan is \(result.status), not optimal, after \(result.seconds) s")
    }
    return Case(engine: engine, snapshot: snapshot, disruption: disruption)
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
        warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 20
    ).smokeAware
    Benchmark("replan/sick-mechanic-60", configuration: configuration) { (benchmark: Benchmark, prepared: Case) in
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let result = try? prepared.engine.replan(prepared.disruption, in: prepared.snapshot)
            benchmark.stopMeasurement()
            blackHole(result)
        }
    } setup: { () throws -> Case in
        try sickDay()
    }
    for (name, strategy) in [("default", MILPStrategy()), ("replan", ReplanEngine.strategy)] {
        Benchmark("replan/solve-60-\(name)", configuration: configuration) {
            (benchmark: Benchmark, instance: Instance) in
            var options = PlanOptions()
            options.threads = 1
            options.timeLimitSeconds = 10
            for _ in benchmark.scaledIterations {
                benchmark.startMeasurement()
                let result = strategy.plan(instance, options: options)
                benchmark.stopMeasurement()
                blackHole(result)
            }
        } setup: { () throws -> Instance in
            let day = try sickDay()
            let result = try day.engine.replan(day.disruption, in: day.snapshot)
            return Instance(try Scenario(file: result.scenario))
        }
    }
}
