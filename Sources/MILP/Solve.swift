/// How a solve should run. Defaults: one minute, exact (gap 0), presolve,
/// all of GLPK's cuts and heuristics off but the feasibility pump.
public struct SolveOptions: Sendable, Hashable {
    /// Wall-clock limit; the best solution found by then is returned.
    public var timeLimitSeconds: Double = 60
    /// Stop when (incumbent − bound) / |incumbent| falls below this.
    public var relativeGap: Double = 0
    /// GLPK's MIP presolver. It is skipped when an ``incumbent`` is given,
    /// because GLPK takes heuristic solutions only for the original columns.
    public var presolve: Bool = true
    public var cuts: Cuts = []
    public var feasibilityPump: Bool = false
    public var proximitySearch: Bool = false
    public var branching: Branching = .driebeckTomlin
    public var backtracking: Backtracking = .bestLocalBound
    /// A complete assignment of values (one per variable) offered to the
    /// solver as its first incumbent. Checked first, and ignored if it is not
    /// feasible (GLPK itself would take it unchecked).
    public var incumbent: [Double]? = nil
    /// Every feasible solution has an integral objective value, so the search
    /// may stop once the bound, rounded up, reaches the incumbent.
    public var integralObjective: Bool = false
    /// Echo GLPK's progress lines to standard error.
    public var verbose: Bool = false
    /// Per variable, a branching priority: the search branches on a
    /// fractional variable of the highest priority first. `nil`: GLPK's rule.
    public var branchPriority: [Int]? = nil

    public init() {}

    public struct Cuts: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let gomory = Cuts(rawValue: 1)
        public static let mixedIntegerRounding = Cuts(rawValue: 2)
        public static let cover = Cuts(rawValue: 4)
        public static let clique = Cuts(rawValue: 8)
        public static let all: Cuts = [.gomory, .mixedIntegerRounding, .cover, .clique]
    }

    public enum Branching: Sendable, Hashable {
        case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudoCost
    }

    public enum Backtracking: Sendable, Hashable {
        case depthFirst, breadthFirst, bestLocalBound, bestProjection
    }
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
}

/// A MILP solver: the seam where another solver could plug in.
public protocol Solver: Sendable {
    func solve(_ model: Model, options: SolveOptions) -> SolveResult
}
