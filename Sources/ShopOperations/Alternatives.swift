import ShopDomain
import ShopPlanner

/// Ranked alternatives without moving anyone: every start of the snapshot's
/// days from now to the booking horizon, each with the bay and mechanic the
/// booking itself would choose there, kept when nothing blocks it (no hard
/// and no overridable conflict: an alternative never needs an override).
/// One alternative per start, so three alternatives are three times, and
/// no two hold the same bay or mechanic at overlapping times.
///
/// Ranked by the contract objective's cost for the new job (start deviation
/// from the nearest preferred start, missing preferred skills, …), after the
/// request's ``AlternativeOrder`` keys; ties by end, start, bay, mechanic. Work
/// that may pause (contract §7) is ranked the same way, its cost read on its start;
/// among equal costs the one that ends first (gives the car back first) comes
/// first, which for work in one stretch is the earlier start, as before.
public enum Alternatives {
    struct Candidate {
        var slot: Int
        var bay: Int
        var mechanic: Int?
        var cost: Int
        /// The slots it holds its bay.
        var held: Range<Int>
    }

    /// `allowed` says which starts the caller may take at all (a reschedule's notice rules).
    public static func plain(
        _ model: ShopState, now: LocalDateTime, strategy: AssignmentStrategy, count: Int,
        excluding: LocalDateTime? = nil,
        allowed: (LocalDateTime) -> Bool = { _ in true }
    ) -> [Alternative] {
        guard count > 0 else { return [] }
        let instance = model.instance
        var candidates: [Candidate] = []
        for s in model.starts {
            let time = instance.time(ofSlot: s)
            if time < now || time == excluding || !allowed(time) { continue }
            let check = Conflicts.check(model, start: time, now: now, strategy: strategy, soft: false)
            guard let bay = check.bay, check.blocking(overrideGranted: false).isEmpty else { continue }
            let mechanic = model.job.needsMechanic ? check.mechanic ?? check.candidate : nil
            let placement = SlotPlacement(start: s, bay: bay, mechanic: mechanic)
            candidates.append(
                Candidate(
                    slot: s, bay: bay, mechanic: mechanic, cost: addedCost(model, placement),
                    held: model.held(job: model.newJob, placement)))
        }
        let firstDay = model.job.preferredStarts.first.map {
            model.slot(of: LocalDateTime(date: $0.date, minuteOfDay: 0)) / instance.slotsPerDay
        }
        let order = model.job.order
        func key(_ c: Candidate) -> [Int] {
            var key: [Int] = []
            for rule in order {
                switch rule {
                case .sameDayFirst: key.append(c.slot / instance.slotsPerDay == firstDay ? 0 : 1)
                case .preferredMechanic:
                    key.append(c.mechanic != nil && c.mechanic == model.job.preferredMechanic ? 0 : 1)
                case .earliest: key.append(c.slot)
                }
            }
            return key + [c.cost, c.held.upperBound, c.slot, c.bay, c.mechanic ?? -1]
        }
        // Distinct options: a start that would hold the same bay or mechanic
        // at an overlapping time as a better one (14:00, 14:15, 14:30 in one
        // bay) is no real choice for the customer, so it is skipped.
        var best: [Candidate] = []
        for c in candidates.sorted(by: { key($0).lexicographicallyPrecedes(key($1)) }) where best.count < count {
            let same = best.contains { other in
                (other.bay == c.bay || (other.mechanic != nil && other.mechanic == c.mechanic))
                    && other.held.overlaps(c.held)
            }
            if !same { best.append(c) }
        }
        let bestCost = best.first?.cost ?? 0
        return best.enumerated().map { rank, c in
            alternative(
                model, rank: rank + 1, SlotPlacement(start: c.slot, bay: c.bay, mechanic: c.mechanic),
                addedCost: c.cost, bestCost: bestCost, moves: [], disruption: 0)
        }
    }

