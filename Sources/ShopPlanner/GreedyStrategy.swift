import MILP
import ShopDomain

/// Places jobs one at a time, most important and least flexible first, each
/// at its cheapest free placement. Fast, needs no GLPK, always feasible; the
/// MILP starts from its plan.
public struct GreedyStrategy: PlanningStrategy {
    public let name = "greedy"
    public init() {}

    public func plan(_ instance: Instance, options: PlanOptions) -> PlanResult {
        let clock = ContinuousClock()
        let started = clock.now
        let pinProblems = PinCheck.problems(in: instance)
        guard pinProblems.isEmpty else {
            return .infeasible(instance, strategy: name, problems: pinProblems, seconds: seconds(since: started, clock))
        }
        let deadline = options.deadline(from: started)
        let placements = Self.greedyPlan(instance, deadline: deadline)
        let objective = instance.objective(of: placements)
        let bound = Self.simpleBound(instance, deadline: deadline)
        return PlanResult(
            strategy: name, status: bound >= objective ? .optimal : .feasible, placements: placements,
            objective: objective, bound: min(bound, objective), seconds: seconds(since: started, clock),
            reasons: Self.reasons(instance, placements), problems: [], instance: instance)
    }

    /// The greedy plan itself (pins must hold; see ``PinCheck``).
    /// With a `deadline`, jobs not reached by then stay unscheduled (the
    /// plan is still feasible; it is just not as full as it could be).
    static func greedyPlan(_ instance: Instance, deadline: ContinuousClock.Instant? = nil) -> [SlotPlacement?] {
        var placements = [SlotPlacement?](repeating: nil, count: instance.jobs.count)
        var occupancy = Occupancy(instance)
        for job in instance.jobs {
            if let pin = job.pinned {
                placements[job.index] = pin
                occupancy.place(pin, job: job.index)
            }
        }
        let order = instance.jobs.filter { $0.pinned == nil }.sorted { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            let fa = a.starts.count * max(a.bayOptions.count, 1), fb = b.starts.count * max(b.bayOptions.count, 1)
            if fa != fb { return fa < fb }
            if a.length != b.length { return a.length > b.length }
            return a.index < b.index
        }
        for job in order {
            if let deadline, ContinuousClock.now >= deadline { break }
            if let (placement, cost) = cheapestFreePlacement(
                instance, job: job.index, occupancy: occupancy, deadline: deadline),
                cost <= instance.unscheduledCost(job: job.index)
            {
                placements[job.index] = placement
                occupancy.place(placement, job: job.index)
            }
        }
        return placements
    }

    /// Adds unscheduled jobs to a plan wherever that lowers the objective.
    static func insertUnscheduled(
        _ instance: Instance, into plan: [SlotPlacement?],
        deadline: ContinuousClock.Instant? = nil
    ) -> [SlotPlacement?] {
        var placements = plan
        var occupancy = Occupancy(instance, plan: plan)
        for job in instance.jobs where placements[job.index] == nil {
            if let deadline, ContinuousClock.now >= deadline { break }
            if let (placement, cost) = cheapestFreePlacement(
                instance, job: job.index, occupancy: occupancy, deadline: deadline),
                cost < instance.unscheduledCost(job: job.index)
            {
                placements[job.index] = placement
                occupancy.place(placement, job: job.index)
            }
        }
        return placements
    }

