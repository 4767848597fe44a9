import CGLPKShim

/// Solves a ``Model`` with GLPK's branch-and-cut (`glp_intopt`).
///
/// Each call builds, solves and frees its own GLPK problem inside one guarded
/// C call, so no GLPK object outlives the call and a GLPK fatal error comes
/// back as ``SolveStatus/error`` instead of ending the process. GLPK's
/// environment is thread-local: concurrent solves on different threads are safe.
///
/// GLPK's own switches are the solver's configuration; what any solver
/// needs (limits, incumbent, hints) comes in ``SolveOptions``. Defaults:
/// presolve on, every cut and heuristic off, GLPK's default branching and
/// backtracking.
public struct GLPKSolver: LPPricing, Hashable {
    /// GLPK's MIP presolver. It is skipped when an incumbent is given,
    /// because GLPK takes heuristic solutions only for the original columns.
    public var presolve: Bool
    public var cuts: Cuts
    public var feasibilityPump: Bool
    public var proximitySearch: Bool
    public var branching: Branching
    public var backtracking: Backtracking

    public init(
        presolve: Bool = true, cuts: Cuts = [], feasibilityPump: Bool = false, proximitySearch: Bool = false,
        branching: Branching = .driebeckTomlin, backtracking: Backtracking = .bestLocalBound
    ) {
        self.presolve = presolve
        self.cuts = cuts
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.branching = branching
        self.backtracking = backtracking
    }

