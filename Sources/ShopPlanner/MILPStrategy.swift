import Foundation
import MILP

/// Plans with the time-indexed MILP of ``ShopFormulation``, solved by GLPK
/// (or any `MILP.Solver`), starting from the greedy plan.
///
/// The scenario is first split into ``IndependentParts`` (by default), each
/// solved as its own, smaller MILP, side by side on up to
/// ``PlanOptions/threads`` threads; the plans are joined and the bounds
/// added.
///
/// The result is honest: `optimal` only when every part was proved optimal,
/// the bound is the sum of proven part bounds (never below the simple per-job
/// bound), and when time runs out the best plan found (at worst the greedy
/// plan) is returned as `feasible`.
public struct MILPStrategy: PlanningStrategy {
    public var name: String
    /// The solver and its own switches (for GLPK: cuts, presolve, ...).
    public var solver: any Solver
    /// Hints for every solve; time limit, gap, incumbent and the rounding
    /// come from ``PlanOptions`` and the part's model.
    public var solverOptions: SolveOptions
    /// How the model is encoded.
    public var formulation: ShopFormulation.Options
    /// Solve independent parts separately.
    public var decompose: Bool
    /// Branch on "is this job in?" (`z`) before anything else.
    public var branchOnJobs: Bool
    /// Improve the start plan by a large-neighbourhood search
    /// (`NeighbourhoodSearch`) on half of a part's time before the exact MILP.
    public var neighbourhoodSearch: Bool

    public init(
        name: String = "milp", solver: any Solver = MILPStrategy.defaultSolver,
        solverOptions: SolveOptions = MILPStrategy.defaultSolverOptions,
        formulation: ShopFormulation.Options = .init(), decompose: Bool = true, branchOnJobs: Bool = false,
        neighbourhoodSearch: Bool = false
    ) {
        self.name = name
        self.solver = solver
        self.solverOptions = solverOptions
        self.formulation = formulation
        self.decompose = decompose
        self.branchOnJobs = branchOnJobs
        self.neighbourhoodSearch = neighbourhoodSearch
    }

    /// GLPK settings that work well on this formulation: presolve, clique
    /// and Gomory cuts.
    public static var defaultGLPK: GLPKSolver { GLPKSolver(presolve: true, cuts: [.clique, .gomory]) }

    /// Pricing over ``defaultGLPK``. The searches for a better incumbent
    /// inside it use clique cuts only: on the generated families that proves
    /// more days than Gomory cuts there.
    public static var defaultSolver: PricedSolver<GLPKSolver> {
        var search = defaultGLPK
        search.cuts = [.clique]
        return PricedSolver(base: defaultGLPK, search: search)
    }

    /// The formulation's objective is a whole number for every plan.
    public static var defaultSolverOptions: SolveOptions {
        var options = SolveOptions()
        options.integralObjective = true
        return options
    }

    /// Job–mechanic pairs above which a fixed-time part counts as large: on
    /// the published shift-minimisation instances, GLPK never found or
    /// proved, on a fixed-time part this large, a plan the sweeps had
    /// missed; the sweeps did, given more time (`Benchmarks/README.md`,
    /// "Figures the code relies on").
    static let largeFixedTimePart = 8000

    /// The most entries (placement variables times the slots each covers)
    /// a part's model may have; above it the part keeps its start plan
    /// (`feasible`), so building the model never needs more than a few
    /// hundred MB.
    public static let largestModelEntries = 10_000_000

