import MILP

extension ShopFormulation {
    /// Each job is placed at most once: `Σ_{b,s} x[j,b,s] ≤ 1`; leaving it
    /// out costs `unscheduled × priority` (the objective's constant). A pinned
    /// job is placed exactly once (rule 6).
    mutating func addOnePlacementPerJob() {
        for job in instance.jobs where !placements[job.index].isEmpty {
            let terms = placements[job.index].map { Model.Term($0.variable) }
            let lower: Double = job.pinned == nil ? -.infinity : 1
            model.addConstraint(terms, lower: lower, upper: 1, name: "place[\(job.id)]")
        }
    }
}
