import Foundation

/// Solves a MILP by pricing columns in, then fixing columns out by reduced
/// cost, so GLPK only ever sees a small part of a large model.
///
/// Time-indexed models have far more columns than any good solution uses;
/// GLPK's simplex spends most of a solve on their LP. This solver:
///
/// 1. **Prices** (column generation on the LP relaxation, "sifting"): solves
///    the LP over a small set of columns (the incumbent's and every
///    non-binary one), prices all others with the row duals, adds the most
///    negative, and repeats until none has a negative reduced cost. The LP
///    over the small set is then the LP of the whole model, with bound `LB`.
/// 2. **Fixes by reduced cost**: for any solution `x`, `obj(x) ≥ LB + rc_j`
///    when `x_j = 1` and `x_j` was at 0 in the LP. So a column whose
///    `LB + rc_j` is not below the incumbent's objective `UB` (minus one when
///    the objective is integral) cannot be in a better solution, and is
///    dropped exactly.
/// 3. **Solves** the model over the kept columns with the base solver,
///    starting from the incumbent. Its optimum is the whole model's: any
///    better solution uses kept columns only. Before that, the ``search``
///    solver looks for a better incumbent over the LP's support and, when the
///    incumbent is weak and would keep many columns, over all priced columns.
///
/// Without a feasible incumbent there is no `UB` to fix against, and the
/// base solver solves the whole model; so it does for small models
/// (``directUpTo``).
///
/// The rounding of step 1 is the model's own, given in
/// ``SolveOptions/rounding``: tried after pricing, and again on each better
/// solution a search finds (an integral point, which a rounding with local
/// search may still improve). Its result is kept when feasible and better
/// than the incumbent. A good rounding often meets the LP bound at once.
public struct PricedSolver<Base: LPPricing>: Solver {
    /// Prices the LP and makes the last, proving solve.
    public var base: Base
    /// Solves the searches for a better incumbent (over the LP's support
    /// and over the priced columns); they need no proof, so they may be
    /// configured for speed rather than bounds.
    public var search: Base
    /// Columns added per pricing round (the most negative reduced costs).
    public var columnsPerRound: Int

    /// Models with at most this many columns go to the base solver whole:
    /// their LP is cheap, and pricing would only add solves.
    public var directUpTo: Int

    /// `search`: `nil` means `base`.
    public init(base: Base, search: Base? = nil, columnsPerRound: Int = 400, directUpTo: Int = 3000) {
        self.base = base
        self.search = search ?? base
        self.directUpTo = directUpTo
        self.columnsPerRound = columnsPerRound
    }

