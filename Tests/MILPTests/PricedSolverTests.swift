import Testing

@testable import MILP

/// A small deterministic generator, so the random models are the same on
/// every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random set-packing model with integral costs, shaped like the shop
/// formulation: "place at most one option per item" rows and "at most
/// `capacity` options per slot" rows, options covering runs of slots.
private func packingModel(seed: UInt64) -> (model: Model, empty: [Double]) {
    var random = SplitMix(state: seed)
    var model = Model()
    let items = Int.random(in: 4...9, using: &random)
    let slots = Int.random(in: 6...14, using: &random)
    var cover = Array(repeating: [Model.Term](), count: slots)
    for _ in 0..<items {
        let length = Int.random(in: 1...4, using: &random)
        var options: [Model.Term] = []
        for start in 0...(slots - length) where Bool.random(using: &random) {
            let x = model.addVariable(.binary, cost: Double(Int.random(in: -20...(-1), using: &random)))
            options.append(Model.Term(x))
            for t in start..<(start + length) { cover[t].append(Model.Term(x)) }
        }
        if !options.isEmpty { model.addConstraint(options, upper: 1) }
    }
    let capacity = Double(Int.random(in: 1...2, using: &random))
    for terms in cover where terms.count > 1 { model.addConstraint(terms, upper: capacity) }
    return (model, [Double](repeating: 0, count: model.variableCount))
}

/// The optimum by enumeration over every 0/1 vector (models are small).
private func bruteForceOptimum(_ model: Model) -> Double {
    let n = model.variableCount
    var best = Double.infinity
    for mask in 0..<(1 << n) {
        let values = (0..<n).map { Double((mask >> $0) & 1) }
        if model.isFeasible(values) { best = min(best, model.objectiveValue(values)) }
    }
    return best
}

@Suite("Pricing and reduced-cost fixing")
struct PricedSolverTests {
    @Test("restricting columns keeps rows and maps columns back")
    func restrictedModel() {
        var model = Model()
        let a = model.addVariable(.binary, cost: -1), b = model.addVariable(.binary, cost: -2)
        let c = model.addVariable(.binary, cost: -3)
        model.addConstraint([.init(a), .init(b), .init(c)], upper: 1)
        model.addConstraint([.init(b, 2), .init(c)], upper: 2)
        let (sub, columns) = model.restricted(to: [true, false, true])
        #expect(columns == [0, 2])
        #expect(sub.variableCount == 2)
        #expect(sub.constraintCount == 2)
        #expect(sub.costs == [-1, -3])
        #expect(sub.terms(ofConstraint: 0).map(\.variable.index) == [0, 1])
        #expect(sub.terms(ofConstraint: 1).map(\.coefficient) == [1])
    }

    /// min −a − 2b − 3c, a + b + c ≤ ½, 2b + c ≤ 2: the LP takes c = ½, basic
    /// (below its bound of 1, so the duals are unique). The first row's dual
    /// is −3 (the second is slack: 0), so the reduced costs c_j − Σ y_i a_ij
    /// are a: −1 + 3 = 2, b: −2 + 3 = 1, c: 0.
    @Test("duals and reduced costs follow c_j − Σ y_i a_ij")
    func dualsAndReducedCosts() {
        var model = Model()
        let a = model.addVariable(.binary, cost: -1), b = model.addVariable(.binary, cost: -2)
        let c = model.addVariable(.binary, cost: -3)
        model.addConstraint([.init(a), .init(b), .init(c)], upper: 0.5)
        model.addConstraint([.init(b, 2), .init(c)], upper: 2)
        let (lp, _, reduced) = GLPKSolver().priceRelaxation(
            model, options: SolveOptions(),
            active: [true, true, true], perRound: 1)
        #expect(lp.status == .optimal)
        #expect(lp.objective == -1.5)
        #expect(lp.rowDuals == [-3, 0])
        #expect(reduced == [2, 1, 0])
    }

    @Test("pricing reaches the LP optimum of the whole model", arguments: 1...25)
    func pricingMatchesTheFullLP(seed: UInt64) {
        let (model, _) = packingModel(seed: seed)
        guard model.variableCount > 0 else { return }
        // Every column from the start: the whole LP, no pricing.
        let (full, _, _) = GLPKSolver().priceRelaxation(
            model, options: SolveOptions(), active: Array(repeating: true, count: model.variableCount), perRound: 1)
        var seed = [Bool](repeating: false, count: model.variableCount)
        seed[0] = true
        let (priced, active, reduced) = GLPKSolver().priceRelaxation(
            model, options: SolveOptions(), active: seed, perRound: 1)
        #expect(full.status == .optimal)
        #expect(priced.status == .optimal)
        #expect(abs(priced.objective! - full.objective!) < 1e-6)
        // No column left out could still lower the LP.
        for j in 0..<model.variableCount where !active[j] { #expect(reduced[j] >= -1e-6) }
    }

    @Test("priced solves match enumeration, from an empty or a greedy incumbent", arguments: 1...60)
    func pricedSolverIsExact(seed: UInt64) {
        let (model, empty) = packingModel(seed: seed)
        guard model.variableCount > 0, model.variableCount <= 16 else { return }
        var greedy = empty
        for j in 0..<model.variableCount {
            greedy[j] = 1
            if !model.isFeasible(greedy) { greedy[j] = 0 }
        }
        var options = SolveOptions()
        options.incumbent = seed % 2 == 0 ? empty : greedy
        options.integralObjective = true
        // One column per round keeps the priced set small, so fixing matters.
        let result = PricedSolver(columnsPerRound: 1, directUpTo: 0).solve(model, options: options)
        #expect(result.status == .optimal)
        #expect(model.isFeasible(result.values))
        #expect(result.objective == bruteForceOptimum(model))
        #expect(result.objective == model.objectiveValue(result.values))
        #expect(result.bound == result.objective)
    }

    @Test("a rounding that meets the LP bound ends the solve")
    func roundingIsUsed() {
        // Two items, one slot each, capacity one per slot: LP and MILP agree.
        var model = Model()
        let a = model.addVariable(.binary, cost: -5), b = model.addVariable(.binary, cost: -3)
        model.addConstraint([.init(a), .init(b)], upper: 1)
        var options = SolveOptions()
        options.incumbent = [0, 0]
        options.integralObjective = true
        options.rounding = Rounding { lp in lp.map { $0 > 0.5 ? 1 : 0 } }
        let solver = PricedSolver(directUpTo: 0)
        let result = solver.solve(model, options: options)
        #expect(result.status == .optimal)
        #expect(result.values == [1, 0])
        #expect(result.nodes == 0)
    }

    @Test("without a feasible incumbent the base solver solves the whole model")
    func fallsBackWithoutIncumbent() {
        var model = Model()
        let a = model.addVariable(.binary, cost: -1)
        model.addConstraint([.init(a)], upper: 1)
        var options = SolveOptions()
        options.incumbent = [2]  // breaks the binary bound
        let result = PricedSolver().solve(model, options: options)
        #expect(result.status == .optimal)
        #expect(result.objective == -1)
    }
}
