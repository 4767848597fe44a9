import MILP

extension ShopFormulation {
    /// Rule 3: no two jobs on one bay overlap. For bay group `g` and slot
    /// `t`: `Σ x[j,g,s] ≤ |g|` over the placements in `g` that cover `t`
    /// (`s ≤ t < s + d_j`); for a single bay that is the usual `≤ 1`. Rows
    /// with no more terms than bays are implied and skipped.
    mutating func addBayNoOverlap() {
        var cover = Array(repeating: [Int: [Model.Term]](), count: bayGroups.count)
        for j in jobs {
            for x in placements[j] {
                for t in x.start..<(x.start + instance.jobs[j].length) {
                    cover[x.bayGroup][t, default: []].append(Model.Term(x.variable))
                }
            }
        }
        for g in 0..<bayGroups.count {
            let size = bayGroups.size(g)
            for t in cover[g].keys.sorted() {
                let terms = cover[g][t]!
                if terms.count > size {
                    model.addConstraint(terms, upper: Double(size), name: "bay[\(groupName(bay: g)),\(t)]")
                }
            }
        }
    }
}
