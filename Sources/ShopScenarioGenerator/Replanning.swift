import ShopDomain
import ShopPlanner

/// The plan-dependent parts of a scenario: pins and the replanning day.
///
/// Both start from one greedy plan of the generated shop. Pins are a subset
/// of that plan, so they never clash with each other. A replanning day
/// writes the plan as `current`, then breaks part of it the way a real day
/// does: a mechanic goes home sick at midday, sometimes a bay breaks down.
enum Replanning {
    static func apply(to base: ScenarioFile, options: GeneratorOptions) throws(InputError) -> ScenarioFile {
        let instance = Instance(try Scenario(file: base))
        let plan = GreedyStrategy().plan(instance, options: PlanOptions()).placements
        let scheduled = instance.jobs.indices.filter { plan[$0] != nil }
        var file = base

        func placement(_ p: SlotPlacement) -> ScenarioFile.Placement {
            ScenarioFile.Placement(
                start: instance.time(ofSlot: p.start).description, bay: instance.bays[p.bay].id,
                mechanic: p.mechanic.map { instance.mechanics[$0].id })
        }

        var candidates = scheduled
        if options.disrupted {
            for j in scheduled { file.jobs[j].current = placement(plan[j]!) }
            var rng = SplitMix64(seed: options.seed, stream: .disruption)
            disrupt(&file, instance: instance, plan: plan, rng: &rng)
            // Only placements that still hold may be pinned.
            let after = Instance(try Scenario(file: file))
            candidates = scheduled.filter { after.isValidAlone(job: $0, plan[$0]!) }
        }

        let wanted = Int((options.pinnedFraction * Double(scheduled.count)).rounded())
        if wanted > 0 {
            var rng = SplitMix64(seed: options.seed, stream: .pins)
            for j in rng.sample(candidates, count: wanted) { file.jobs[j].pinned = placement(plan[j]!) }
        }
        return file
    }

    /// Breaks the current plan on its first working day.
    ///
    /// The mechanic with the most current jobs that day among those still
    /// busy after the cut (12:00 or 13:00) goes home then: the shift ends at
    /// the cut, or disappears when it would start later. If nobody works past
    /// both cuts, the busiest mechanic leaves when his last job starts. On
    /// about half of the seeds, and always when no mechanic could be sent
    /// home, a bay in use that afternoon is out of service for 2 hours.
    static func disrupt(_ file: inout ScenarioFile, instance: Instance, plan: [SlotPlacement?], rng: inout SplitMix64) {
        let perDay = instance.slotsPerDay, slot = instance.slotMinutes
        let current = instance.jobs.indices.filter { plan[$0] != nil }
        guard !current.isEmpty else { return }
        func day(_ j: Int) -> Int { plan[j]!.start / perDay }
        func end(_ j: Int) -> Int { plan[j]!.start + instance.jobs[j].length }

        var brokeMechanic = false
        let withMechanic = current.filter { plan[$0]!.mechanic != nil }
        if let firstDay = withMechanic.map(day).min() {
            let today = withMechanic.filter { day($0) == firstDay }
            func jobs(of m: Int) -> [Int] { today.filter { plan[$0]!.mechanic == m } }
            /// The busiest mechanic among `mechanics`; ties go to the first.
            func busiest(_ mechanics: [Int]) -> Int? {
                mechanics.min { (-jobs(of: $0).count, $0) < (-jobs(of: $1).count, $1) }
            }
            let mechanics = instance.mechanics.indices.filter { !jobs(of: $0).isEmpty }
            let first = rng.chance(0.5) ? 12 * 60 : 13 * 60
            var cut: (mechanic: Int, minute: Int)?
            for minute in [first, 25 * 60 - first] {  // the other of 12:00 and 13:00
                let cutSlot = firstDay * perDay + minute / slot
                let busyAfter = mechanics.filter { m in jobs(of: m).contains { end($0) > cutSlot } }
                if let m = busiest(busyAfter) { cut = (m, minute); break }
            }
            if cut == nil, let m = busiest(mechanics) {
                let last = jobs(of: m).map { plan[$0]!.start }.max()!
                cut = (m, (last - firstDay * perDay) * slot)
            }
            if let (m, minute) = cut {
                let date = instance.scenario.facility.horizonStart.adding(days: firstDay)
                let prefix = date.description + "T"
                var shifts = file.mechanics[m].shifts ?? []
                if let s = shifts.firstIndex(where: { $0.start.hasPrefix(prefix) }) {
                    let end = ShopBuilder.time(date, minute)
                    if shifts[s].start >= end { shifts.remove(at: s) } else { shifts[s].end = min(shifts[s].end, end) }
                    file.mechanics[m].shifts = shifts
                    brokeMechanic = true
                }
            }
        }

        guard rng.chance(0.5) || !brokeMechanic else { return }
        // A bay breaks down in the afternoon of the first day with current work.
        let firstDay = current.map(day).min()!
        let date = instance.scenario.facility.horizonStart.adding(days: firstDay)
        let close = Catalog.hours(date.weekday)?.close ?? 18 * 60
        let starts = [13 * 60, 14 * 60, 15 * 60].filter { $0 + 120 <= close }
        var from = rng.pick(starts.isEmpty ? [12 * 60] : starts)
        func hit(_ minute: Int) -> [Int] {
            let a = firstDay * perDay + minute / slot, b = a + 120 / slot
            return current.filter { day($0) == firstDay && plan[$0]!.start < b && a < end($0) }
        }
        var affected = hit(from)
        if affected.isEmpty && !brokeMechanic {
            // Nothing else broke: make sure the outage meets a current job.
            let j = current.filter { day($0) == firstDay }.min { plan[$0]!.start < plan[$1]!.start }!
            from = (plan[j]!.start - firstDay * perDay) * slot / 60 * 60
            affected = hit(from)
        }
        let bays = affected.isEmpty ? Array(instance.bays.indices) : affected.map { plan[$0]!.bay }
        let bay = rng.pick(bays.reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }.sorted())
        let outage = ScenarioFile.TimeRange(
            start: ShopBuilder.time(date, from),
            end: ShopBuilder.time(date, min(from + 120, 1439)))
        file.bays[bay].outOfService = (file.bays[bay].outOfService ?? []) + [outage]
    }
}
