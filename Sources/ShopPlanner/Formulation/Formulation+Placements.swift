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
    /// Resumable jobs get theirs from ``addResumablePlacementVariables(job:)``.
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
            if job.resumable {
                addResumablePlacementVariables(job: j)
                continue
            }
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
                    placements[j].append(
                        PlacementVariable(
                            job: j, bayGroup: g, start: s, mechanicGroup: nil, held: s..<(s + job.length),
                            pausedWork: nil, variable: x))
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

    /// The placements of resumable job `j` (contract §7): at each start, for no mechanic
    /// (when the mode allows) and for each qualified mechanic group, the walk of its work
    /// slots gives `e`; each bay group of an allowed type in service over `[s, e)` then
    /// gets one variable, `x[j,g,s]` without a mechanic, `x[j,g,k,s]` with group `k`,
    /// costing its start, bay and mechanic terms together. A pin gets its own placement
    /// only (``PinCheck`` has shown it valid). Placements that cost at least as much as
    /// leaving the job out are dropped, as for every job.
    mutating func addResumablePlacementVariables(job j: Int) {
        let job = instance.jobs[j]
        let unscheduled = instance.unscheduledCost(job: j)
        let earned = options.jobIndicators ? 0 : unscheduled
        let crews: [Int?]
        let candidates: [(start: Int, bays: [Int])]
        if let pin = job.pinned {
            crews = [pin.mechanic.map { mechanicGroups.groupOf[$0] }]
            candidates = [(pin.start, [bayGroups.groupOf[pin.bay]])]
        } else {
            crews =
                (job.mode == .required ? [] : [nil])
                + Self.groups(of: job.mechanicOptions, in: mechanicGroups).map { Optional($0) }
            let bays = Self.groups(of: job.bayOptions, in: bayGroups)
            candidates = job.starts.map { ($0, bays) }
        }
        for (s, bays) in candidates {
            let startCost = instance.startCost(job: j, start: s)
            for k in crews {
                let representative = k.map { mechanicGroups.representative($0) }
                guard let work = instance.resumableWork(job: j, start: s, mechanic: representative),
                    job.pinned != nil || work.last!.upperBound <= job.latestEnd
                else { continue }
                let occupation = Occupation(work: work)
                let mechanicCost = instance.mechanicCost(job: j, mechanic: representative)
                for g in bays {
                    let bay = bayGroups.representative(g)
                    let cost = startCost + instance.bayCost(job: j, bay: bay) + mechanicCost
                    if job.pinned == nil {
                        guard instance.bayAvailable(job: j, bay: bay, held: occupation.held), cost < unscheduled
                        else { continue }
                    }
                    let name = k.map { "\(groupName(bay: g)),\(groupName(mechanic: $0))" } ?? groupName(bay: g)
                    let x = model.addVariable(.binary, cost: Double(cost - earned), name: "x[\(job.id),\(name),\(s)]")
                    placements[j].append(
                        PlacementVariable(
                            job: j, bayGroup: g, start: s, mechanicGroup: k, held: occupation.held,
                            pausedWork: work.count == 1 ? nil : work, variable: x))
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
