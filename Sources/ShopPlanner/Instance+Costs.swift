import ShopDomain

/// The contract's objective, split by what each term depends on, so the
/// formulation can put each part on the variable that decides it.
extension Instance {
    public var weights: Scenario.Weights { scenario.weights }

    /// `unscheduled × priority`.
    public func unscheduledCost(job j: Int) -> Int { weights.unscheduled * jobs[j].priority }

    /// Start deviation (slots to the nearest preferred start) and `moved`.
    public func startCost(job j: Int, start s: Int) -> Int {
        let job = jobs[j]
        var cost = 0
        if let deviation = job.preferredStarts.map({ abs(s - $0) }).min() {
            cost += weights.startDeviationPerSlot * deviation
        }
        if let current = job.current, current.start != s { cost += weights.moved }
        return cost
    }

    /// `changedBay`.
    public func bayCost(job j: Int, bay b: Int) -> Int {
        if let current = jobs[j].current, current.bay != b { return weights.changedBay }
        return 0
    }

    /// Missing preferred skills, `unassignedMechanic` and `changedMechanic`.
    public func mechanicCost(job j: Int, mechanic m: Int?) -> Int {
        var cost = 0
        if let m {
            let skills = scenario.mechanics[m].skills
            cost += weights.missingPreferredSkill * scenario.jobs[j].preferredSkills.count { !skills.contains($0) }
        } else if jobs[j].mode == .optional {
            cost += weights.unassignedMechanic
        }
        if let current = jobs[j].current, current.mechanic != m { cost += weights.changedMechanic }
        return cost
    }

    /// Every per-job term of a scheduled job (not `mechanicUsed`).
    public func placementCost(job j: Int, _ placement: SlotPlacement) -> Int {
        startCost(job: j, start: placement.start) + bayCost(job: j, bay: placement.bay)
            + mechanicCost(job: j, mechanic: placement.mechanic)
    }

    /// The contract's objective of a whole plan (one entry per job).
    public func objective(of plan: [SlotPlacement?]) -> Int {
        var total = 0
        var used = Set<Int>()
        for (j, placement) in plan.enumerated() {
            if let placement {
                total += placementCost(job: j, placement)
                if let m = placement.mechanic { used.insert(m) }
            } else {
                total += unscheduledCost(job: j)
            }
        }
        return total + used.count * weights.mechanicUsed
    }

    /// The objective counted over `jobs` only: their per-job terms and
    /// `mechanicUsed` for the mechanics they use. For a set of jobs closed
    /// under interaction (``IndependentParts``) these add up to the whole.
    public func objective(of plan: [SlotPlacement?], jobs subset: [Int]) -> Int {
        var total = 0
        var used = Set<Int>()
        for j in subset {
            if let placement = plan[j] {
                total += placementCost(job: j, placement)
                if let m = placement.mechanic { used.insert(m) }
            } else {
                total += unscheduledCost(job: j)
            }
        }
        return total + used.count * weights.mechanicUsed
    }
}
