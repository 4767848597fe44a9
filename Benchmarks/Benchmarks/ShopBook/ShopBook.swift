// Booking benchmarks (issue 4): one appointment request into a generated,
// planned day of 60 booked appointments, with 3 alternatives.
//   book/plain-60       conflict at the wanted start; plain ranked alternatives
//                       only (target p99 < 50 ms)
//   book/with-moves-60  the wanted day has no plain room; alternatives that
//                       move SCHEDULED appointments, solved by the MILP
//                       (target p99 < 1 s)
//   book/with-moves-60-one  the same asking for one alternative: the first
//                       (cheapest) placement with moves alone
// The request is chosen in setup (outside the measured region) so that each
// case really happens (for plain-60, three distinct same-day alternatives: on
// the packed day only work of 30 or 45 minutes has them). That alternatives on such days pass the independent
// PlanVerifier at their reported cost is the tests' job
// (`Tests/ShopBookingTests/GeneratedDayTests.swift`).

import Benchmark
import BenchmarkSmoke
import Foundation
import ShopScheduler

struct SetupError: Error, CustomStringConvertible {
    let description: String
}

/// A day of exactly 60 booked appointments: a generated day planned by greedy,
/// its first 60 assignments booked (every other one confirmed).
func bookedDay() throws -> BookingSnapshot {
    let file = try ScenarioGenerator.scenario(GeneratorOptions(seed: 1, jobs: 80, mechanics: 10, bays: 10, days: 1))
    var plan = GreedyStrategy().plan(Instance(try Scenario(file: file)), options: PlanOptions()).solutionFile()
    guard plan.assignments.count >= 60 else {
        throw SetupError(description: "the generated day books only \(plan.assignments.count) appointments")
    }
    plan.assignments = Array(plan.assignments.prefix(60))
    return BookingSnapshot(booked: file, plan: plan)
}

struct Case: @unchecked Sendable {
    let engine: BookingEngine
    let snapshot: BookingSnapshot
    let request: AppointmentRequest
}

/// The first request (service length, bay type, wanted time) that gives the
/// wanted kind of decision.
func findCase(withMoves: Bool) throws -> Case {
    var snapshot = try bookedDay()
    let date = snapshot.facility.horizon.start
    var options = BookingOptions()
    options.alternativesWithMoves = withMoves
    let engine = BookingEngine(clock: FixedClock(LocalDateTime("\(date)T06:00")!), options: options)
    // Down to 30 minutes: on the packed day only short work finds three distinct plain
    // alternatives (longer work finds fewer, or only placements with moves).
    for minutes in [240, 180, 120, 90, 60, 45, 30] {
        for bayType in BayType.allCases where bayType != .mobileUnit {
            for hour in [10, 9, 11, 14, 8] {
                snapshot.estimates = [
                    Estimate(
                        id: "E-1", status: "APPROVED", customerId: "C-NEW", vehicleId: "V-NEW",
                        lines: [
                            ServiceLine(serviceType: "REPAIR", estimatedMinutes: minutes, bayTypes: [bayType.rawValue])
                        ])
                ]
                let request = AppointmentRequest(
                    requestId: "BENCH-1", facility: snapshot.facility.id, source: .init(type: "ESTIMATE", id: "E-1"),
                    preferredStarts: ["\(date)T\(hour < 10 ? "0" : "")\(hour):00"],
                    caller: .init(id: "bench", permissions: [.init(.createAppointment)]))
                guard let decision = try? engine.book(request, in: snapshot), decision.outcome == .conflicts else {
                    continue
                }
                let found =
                    withMoves
                    ? !decision.alternativesWithMoves.isEmpty
                    : decision.alternatives.count == 3 && decision.alternatives.allSatisfy { $0.start.hasPrefix(date) }
                if found {
                    return Case(engine: engine, snapshot: snapshot, request: request)
                }
            }
        }
    }
    throw SetupError(
        description: "no request into the generated day gives a \(withMoves ? "with-moves" : "plain") case")
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
        warmupIterations: 3, maxDuration: .seconds(10), maxIterations: 200
    ).smokeAware
    for (name, withMoves, count) in [
        ("book/plain-60", false, 3), ("book/with-moves-60", true, 3),
        ("book/with-moves-60-one", true, 1),
    ] {
        Benchmark(name, configuration: configuration) { (benchmark: Benchmark, prepared: Case) in
            for _ in benchmark.scaledIterations {
                benchmark.startMeasurement()
                let decision = try? prepared.engine.book(prepared.request, in: prepared.snapshot)
                benchmark.stopMeasurement()
                blackHole(decision)
            }
        } setup: { () throws -> Case in
            let found = try findCase(withMoves: withMoves)
            var request = found.request
            request.alternatives = count
            return Case(engine: found.engine, snapshot: found.snapshot, request: request)
        }
    }
}
