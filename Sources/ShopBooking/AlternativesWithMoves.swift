import MILP
import ShopDomain
import ShopOperations
import ShopPlanner

/// Placements that become possible by moving not-yet-confirmed appointments,
/// offered when nothing fits on the first wanted day.
///
/// The day becomes a contract scenario: `SCHEDULED` appointments near the
/// wanted time (within the job's length or two hours, whichever is more, on
/// either side) get `current`, so the contract's `moved`, `changedBay` and
/// `changedMechanic` weights price every move; every other appointment is
/// pinned, and booked ones carry a priority that makes dropping one never pay.
/// ShopPlanner's MILP places the request at least cost. Further alternatives
/// come from solving again with the request's start restricted to before or
/// after the starts already offered, so each alternative is another start.
/// A placement overlapping the customer's own appointment is not offered
/// (the MILP does not know customers). Work that may pause (contract §7) is
/// searched over the wanted day and the days it may run into (to the day its
/// work would end from the wanted start, and one more), its start on the wanted
/// day; a region's starts are bounded through the window's latest end, the end
/// of the region's last open start with the shop's hours alone, so a placement
/// whose mechanic's shifts end it later still is not found in that region. All solves share one time limit; when one stops unproven (or time runs
/// out) a `MOVES_SEARCH_INCOMPLETE` warning says the list may miss better ones.
enum AlternativesWithMoves {
    /// Far above any placement cost: the MILP never unschedules a booked appointment to make room.
    static let bookedPriority = 1000