    /// The cheapest valid placement of job `j` beside `occupancy`, counting
    /// `mechanicUsed` for a mechanic not yet used; ties go to the earliest
    /// start, then scenario order of bays and mechanics.
    ///
    /// With a `deadline` the search stops there (checked every 64 starts):
    /// the result is then the cheapest among the starts seen, still a valid
    /// placement but perhaps not the cheapest, and `timedOut` is set.
    static func cheapestFreePlacement(
        _ instance: Instance, job j: Int, occupancy: Occupancy, countMechanicUsed: Bool = true,
        deadline: ContinuousClock.Instant? = nil, timedOut: UnsafeMutablePointer<Bool>? = nil
    ) -> (SlotPlacement, Int)? {
        let job = instance.jobs[j]
        let usedWeight = countMechanicUsed ? instance.weights.mechanicUsed : 0
        if job.resumable {
            return cheapestFreeResumablePlacement(
                instance, job: j, occupancy: occupancy, usedWeight: usedWeight, deadline: deadline,
                timedOut: timedOut)
        }
        var best: (SlotPlacement, Int)?
        for (n, s) in job.starts.enumerated() {
            if let deadline, n % 64 == 63, ContinuousClock.now >= deadline {
                timedOut?.pointee = true
                break
            }
            let range = s..<(s + job.length)
            guard occupancy.hasCapacity(range) else { continue }
            // The cost separates into start, bay and mechanic parts.
            var bestBay: (Int, Int)?
            for b in job.bayOptions
            where instance.bayAvailable(job: j, bay: b, start: s) && occupancy.isBayFree(b, range) {
                let cost = instance.bayCost(job: j, bay: b)
                if bestBay == nil || cost < bestBay!.1 { bestBay = (b, cost) }
            }
            guard let (bay, bayCost) = bestBay else { continue }
            var bestMechanic: (Int?, Int)?
            if job.mode != .required { bestMechanic = (nil, instance.mechanicCost(job: j, mechanic: nil)) }
            // A mechanic books the job's labour on its day (rule 7).
            let labourFits = occupancy.hasLabour(job: j, start: s)
            for m in job.mechanicOptions
            where labourFits && instance.mechanicAvailable(job: j, mechanic: m, start: s)
                && occupancy.isMechanicFree(m, range)
            {
                var cost = instance.mechanicCost(job: j, mechanic: m)
                if !occupancy.usedMechanics.contains(m) { cost += usedWeight }
                if bestMechanic == nil || cost < bestMechanic!.1 { bestMechanic = (m, cost) }
            }
            guard let (mechanic, mechanicCost) = bestMechanic else { continue }
            let total = instance.startCost(job: j, start: s) + bayCost + mechanicCost
            if best == nil || total < best!.1 {
                best = (SlotPlacement(start: s, bay: bay, mechanic: mechanic), total)
            }
        }
        return best
    }

    /// ``cheapestFreePlacement(_:job:occupancy:countMechanicUsed:deadline:timedOut:)`` for
    /// a resumable job: its bay's held range and its work slots depend on the mechanic
    /// (contract §7), so each mechanic (or none) is walked at each start, and the cheapest
    /// free bay is looked for over what that walk holds.
    private static func cheapestFreeResumablePlacement(
        _ instance: Instance, job j: Int, occupancy: Occupancy, usedWeight: Int,
        deadline: ContinuousClock.Instant?, timedOut: UnsafeMutablePointer<Bool>?
    ) -> (SlotPlacement, Int)? {
        let job = instance.jobs[j]
        let crews: [Int?] = (job.mode == .required ? [] : [nil]) + job.mechanicOptions.map { Optional($0) }
        // Scanning each range costs about starts × length; tables cost one pass of the
        // horizon per bay and mechanic: build them when the scans would cost more.
        let tables =
            job.starts.count * job.length >= instance.slotCount
            ? FreeTime(occupancy, bays: job.bayOptions, mechanics: job.mechanicOptions) : nil
        func isBayFree(_ b: Int, _ range: Range<Int>) -> Bool {
            tables?.isBayFree(b, range) ?? occupancy.isBayFree(b, range)
        }
        func isMechanicFree(_ m: Int, _ work: [Range<Int>]) -> Bool {
            tables?.isMechanicFree(m, work) ?? occupancy.isMechanicFree(m, work)
        }
        func hasCapacity(_ work: [Range<Int>]) -> Bool { tables?.hasCapacity(work) ?? occupancy.hasCapacity(work) }
        var best: (SlotPlacement, Int)?
        for (n, s) in job.starts.enumerated() {
            if let deadline, n % 64 == 63, ContinuousClock.now >= deadline {
                timedOut?.pointee = true
                break
            }
            // Every cost term is at least 0 and ties go to the earlier start: a start,
            // crew or bay that cannot beat the best found is skipped before its slots are
            // looked at (a long job's checks read thousands of slots).
            let startCost = instance.startCost(job: j, start: s)
            if let best, startCost >= best.1 { continue }
            for m in crews {
                var mechanicCost = instance.mechanicCost(job: j, mechanic: m)
                if let m, !occupancy.usedMechanics.contains(m) { mechanicCost += usedWeight }
                if let best, startCost + mechanicCost >= best.1 { continue }
                guard let occupation = instance.occupation(job: j, start: s, mechanic: m),
                    occupation.end <= job.latestEnd
                else { continue }
                // A mechanic books the job's labour on its start day (rule 7).
                if m != nil, !occupancy.hasLabour(job: j, start: s) { continue }
                var bestBay: (Int, Int)?
                for b in job.bayOptions where instance.bayAvailable(job: j, bay: b, held: occupation.held) {
                    let cost = instance.bayCost(job: j, bay: b)
                    if let bestBay, cost >= bestBay.1 { continue }
                    if let best, startCost + mechanicCost + cost >= best.1 { continue }
                    if isBayFree(b, occupation.held) { bestBay = (b, cost) }
                }
                guard let (bay, bayCost) = bestBay, hasCapacity(occupation.work),
                    m.map({ isMechanicFree($0, occupation.work) }) ?? true
                else { continue }
                let total = startCost + bayCost + mechanicCost
                if best == nil || total < best!.1 { best = (SlotPlacement(start: s, bay: bay, mechanic: m), total) }
            }
        }
        return best
    }

