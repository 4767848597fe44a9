import MILP

extension ShopFormulation {
    /// Creates `x[j,g,s]` and `u[j,k,s]` only where the contract allows them:
    /// inside one open interval and the window (rules 1–2), on a bay group of
    /// an allowed type that is not out of service (rule 3), with a group of
    /// active, qualified mechanics on one shift throughout (rule 4). A pinned
    /// job gets only its pinned placement (rule 6; ``PinCheck`` has shown it
    /// valid). Members of a group are alike for every job, so the group's
    /// first member stands for all in these checks and costs.
    ///
    /// A placement whose cheapest completion costs at least as much as leaving
    /// the job out is dropped: leaving the job out is never worse and frees
    /// resources, so the optimum is unchanged.
    mutating func addPlacementVariables() {
        for j in jobs {
            // The largest family: check the time once per job.
            if timeIsUp { return }
            let job = instance.jobs[j]
            let unscheduled = instance.unscheduledCost(job: j)
            model.objectiveConstant += Double(unscheduled)
            let noMechanicCost = job.mode == .required ? 0 : instance.mechanicCost(job: j, mechanic: nil)
            let bayOptions = Self.groups(of: job.bayOptions, in: bayGroups)
            let mechanicOptions = Self.groups(of: job.mechanicOptions, in: mechanicGroups)

            let candidates: [(start: Int, bays: [Int], mechanics: [Int])]
            if let pin = job.pinned {
                candidates = [
                    (pin.start, [bayGroups.groupOf[pin.bay]], pin.mechanic.map { [mechanicGroups.groupOf[$0]] } ?? [])
                ]
            } else {
                candidates = job.starts.compactMap { s in
                    let bays = bayOptions.filter {
                        instance.bayAvailable(job: j, bay: bayGroups.representative($0), start: s)
                    }
                    let mechanics = mechanicOptions.filter {
                        instance.mechanicAvailable(job: j, mechanic: mechanicGroups.representative($0), start: s)
                    }
                    if bays.isEmpty || (job.mode == .required && mechanics.isEmpty) { return nil }
                    return (s, bays, mechanics)
                }
            }
            // With indicators, `z[j]` earns back the unscheduled cost once.
            let earned = options.jobIndicators ? 0 : unscheduled

            for candidate in candidates {
                let s = candidate.start
                let startCost = instance.startCost(job: j, start: s)
                var mechanics = candidate.mechanics
                var mechanicCosts = mechanics.map {
                    instance.mechanicCost(job: j, mechanic: mechanicGroups.representative($0))
                }
                var bays = candidate.bays
                var bayCosts = bays.map { instance.bayCost(job: j, bay: bayGroups.representative($0)) }

                if job.pinned == nil {
                    let cheapestMechanic =
                        job.mode == .required
                        ? mechanicCosts.min()! : min(noMechanicCost, mechanicCosts.min() ?? noMechanicCost)
                    let cheapestBay = bayCosts.min()!
                    if startCost + cheapestBay + cheapestMechanic >= unscheduled { continue }
                    let keepBays = bayCosts.indices.filter { startCost + bayCosts[$0] + cheapestMechanic < unscheduled }
                    bays = keepBays.map { bays[$0] }
                    bayCosts = keepBays.map { bayCosts[$0] }
                    let keepMechanics = mechanicCosts.indices.filter {
                        startCost + cheapestBay + mechanicCosts[$0] < unscheduled
                    }
                    mechanics = keepMechanics.map { mechanics[$0] }
                    mechanicCosts = keepMechanics.map { mechanicCosts[$0] }
                }

                for (g, bayCost) in zip(bays, bayCosts) {
                    let cost = startCost + bayCost + noMechanicCost - earned
                    let x = model.addVariable(
                        .binary, cost: Double(cost), name: "x[\(job.id),\(groupName(bay: g)),\(s)]")
                    placements[j].append(PlacementVariable(job: j, bayGroup: g, start: s, variable: x))
                }
                guard job.mode != .none else { continue }
                for (k, mechanicCost) in zip(mechanics, mechanicCosts) {
                    let cost = mechanicCost - noMechanicCost
                    let u = model.addVariable(
                        .binary, cost: Double(cost), name: "u[\(job.id),\(groupName(mechanic: k)),\(s)]")
                    staffing[j].append(StaffingVariable(job: j, mechanicGroup: k, start: s, variable: u))
                }
            }
        }
    }

    /// The groups holding any of `resources`, ascending.
    static func groups(of resources: [Int], in groups: ResourceGroups) -> [Int] {
        Array(Set(resources.map { groups.groupOf[$0] })).sorted()
    }

    func groupName(bay g: Int) -> String {
        bayGroups.members[g].map { instance.bays[$0].id }.joined(separator: "|")
    }

    func groupName(mechanic k: Int) -> String {
        mechanicGroups.members[k].map { instance.mechanics[$0].id }.joined(separator: "|")
    }
}