    static func find(
        _ booking: ValidatedBooking, durationMinutes: Int, day: LocalDate, now: LocalDateTime,
        strategy: AssignmentStrategy, count: Int, timeLimit: Double
    ) -> ([Alternative], Warning?) {
        guard count > 0, let wanted = booking.preferredStarts.first(where: { $0.date == day }) else { return ([], nil) }
        let slot = booking.facility.scenario.facility.slotMinutes
        let dayStart = LocalDateTime(date: day, minuteOfDay: 0)
        let pad = max(durationMinutes, 120)
        let job = booking.job(durationMinutes: durationMinutes)
        // Work that may pause: the days it may run into, and where it would end from the wanted start.
        var days = 1
        var wantedEnd = wanted.adding(minutes: durationMinutes)
        var probe: ShopState?
        if job.resumable {
            let shop = booking.facility.scenario.facility
            let left = shop.horizonStart.adding(days: shop.horizonDays).dayNumber - day.dayNumber
            // From the wanted start, or the first open start after it (a wanted start at lunch).
            guard left > 0, let whole = try? ShopState(booking.facility, placing: job, day: day, days: left),
                let from = whole.starts.first(where: { $0 >= whole.slot(of: wanted) }),
                let work = whole.work(job: whole.newJob, start: from, mechanic: nil)
            else { return ([], nil) }
            wantedEnd = whole.instance.time(ofSlot: work.last!.upperBound)
            days = min(left, wantedEnd.date.dayNumber - day.dayNumber + 2)
            probe = try? ShopState(booking.facility, placing: job, day: day, days: days)
        }
        let near = wanted.adding(minutes: -pad)..<wantedEnd.adding(minutes: pad)
        func movable(_ appointment: ValidatedFacility.Booked) -> Bool {
            appointment.start < near.upperBound && near.lowerBound < appointment.end
        }
        let length = (durationMinutes + slot - 1) / slot
        let slotsPerDay = 1440 / slot
        // Allowed starts today: not before now, not past the day.
        let first = max(0, (now.absoluteMinutes - dayStart.absoluteMinutes + slot - 1) / slot)
        let last = job.resumable ? slotsPerDay - 1 : slotsPerDay - length
        guard first <= last else { return ([], nil) }
        let horizonEnd = LocalDateTime(
            date: now.date.adding(days: booking.policy.resolvedBookingHorizonDays), minuteOfDay: 0)
        guard dayStart < horizonEnd else { return ([], nil) }
        // The search plans one day; in a shop open through midnight an appointment
        // running over the day's edge would be missing from it (or fail its pin), so
        // offering moves there could double-book. Say so instead.
        let dayEnd = LocalDateTime(date: day.adding(days: days), minuteOfDay: 0)
        if let crossing = booking.appointments.first(where: {
            $0.status.isActive && $0.start < dayEnd && dayStart < $0.end && ($0.start < dayStart || $0.end > dayEnd)
        }) {
            return (
                [],
                Warning(
                    code: "MOVES_NOT_SEARCHED",
                    message: days == 1
                        ? "\(crossing.file.id) runs over midnight into or out of \(day); moves are searched one day at a time, so none are offered"
                        : "\(crossing.file.id) runs into or out of the days \(day) to \(day.adding(days: days - 1)) searched, so no moves are offered"
                )
            )
        }

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(timeLimit * 1000)))
        typealias Found = (model: ShopState, placements: [SlotPlacement?], cost: Int, disruption: Int, moves: [Move])
        /// The best placement with its start in `region` (slots of the day), `nil` when none; solved once per region.
        struct Region {
            var starts: ClosedRange<Int>
            var solved = false
            var best: Found?
        }
        var regions = [Region(starts: first...last)]
        var found: [Found] = []
        var problem: Warning?
        var unproven = false
        search: while found.count < count {
            for r in regions.indices where !regions[r].solved {
                let remaining = (deadline - clock.now).inSeconds
                guard remaining > 0.01 else { unproven = true; break search }
                let region = regions[r].starts
                regions[r].solved = true
                guard let latest = latestEnd(region, probe: probe, length: length) else { continue }
                let window = (
                    dayStart.adding(minutes: region.lowerBound * slot), dayStart.adding(minutes: latest * slot)
                )
                guard
                    let model = try? ShopState(
                        booking.facility, placing: job, movable: movable, day: day, days: days, window: window,
                        bookedPriority: bookedPriority)
                else { continue }
                var options = PlanOptions()
                options.threads = 1
                options.timeLimitSeconds = remaining / Double(regions.count { !$0.solved } + 1)
                let result = MILPStrategy().plan(model.instance, options: options)
                if result.status == .infeasible {
                    problem = Warning(
                        code: "MOVES_NOT_SEARCHED",
                        message:
                            "the confirmed appointments of \(day) do not fit as booked: \(result.problems.joined(separator: "; "))"
                    )
                    break search
                }
                if result.status != .optimal { unproven = true }
                // Never offer one that drops a booked appointment.
                guard result.status == .optimal || result.status == .feasible, result.placements[model.newJob] != nil,
                    (0..<model.newJob).allSatisfy({ result.placements[$0] != nil })
                else { continue }
                // The MILP does not know customers: never offer a time the customer is already booked.
                if clashesWithCustomer(model, result.placements) { continue }
                var before = result.placements
                for j in 0..<model.newJob { before[j] = model.bookedPlacement(j) }
                before[model.newJob] = nil
                let cost =
                    result.objective!
                    - (model.instance.objective(of: before) - model.instance.unscheduledCost(job: model.newJob))
                let disruption = (0..<model.newJob).reduce(0) {
                    $0 + model.instance.placementCost(job: $1, result.placements[$1]!)
                }
                regions[r].best = (model, result.placements, cost, disruption, Self.moves(model, result.placements))
            }
            // The cheapest region's placement is the next alternative (ties: the earlier start);
            // its region splits into the starts before and after it, each solved anew.
            func key(_ f: Found) -> (Int, Int) { (f.cost, f.placements[f.model.newJob]!.start) }
            guard
                let r = regions.indices.filter({ regions[$0].best != nil })
                    .min(by: { key(regions[$0].best!) < key(regions[$1].best!) })
            else { break }
            let chosen = regions.remove(at: r)
            found.append(chosen.best!)
            let s = chosen.best!.placements[chosen.best!.model.newJob]!.start
            if chosen.starts.lowerBound <= s - 1 { regions.append(Region(starts: chosen.starts.lowerBound...(s - 1))) }
            if s + 1 <= chosen.starts.upperBound { regions.append(Region(starts: (s + 1)...chosen.starts.upperBound)) }
            regions.sort { $0.starts.lowerBound < $1.starts.lowerBound }
        }
        if problem == nil, unproven {
            problem = Warning(
                code: "MOVES_SEARCH_INCOMPLETE",
                message:
                    "the search for placements with moves on \(day) ran out of its \(timeLimit) s before proving it found the best"
            )
        }
        let bestCost = found.first?.cost ?? 0
        let alternatives = found.enumerated().map { rank, f in
            Alternatives.alternative(
                f.model, rank: rank + 1, f.placements[f.model.newJob]!, addedCost: f.cost,
                bestCost: bestCost, moves: f.moves, disruption: f.disruption)
        }
        return (alternatives, problem)
    }

    /// The window's latest end (a slot of the search) that keeps the request's start in
    /// `region`: its end from the region's last start; for work that may pause, from the
    /// region's last open start with the shop's hours alone (`nil`: none is open).
    static func latestEnd(_ region: ClosedRange<Int>, probe: ShopState?, length: Int) -> Int? {
        guard let probe else { return region.upperBound + length }
        return region.reversed().lazy.compactMap { probe.work(job: probe.newJob, start: $0, mechanic: nil) }.first?
            .last?.upperBound
    }

    /// Whether the request, placed, overlaps another active appointment of its customer (moved ones where they go).
    static func clashesWithCustomer(_ model: ShopState, _ placements: [SlotPlacement?]) -> Bool {
        guard let customer = model.job.customerId, let placed = placements[model.newJob] else { return false }
        let range = model.held(job: model.newJob, placed)
        return model.appointmentJobs.enumerated().contains { j, index in
            guard model.facility.appointments[index].file.customerId == customer, let p = placements[j] else {
                return false
            }
            return model.held(job: j, p).overlaps(range)
        }
    }

    /// The appointments whose placement changed, in job order.
    static func moves(_ model: ShopState, _ placements: [SlotPlacement?]) -> [Move] {
        let scenario = model.scenario, instance = model.instance
        return (0..<model.newJob).compactMap { j in
            guard let from = instance.jobs[j].current, let to = placements[j], from != to else { return nil }
            return Move(
                appointment: scenario.jobs[j].id,
                fromStart: instance.time(ofSlot: from.start).description,
                toStart: instance.time(ofSlot: to.start).description,
                fromBay: scenario.bays[from.bay].id, toBay: scenario.bays[to.bay].id,
                fromMechanic: from.mechanic.map { scenario.mechanics[$0].id },
                toMechanic: to.mechanic.map { scenario.mechanics[$0].id })
        }
    }
}
