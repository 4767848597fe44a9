extension PlanResult {
    /// The result for a scenario this version cannot plan (a resumable pin that pauses):
    /// status `error`, no plan, the reasons named.
    static func unsupported(_ instance: Instance, strategy: String, problems: [String], seconds: Double) -> PlanResult {
        PlanResult(
            strategy: strategy, status: .error, placements: Array(repeating: nil, count: instance.jobs.count),
            objective: nil, bound: nil, seconds: seconds, reasons: [:], problems: problems, instance: instance)
    }

    /// The result as this version can vouch for it when the scenario has resumable jobs
    /// (contract §7).
    ///
    /// The planner does not yet search placements that pause: it places a resumable job
    /// inside one open interval and one shift, where its work slots are `[s, s+d)` and
    /// its end is `s+d` exactly as the contract's rule gives them, so the plan is feasible.
    /// But the optimum may pause a job over a break, so neither the status `optimal` nor the
    /// bound of the restricted search is proven for the whole scenario: the bound becomes 0
    /// (every cost term is non-negative) and `optimal` stays only when the plan costs 0.
    func vouchedForResumableJobs() -> PlanResult {
        guard instance.scenario.jobs.contains(where: \.resumable), let objective else { return self }
        var result = self
        result.bound = 0
        result.status = objective == 0 ? .optimal : .feasible
        result.problems.append(
            "resumable jobs are placed without pauses by this version of the planner, so the plan is not proven optimal"
        )
        return result
    }
}