    /// The reverse question, "what could mechanic `m` start next": the
    /// earliest start from `from` (and not before `now`) up to, not
    /// including, `before`, at which the placement check gives the job to `m`
    /// with nothing blocking (no hard and no overridable conflict, the daily
    /// labour limit included), as an alternative of rank 1. The model's job
    /// should prefer `m` (``JobToPlace/preferredMechanic``), so the check
    /// tries `m` first.
    public static func earliest(
        _ model: ShopState, mechanic m: Int, from: LocalDateTime, before: LocalDateTime, now: LocalDateTime
    ) -> (placement: SlotPlacement, alternative: Alternative)? {
        let instance = model.instance
        for s in model.starts {
            let time = instance.time(ofSlot: s)
            if time < from || time < now { continue }
            if time >= before { break }
            let check = Conflicts.check(model, start: time, now: now, strategy: .manual, soft: false)
            guard let bay = check.bay, check.mechanic == m, check.blocking(overrideGranted: false).isEmpty else {
                continue
            }
            let placement = SlotPlacement(start: s, bay: bay, mechanic: m)
            let cost = addedCost(model, placement)
            return (
                placement,
                alternative(model, rank: 1, placement, addedCost: cost, bestCost: cost, moves: [], disruption: 0)
            )
        }
        return nil
    }

    /// The objective of the booked plan with the request placed, minus without
    /// it: the job's placement cost, plus `mechanicUsed` for a mechanic with no other work.
    public static func addedCost(_ model: ShopState, _ placement: SlotPlacement) -> Int {
        var cost = model.instance.placementCost(job: model.newJob, placement)
        if let m = placement.mechanic, !model.occupancy.usedMechanics.contains(m) {
            cost += model.instance.weights.mechanicUsed
        }
        return cost
    }

    public static func alternative(
        _ model: ShopState, rank: Int, _ placement: SlotPlacement, addedCost: Int,
        bestCost: Int, moves: [Move], disruption: Int
    ) -> Alternative {
        let instance = model.instance
        let start = instance.time(ofSlot: placement.start)
        // Work that may pause: its runs with the placement's mechanic (none: the shop's hours alone).
        let work = model.work(job: model.newJob, start: placement.start, mechanic: placement.mechanic).map {
            ResumableWork.times(instance, $0)
        }
        let pauses = model.isResumable ? work : nil
        let end = pauses?.last?.end ?? start.adding(minutes: model.durationMinutes)
        let bay = model.scenario.bays[placement.bay]
        var reasons = [
            pauses.map {
                "\(bay.id) (\(bay.type.rawValue)) held \(start)–\(end), closed time included, working \(ResumableWork.describe($0))"
            }
                ?? "\(bay.id) (\(bay.type.rawValue)) free \(start.minuteOfDayText)–\(end.minuteOfDayText) on \(start.date)"
        ]
        if let m = placement.mechanic {
            reasons.append(
                SkillRule.describe(
                    model.name(ofMechanic: m), skills: model.scenario.mechanics[m].skills,
                    required: model.requiredSkills, preferred: model.preferredSkills))
        } else if model.qualified.isEmpty {
            reasons.append("no active mechanic has \(SkillRule.list(model.requiredSkills)): waits for skills")
        }
        if let nearest = model.job.preferredStarts.min(by: {
            abs($0.absoluteMinutes - start.absoluteMinutes) < abs($1.absoluteMinutes - start.absoluteMinutes)
        }) {
            let minutes = start.absoluteMinutes - nearest.absoluteMinutes
            reasons.append(
                minutes == 0
                    ? "at the preferred start"
                    : "\(abs(minutes)) min \(minutes > 0 ? "after" : "before") the preferred start \(nearest)")
        }
        if !moves.isEmpty {
            reasons.append("moves \(moves.map(\.appointment).joined(separator: ", ")) (disruption cost \(disruption))")
        }
        return Alternative(
            rank: rank, start: start.description, end: end.description, bay: bay.id,
            mechanic: placement.mechanic.map { model.scenario.mechanics[$0].id },
            addedCost: addedCost, costDifference: addedCost - bestCost, moves: moves,
            disruptionCost: disruption, reasons: reasons, work: pauses.map(ResumableWork.written))
    }
}
