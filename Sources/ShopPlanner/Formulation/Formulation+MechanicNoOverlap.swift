import MILP

extension ShopFormulation {
    /// Rule 4: no two jobs of one mechanic overlap. For mechanic group `k`
    /// and slot `t`: `Σ u[j,k,s] ≤ |k|` over the jobs its mechanics could be
    /// doing at `t` (`≤ 1` for a single mechanic), at the slots
    /// ``SlotCovers`` keeps; a resumable job's `x[j,g,k,s]` counts in its work slots
    /// only, which lie on the group's shifts.
    ///
    /// When `mechanicUsed` is weighted, the right-hand side becomes `n[k]`,
    /// the group's mechanics who work at all, each paying the weight once.
    /// ``IntervalColouring`` needs only as many mechanics as the most jobs at
    /// once, so `n[k] ≥` every slot's count is exact; the per-slot form is
    /// also tighter than one `u ≤ n` row per job.
    mutating func addMechanicNoOverlap() {
        let usedWeight = instance.weights.mechanicUsed
        var covers = Array(repeating: SlotCovers(), count: mechanicGroups.count)
        for j in jobs {
            for u in staffing[j] {
                covers[u.mechanicGroup].add(
                    start: u.start, end: u.start + instance.jobs[j].length,
                    term: Model.Term(u.variable), job: j)
            }
            for x in placements[j] {
                if let k = x.mechanicGroup { covers[k].add(runs: x.work, term: Model.Term(x.variable), job: j) }
            }
        }
        for k in 0..<mechanicGroups.count {
            let rows = covers[k].maximalRows()
            let size = mechanicGroups.size(k)
            let name = groupName(mechanic: k)
            if usedWeight > 0, !rows.isEmpty {
                let n = model.addVariable(
                    size == 1 ? .binary : .integer, upper: Double(size),
                    cost: Double(usedWeight), name: "n[\(name)]")
                mechanicsUsed[k] = n
                for row in rows {
                    model.addConstraint(
                        row.terms + [Model.Term(n, -1)], upper: 0, name: "mechanic[\(name),\(row.slot)]")
                }
            } else {
                for row in rows where row.terms.count > size {
                    model.addConstraint(row.terms, upper: Double(size), name: "mechanic[\(name),\(row.slot)]")
                }
            }
        }
    }
}
