extension ShopFormulation {
    /// A plan read off LP values: jobs in order of how much the LP schedules
    /// them, each at its most LP-weighted placement that is still free (or its
    /// cheapest free one), then any unscheduled job that fits is added.
    ///
    /// A quick primal heuristic: the greedy plan decides one job at a time
    /// and often blocks a specialist or a bay that a later job needed; the
    /// LP has already weighed every job against the others. ``PlanRepair``
    /// then brings left-out jobs in where moving one neighbour makes room.
    func roundedPlan(lpValues values: [Double], deadline: ContinuousClock.Instant? = nil) -> [SlotPlacement?] {
        var plan = [SlotPlacement?](repeating: nil, count: instance.jobs.count)
        var occupancy = Occupancy(instance)
        for j in jobs {
            if let pin = instance.jobs[j].pinned {
                plan[j] = pin
                occupancy.place(pin, job: j)
            }
        }
        let weight = jobs.map { j in placements[j].reduce(0) { $0 + values[$1.variable.index] } }
        let order = jobs.indices
            .filter { instance.jobs[jobs[$0]].pinned == nil }
            .sorted { a, b in
                if abs(weight[a] - weight[b]) > 1e-9 { return weight[a] > weight[b] }
                let pa = instance.jobs[jobs[a]].priority, pb = instance.jobs[jobs[b]].priority
                return pa != pb ? pa > pb : jobs[a] < jobs[b]
            }
            .map { jobs[$0] }
        for j in order {
            let choices = placements[j].filter { values[$0.variable.index] > 1e-6 }
                .sorted {
                    (-values[$0.variable.index], $0.start, $0.bayGroup) < (
                        -values[$1.variable.index], $1.start, $1.bayGroup
                    )
                }
            var chosen: SlotPlacement?
            for x in choices {
                // The bay is held over `x.held`; capacity and the mechanic count its work.
                guard occupancy.hasCapacity(x.work),
                    let bay = bayGroups.members[x.bayGroup].first(where: { occupancy.isBayFree($0, x.held) })
                else { continue }
                // A resumable job's mechanic group is its `x`'s; otherwise its `u`s, by LP weight.
                let crews =
                    x.mechanicGroup.map { [$0] }
                    ?? staffing[j].filter { $0.start == x.start }
                    .sorted {
                        (-values[$0.variable.index], $0.mechanicGroup) < (-values[$1.variable.index], $1.mechanicGroup)
                    }
                    .map(\.mechanicGroup)
                var mechanic: Int?
                // A mechanic books the job's labour on its day (rule 7).
                for k in crews where occupancy.hasLabour(job: j, start: x.start) {
                    let free = mechanicGroups.members[k].filter { occupancy.isMechanicFree($0, x.work) }
                    // Reuse a mechanic already at work when `mechanicUsed` is paid.
                    if let m = free.first(where: { occupancy.usedMechanics.contains($0) }) ?? free.first {
                        mechanic = m
                        break
                    }
                }
                if mechanic == nil && (instance.jobs[j].mode == .required || x.mechanicGroup != nil) { continue }
                chosen = SlotPlacement(start: x.start, bay: bay, mechanic: mechanic)
                break
            }
            if chosen == nil,
                let (placement, cost) = GreedyStrategy.cheapestFreePlacement(instance, job: j, occupancy: occupancy),
                cost < instance.unscheduledCost(job: j)
            {
                chosen = placement
            }
            if let chosen {
                plan[j] = chosen
                occupancy.place(chosen, job: j)
            }
        }
        let repaired = PlanRepair.improve(instance, plan, jobs: jobs, deadline: deadline)
        return MechanicConsolidation.improve(instance, repaired, jobs: jobs, restarts: 2, deadline: deadline)
    }
}
