import MILP

extension ShopFormulation {
    /// Rule 5: in every slot, at most `maxConcurrent` scheduled jobs:
    /// `Σ x[j,g,s] ≤ maxConcurrent` over the placements covering `t`. A row
    /// is added only where more jobs than that could run at once.
    mutating func addCapacity() {
        guard let limit = instance.scenario.facility.maxConcurrent else { return }
        var cover: [Int: [Model.Term]] = [:]
        var jobsAt: [Int: Set<Int>] = [:]
        for j in jobs {
            for x in placements[j] {
                for t in x.start..<(x.start + instance.jobs[j].length) {
                    cover[t, default: []].append(Model.Term(x.variable))
                    jobsAt[t, default: []].insert(j)
                }
            }
        }
        for t in cover.keys.sorted() where jobsAt[t]!.count > limit {
            model.addConstraint(cover[t]!, upper: Double(limit), name: "capacity[\(t)]")
        }
    }
}
