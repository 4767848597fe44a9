/// A mixed-integer linear program, minimised. It knows nothing of shops.
///
/// Variables and constraints are added in order and addressed by index, so a
/// model built from the same inputs is the same model (determinism).
///
/// Invariants (checked by ``Model/validate()`` before any solver sees it):
/// - every bound and coefficient is finite, except infinite variable bounds;
/// - `lower <= upper` for every variable and constraint;
/// - binary variables have bounds inside `0...1`;
/// - every constraint term names an existing variable, at most once.
public struct Model: Sendable {
    /// The domain of a variable.
    public enum Kind: Sendable, Hashable {
        case continuous
        case integer
        case binary
    }

    /// A handle to a variable of this model.
    public struct Variable: Hashable, Sendable, Comparable {
        /// Position in ``Model/variableCount`` order, from 0.
        public let index: Int
        public init(index: Int) { self.index = index }
        public static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
    }

    /// One linear term: `coefficient × variable`.
    public struct Term: Hashable, Sendable {
        public var variable: Variable
        public var coefficient: Double
        public init(_ variable: Variable, _ coefficient: Double = 1) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }

    public internal(set) var kinds: [Kind] = []
    public internal(set) var lowerBounds: [Double] = []
    public internal(set) var upperBounds: [Double] = []
    public internal(set) var costs: [Double] = []
    public internal(set) var names: [String] = []
    /// Added to the objective of every solution.
    public var objectiveConstant: Double = 0

    // Constraints as compressed sparse rows.
    public internal(set) var rowLower: [Double] = []
    public internal(set) var rowUpper: [Double] = []
    public internal(set) var rowNames: [String] = []
    public internal(set) var rowStart: [Int32] = [0]
    public internal(set) var entryColumn: [Int32] = []
    public internal(set) var entryValue: [Double] = []

    public init() {}

    public var variableCount: Int { kinds.count }
    public var constraintCount: Int { rowLower.count }
    public var nonZeroCount: Int { entryValue.count }

    /// Adds a variable and returns its handle.
    @discardableResult
    public mutating func addVariable(
        _ kind: Kind, lower: Double = 0, upper: Double = .infinity, cost: Double = 0, name: String = ""
    ) -> Variable {
        let variable = Variable(index: kinds.count)
        kinds.append(kind)
        lowerBounds.append(lower)
        upperBounds.append(kind == .binary ? min(upper, 1) : upper)
        costs.append(cost)
        names.append(name)
        return variable
    }

    /// Adds `cost` to the objective coefficient of `variable`.
    public mutating func addCost(_ cost: Double, to variable: Variable) {
        costs[variable.index] += cost
    }

    /// Fixes a variable to one value.
    public mutating func fix(_ variable: Variable, to value: Double) {
        lowerBounds[variable.index] = value
        upperBounds[variable.index] = value
    }

    /// Adds `lower <= Σ terms <= upper`; use infinities for one-sided rows.
    public mutating func addConstraint(
        _ terms: [Term], lower: Double = -.infinity, upper: Double = .infinity, name: String = ""
    ) {
        for term in terms {
            entryColumn.append(Int32(term.variable.index))
            entryValue.append(term.coefficient)
        }
        rowStart.append(Int32(entryValue.count))
        rowLower.append(lower)
        rowUpper.append(upper)
        rowNames.append(name)
    }

    /// The terms of constraint `row`.
    public func terms(ofConstraint row: Int) -> [Term] {
        (Int(rowStart[row])..<Int(rowStart[row + 1])).map {
            Term(Variable(index: Int(entryColumn[$0])), entryValue[$0])
        }
    }

    /// The objective value of an assignment of values to every variable.
    public func objectiveValue(_ values: [Double]) -> Double {
        var total = objectiveConstant
        for (index, cost) in costs.enumerated() where cost != 0 { total += cost * values[index] }
        return total
    }
}
