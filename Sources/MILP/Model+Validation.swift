/// A model that no solver should be handed, with the reason.
public struct ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Model {
    /// Checks the invariants stated on ``Model``. The GLPK binding calls this
    /// before GLPK sees the model, because GLPK treats most of these as fatal.
    public func validate() throws(ModelError) {
        for index in 0..<variableCount {
            let lower = lowerBounds[index], upper = upperBounds[index], cost = costs[index]
            if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity {
                throw ModelError("variable \(label(index)): bounds \(lower)...\(upper) are not usable")
            }
            if lower > upper {
                throw ModelError("variable \(label(index)): lower bound \(lower) is above upper bound \(upper)")
            }
            if !cost.isFinite {
                throw ModelError("variable \(label(index)): objective coefficient \(cost) is not finite")
            }
            if kinds[index] == .binary && (lower < 0 || upper > 1) {
                throw ModelError("variable \(label(index)): a binary variable needs bounds inside 0...1")
            }
        }
        if !objectiveConstant.isFinite { throw ModelError("objective constant \(objectiveConstant) is not finite") }
        var seen = [Int32](repeating: -1, count: variableCount)
        for row in 0..<constraintCount {
            let lower = rowLower[row], upper = rowUpper[row]
            if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity || lower > upper {
                throw ModelError("constraint \(rowLabel(row)): bounds \(lower)...\(upper) are not usable")
            }
            for entry in Int(rowStart[row])..<Int(rowStart[row + 1]) {
                let column = Int(entryColumn[entry])
                guard column >= 0 && column < variableCount else {
                    throw ModelError("constraint \(rowLabel(row)): names variable \(column), which does not exist")
                }
                guard entryValue[entry].isFinite else {
                    throw ModelError("constraint \(rowLabel(row)): coefficient of \(label(column)) is not finite")
                }
                guard seen[column] != Int32(row) else {
                    throw ModelError("constraint \(rowLabel(row)): names \(label(column)) twice")
                }
                seen[column] = Int32(row)
            }
        }
    }

    private func label(_ index: Int) -> String { names[index].isEmpty ? "#\(index)" : names[index] }
    private func rowLabel(_ row: Int) -> String { rowNames[row].isEmpty ? "#\(row)" : rowNames[row] }
}

extension Model {
    /// Whether `values` satisfies every bound, integrality and constraint
    /// (within `tolerance`). GLPK takes a heuristic solution without checking
    /// its rows, so an incumbent is checked here before it is offered.
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == variableCount else { return false }
        for index in 0..<variableCount {
            let value = values[index]
            guard value >= lowerBounds[index] - tolerance, value <= upperBounds[index] + tolerance else { return false }
            if kinds[index] != .continuous && abs(value - value.rounded()) > tolerance { return false }
        }
        for row in 0..<constraintCount {
            var activity = 0.0
            for entry in Int(rowStart[row])..<Int(rowStart[row + 1]) {
                activity += entryValue[entry] * values[Int(entryColumn[entry])]
            }
            if activity < rowLower[row] - tolerance || activity > rowUpper[row] + tolerance { return false }
        }
        return true
    }
}
