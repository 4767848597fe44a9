/// How one solve should run, for any ``Solver``: limits, a starting point
/// and hints about the model. Switches of one solver's own (GLPK's cuts,
/// presolve, branching rules) live with that solver, e.g.
/// ``GLPKSolver/Configuration``. Defaults: one minute, exact (gap 0).
public struct SolveOptions: Sendable {
    /// Wall-clock limit; the best solution found by then is returned.
    public var timeLimitSeconds: Double = 60
    /// Stop when (incumbent − bound) / |incumbent| falls below this.
    public var relativeGap: Double = 0
    /// A complete assignment of values (one per variable) offered to the
    /// solver as its first incumbent. Checked first, and ignored if it is not
    /// feasible (GLPK itself would take it unchecked).
    public var incumbent: [Double]? = nil
    /// Every feasible solution has an integral objective value, so the search
    /// may stop once the bound, rounded up, reaches the incumbent.
    public var integralObjective: Bool = false
    /// Echo the solver's progress lines to standard error.
    public var verbose: Bool = false
    /// Per variable, a branching priority: the search branches on a
    /// fractional variable of the highest priority first. `nil`: the
    /// solver's own rule.
    public var branchPriority: [Int]? = nil
    /// The model's own way of turning an LP point into a solution; solvers
    /// that solve LP relaxations (``PricedSolver``) try it, others need not.
    public var rounding: Rounding? = nil

    public init() {}
}

/// A heuristic that turns the values of an LP point (one per variable)
/// into a solution (one value per variable), or `nil`. Whoever builds the
/// model knows its structure and can round far better than a generic rule;
/// a solver checks what comes back before it keeps it.
public struct Rounding: Sendable {
    public let round: @Sendable ([Double]) -> [Double]?

    public init(_ round: @escaping @Sendable ([Double]) -> [Double]?) { self.round = round }

    public func callAsFunction(_ values: [Double]) -> [Double]? { round(values) }
}

/// What a solve found.
public enum SolveStatus: String, Sendable, Hashable, Codable {
    /// The solution is proven optimal.
    case optimal
    /// A solution, not proven optimal (time limit, gap or cancel).
    case feasible
    /// Proven: no solution exists.
    case infeasible
    /// Time ran out before any solution was found.
    case timeLimit
    /// The solver failed; see ``SolveResult/message``.
    case error
}

/// The outcome of one solve.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    /// Objective of ``values``, when there is a solution.
    public var objective: Double?
    /// Best proven lower bound on the optimum, when one is known.
    public var bound: Double?
    /// One value per variable when there is a solution (integral variables
    /// rounded to whole numbers); empty otherwise.
    public var values: [Double]
    public var wallSeconds: Double
    /// Branch-and-bound nodes explored.
    public var nodes: Int
    /// Whether the offered incumbent was taken by the solver.
    public var incumbentAccepted: Bool
    /// The solver's own words when something went wrong.
    public var message: String

    public init(
        status: SolveStatus, objective: Double? = nil, bound: Double? = nil, values: [Double] = [],
        wallSeconds: Double = 0, nodes: Int = 0, incumbentAccepted: Bool = false, message: String = ""
    ) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.values = values
        self.wallSeconds = wallSeconds
        self.nodes = nodes
        self.incumbentAccepted = incumbentAccepted
        self.message = message
    }

    public var hasSolution: Bool { objective != nil }

    /// The value of `variable` in the solution, rounded when it is integral.
    public func value(_ variable: Model.Variable) -> Double { values[variable.index] }
    public func isSet(_ variable: Model.Variable) -> Bool { values[variable.index] > 0.5 }
}

/// The outcome of solving a model's LP relaxation.
public struct RelaxationResult: Sendable {
    /// `optimal` when the LP was solved to optimality.
    public var status: SolveStatus
    /// The LP optimum, objective constant included.
    public var objective: Double?
    /// One value per variable (not rounded), when solved.
    public var values: [Double]
    /// One dual value per constraint, when solved.
    public var rowDuals: [Double]
    public var wallSeconds: Double
    public var message: String

    public init(
        status: SolveStatus, objective: Double? = nil, values: [Double] = [], rowDuals: [Double] = [],
        wallSeconds: Double = 0, message: String = ""
    ) {
        self.status = status
        self.objective = objective
        self.values = values
        self.rowDuals = rowDuals
        self.wallSeconds = wallSeconds
        self.message = message
    }
}

/// A MILP solver: the seam where another solver could plug in.
public protocol Solver: Sendable {
    func solve(_ model: Model, options: SolveOptions) -> SolveResult
}

/// A solver that can also price a model's LP relaxation: start from the
/// columns flagged `active`, add columns with negative reduced cost (at
/// least `perRound` at a time) until there are none. Returns the LP over
/// the final columns, which is then the whole LP's optimum, the final
/// flags, and every column's reduced cost (empty unless solved).
/// ``PricedSolver`` is generic over it.
public protocol LPPricing: Solver {
    func priceRelaxation(_ model: Model, options: SolveOptions, active: [Bool], perRound: Int)
        -> (result: RelaxationResult, active: [Bool], reducedCosts: [Double])
}
