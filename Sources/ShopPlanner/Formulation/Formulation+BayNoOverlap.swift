import MILP

extension ShopFormulation {
    /// Rule 3: no two jobs on one bay overlap. For bay group `g` and slot
    /// `t`: `Σ x[j,g,s] ≤ |g|` over the placements in `g` that cover `t`
    /// (`s ≤ t < s + d_j`, or `s ≤ t < e` for a resumable job, pause included);
    /// for a single bay that is the usual `≤ 1`. Only
    /// the slots ``SlotCovers`` keeps get a row, and rows with no more terms
    /// than bays are implied and skipped.
    mutating func addBayNoOverlap() {
        var covers = Array(repeating: SlotCovers(), count: bayGroups.count)
        for j in jobs {
            for x in placements[j] {
                covers[x.bayGroup].add(
                    start: x.held.lowerBound, end: x.held.upperBound, term: Model.Term(x.variable), job: j)
            }
        }
        for g in 0..<bayGroups.count {
            let size = bayGroups.size(g)
            for row in covers[g].maximalRows() where row.terms.count > size {
                model.addConstraint(row.terms, upper: Double(size), name: "bay[\(groupName(bay: g)),\(row.slot)]")
            }
        }
    }
}
