import ShopDomain
import ShopPlanner

/// When each active work order of a location will start and be done, worked
/// out from the plan the snapshot holds.
///
/// The rule is the planner's rule for resumable jobs (contract §7), so the
/// board and a plan give the same end for the same job: work goes on only
/// while the shop is open and its mechanic is on shift, read on the slot grid
/// exactly as the planner reads them (``Instance``: opening hours and shifts
/// rounded inwards); work that cannot finish before closing carries over to
/// the next such time (``OpenTime/carryOver(_:from:through:within:)``). A job holds
/// its bay (or mobile unit) from its start to its completion, and its
/// mechanic only while it is worked on. Unlike a plan, the floor can meet a
/// bay that goes out of service under a car: the work then pauses too.
///
/// 1. **Assigned work** (a mechanic and a place from its appointment) is
///    dispatched in order of readiness: in progress now; scheduled at its
///    appointment's start (not before now); awaiting parts when the last
///    part arrives. Each job takes the earliest run, from when it is ready,
///    in which its mechanic and place are both free: the mechanic's and the
///    bay's queues ahead of it (a gap between booked jobs counts).
/// 2. **Waiting work** (no mechanic yet) queues by priority, then promised
///    time, then age, then id. In that order, each takes the earliest start
///    at which a qualified active mechanic and a bay of an allowed type (its
///    own bay, if it has one) are both free after the work planned before
///    it: earliest-fit placement against the current plan, the engine's
///    greedy placement rule, which keeps the board fast enough to redraw on
///    every change. That start is its expected assignment time.
///
/// Deterministic: every order breaks ties by index.
public struct FloorPlan: Sendable {
    /// Per work order of the location (same indices), `nil` for inactive ones.
    public let forecasts: [Forecast?]

    /// When one work order is expected to start and be done (a completion
    /// forecast; not the customer's forecast, which is a quote).
    public struct Forecast: Sendable, Hashable {
        public var readyAt: LocalDateTime?
        public var start: LocalDateTime?
        /// `nil` when it cannot be worked out (see ``blocked``).
        public var completion: LocalDateTime?
        public var mechanic: Int?
        public var place: Int?
        /// Jobs of its mechanic planned before it.
        public var aheadOnMechanic: Int = 0
        /// Jobs of its place planned before it.
        public var aheadOnPlace: Int = 0
        /// The pieces of work from ``start`` to ``completion``, in order: one
        /// when the work does not pause, none when nothing is left to do.
        public var work: [Range<LocalDateTime>] = []
        /// The work stops (closing, end of shift, bay out of service) and
        /// goes on later before it is done.
        public var pauses: Bool { work.count > 1 }
        /// Why no forecast exists, in words.
        public var blocked: String?
        /// Waiting work only: its place in the queue (from 1).
        public var queuePosition: Int?
        /// Waiting work only: qualified active mechanics.
        public var qualified: [Int] = []
    }

