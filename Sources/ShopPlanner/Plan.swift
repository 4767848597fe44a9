import Foundation
import ShopDomain

/// How a planning run ended, in the solution file's words.
public enum PlanStatus: String, Sendable, Hashable, Codable {
    /// Proven optimal.
    case optimal
    /// A feasible plan, not proven optimal (time or gap limit).
    case feasible
    /// No plan exists: the pins clash.
    case infeasible
    /// Something failed; see ``PlanResult/problems``.
    case error
}

/// Options shared by every strategy.
public struct PlanOptions: Sendable {
    /// Wall-clock limit for the whole run, in seconds.
    public var timeLimitSeconds: Double = 60
    /// Stop when the relative gap between plan and bound falls below this.
    public var relativeGap: Double = 0
    /// Offer the greedy plan to the MILP as its first incumbent.
    public var warmStart: Bool = true
    /// Echo GLPK's progress to standard error.
    public var verbose: Bool = false
    /// Most solver threads to use at once (independent parts of a scenario
    /// are solved side by side). Defaults to every core.
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    public init() {}

    /// When a run that started at `start` must stop: every phase before and
    /// around the solver checks it. Clamped: a limit of years is no limit,
    /// and must not overflow.
    public func deadline(from start: ContinuousClock.Instant) -> ContinuousClock.Instant {
        start.advanced(by: .milliseconds(Int64(min(max(timeLimitSeconds.isNaN ? 0 : timeLimitSeconds, 0), 1e9) * 1000)))
    }
}

/// The outcome of a planning run, in slot terms. ``solutionFile()`` turns
/// it into the contract's solution file.
public struct PlanResult: Sendable {
    public var strategy: String
    public var status: PlanStatus
    /// One entry per job: its placement, or `nil` when unscheduled.
    public var placements: [SlotPlacement?]
    /// The contract's objective of ``placements``; `nil` when there is no plan.
    public var objective: Int?
    /// Best proven lower bound on the optimum.
    public var bound: Int?
    public var seconds: Double
    /// Reasons per unscheduled job index.
    public var reasons: [Int: [UnscheduledReason]]
    /// Clashing pins or solver errors, one sentence each.
    public var problems: [String]
    public let instance: Instance

    /// The result for a scenario whose pins clash: no plan, the clashes named.
    static func infeasible(_ instance: Instance, strategy: String, problems: [String], seconds: Double) -> PlanResult {
        PlanResult(
            strategy: strategy, status: .infeasible, placements: Array(repeating: nil, count: instance.jobs.count),
            objective: nil, bound: nil, seconds: seconds, reasons: [:], problems: problems, instance: instance)
    }

    /// The contract's solution file for this result; jobs in scenario order.
    public func solutionFile() -> SolutionFile {
        var assignments: [SolutionFile.Assignment] = []
        var unscheduled: [SolutionFile.Unscheduled] = []
        let hasPlan = status == .optimal || status == .feasible
        for job in instance.jobs {
            if hasPlan, let placement = placements[job.index] {
                let occupation = instance.occupation(job: job.index, placement)
                assignments.append(
                    SolutionFile.Assignment(
                        job: job.id,
                        start: instance.time(ofSlot: placement.start).description,
                        end: instance.time(ofSlot: occupation.end).description,
                        bay: instance.bays[placement.bay].id,
                        mechanic: placement.mechanic.map { instance.mechanics[$0].id },
                        // Contract §7: a resumable job's work slots, as maximal ranges.
                        work: job.resumable
                            ? occupation.work.map {
                                SolutionFile.WorkRange(
                                    start: instance.time(ofSlot: $0.lowerBound).description,
                                    end: instance.time(ofSlot: $0.upperBound).description)
                            } : nil))
            } else {
                unscheduled.append(
                    SolutionFile.Unscheduled(
                        job: job.id, reasons: (reasons[job.index] ?? []).map(\.rawValue)))
            }
        }
        return SolutionFile(
            scenario: instance.scenario.facility.id, strategy: strategy, status: status.rawValue,
            objective: hasPlan ? objective : nil, bound: bound,
            seconds: (seconds * 1000).rounded() / 1000,
            assignments: assignments, unscheduled: unscheduled,
            problems: problems.isEmpty ? nil : problems)
    }
}

/// A way of planning a scenario. Strategies are values and pure: the same
/// instance and options give the same plan.
public protocol PlanningStrategy: Sendable {
    /// The name written in the solution file (`milp`, `greedy`, ...).
    var name: String { get }
    func plan(_ instance: Instance, options: PlanOptions) -> PlanResult
}
