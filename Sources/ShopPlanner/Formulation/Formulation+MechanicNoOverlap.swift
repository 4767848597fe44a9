import MILP

extension ShopFormulation {
    /// Rule 4: no two jobs of one mechanic overlap. For mechanic `m` and slot
    /// `t`: `Σ u[j,m,s] ≤ 1` over the jobs `m` could be doing at `t`.
    ///
    /// When `mechanicUsed` is weighted, the right-hand side becomes `w[m]`,
    /// so `w[m]` is 1 as soon as `m` works at all, and it pays the weight once.
    /// That per-slot form is tighter than one `u ≤ w` row per job.
    mutating func addMechanicNoOverlap() {
        let usedWeight = instance.weights.mechanicUsed
        var cover = Array(repeating: [Int: [Model.Term]](), count: instance.mechanics.count)
        for list in staffing {
            for u in list {
                for t in u.start..<(u.start + instance.jobs[u.job].length) {
                    cover[u.mechanic][t, default: []].append(Model.Term(u.variable))
                }
            }
        }
        for mechanic in instance.mechanics {
            let slots = cover[mechanic.index].keys.sorted()
            if usedWeight > 0, !slots.isEmpty {
                let w = model.addVariable(.binary, cost: Double(usedWeight), name: "w[\(mechanic.id)]")
                mechanicUsed[mechanic.index] = w
                for t in slots {
                    model.addConstraint(cover[mechanic.index][t]! + [Model.Term(w, -1)], upper: 0,
                                        name: "mechanic[\(mechanic.id),\(t)]")
                }
            } else {
                for t in slots {
                    let terms = cover[mechanic.index][t]!
                    if terms.count > 1 { model.addConstraint(terms, upper: 1, name: "mechanic[\(mechanic.id),\(t)]") }
                }
            }
        }
    }
}