    /// An upper estimate of a part's model entries: each placement
    /// variable once per row it can sit in. Rows are kept only at start
    /// slots (``SlotCovers``), so a placement of `[s, s+d)` meets at most
    /// the part's distinct starts inside that range, in its bay or mechanic
    /// row and the capacity row; fixed-time jobs (one start each) stay
    /// small however long they are. A resumable job has a variable per bay group and
    /// mechanic group (or none) together, each meeting the starts inside `[s, e)` for its
    /// latest `e`, once more per row of its bay, mechanic and capacity.
    static func modelEntries(
        _ instance: Instance, jobs: [Int], bayGroups: ResourceGroups,
        mechanicGroups: ResourceGroups
    ) -> Int {
        var isStart = [Bool](repeating: false, count: instance.slotCount + 1)
        for j in jobs {
            if let pin = instance.jobs[j].pinned, pin.start >= 0, pin.start < instance.slotCount {
                isStart[pin.start] = true
            }
            for s in instance.jobs[j].starts { isStart[s] = true }
        }
        var startsBefore = [Int](repeating: 0, count: instance.slotCount + 2)
        for t in 0...instance.slotCount { startsBefore[t + 1] = startsBefore[t] + (isStart[t] ? 1 : 0) }
        func covered(_ s: Int, _ length: Int) -> Int {
            let from = min(max(s, 0), instance.slotCount + 1), to = min(max(s + length, 0), instance.slotCount + 1)
            return startsBefore[to] - startsBefore[from]
        }
        var total = 0
        for j in jobs {
            let job = instance.jobs[j]
            let groups =
                Set(job.bayOptions.map { bayGroups.groupOf[$0] }).count
                + Set(job.mechanicOptions.map { mechanicGroups.groupOf[$0] }).count
            let starts = job.pinned.map { [$0.start] } ?? job.starts
            if job.resumable {
                let bays = Set(job.bayOptions.map { bayGroups.groupOf[$0] }).count
                let crews =
                    Set(job.mechanicOptions.map { mechanicGroups.groupOf[$0] }).count + (job.mode == .required ? 0 : 1)
                for s in starts {
                    let end = instance.latestResumableEnd(job: j, start: s) ?? s + job.length
                    total += bays * crews * (3 * covered(s, end - s) + 4)
                    if total > Int.max / 4 { return Int.max }
                }
                continue
            }
            for s in starts {
                total += groups * (2 * covered(s, job.length) + 2)
                if total > Int.max / 4 { return Int.max }
            }
        }
        return total
    }

    public func plan(_ instance: Instance, options: PlanOptions) -> PlanResult {
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = options.deadline(from: started)
        let pinProblems = PinCheck.problems(in: instance)
        guard pinProblems.isEmpty else {
            return .infeasible(instance, strategy: name, problems: pinProblems, seconds: seconds(since: started, clock))
        }
        let greedy = GreedyStrategy.greedyPlan(instance, deadline: deadline)
        let bayGroups = instance.bayGroups(aggregate: formulation.aggregateBays)
        let mechanicGroups = instance.mechanicGroups(aggregate: formulation.aggregateMechanics)
        let parts =
            decompose
            ? IndependentParts.parts(of: instance, bayGroups: bayGroups, mechanicGroups: mechanicGroups)
            : [Array(instance.jobs.indices)]

        // On one thread, smallest parts first, so the time they leave flows
        // to the large ones; on several, largest first, so a long solve
        // starts early. Results are stored by part index, so the outcome does
        // not depend on the order threads finish in.
        let workers = max(1, min(options.threads, parts.count))
        let order =
            workers == 1
            ? parts.indices.sorted { (parts[$0].count, $0) < (parts[$1].count, $1) }
            : parts.indices.sorted { (-parts[$0].count, $0) < (-parts[$1].count, $1) }
        let results = PartResults(count: parts.count)
        // Jobs in the parts from the k-th in order on: a part may use its
        // share of the time left (what it leaves unused flows to the rest).
        var remaining = [Int](repeating: 0, count: parts.count + 1)
        for k in stride(from: parts.count - 1, through: 0, by: -1) {
            remaining[k] = remaining[k + 1] + parts[order[k]].count
        }
        let jobsFrom = remaining
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let next = results.claim() {
                let p = order[next]
                let share = min(1, Double(workers * parts[p].count) / Double(max(1, jobsFrom[next])))
                let outcome = solvePart(
                    instance, jobs: parts[p], greedy: greedy, bayGroups: bayGroups,
                    mechanicGroups: mechanicGroups, deadline: deadline, share: share,
                    clock: clock, options: options)
                results.store(outcome, at: p)
            }
        }