    /// GLPK's cutting-plane families.
    public struct Cuts: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let gomory = Cuts(rawValue: 1)
        public static let mixedIntegerRounding = Cuts(rawValue: 2)
        public static let cover = Cuts(rawValue: 4)
        public static let clique = Cuts(rawValue: 8)
        public static let all: Cuts = [.gomory, .mixedIntegerRounding, .cover, .clique]
    }

    /// Which fractional variable GLPK branches on.
    public enum Branching: Sendable, Hashable {
        case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudoCost
    }

    /// Which open node GLPK explores next.
    public enum Backtracking: Sendable, Hashable {
        case depthFirst, breadthFirst, bestLocalBound, bestProjection
    }

    /// GLPK's version, as the library reports it.
    public static var version: String { String(cString: ss_glpk_version()) }

    public func solve(_ model: Model, options: SolveOptions) -> SolveResult {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double { (clock.now - started).inSeconds }
        do {
            try model.validate()
            try Self.validate(options, columns: model.variableCount)
        } catch {
            return SolveResult(status: .error, wallSeconds: elapsed(), message: error.description)
        }
        if model.variableCount == 0 {
            return solveEmpty(model, seconds: elapsed())
        }

        var values = [Double](repeating: 0, count: model.variableCount)
        var raw = ss_result()
        // GLPK would take an infeasible incumbent as its best solution.
        let incumbent = options.incumbent.flatMap { model.isFeasible($0) ? $0 : nil }
        let priorities: [Int32] = options.branchPriority?.map { Int32(clamping: $0) } ?? []
        Self.withCModel(model) { cModel in
            values.withUnsafeMutableBufferPointer { out in
                priorities.withUnsafeBufferPointer { priority in
                    var cOptions = self.cOptions(options)
                    raw.values = out.baseAddress
                    cOptions.branch_priority = priorities.isEmpty ? nil : priority.baseAddress
                    if let incumbent {
                        incumbent.withUnsafeBufferPointer { start in
                            cOptions.incumbent = start.baseAddress
                            _ = ss_solve(&cModel, &cOptions, &raw)
                        }
                    } else {
                        _ = ss_solve(&cModel, &cOptions, &raw)
                    }
                }
            }
        }
        raw.values = nil
        return Self.result(from: &raw, values: values, model: model, seconds: elapsed())
    }

    /// Solves the LP relaxation of `model` by pricing (see ``LPPricing``),
    /// warm-starting GLPK's simplex after each round of added columns.
    public func priceRelaxation(_ model: Model, options: SolveOptions, active: [Bool], perRound: Int)
        -> (result: RelaxationResult, active: [Bool], reducedCosts: [Double])
    {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double { (clock.now - started).inSeconds }
        func failure(_ message: String) -> (RelaxationResult, [Bool], [Double]) {
            (
                RelaxationResult(
                    status: .error, objective: nil, values: [], rowDuals: [], wallSeconds: elapsed(),
                    message: message), active, []
            )
        }
        do {
            try model.validate()
            try Self.validate(options, columns: model.variableCount)
        } catch {
            return failure(error.description)
        }
        guard active.count == model.variableCount, active.contains(true) else {
            return failure("pricing needs one flag per variable and at least one active column")
        }
        var flags: [UInt8] = active.map { $0 ? 1 : 0 }
        var values = [Double](repeating: 0, count: model.variableCount)
        var duals = [Double](repeating: 0, count: model.constraintCount)
        var reduced = [Double](repeating: 0, count: model.variableCount)
        var raw = ss_result()
        Self.withCModel(model) { cModel in
            duals.withUnsafeMutableBufferPointer { dualsOut in
                reduced.withUnsafeMutableBufferPointer { reducedOut in
                    flags.withUnsafeMutableBufferPointer { flagsInOut in
                        values.withUnsafeMutableBufferPointer { out in
                            var cOptions = self.cOptions(options)
                            raw.values = out.baseAddress
                            raw.row_duals = dualsOut.baseAddress
                            _ = ss_price_lp(
                                &cModel, &cOptions, flagsInOut.baseAddress, reducedOut.baseAddress, Int32(perRound),
                                &raw)
                        }
                    }
                }
            }
        }
        raw.values = nil
        raw.row_duals = nil
        let status = Self.status(of: raw)
        let solved = status == .optimal
        return (
            RelaxationResult(
                status: status, objective: solved ? raw.objective : nil, values: solved ? values : [],
                rowDuals: solved ? duals : [], wallSeconds: elapsed(), message: Self.message(of: &raw)),
            flags.map { $0 != 0 }, solved ? reduced : []
        )
    }

    /// Calls `body` with the C view of `model`; the pointers live only
    /// during the call.
    private static func withCModel<R>(_ model: Model, _ body: (inout ss_model) -> R) -> R {
        let kinds: [Int32] = model.kinds.map {
            switch $0 {
            case .continuous: Int32(SS_CONTINUOUS.rawValue)
            case .integer: Int32(SS_INTEGER.rawValue)
            case .binary: Int32(SS_BINARY.rawValue)
            }
        }
        return model.lowerBounds.withUnsafeBufferPointer { lower in
            model.upperBounds.withUnsafeBufferPointer { upper in
                model.costs.withUnsafeBufferPointer { costs in
                    model.rowLower.withUnsafeBufferPointer { rowLower in
                        model.rowUpper.withUnsafeBufferPointer { rowUpper in
                            model.rowStart.withUnsafeBufferPointer { rowStart in
                                model.entryColumn.withUnsafeBufferPointer { entryColumn in
                                    model.entryValue.withUnsafeBufferPointer { entryValue in
                                        kinds.withUnsafeBufferPointer { kinds in
                                            var cModel = ss_model(
                                                num_cols: Int32(model.variableCount),
                                                num_rows: Int32(model.constraintCount),
                                                col_kind: kinds.baseAddress, col_lower: lower.baseAddress,
                                                col_upper: upper.baseAddress,
                                                objective: costs.baseAddress,
                                                objective_constant: model.objectiveConstant,
                                                row_lower: rowLower.baseAddress, row_upper: rowUpper.baseAddress,
                                                row_start: rowStart.baseAddress, entry_col: entryColumn.baseAddress,
                                                entry_value: entryValue.baseAddress)
                                            return body(&cModel)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Provokes a GLPK fatal error inside the guard and returns its message.
    /// Lets a test show that the process survives one.
    public static func provokeFatalError() -> SolveResult {
        var raw = ss_result()
        _ = ss_provoke_fatal_error(&raw)
        let message = withUnsafeBytes(of: raw.message) {
            String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return SolveResult(status: raw.status == Int32(SS_FATAL.rawValue) ? .error : .optimal, message: message)
    }

    // MARK: - Conversions

    private static func validate(_ options: SolveOptions, columns: Int) throws(ModelError) {
        guard options.timeLimitSeconds > 0, options.timeLimitSeconds.isFinite else {
            throw ModelError("time limit must be a positive number of seconds, not \(options.timeLimitSeconds)")
        }
        guard options.relativeGap >= 0, options.relativeGap.isFinite else {
            throw ModelError("relative gap must be 0 or more, not \(options.relativeGap)")
        }
        if let incumbent = options.incumbent {
            guard incumbent.count == columns else {
                throw ModelError("incumbent has \(incumbent.count) values for \(columns) variables")
            }
            guard incumbent.allSatisfy(\.isFinite) else { throw ModelError("incumbent has a value that is not finite") }
        }
        if let priority = options.branchPriority, priority.count != columns {
            throw ModelError("branch priorities have \(priority.count) values for \(columns) variables")
        }
    }

    /// The shim's options: this solver's switches and the solve's limits.
    private func cOptions(_ options: SolveOptions) -> ss_options {
        var c = ss_options()
        c.time_limit_seconds = options.timeLimitSeconds
        c.mip_gap = options.relativeGap
        c.presolve = presolve ? 1 : 0
        c.gomory_cuts = cuts.contains(.gomory) ? 1 : 0
        c.mir_cuts = cuts.contains(.mixedIntegerRounding) ? 1 : 0
        c.cover_cuts = cuts.contains(.cover) ? 1 : 0
        c.clique_cuts = cuts.contains(.clique) ? 1 : 0
        c.feasibility_pump = feasibilityPump ? 1 : 0
        c.proximity_search = proximitySearch ? 1 : 0
        // GLPK's constants: GLP_BR_FFV 1, LFV 2, MFV 3, DTH 4, PCH 5;
        // GLP_BT_DFS 1, BFS 2, BLB 3, BPH 4; GLP_MSG_OFF 0, GLP_MSG_ON 2.
        switch branching {
        case .firstFractional: c.branching = 1
        case .lastFractional: c.branching = 2
        case .mostFractional: c.branching = 3
        case .driebeckTomlin: c.branching = 4
        case .pseudoCost: c.branching = 5
        }
        switch backtracking {
        case .depthFirst: c.backtracking = 1
        case .breadthFirst: c.backtracking = 2
        case .bestLocalBound: c.backtracking = 3
        case .bestProjection: c.backtracking = 4
        }
        c.message_level = options.verbose ? 2 : 0
        c.integral_objective = options.integralObjective ? 1 : 0
        return c
    }

    /// The shim's status in ``SolveStatus`` terms.
    private static func status(of raw: ss_result) -> SolveStatus {
        switch UInt32(raw.status) {
        case SS_OPTIMAL.rawValue: .optimal
        case SS_FEASIBLE.rawValue: .feasible
        case SS_INFEASIBLE.rawValue: .infeasible
        case SS_NO_SOLUTION.rawValue: .timeLimit
        default: .error  // unbounded, fatal, failed
        }
    }

    /// The shim's message, with what went wrong named when GLPK said little.
    private static func message(of raw: inout ss_result) -> String {
        let text = withUnsafeBytes(of: raw.message) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        switch UInt32(raw.status) {
        case SS_UNBOUNDED.rawValue: return "the model is unbounded"
        case SS_FATAL.rawValue: return "GLPK fatal error: " + text
        default: return text
        }
    }

    private static func result(from raw: inout ss_result, values: [Double], model: Model, seconds: Double)
        -> SolveResult
    {
        let hasSolution = raw.has_solution != 0
        let cleaned: [Double] =
            !hasSolution
            ? []
            : zip(values, model.kinds).map { value, kind in kind == .continuous ? value : value.rounded() }
        return SolveResult(
            status: status(of: raw),
            objective: hasSolution ? model.objectiveValue(cleaned) : nil,
            bound: raw.has_bound != 0 ? raw.bound : nil,
            values: cleaned,
            wallSeconds: seconds,
            nodes: Int(raw.nodes),
            incumbentAccepted: raw.incumbent_accepted != 0,
            message: message(of: &raw))
    }

    private func solveEmpty(_ model: Model, seconds: Double) -> SolveResult {
        // GLPK refuses a problem without columns; its answer is trivial anyway.
        for row in 0..<model.constraintCount where model.rowLower[row] > 0 || model.rowUpper[row] < 0 {
            return SolveResult(status: .infeasible, wallSeconds: seconds)
        }
        return SolveResult(
            status: .optimal, objective: model.objectiveConstant, bound: model.objectiveConstant,
            values: [], wallSeconds: seconds)
    }
}