    public init(_ location: ShopFloor.Location, now: LocalDateTime) {
        var calendar = WorkCalendar(location, now: now)
        var mechanicBusy = [[Range<Int>]](repeating: [], count: location.scenario.mechanics.count)
        var placeBusy = [[Range<Int>]](repeating: [], count: location.scenario.bays.count)
        var forecasts = [Forecast?](repeating: nil, count: location.workOrders.count)

        /// The earliest pieces of `minutes` of work from `ready` at which
        /// mechanic `m` and place `p` are both at work, the place free from
        /// the first piece to the last and the mechanic free in each (gaps
        /// in their queues included); `[ready..<ready]` for no work left.
        func earliestFit(_ minutes: Int, ready: Int, mechanic m: Int, place p: Int) -> [Range<Int>]? {
            if minutes == 0 { return [ready..<ready] }
            let time = calendar.together(m, p)
            var candidates = [ready]
            for run in mechanicBusy[m] + placeBusy[p] where run.upperBound > ready { candidates.append(run.upperBound) }
            candidates.sort()
            for from in candidates {
                guard let work = OpenTime.carryOver(minutes, from: from, through: time) else { return nil }
                let held = work[0].lowerBound..<work[work.count - 1].upperBound
                if !placeBusy[p].contains(where: { $0.overlaps(held) })
                    && !work.contains(where: { piece in mechanicBusy[m].contains { $0.overlaps(piece) } })
                {
                    return work
                }
            }
            return nil
        }

        /// Books the work order's remaining work on mechanic `m` and place `p`.
        func book(_ w: Int, mechanic m: Int, place p: Int, ready: Int, into forecast: inout Forecast) {
            let minutes = location.workOrders[w].file.remainingMinutes
            guard let work = earliestFit(minutes, ready: ready, mechanic: m, place: p) else {
                forecast.blocked =
                    "cannot finish within the \(location.scenario.facility.horizonDays) day(s) the shift data cover"
                return
            }
            let start = work[0].lowerBound, end = work[work.count - 1].upperBound
            forecast.start = LocalDateTime(absoluteMinutes: start)
            forecast.completion = LocalDateTime(absoluteMinutes: end)
            forecast.work = work.filter { !$0.isEmpty }.map {
                LocalDateTime(absoluteMinutes: $0.lowerBound)..<LocalDateTime(absoluteMinutes: $0.upperBound)
            }
            forecast.aheadOnMechanic = mechanicBusy[m].count { $0.lowerBound < start }
            forecast.aheadOnPlace = placeBusy[p].count { $0.lowerBound < start }
            if start < end {
                mechanicBusy[m] += work
                placeBusy[p].append(start..<end)
            }
        }

        // Readiness of every active work order.
        var assigned: [(w: Int, ready: Int, rank: Int)] = []
        var waiting: [Int] = []
        for (w, order) in location.workOrders.enumerated() where order.state.isActive {
            var forecast = Forecast()
            let appointment = order.appointment.map { location.appointments[$0] }
            forecast.mechanic = appointment?.mechanic
            forecast.place = appointment?.place
            var ready = now
            if order.state == .awaitingParts {
                if let unknown = order.parts.first(where: { $0.expectedAt == nil }) {
                    forecast.blocked = "waiting for part \(unknown.part.partNumber) with no expected arrival"
                    forecasts[w] = forecast
                    continue
                }
                ready = max(ready, order.parts.compactMap(\.expectedAt).max() ?? now)
            } else if order.state != .inProgress, let appointment {
                ready = max(ready, appointment.start)
            }
            forecast.readyAt = ready
            if order.state == .readyForPickup {
                forecast.start = order.statusHistory.last?.at ?? now
                forecast.completion = min(now, forecast.start!)
            } else if appointment?.mechanic != nil && appointment?.place != nil {
                assigned.append((w, ready.absoluteMinutes, order.state == .inProgress ? 0 : 1))
            } else {
                waiting.append(w)
            }
            forecasts[w] = forecast
        }

        for item in assigned.sorted(by: { ($0.ready, $0.rank, $0.w) < ($1.ready, $1.rank, $1.w) }) {
            var forecast = forecasts[item.w]!
            book(item.w, mechanic: forecast.mechanic!, place: forecast.place!, ready: item.ready, into: &forecast)
            forecasts[item.w] = forecast
        }

        let queue = waiting.sorted { a, b in
            let x = location.workOrders[a], y = location.workOrders[b]
            let never = Int.max
            return (-x.priority, x.promisedAt?.absoluteMinutes ?? never, x.createdAt?.absoluteMinutes ?? never, a)
                < (-y.priority, y.promisedAt?.absoluteMinutes ?? never, y.createdAt?.absoluteMinutes ?? never, b)
        }
        for (position, w) in queue.enumerated() {
            let order = location.workOrders[w]
            var forecast = forecasts[w]!
            forecast.queuePosition = position + 1
            forecast.qualified = location.scenario.mechanics.indices.filter {
                location.scenario.mechanics[$0].active
                    && order.requiredSkills.isSubset(of: location.scenario.mechanics[$0].skills)
            }
            let places =
                forecast.place.map { [$0] }
                ?? location.scenario.bays.indices.filter {
                    order.bayTypes.contains(location.scenario.bays[$0].type)
                }
            guard !forecast.qualified.isEmpty else {
                forecast.blocked = "no active mechanic has " + order.requiredSkills.sorted().joined(separator: ", ")
                forecasts[w] = forecast
                continue
            }
            guard !places.isEmpty else {
                forecast.blocked = "no bay of type " + order.bayTypes.map(\.rawValue).sorted().joined(separator: ", ")
                forecasts[w] = forecast
                continue
            }
            let ready = forecast.readyAt!.absoluteMinutes
            var best: (start: Int, m: Int, p: Int)?
            for m in forecast.qualified {
                for p in places {
                    // No run can start before both are at work: skip pairs that cannot beat the best.
                    if let best, let first = calendar.together(m, p).first(where: { $0.upperBound > ready }),
                        max(first.lowerBound, ready) >= best.start
                    {
                        continue
                    }
                    guard let work = earliestFit(order.file.remainingMinutes, ready: ready, mechanic: m, place: p)
                    else { continue }
                    if best.map({ work[0].lowerBound < $0.start }) ?? true { best = (work[0].lowerBound, m, p) }
                }
            }
            if let best {
                forecast.mechanic = best.m
                forecast.place = best.p
                book(w, mechanic: best.m, place: best.p, ready: ready, into: &forecast)
            } else {
                forecast.blocked = "no qualified mechanic and bay are free together within the shift data's horizon"
            }
            forecasts[w] = forecast
        }
        self.forecasts = forecasts
    }
}

