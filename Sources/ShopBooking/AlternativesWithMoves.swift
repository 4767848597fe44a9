import ShopDomain
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
enum AlternativesWithMoves {
    /// Far above any placement cost: the MILP never unschedules a booked appointment to make room.
    static let bookedPriority = 1000

    static func find(_ booking: ValidatedBooking, durationMinutes: Int, day: LocalDate, now: LocalDateTime,
                     strategy: AssignmentStrategy, count: Int, timeLimit: Double) -> ([Alternative], Warning?) {
        guard count > 0, let wanted = booking.preferredStarts.first(where: { $0.date == day }) else { return ([], nil) }
        let slot = booking.facility.facility.slotMinutes
        let dayStart = LocalDateTime(date: day, minuteOfDay: 0)
        let pad = max(durationMinutes, 120)
        let near = wanted.adding(minutes: -pad)..<wanted.adding(minutes: durationMinutes + pad)
        func movable(_ appointment: ValidatedBooking.Booked) -> Bool {
            appointment.start < near.upperBound && near.lowerBound < appointment.end
        }
        let length = (durationMinutes + slot - 1) / slot
        let slotsPerDay = 1440 / slot
        // Allowed starts today: not before now, not past the day.
        let first = max(0, (now.absoluteMinutes - dayStart.absoluteMinutes + slot - 1) / slot)
        let last = slotsPerDay - length
        guard first <= last else { return ([], nil) }
        let horizonEnd = LocalDateTime(date: now.date.adding(days: booking.policy.resolvedBookingHorizonDays), minuteOfDay: 0)
        guard dayStart < horizonEnd else { return ([], nil) }

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(timeLimit * 1000)))
        var found: [(model: BookingModel, placements: [SlotPlacement?], cost: Int, disruption: Int, moves: [Move])] = []
        var regions: [ClosedRange<Int>] = [first...last]
        var problem: Warning?
        while found.count < count, !regions.isEmpty {
            // Solve every open region; keep the best as the next alternative, split its region around it.
            var best: (region: Int, model: BookingModel, placements: [SlotPlacement?], cost: Int, disruption: Int, moves: [Move])?
            for (r, region) in regions.enumerated() {
                let remaining = Double((deadline - clock.now).components.seconds)
                    + Double((deadline - clock.now).components.attoseconds) / 1e18
                guard remaining > 0.01 else { break }
                let window = (dayStart.adding(minutes: region.lowerBound * slot),
                              dayStart.adding(minutes: (region.upperBound + length) * slot))
                guard let model = try? BookingModel(booking, durationMinutes: durationMinutes, movable: movable, day: day,
                                                    window: window, bookedPriority: bookedPriority) else { continue }
                var options = PlanOptions()
                options.threads = 1
                options.timeLimitSeconds = remaining / Double(max(1, regions.count - r))
                let result = MILPStrategy().plan(model.instance, options: options)
                if result.status == .infeasible {
                    problem = Warning(code: "MOVES_NOT_SEARCHED",
                                      message: "the confirmed appointments of \(day) do not fit as booked: \(result.problems.joined(separator: "; "))")
                    regions = []
                    break
                }
                guard result.status == .optimal || result.status == .feasible,
                      let placed = result.placements[model.request] else { continue }
                // Never offer one that drops a booked appointment.
                guard (0..<model.request).allSatisfy({ result.placements[$0] != nil }) else { continue }
                var before = result.placements
                for j in 0..<model.request { before[j] = model.bookedPlacement(j) }
                before[model.request] = nil
                let cost = result.objective! - (model.instance.objective(of: before) - model.instance.unscheduledCost(job: model.request))
                let disruption = (0..<model.request).reduce(0) { $0 + model.instance.placementCost(job: $1, result.placements[$1]!) }
                let moves = Self.moves(model, result.placements)
                let slotInDay = placed.start
                if best == nil || cost < best!.cost || (cost == best!.cost && slotInDay < best!.placements[model.request]!.start) {
                    best = (r, model, result.placements, cost, disruption, moves)
                }
            }
            guard let chosen = best else { break }
            found.append((chosen.model, chosen.placements, chosen.cost, chosen.disruption, chosen.moves))
            let region = regions.remove(at: chosen.region)
            let s = chosen.placements[chosen.model.request]!.start
            if region.lowerBound <= s - 1 { regions.insert(region.lowerBound...(s - 1), at: chosen.region) }
            if s + 1 <= region.upperBound { regions.append((s + 1)...region.upperBound) }
            regions.sort { $0.lowerBound < $1.lowerBound }
        }
        let bestCost = found.first?.cost ?? 0
        let alternatives = found.enumerated().map { rank, f in
            Alternatives.alternative(f.model, rank: rank + 1, f.placements[f.model.request]!, addedCost: f.cost,
                                     bestCost: bestCost, moves: f.moves, disruption: f.disruption)
        }
        return (alternatives, problem)
    }

    /// The appointments whose placement changed, in job order.
    static func moves(_ model: BookingModel, _ placements: [SlotPlacement?]) -> [Move] {
        let scenario = model.scenario, instance = model.instance
        return (0..<model.request).compactMap { j in
            guard let from = instance.jobs[j].current, let to = placements[j], from != to else { return nil }
            return Move(appointment: scenario.jobs[j].id,
                        fromStart: instance.time(ofSlot: from.start).description,
                        toStart: instance.time(ofSlot: to.start).description,
                        fromBay: scenario.bays[from.bay].id, toBay: scenario.bays[to.bay].id,
                        fromMechanic: from.mechanic.map { scenario.mechanics[$0].id },
                        toMechanic: to.mechanic.map { scenario.mechanics[$0].id })
        }
    }
}
