import Testing

@testable import MILP

@Suite("GLPK solver")
struct GLPKSolverTests {
    let solver = GLPKSolver()

    /// max 5a + 4b + 3c s.t. 2a + 3b + c ≤ 5, 4a + b + 2c ≤ 11, 3a + 4b + 2c ≤ 8,
    /// a, b, c binary. Enumerating the 8 points: (1,0,1) gives 8 and is feasible
    /// (3 ≤ 5, 6 ≤ 11, 5 ≤ 8); (1,1,0) needs 5 ≤ 5, 5 ≤ 11, 7 ≤ 8 and gives 9;
    /// (1,1,1) breaks the first row (6 > 5). So the optimum is 9 (we minimise −9).
    @Test func solvesSmallKnapsackToProvenOptimum() {
        var model = Model()
        let a = model.addVariable(.binary, cost: -5), b = model.addVariable(.binary, cost: -4)
        let c = model.addVariable(.binary, cost: -3)
        model.addConstraint([.init(a, 2), .init(b, 3), .init(c, 1)], upper: 5)
        model.addConstraint([.init(a, 4), .init(b, 1), .init(c, 2)], upper: 11)
        model.addConstraint([.init(a, 3), .init(b, 4), .init(c, 2)], upper: 8)
        let result = solver.solve(model, options: SolveOptions())
        #expect(result.status == .optimal)
        #expect(result.objective == -9)
        #expect(result.bound == -9)
        #expect(result.values == [1, 1, 0])
    }

    @Test func reportsInfeasibleModels() {
        var model = Model()
        let a = model.addVariable(.binary), b = model.addVariable(.binary)
        model.addConstraint([.init(a), .init(b)], lower: 3)
        for presolve in [true, false] {
            let result = GLPKSolver(presolve: presolve).solve(model, options: SolveOptions())
            #expect(result.status == .infeasible, "presolve \(presolve)")
            #expect(!result.hasSolution)
        }
    }

    /// x integer in [0, 10], minimise −x + 0.5 (constant): optimum x = 10, −9.5.
    @Test func keepsObjectiveConstantAndIntegerBounds() {
        var model = Model()
        let x = model.addVariable(.integer, lower: 0, upper: 10, cost: -1)
        model.objectiveConstant = 0.5
        let result = solver.solve(model, options: SolveOptions())
        #expect(result.status == .optimal)
        #expect(result.objective == -9.5)
        #expect(result.value(x) == 10)
    }

    /// An offered incumbent is taken when the root LP is fractional (three
    /// items of weight 3 in a knapsack of 5: the LP takes 1⅔ of them; any
    /// single item, value 4, is optimal).
    @Test func acceptsAnIncumbent() {
        var model = Model()
        let xs = (0..<3).map { _ in model.addVariable(.binary, cost: -4) }
        model.addConstraint(xs.map { .init($0, 3) }, upper: 5)
        var options = SolveOptions()
        options.incumbent = [0, 1, 0]
        let result = solver.solve(model, options: options)
        #expect(result.status == .optimal)
        #expect(result.objective == -4)
        #expect(result.incumbentAccepted)
        // An infeasible offer is refused (GLPK alone would take it and call
        // −12 optimal), and the optimum is still found.
        options.incumbent = [1, 1, 1]
        let refused = solver.solve(model, options: options)
        #expect(refused.status == .optimal)
        #expect(refused.objective == -4)
        #expect(!refused.incumbentAccepted)
    }

    /// The integral-objective stop proves optimality without searching on.
    @Test func integralObjectiveStopStillProvesOptimum() {
        var model = Model()
        // 12 binaries, pick at most 5 of equal-ish weight: many optimal ties.
        let xs = (0..<12).map { model.addVariable(.binary, cost: -Double(10 + $0 % 3)) }
        model.addConstraint(xs.map { .init($0, Double(3 + $0.index % 4)) }, upper: 17)
        var options = SolveOptions()
        options.integralObjective = true
        let fast = solver.solve(model, options: options)
        let plain = solver.solve(model, options: SolveOptions())
        #expect(fast.status == .optimal)
        #expect(fast.objective == plain.objective)
        #expect(fast.bound! <= fast.objective!)
    }

    @Test func rejectsBadModelsBeforeGLPKSeesThem() {
        var model = Model()
        let a = model.addVariable(.continuous, lower: 2, upper: 1)
        model.addConstraint([.init(a)], upper: 1)
        let result = solver.solve(model, options: SolveOptions())
        #expect(result.status == .error)
        #expect(result.message.contains("lower bound 2.0 is above upper bound 1.0"))

        var twice = Model()
        let b = twice.addVariable(.binary)
        twice.addConstraint([.init(b), .init(b)], upper: 1, name: "row")
        #expect(solver.solve(twice, options: SolveOptions()).message.contains("names #0 twice"))

        var options = SolveOptions()
        options.timeLimitSeconds = 0
        #expect(solver.solve(Model(), options: options).status == .error)
    }

    /// GLPK calls abort() on a fatal error unless trapped: the process must
    /// survive, get GLPK's message, and GLPK must still work afterwards.
    @Test func fatalErrorBecomesAnErrorNotACrash() {
        let fatal = GLPKSolver.provokeFatalError()
        #expect(fatal.status == .error)
        #expect(fatal.message.contains("glp_set_col_bnds"))
        var model = Model()
        let x = model.addVariable(.binary, cost: -1)
        let after = solver.solve(model, options: SolveOptions())
        #expect(after.status == .optimal)
        #expect(after.value(x) == 1)
    }

    /// A time limit ends the search with an honest status and a valid bound.
    @Test func timeLimitGivesHonestStatus() {
        // A hard-ish set-partitioning-like model; with a tiny limit GLPK stops early.
        var model = Model()
        let n = 60
        let xs = (0..<n).map { model.addVariable(.binary, cost: -Double(($0 * 37) % 23 + 1)) }
        for row in 0..<40 {
            let terms = (0..<n).filter { ($0 * 7 + row * 3) % 5 < 2 }.map {
                Model.Term(xs[$0], Double(($0 + row) % 9 + 1))
            }
            model.addConstraint(terms, upper: Double(20 + row % 7))
        }
        var options = SolveOptions()
        options.timeLimitSeconds = 0.01
        let result = solver.solve(model, options: options)
        #expect([.optimal, .feasible, .timeLimit].contains(result.status))
        var full = SolveOptions()
        full.timeLimitSeconds = 60
        let exact = solver.solve(model, options: full)
        #expect(exact.status == .optimal)
        if let bound = result.bound { #expect(bound <= exact.objective! + 1e-6) }
        if let objective = result.objective { #expect(objective >= exact.objective! - 1e-6) }
    }

    @Test func versionIsReported() {
        #expect(GLPKSolver.version.hasPrefix("5."))
    }
}
