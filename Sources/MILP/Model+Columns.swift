extension Model {
    /// The model with only the columns where `keep` is true (all rows kept,
    /// in the same order), and for each kept column its index in `self`.
    /// Dropping a column fixes it at 0, so, when every dropped column may be
    /// 0 (lower bound 0), every solution of the restricted model is one of
    /// `self` with the same objective.
    public func restricted(to keep: [Bool]) -> (model: Model, columns: [Int]) {
        precondition(keep.count == variableCount, "keep needs one flag per variable")
        var sub = Model()
        sub.objectiveConstant = objectiveConstant
        var newIndex = [Int32](repeating: -1, count: variableCount)
        var columns: [Int] = []
        for j in 0..<variableCount where keep[j] {
            newIndex[j] = Int32(columns.count)
            columns.append(j)
            sub.kinds.append(kinds[j])
            sub.lowerBounds.append(lowerBounds[j])
            sub.upperBounds.append(upperBounds[j])
            sub.costs.append(costs[j])
            sub.names.append(names[j])
        }
        sub.rowLower = rowLower
        sub.rowUpper = rowUpper
        sub.rowNames = rowNames
        sub.entryColumn.reserveCapacity(entryColumn.count)
        sub.entryValue.reserveCapacity(entryValue.count)
        for row in 0..<constraintCount {
            for k in Int(rowStart[row])..<Int(rowStart[row + 1]) where newIndex[Int(entryColumn[k])] >= 0 {
                sub.entryColumn.append(newIndex[Int(entryColumn[k])])
                sub.entryValue.append(entryValue[k])
            }
            sub.rowStart.append(Int32(sub.entryValue.count))
        }
        return (sub, columns)
    }
}