        var placements = greedy
        var status = PlanStatus.optimal
        var bound = 0
        var problems: [String] = []
        for (p, outcome) in results.all.enumerated() {
            for j in parts[p] { placements[j] = outcome.plan[j] }
            if !outcome.optimal { status = .feasible }
            bound += outcome.bound
            problems += outcome.problems
        }
        if status != .optimal {
            // Not proven: a cheap improvement is still worth having.
            // It is usually quick; after the limit it may run one second more, no longer.
            placements = GreedyStrategy.insertUnscheduled(
                instance, into: placements, deadline: deadline.advanced(by: .seconds(1)))
        }
        let objective = instance.objective(of: placements)
        // Each part's bound is at least its simple per-job bound, and those
        // add up to the whole's, so the sum needs no second check.
        bound = min(bound, objective)
        if bound == objective { status = .optimal }
        return PlanResult(
            strategy: name, status: status, placements: placements, objective: objective, bound: bound,
            seconds: seconds(since: started, clock), reasons: GreedyStrategy.reasons(instance, placements),
            problems: problems, instance: instance)
    }

    struct PartOutcome: Sendable {
        /// Placements of the part's jobs (other entries unused).
        var plan: [SlotPlacement?]
        var optimal: Bool
        var bound: Int
        var problems: [String]
    }

    /// Solves one part; its plan is never worse than the greedy plan's
    /// (improved by ``MechanicConsolidation`` first).
    func solvePart(
        _ instance: Instance, jobs: [Int], greedy: [SlotPlacement?], bayGroups: ResourceGroups,
        mechanicGroups: ResourceGroups, deadline: ContinuousClock.Instant, share: Double, clock: ContinuousClock,
        options: PlanOptions
    ) -> PartOutcome {
        let partStarted = clock.now
        let simpleBound = GreedyStrategy.simpleBound(instance, jobs: jobs, deadline: deadline)
        // Staffing by chains and freeing mechanics is a cheap search the
        // MILP is slow at; it may use half of the part's time. When every job
        // has one start, who does what is all there is to decide, and fresh
        // sweeps go on until the bound or that time; otherwise they stop
        // when they stall. A large fixed-time part gives the sweeps all of
        // its time and skips the MILP.
        let fixedTime = jobs.allSatisfy { instance.jobs[$0].starts.count == 1 || instance.jobs[$0].pinned != nil }
        let pairs = jobs.reduce(0) { $0 + instance.jobs[$1].mechanicOptions.count }
        let sweepsOnly = fixedTime && pairs > MILPStrategy.largeFixedTimePart
        let half = clock.now.duration(to: deadline) * (sweepsOnly ? share : share / 2)
        // No more sweeps than orders of the part's mechanics (m!, saturating).
        let mechanics = Set(jobs.flatMap { instance.jobs[$0].mechanicOptions }).count
        let orders = (1...max(mechanics, 1)).reduce(1) { $0 > Int.max / $1 ? Int.max : $0 * $1 }
        var start = MechanicConsolidation.improve(
            instance, greedy, jobs: jobs, bound: simpleBound, restarts: fixedTime ? orders : 256,
            stall: fixedTime ? Int.max : 64, steps: fixedTime ? Int.max : 400_000_000,
            deadline: clock.now.advanced(by: half))
        var startCost = instance.objective(of: start, jobs: jobs)
        let label = "part of \(jobs.count) job(s) from \(instance.jobs[jobs[0]].id)"
        progress(
            options,
            "\(label): staffing by chains gives \(startCost), bound \(simpleBound), \(seconds(since: partStarted, clock)) s"
        )
        if startCost == simpleBound {
            // Already as good as the bound: nothing to search.
            progress(options, "\(label): the start plan's \(startCost) meets the simple bound, optimal without search")
            return PartOutcome(plan: start, optimal: true, bound: simpleBound, problems: [])
        }
        if sweepsOnly {
            progress(
                options,
                "\(label): large fixed-time part (\(pairs) job-mechanic pairs), no MILP: plan \(startCost), bound \(simpleBound)"
            )
            return PartOutcome(plan: start, optimal: false, bound: simpleBound, problems: [])
        }
        // A model too large to build in memory, or no time left to build
        // one: the start plan is the answer, honestly not proved optimal.
        let entries = Self.modelEntries(instance, jobs: jobs, bayGroups: bayGroups, mechanicGroups: mechanicGroups)
        if entries > Self.largestModelEntries || clock.now >= deadline {
            progress(
                options,
                "\(label): \(entries > Self.largestModelEntries ? "model of about \(entries) entries is too large" : "out of time"), no MILP: plan \(startCost), bound \(simpleBound)"
            )
            return PartOutcome(plan: start, optimal: false, bound: simpleBound, problems: [])
        }
        if neighbourhoodSearch {
            // Half of the part's time left: good plans early; the MILP after
            // it, warm-started from the better plan, keeps the bound honest.
            let budget = clock.now.duration(to: deadline) * (share / 2)
            var settings = NeighbourhoodSearch.Settings()
            settings.subModelSeconds = max(0.05, min(settings.subModelSeconds, budget.inSeconds / 5))
            start = NeighbourhoodSearch.improve(
                instance, start, jobs: jobs, solver: solver, solverOptions: solverOptions, formulation: formulation,
                settings: settings, deadline: clock.now.advanced(by: budget))
            startCost = instance.objective(of: start, jobs: jobs)
            progress(
                options, "\(label): neighbourhood search gives \(startCost), \(seconds(since: partStarted, clock)) s")
            if startCost == simpleBound {
                return PartOutcome(plan: start, optimal: true, bound: simpleBound, problems: [])
            }
        }
        let model = ShopFormulation(
            instance, jobs: jobs, options: formulation,
            bayGroups: bayGroups, mechanicGroups: mechanicGroups, deadline: deadline)
        guard model.isComplete else {
            progress(options, "\(label): out of time while building the model: plan \(startCost), bound \(simpleBound)")
            return PartOutcome(plan: start, optimal: false, bound: simpleBound, problems: [])
        }
        var solve = solverOptions
        let left = clock.now.duration(to: deadline)
        solve.timeLimitSeconds = max(0.001, share * left.inSeconds)
        solve.relativeGap = options.relativeGap
        solve.verbose = options.verbose
        solve.incumbent = options.warmStart ? model.values(for: start) : nil
        if branchOnJobs { solve.branchPriority = model.branchPriorities }
        // This part's own LP rounding, for solvers that round LP points.
        solve.rounding = Rounding { [model] lp in model.values(for: model.roundedPlan(lpValues: lp, deadline: deadline))
        }
        let result = solver.solve(model.model, options: solve)

        var plan = start
        var problems: [String] = []
        if result.hasSolution, let found = model.plan(from: result.values),
            instance.objective(of: found, jobs: jobs) <= startCost
        {
            for j in jobs { plan[j] = found[j] }
        } else if result.status == .error {
            problems.append(
                "solver error: \(result.message); the start plan is kept for jobs \(jobs.map { instance.jobs[$0].id }.joined(separator: ", "))"
            )
        }
        let cost = instance.objective(of: plan, jobs: jobs)
        var optimal = result.status == .optimal
        if optimal, let solverObjective = result.objective, abs(solverObjective - Double(cost)) > 0.5 {
            // The model and the contract disagree: never call that optimal.
            optimal = false
            problems.append("the MILP's objective \(solverObjective) differs from the plan's \(cost)")
        }
        var bound = simpleBound
        if let solverBound = result.bound {
            bound = max(bound, Int((solverBound - 1e-6).rounded(.up)))
        }
        if optimal { bound = cost }
        bound = min(bound, cost)
        progress(
            options,
            "\(label): \(model.model.variableCount) variables, \(model.model.constraintCount) rows; plan \(cost), bound \(bound), solver \(result.status.rawValue)"
        )
        return PartOutcome(plan: plan, optimal: bound == cost, bound: bound, problems: problems)
    }
}

/// One line of progress on standard error, with `--verbose`.
private func progress(_ options: PlanOptions, _ text: String) {
    if options.verbose { FileHandle.standardError.write(Data(("milp: " + text + "\n").utf8)) }
}

/// Results of the parts, filled by worker threads.
private final class PartResults: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var outcomes: [MILPStrategy.PartOutcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < outcomes.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ outcome: MILPStrategy.PartOutcome, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        outcomes[index] = outcome
    }

    var all: [MILPStrategy.PartOutcome] {
        lock.lock(); defer { lock.unlock() }
        return outcomes.map { $0! }
    }
}
