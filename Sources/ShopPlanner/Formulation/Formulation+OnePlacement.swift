import MILP

extension ShopFormulation {
    /// Each job is placed at most once: `Σ_{g,s} x[j,g,s] ≤ 1`; leaving it
    /// out costs `unscheduled × priority` (the objective's constant). A pinned
    /// job is placed exactly once (rule 6).
    ///
    /// With ``Options/jobIndicators`` the row reads `Σ x[j,g,s] = z[j]` and
    /// `z[j]` earns the constant back: branching on `z[j]` decides whether a
    /// job is in before deciding where, which is the choice that moves the
    /// bound on overloaded days.
    mutating func addOnePlacementPerJob() {
        for j in jobs where !placements[j].isEmpty {
            let job = instance.jobs[j]
            let terms = placements[j].map { Model.Term($0.variable) }
            let lower: Double = job.pinned == nil ? 0 : 1
            if options.jobIndicators {
                let z = model.addVariable(
                    .binary, lower: lower, cost: -Double(instance.unscheduledCost(job: j)),
                    name: "z[\(job.id)]")
                scheduled[j] = z
                model.addConstraint(terms + [Model.Term(z, -1)], lower: 0, upper: 0, name: "place[\(job.id)]")
            } else {
                model.addConstraint(
                    terms, lower: job.pinned == nil ? -.infinity : 1, upper: 1, name: "place[\(job.id)]")
            }
        }
    }
}
