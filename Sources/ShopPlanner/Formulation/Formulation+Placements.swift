import MILP

extension ShopFormulation {
    /// Creates `x[j,b,s]` and `u[j,m,s]` only where the contract allows them:
    /// inside one open interval and the window (rules 1–2), on a bay of an
    /// allowed type that is not out of service (rule 3), with an active,
    /// qualified mechanic on one shift throughout (rule 4). A pinned job gets
    /// only its pinned placement (rule 6; ``PinCheck`` has shown it valid).
    ///
    /// A placement whose cheapest completion costs at least as much as leaving
    /// the job out is dropped: leaving the job out is never worse and frees
    /// resources, so the optimum is unchanged.
    mutating func addPlacementVariables() {
        for job in instance.jobs {
            let j = job.index
            let unscheduled = instance.unscheduledCost(job: j)
            model.objectiveConstant += Double(unscheduled)
            let noMechanicCost = job.mode == .required ? 0 : instance.mechanicCost(job: j, mechanic: nil)

            let candidates: [(start: Int, bays: [Int], mechanics: [Int])]
            if let pin = job.pinned {
                candidates = [(pin.start, [pin.bay], pin.mechanic.map { [$0] } ?? [])]
            } else {
                candidates = job.starts.compactMap { s in
                    let bays = job.bayOptions.filter { instance.bayAvailable(job: j, bay: $0, start: s) }
                    let mechanics = job.mechanicOptions.filter { instance.mechanicAvailable(job: j, mechanic: $0, start: s) }
                    if bays.isEmpty || (job.mode == .required && mechanics.isEmpty) { return nil }
                    return (s, bays, mechanics)
                }
            }

            for candidate in candidates {
                let s = candidate.start
                let startCost = instance.startCost(job: j, start: s)
                var mechanicCosts = candidate.mechanics.map { instance.mechanicCost(job: j, mechanic: $0) }
                var mechanics = candidate.mechanics
                var bays = candidate.bays
                var bayCosts = bays.map { instance.bayCost(job: j, bay: $0) }

                if job.pinned == nil {
                    let cheapestMechanic = job.mode == .required
                        ? mechanicCosts.min()! : min(noMechanicCost, mechanicCosts.min() ?? noMechanicCost)
                    let cheapestBay = bayCosts.min()!
                    if startCost + cheapestBay + cheapestMechanic >= unscheduled { continue }
                    let keepBays = bayCosts.indices.filter { startCost + bayCosts[$0] + cheapestMechanic < unscheduled }
                    bays = keepBays.map { bays[$0] }
                    bayCosts = keepBays.map { bayCosts[$0] }
                    let keepMechanics = mechanicCosts.indices.filter { startCost + cheapestBay + mechanicCosts[$0] < unscheduled }
                    mechanics = keepMechanics.map { mechanics[$0] }
                    mechanicCosts = keepMechanics.map { mechanicCosts[$0] }
                }

                for (b, bayCost) in zip(bays, bayCosts) {
                    let cost = startCost + bayCost + noMechanicCost - unscheduled
                    let x = model.addVariable(.binary, cost: Double(cost), name: "x[\(job.id),\(instance.bays[b].id),\(s)]")
                    placements[j].append(PlacementVariable(job: j, bay: b, start: s, variable: x))
                }
                guard job.mode != .none else { continue }
                for (m, mechanicCost) in zip(mechanics, mechanicCosts) {
                    let cost = mechanicCost - noMechanicCost
                    let u = model.addVariable(.binary, cost: Double(cost), name: "u[\(job.id),\(instance.mechanics[m].id),\(s)]")
                    staffing[j].append(StaffingVariable(job: j, mechanic: m, start: s, variable: u))
                }
            }
        }
    }
}