    /// A lower bound on the optimum: each job at its cheapest placement alone
    /// (or unscheduled), plus `mechanicUsed` for mechanics named by pins and
    /// for the crowd of jobs that must run at once (``MechanicCrowdBound``,
    /// unless `crowd` is false).
    ///
    /// With a `deadline`, the jobs not reached by then add nothing: every
    /// term is at least 0, so what has been summed is still a lower bound.
    static func simpleBound(
        _ instance: Instance, jobs: [Int]? = nil, crowd: Bool = true,
        deadline: ContinuousClock.Instant? = nil
    ) -> Int {
        var total = 0
        var pinnedMechanics = Set<Int>()
        var alone: [Int: Int] = [:]
        let empty = Occupancy(instance)
        var complete = true
        for j in jobs ?? Array(instance.jobs.indices) {
            if let deadline, ContinuousClock.now >= deadline { complete = false; break }
            let job = instance.jobs[j]
            if let pin = job.pinned {
                total += instance.placementCost(job: j, pin)
                if let m = pin.mechanic { pinnedMechanics.insert(m) }
                continue
            }
            var timedOut = false
            let cheapest = cheapestFreePlacement(
                instance, job: j, occupancy: empty, countMechanicUsed: false,
                deadline: deadline, timedOut: &timedOut)
            // A search cut short may have missed the cheapest: add nothing for this job.
            if timedOut { complete = false; break }
            if let cost = cheapest?.1 { alone[j] = cost }
            total += min(cheapest?.1 ?? Int.max, instance.unscheduledCost(job: j))
        }
        return total + pinnedMechanics.count * instance.weights.mechanicUsed
            + (crowd && complete
                ? MechanicCrowdBound.extra(instance, cheapest: alone, pinnedMechanics: pinnedMechanics.count) : 0)
    }

    /// Whether job `j` has any valid placement beside `occupancy` (the
    /// first found will do: cheaper than looking for the cheapest).
    static func hasFreePlacement(_ instance: Instance, job j: Int, occupancy: Occupancy) -> Bool {
        let job = instance.jobs[j]
        if job.resumable {
            return cheapestFreeResumablePlacement(
                instance, job: j, occupancy: occupancy, usedWeight: 0, deadline: nil, timedOut: nil) != nil
        }
        for s in job.starts {
            let range = s..<(s + job.length)
            guard occupancy.hasCapacity(range),
                job.bayOptions.contains(where: {
                    instance.bayAvailable(job: j, bay: $0, start: s) && occupancy.isBayFree($0, range)
                })
            else { continue }
            if job.mode != .required { return true }
            if occupancy.hasLabour(job: j, start: s),
                job.mechanicOptions.contains(where: {
                    instance.mechanicAvailable(job: j, mechanic: $0, start: s) && occupancy.isMechanicFree($0, range)
                })
            {
                return true
            }
        }
        return false
    }

    /// Reasons for every unscheduled job of a final plan.
    static func reasons(_ instance: Instance, _ placements: [SlotPlacement?]) -> [Int: [UnscheduledReason]] {
        let occupancy = Occupancy(instance, plan: placements)
        var reasons: [Int: [UnscheduledReason]] = [:]
        // Jobs alike in everything the reasons read get the same reasons
        // beside the same plan: work them out once (thousands of identical
        // jobs left out would otherwise each rescan the whole horizon).
        struct Alike: Hashable {
            var length: Int, minutes: Int, earliest: Int, latestEnd: Int, mode: MechanicMode
            var bays: [Int], mechanics: [Int], resumable: Bool
        }
        var known: [Alike: [UnscheduledReason]] = [:]
        for job in instance.jobs where placements[job.index] == nil {
            let key = Alike(
                length: job.length, minutes: instance.scenario.jobs[job.index].durationMinutes,
                earliest: job.earliest, latestEnd: job.latestEnd, mode: job.mode,
                bays: job.bayOptions, mechanics: job.mechanicOptions,
                resumable: instance.scenario.jobs[job.index].resumable)
            if let same = known[key] { reasons[job.index] = same; continue }
            let alone = instance.reasonsAlone(job: job.index)
            if !alone.isEmpty {
                reasons[job.index] = alone
            } else {
                let fits = hasFreePlacement(instance, job: job.index, occupancy: occupancy)
                reasons[job.index] = [fits ? .cost : .capacity]
            }
            known[key] = reasons[job.index]
        }
        return reasons
    }
}

func seconds(since start: ContinuousClock.Instant, _ clock: ContinuousClock) -> Double {
    (clock.now - start).inSeconds
}
