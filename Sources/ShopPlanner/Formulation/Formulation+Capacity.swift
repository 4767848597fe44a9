import MILP

extension ShopFormulation {
    /// Rule 5: in every slot, at most `maxConcurrent` scheduled jobs:
    /// `Σ x[j,g,s] ≤ maxConcurrent` over the placements working in `t` (a
    /// resumable job only in its work slots), at the slots ``SlotCovers`` keeps. A row is added only where more jobs than
    /// that could run at once.
    mutating func addCapacity() {
        guard let limit = instance.scenario.facility.maxConcurrent else { return }
        var covers = SlotCovers()
        for j in jobs {
            for x in placements[j] {
                covers.add(runs: x.work, term: Model.Term(x.variable), job: j)
            }
        }
        for row in covers.maximalRows() where row.jobs > limit {
            model.addConstraint(row.terms, upper: Double(limit), name: "capacity[\(row.slot)]")
        }
    }
}
