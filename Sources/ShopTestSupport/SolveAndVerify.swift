import ShopDomain
import ShopPlanner
import ShopVerifier
import Testing

/// Plans `scenario` with `strategy` and checks the plan with the independent
/// ``PlanVerifier``: the test fails, at the caller's line, when the verifier
/// finds a broken rule, when the objective the planner claims is not the
/// contract's sum, or when the claimed bound is above the plan. Returns both,
/// for the test's own assertions.
@discardableResult
public func planAndVerify(
    _ scenario: Scenario, _ strategy: any PlanningStrategy = MILPStrategy(),
    timeLimit: Double = 30, threads: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) -> (PlanResult, VerificationReport) {
    var options = PlanOptions()
    options.timeLimitSeconds = timeLimit
    if let threads { options.threads = threads }
    let result = strategy.plan(Instance(scenario), options: options)
    let report = PlanVerifier(scenario: scenario).verify(result.solutionFile())
    #expect(
        report.violations == [], "the verifier rejects the \(strategy.name) plan: \(report)",
        sourceLocation: sourceLocation)
    if result.status == .optimal || result.status == .feasible {
        #expect(
            result.objective == report.objective,
            "\(strategy.name) claims objective \(result.objective.map(String.init) ?? "none"), the verifier sums \(report.objective)",
            sourceLocation: sourceLocation)
        #expect(
            result.bound != nil && result.objective != nil && result.bound! <= result.objective!,
            "\(strategy.name)'s bound \(result.bound.map(String.init) ?? "none") is missing or above its plan",
            sourceLocation: sourceLocation)
    }
    return (result, report)
}

extension PlanResult {
    /// The solution file's assignment of a job, by id.
    public func assignment(_ id: String) -> SolutionFile.Assignment? {
        solutionFile().assignments.first { $0.job == id }
    }

    /// The reasons the solution file gives for leaving a job out, by id.
    public func reasons(_ id: String) -> [String] {
        solutionFile().unscheduled.first { $0.job == id }?.reasons ?? []
    }
}