/// The working time of each mechanic and each place, in absolute minutes
/// from `now` to the end of the snapshot's horizon: the shop's open time and
/// the mechanics' shifts as the planner reads them on the slot grid.
struct WorkCalendar {
    /// Sorted, disjoint, not touching.
    let mechanicTime: [[Range<Int>]]
    let placeTime: [[Range<Int>]]
    private var pairs: [Int: [Range<Int>]] = [:]

    init(_ location: ShopFloor.Location, now: LocalDateTime) {
        // The planner's own reading of the hours and shifts, so the rule lives in one place.
        let grid = Instance(location.scenario)
        let origin = location.scenario.facility.horizonBegin.absoluteMinutes
        let from = now.absoluteMinutes
        func absolute(_ slots: Range<Int>) -> Range<Int> {
            (origin + slots.lowerBound * grid.slotMinutes)..<(origin + slots.upperBound * grid.slotMinutes)
        }
        /// Slot ranges as minutes, from now on.
        func minutes(_ slots: [Range<Int>]) -> [Range<Int>] {
            slots.map(absolute).compactMap { $0.upperBound > from ? max($0.lowerBound, from)..<$0.upperBound : nil }
        }
        // Open intervals are maximal: ranges that touch (12:00 close and
        // open, 24:00 then 00:00) are one stretch of work time, not a pause.
        let open = minutes(grid.openIntervals)
        mechanicTime = location.scenario.mechanics.enumerated().map { m, mechanic in
            guard mechanic.active else { return [] }
            guard location.shiftsKnown[m] else { return open }
            return OpenTime.intersect(open, minutes(grid.mechanics[m].shifts))
        }
        placeTime = grid.bays.map { bay in
            bay.outOfService.reduce(open) { time, out in OpenTime.subtract(time, absolute(out)) }
        }
    }

    /// When mechanic `m` and place `p` are both at work (worked out once per pair).
    mutating func together(_ m: Int, _ p: Int) -> [Range<Int>] {
        let key = m * placeTime.count + p
        if let known = pairs[key] { return known }
        let time = OpenTime.intersect(mechanicTime[m], placeTime[p])
        pairs[key] = time
        return time
    }
}