    public func solve(_ model: Model, options: SolveOptions) -> SolveResult {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double { (clock.now - started).inSeconds }
        func left() -> Double { options.timeLimitSeconds - elapsed() }
        func finish(_ result: SolveResult) -> SolveResult {
            var result = result
            result.wallSeconds = elapsed()
            return result
        }
        guard model.variableCount > directUpTo,
            let givenIncumbent = options.incumbent, givenIncumbent.count == model.variableCount,
            (try? model.validate()) != nil, model.isFeasible(givenIncumbent)
        else {
            return finish(base.solve(model, options: options))
        }
        var incumbent = givenIncumbent
        var upper = model.objectiveValue(incumbent)
        // 1. Price columns in.
        var lpOptions = options
        lpOptions.incumbent = nil
        lpOptions.branchPriority = nil
        lpOptions.timeLimitSeconds = max(0.01, left())
        var seed = (0..<model.variableCount).map { model.kinds[$0] != .binary || incumbent[$0] > 0.5 }
        if !seed.contains(true),
            let cheapest = model.costs.indices.min(by: { (model.costs[$0], $0) < (model.costs[$1], $1) })
        {
            seed[cheapest] = true  // GLPK needs one column to start from
        }
        let (relaxation, pricedColumns, reduced) = base.priceRelaxation(
            model, options: lpOptions, active: seed,
            perRound: columnsPerRound)
        guard relaxation.status == .optimal, relaxation.objective != nil else {
            trace(options, "pricing failed: \(relaxation.status) \(relaxation.message)")
            return finish(fallback(model, options, left: left()))
        }
        // Columns left out have reduced cost above −1e-6 and at most their
        // upper bound, so this is a valid bound on the whole LP.
        var lower = relaxation.objective!
        for j in 0..<model.variableCount where !pricedColumns[j] && reduced[j] < 0 {
            lower += reduced[j] * model.upperBounds[j]
        }
        /// `rounding`'s solution from `values`, when feasible and below `objective`.
        func rounded(_ values: [Double], below objective: Double) -> (values: [Double], objective: Double)? {
            guard let rounding = options.rounding, let candidate = rounding(values),
                candidate.count == model.variableCount,
                model.isFeasible(candidate), model.objectiveValue(candidate) < objective - 1e-9
            else { return nil }
            return (candidate, model.objectiveValue(candidate))
        }
        if let better = rounded(relaxation.values, below: upper) {
            trace(options, "rounding the LP improves the incumbent from \(upper) to \(better.objective)")
            incumbent = better.values
            upper = better.objective
        }
        // The incumbent's columns join the priced ones (a rounded incumbent
        // may use columns pricing did not need): every search starts from it.
        var active = pricedColumns
        for j in 0..<model.variableCount where incumbent[j] > 0.5 { active[j] = true }
        let integral = options.integralObjective
        func proven(_ value: Double) -> Bool {
            integral ? (lower - 1e-6).rounded(.up) >= value - 1e-6 : lower >= value - 1e-9
        }
        if proven(upper) {
            trace(options, "the LP bound \(lower) proves the incumbent \(upper) optimal, \(elapsed()) s")
            return SolveResult(
                status: .optimal, objective: upper, bound: upper, values: incumbent,
                wallSeconds: elapsed(), incumbentAccepted: true)
        }

        // Fixing by reduced cost: columns that cannot be in a solution better
        // than `best` stay out.
        func kept(below best: Double) -> [Bool] {
            let slack = best - lower - (integral ? 1 : 0) + 1e-6
            return (0..<model.variableCount).map { active[$0] || reduced[$0] <= slack }
        }
        var best = (values: incumbent, objective: upper)
        /// Solves the model over `columns`, from the best solution so far,
        /// and keeps what it finds when better.
        func searchBetter(_ columns: [Bool], timeLimit: Double) -> SolveResult {
            var sub = options
            sub.timeLimitSeconds = max(0.01, timeLimit)
            let (restricted, indices) = model.restricted(to: columns)
            sub.incumbent = indices.map { best.values[$0] }
            sub.branchPriority = options.branchPriority.map { p in indices.map { p[$0] } }
            let found = search.solve(restricted, options: sub)
            if found.hasSolution, let objective = found.objective, objective < best.objective - 1e-9 {
                var values = [Double](repeating: 0, count: model.variableCount)
                for (k, j) in indices.enumerated() { values[j] = found.values[k] }
                best = (values, objective)
                // A solution is an integral LP point: the rounding's local
                // search may improve it further.
                if let polished = rounded(values, below: objective) {
                    trace(options, "polishing improves \(objective) to \(polished.objective)")
                    best = polished
                }
            }
            return found
        }
        func provenBest(nodes: Int) -> SolveResult {
            SolveResult(
                status: .optimal, objective: best.objective, bound: best.objective, values: best.values,
                wallSeconds: elapsed(), nodes: nodes, incumbentAccepted: true)
        }

        // 2. Look for a better incumbent where the LP points: first a small
        // MIP over the LP's support (and the incumbent's columns), which
        // often meets the bound at once; then, when the incumbent still
        // keeps many columns, the MIP over all priced columns.
        let support = (0..<model.variableCount).map {
            active[$0] && (relaxation.values[$0] > 1e-6 || best.values[$0] > 0.5)
        }
        let supported = searchBetter(support, timeLimit: min(left() / 4, 5))
        trace(
            options,
            "LP bound \(lower) over \(active.count { $0 }) priced columns of \(model.variableCount); "
                + "the LP's \(support.count { $0 }) columns give \(best.objective), \(elapsed()) s")
        if proven(best.objective) { return provenBest(nodes: supported.nodes) }
        var keep = kept(below: best.objective)
        if keep.count(where: { $0 }) > active.count(where: { $0 }) {
            let found = searchBetter(active, timeLimit: left() / 2)
            if proven(best.objective) { return provenBest(nodes: found.nodes) }
            keep = kept(below: best.objective)
            trace(
                options,
                "priced columns solved (\(found.status)), best \(best.objective); "
                    + "\(keep.count { $0 }) columns can still improve it, \(elapsed()) s")
            if found.status == .optimal, keep == active {
                // The priced columns are all that can beat the incumbent,
                // and their optimum is proven: it is the whole model's.
                return provenBest(nodes: found.nodes)
            }
        }

        // 3. Fix columns out and solve over the rest.
        guard left() > 0.01 else {
            return SolveResult(
                status: .feasible, objective: best.objective, bound: lower, values: best.values,
                wallSeconds: elapsed())
        }
        var last = options
        last.timeLimitSeconds = left()
        let (sub, columns) = model.restricted(to: keep)
        last.incumbent = columns.map { best.values[$0] }
        last.branchPriority = options.branchPriority.map { p in columns.map { p[$0] } }
        var result = base.solve(sub, options: last)
        if result.hasSolution {
            var values = [Double](repeating: 0, count: model.variableCount)
            for (k, j) in columns.enumerated() { values[j] = result.values[k] }
            result.values = values
        } else {
            result.values = best.values
            result.objective = best.objective
            if result.status == .timeLimit { result.status = .feasible }
        }
        if let objective = result.objective, objective > best.objective + 1e-9 {
            result.values = best.values
            result.objective = best.objective
        }
        result.bound = max(result.bound ?? lower, lower)
        if result.status == .optimal { result.bound = result.objective }
        if let objective = result.objective, let bound = result.bound, bound >= objective - 1e-9 {
            // The bound meets the plan: that is a proof, whatever stopped GLPK.
            result.bound = objective
            result.status = .optimal
        }
        return finish(result)
    }

    /// Progress on standard error, like GLPK's own, when asked for.
    private func trace(_ options: SolveOptions, _ text: String) {
        if options.verbose { FileHandle.standardError.write(Data(("pricing: " + text + "\n").utf8)) }
    }

    private func fallback(_ model: Model, _ options: SolveOptions, left: Double) -> SolveResult {
        // With the time spent, loading the whole model into GLPK (which a
        // time limit does not cover) would only overrun it: keep the incumbent.
        if left < 0.05, let incumbent = options.incumbent, incumbent.count == model.variableCount {
            return SolveResult(
                status: .timeLimit, objective: model.objectiveValue(incumbent), values: incumbent,
                incumbentAccepted: true, message: "no time left after pricing")
        }
        var options = options
        options.timeLimitSeconds = max(0.01, left)
        return base.solve(model, options: options)
    }
}

extension PricedSolver where Base == GLPKSolver {
    /// Pricing over GLPK (by default with GLPK's default switches).
    public init(
        base: GLPKSolver = GLPKSolver(), search: GLPKSolver? = nil, columnsPerRound: Int = 400,
        directUpTo: Int = 3000
    ) {
        self.base = base
        self.search = search ?? base
        self.directUpTo = directUpTo
        self.columnsPerRound = columnsPerRound
    }
}
