import MILP

extension ShopFormulation {
    /// Rule 3: no two jobs on one bay overlap. For bay `b` and slot `t`:
    /// `Σ x[j,b,s] ≤ 1` over the placements on `b` that cover `t`
    /// (`s ≤ t < s + d_j`). Rows with a single term are implied and skipped.
    mutating func addBayNoOverlap() {
        var cover = Array(repeating: [Int: [Model.Term]](), count: instance.bays.count)
        for list in placements {
            for x in list {
                for t in x.start..<(x.start + instance.jobs[x.job].length) {
                    cover[x.bay][t, default: []].append(Model.Term(x.variable))
                }
            }
        }
        for bay in instance.bays {
            for t in cover[bay.index].keys.sorted() {
                let terms = cover[bay.index][t]!
                if terms.count > 1 { model.addConstraint(terms, upper: 1, name: "bay[\(bay.id),\(t)]") }
            }
        }
    }
}
