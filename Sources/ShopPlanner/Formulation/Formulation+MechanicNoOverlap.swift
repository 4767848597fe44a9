import MILP

extension ShopFormulation {
    /// Rule 4: no two jobs of one mechanic overlap. For mechanic group `k`
    /// and slot `t`: `Σ u[j,k,s] ≤ |k|` over the jobs its mechanics could be
    /// doing at `t` (`≤ 1` for a single mechanic).
    ///
    /// When `mechanicUsed` is weighted, the right-hand side becomes `n[k]`,
    /// the group's mechanics who work at all, each paying the weight once.
    /// ``IntervalColouring`` needs only as many mechanics as the most jobs at
    /// once, so `n[k] ≥` every slot's count is exact; the per-slot form is
    /// also tighter than one `u ≤ n` row per job.
    mutating func addMechanicNoOverlap() {
        let usedWeight = instance.weights.mechanicUsed
        var cover = Array(repeating: [Int: [Model.Term]](), count: mechanicGroups.count)
        for j in jobs {
            for u in staffing[j] {
                for t in u.start..<(u.start + instance.jobs[j].length) {
                    cover[u.mechanicGroup][t, default: []].append(Model.Term(u.variable))
                }
            }
        }
        for k in 0..<mechanicGroups.count {
            let slots = cover[k].keys.sorted()
            let size = mechanicGroups.size(k)
            let name = groupName(mechanic: k)
            if usedWeight > 0, !slots.isEmpty {
                let n = model.addVariable(size == 1 ? .binary : .integer, upper: Double(size),
                                          cost: Double(usedWeight), name: "n[\(name)]")
                mechanicsUsed[k] = n
                for t in slots {
                    model.addConstraint(cover[k][t]! + [Model.Term(n, -1)], upper: 0, name: "mechanic[\(name),\(t)]")
                }
            } else {
                for t in slots {
                    let terms = cover[k][t]!
                    if terms.count > size { model.addConstraint(terms, upper: Double(size), name: "mechanic[\(name),\(t)]") }
                }
            }
        }
    }
}
