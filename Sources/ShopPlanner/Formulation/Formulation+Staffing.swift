import MILP

extension ShopFormulation {
    /// Rule 4's modes, per job and start slot `s`:
    /// - `required`: `Σ_k u[j,k,s] = Σ_g x[j,g,s]` (a mechanic exactly when placed);
    /// - `optional`: `Σ_k u[j,k,s] ≤ Σ_g x[j,g,s]` (at most one, only when placed);
    /// - `none`: no `u` at all.
    /// A pin that names a mechanic makes the row an equality whatever the mode
    /// (rule 6: the pinned mechanic, exactly). A resumable job has no `u`: its
    /// `x[j,g,k,s]` names its mechanic group itself.
    mutating func addStaffing() {
        for j in jobs where instance.jobs[j].mode != .none && !instance.jobs[j].resumable {
            let job = instance.jobs[j]
            var byStart: [Int: [Model.Term]] = [:]
            for x in placements[j] { byStart[x.start, default: []].append(Model.Term(x.variable, 1)) }
            for u in staffing[j] { byStart[u.start, default: []].append(Model.Term(u.variable, -1)) }
            for s in byStart.keys.sorted() {
                let terms = byStart[s]!
                if job.mode == .required || job.pinned?.mechanic != nil {
                    model.addConstraint(terms, lower: 0, upper: 0, name: "staff[\(job.id),\(s)]")
                } else if terms.contains(where: { $0.coefficient < 0 }) {
                    model.addConstraint(terms, lower: 0, name: "staff[\(job.id),\(s)]")
                }
            }
        }
    }
}
