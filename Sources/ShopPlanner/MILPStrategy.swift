import MILP

/// Plans with the time-indexed MILP of ``ShopFormulation``, solved by GLPK
/// (or any ``MILP/Solver``), starting from the greedy plan.
///
/// The result is honest: `optimal` only when the solver proved it, the bound
/// is the solver's proven bound (never below the simple per-job bound), and
/// when time runs out the best plan found (at worst the greedy plan) is
/// returned as `feasible`.
public struct MILPStrategy: PlanningStrategy {
    public let name = "milp"
    public var solver: any Solver
    /// Extra solver switches; time limit, gap and incumbent come from
    /// ``PlanOptions``.
    public var solverOptions: SolveOptions

    public init(solver: any Solver = GLPKSolver(), solverOptions: SolveOptions = MILPStrategy.defaultSolverOptions) {
        self.solver = solver
        self.solverOptions = solverOptions
    }

    /// GLPK settings that work well on this formulation.
    public static var defaultSolverOptions: SolveOptions {
        var options = SolveOptions()
        options.presolve = true
        options.cuts = [.clique, .gomory]
        options.integralObjective = true
        return options
    }

    public func plan(_ instance: Instance, options: PlanOptions) -> PlanResult {
        let clock = ContinuousClock()
        let started = clock.now
        let pinProblems = PinCheck.problems(in: instance)
        guard pinProblems.isEmpty else {
            return .infeasible(instance, strategy: name, problems: pinProblems, seconds: seconds(since: started, clock))
        }
        let greedy = GreedyStrategy.greedyPlan(instance)
        let greedyObjective = instance.objective(of: greedy)
        let simpleBound = GreedyStrategy.simpleBound(instance)

        let formulation = ShopFormulation(instance)
        var solve = solverOptions
        solve.timeLimitSeconds = max(0.001, options.timeLimitSeconds - seconds(since: started, clock))
        solve.relativeGap = options.relativeGap
        solve.verbose = options.verbose
        solve.incumbent = options.warmStart ? formulation.values(for: greedy) : nil
        let result = solver.solve(formulation.model, options: solve)

        var placements = greedy
        var problems: [String] = []
        if result.hasSolution {
            let found = formulation.plan(from: result.values)
            if instance.objective(of: found) <= greedyObjective { placements = found }
        } else if result.status == .error {
            problems.append("solver error: \(result.message); the greedy plan is returned")
        }
        var status: PlanStatus = result.status == .optimal ? .optimal : .feasible
        if status == .optimal, let solverObjective = result.objective,
           abs(solverObjective - Double(instance.objective(of: placements))) > 0.5 {
            // The model and the contract disagree: never call that optimal.
            status = .feasible
            problems.append("the MILP's objective \(solverObjective) differs from the plan's \(instance.objective(of: placements))")
        }
        if status != .optimal {
            // Not proven: a cheap improvement is still worth having.
            placements = GreedyStrategy.insertUnscheduled(instance, into: placements)
        }
        let objective = instance.objective(of: placements)
        var bound = simpleBound
        if let solverBound = result.bound { bound = max(bound, Int((solverBound - 1e-6).rounded(.up))) }
        if status == .optimal { bound = objective }
        bound = min(bound, objective)
        if bound == objective { status = .optimal }
        return PlanResult(
            strategy: name, status: status, placements: placements, objective: objective, bound: bound,
            seconds: seconds(since: started, clock), reasons: GreedyStrategy.reasons(instance, placements),
            problems: problems, instance: instance)
    }
}
