import ShopDomain
import ShopPlanner

/// Rule 4 for one wanted start: see ``PlacementCheck``.
public enum Conflicts {
    /// Checks the request at `start`. `soft` false skips the soft checks (alternatives need only the blocking ones).
    ///
    /// Work that may pause (``JobToPlace/resumable``) is checked by contract §7: it
    /// must start in open time; its mechanic is busy, and capacity counted, only in
    /// its work slots; its bay is held over `[start, end)`, pauses included, and an
    /// out-of-service range meeting that time is a conflict. Its end (and the bay's
    /// hold) reads the shifts of the mechanic who would do it (the assigned one, else
    /// the one the staffing check found free), else the shop's hours alone.
    public static func check(
        _ model: ShopState, start: LocalDateTime, now: LocalDateTime, strategy: AssignmentStrategy,
        soft: Bool = true
    ) -> PlacementCheck {
        let instance = model.instance, r = model.newJob, policy = model.facility.policy
        let s = model.slot(of: start)
        var check = PlacementCheck(start: start, slot: s)
        var end = start.adding(minutes: model.durationMinutes)
        func add(_ code: ConflictCode, _ resources: [String], _ message: String) {
            check.conflicts.append(
                Conflict(
                    code: code, severity: code.severity, start: start.description,
                    end: end.description, resources: resources.sorted(), message: message))
        }

        // Horizon: from now to the end of the policy's last day, and inside the snapshot's data.
        let horizonDays = policy.resolvedBookingHorizonDays
        let bookingEnd = LocalDateTime(date: now.date.adding(days: horizonDays), minuteOfDay: 0)
        if start < now {
            add(.outsideBookingHorizon, [], "\(start) is in the past (now \(now))")
            return check
        }
        if start >= bookingEnd {
            add(
                .outsideBookingHorizon, [],
                "\(start) is beyond the booking horizon of \(horizonDays) days (last day \(bookingEnd.date.adding(days: -1)))"
            )
            return check
        }
        let days =
            "the days the snapshot covers (\(model.scenario.facility.horizonStart), \(model.scenario.facility.horizonDays) days)"
        guard model.isResumable else {
            if s < 0 || s + model.length > instance.slotCount {
                add(.outsideBookingHorizon, [], "\(start)–\(end) is outside \(days)")
                return check
            }
            if !instance.fitsHoursAndWindow(job: r, start: s) {
                add(
                    .outsideOperatingHours, [],
                    "\(start)–\(end) is not inside one stretch of open time (operating hours of open days; ranges that touch count as one)"
                )
                return check
            }
            return placed(model, check, work: [model.range(s)], now: now, strategy: strategy, soft: soft)
        }
        // Work that may pause: it starts in open time and its open time ends inside the window and the days.
        guard s >= 0, s < instance.slotCount, instance.openIntervals.contains(where: { $0.contains(s) }) else {
            add(
                .outsideOperatingHours, [],
                s >= 0 && s < instance.slotCount
                    ? "\(start) is not open time: work that may pause starts while the shop is open"
                    : "\(start) is outside \(days)")
            return check
        }
        guard let work = model.work(job: r, start: s, mechanic: nil) else {
            add(
                .outsideBookingHorizon, [],
                "\(hours(model.durationMinutes)) of open time from \(start) do not end within \(days)")
            return check
        }
        end = instance.time(ofSlot: work.last!.upperBound)
        if s < instance.jobs[r].earliest || work.last!.upperBound > instance.jobs[r].latestEnd {
            add(
                .outsideOperatingHours, [],
                "\(start)–\(end) (working \(ResumableWork.describe(ResumableWork.times(instance, work)))) is outside the allowed time"
            )
            return check
        }
        return placed(model, check, work: work, now: now, strategy: strategy, soft: soft)
    }

    /// The checks of a start whose time keeps the hours and the window: bay,
    /// capacity, mechanic, labour, the customer's other appointments and, when
    /// `soft`, the warnings. `work` is the request's work with the shop's hours
    /// alone; the assigned mechanic's shifts may make it end later.
    private static func placed(
        _ model: ShopState, _ check: PlacementCheck, work shopWork: [Range<Int>], now: LocalDateTime,
        strategy: AssignmentStrategy, soft: Bool
    ) -> PlacementCheck {
        let instance = model.instance, occupancy = model.occupancy, r = model.newJob
        let job = model.job, policy = model.facility.policy
        var check = check
        let start = check.start, s = check.slot

        // Mechanic first (its conflicts are listed after the bay's): for work that
        // may pause, the mechanic's shifts decide where it works and so how long it
        // holds its bay.
        var mechanicConflict: (resources: [String], message: String)?
        var preferredUnavailable: Int?
        if model.qualified.isEmpty {
            check.assignmentStatus = .awaitingSkillFulfillment
        } else {
            let order = ranked(model, qualified: model.qualified, day: start.date)
            let found = Staffing.mechanic(model, start: s, preferring: order)
            check.candidate = found
            if found == nil, job.needsMechanic {
                mechanicConflict = (
                    model.qualified.map { model.scenario.mechanics[$0].id },
                    "no mechanic with \(model.requiredSkills.isEmpty ? "the time" : SkillRule.list(model.requiredSkills)) is on shift and free"
                )
            }
            switch strategy {
            case .auto:
                check.mechanic = found
                check.assignmentStatus = found == nil ? .deferred : .assigned
            case .deferred:
                check.assignmentStatus = .deferred
            case .manual:
                if let wanted = job.preferredMechanic, wanted == found {
                    check.mechanic = found
                } else {
                    check.assignmentStatus = .awaitingManualAssignment
                }
            }
            if soft, let wanted = job.preferredMechanic, found != wanted { preferredUnavailable = wanted }
        }
        // The mechanic who would do it: the assigned one, else the one the staffing check found free.
        let worker = check.mechanic ?? (job.needsMechanic ? check.candidate : nil)
        let work = worker.flatMap { model.work(job: r, start: s, mechanic: $0) } ?? shopWork
        let held = ShopState.held(work)
        check.work = model.isResumable ? ResumableWork.times(instance, work) : nil
        // Work in one stretch ends at start plus its minutes; work that may pause at its last work slot's end.
        let end =
            model.isResumable ? instance.time(ofSlot: held.upperBound) : start.adding(minutes: model.durationMinutes)
        check.end = end
        let when =
            model.isResumable
            ? "\(start)–\(end) (working \(ResumableWork.describe(check.work!)))"
            : "\(start.minuteOfDayText)–\(end.minuteOfDayText)"
        func add(_ code: ConflictCode, _ resources: [String], _ message: String) {
            check.conflicts.append(
                Conflict(
                    code: code, severity: code.severity, start: start.description,
                    end: end.description, resources: resources.sorted(), message: message))
        }

        // Bay or mobile unit: held over the whole time, pauses included.
        if model.bayTypes.isEmpty {
            add(.noEligibleBay, [], "no bay type suits every service line of \(job.label)")
        } else {
            let options = instance.jobs[r].bayOptions
            let free = options.filter { model.isBayFree($0, held) }
            let preferred = free.filter { model.scenario.bays[$0].type == job.preferredBayType }
            check.bay = preferred.first ?? free.first
            if check.bay == nil {
                add(
                    .noEligibleBay, options.map { model.scenario.bays[$0].id },
                    options.isEmpty
                        ? "the shop has no bay of type \(model.bayTypes.map(\.rawValue).joined(separator: " or "))"
                        : "every eligible bay is booked or out of service \(when)"
                )
            }
        }
        // Capacity: only the work slots count.
        if !work.allSatisfy(occupancy.hasCapacity) {
            add(
                .capacityExceeded, [],
                "the shop already runs \(occupancy.maxConcurrent ?? 0) jobs at once (maxConcurrent) at some time \(when)"
            )
        }
        if let (resources, message) = mechanicConflict { add(.noMechanicFree, resources, "\(message) \(when)") }
        if let wanted = preferredUnavailable {
            add(
                .preferredMechanicUnavailable, [model.scenario.mechanics[wanted].id],
                "\(model.name(ofMechanic: wanted)) cannot take it \(when) (busy, off shift, inactive or lacking a required skill)"
            )
        }

        // Labour per day (contract rule 7): a mechanic books the job's minutes on its start day.
        if let m = check.mechanic {
            labour(model, start: start, slot: s, mechanic: m, soft: soft, add)
        }

        // The customer's other appointments at that time.
        if let customer = job.customerId {
            let clashing = model.facility.appointments.filter {
                $0.status.isActive && $0.file.customerId == customer && $0.start < end && start < $0.end
            }
            if !clashing.isEmpty {
                add(
                    .customerDoubleBooked, clashing.map(\.file.id),
                    "customer \(customer) already has \(clashing.map(\.file.id).joined(separator: ", ")) at that time")
            }
        }

        guard soft else { return check }
        // Soft capacity: the share of the day's open bay-time (or maxConcurrent-time) booked, the request's
        // work slots that day included.
        let day = floorDiv(s, instance.slotsPerDay)
        let dayRange = (day * instance.slotsPerDay)..<((day + 1) * instance.slotsPerDay)
        let workToday = model.isResumable ? work.map { $0.clamped(to: dayRange).count }.reduce(0, +) : model.length
        let openSlots = instance.openIntervals.map { $0.clamped(to: dayRange).count }.reduce(0, +)
        let perSlot = occupancy.maxConcurrent ?? model.scenario.bays.count
        if openSlots > 0, perSlot > 0 {
            let booked = dayRange.reduce(0) { $0 + occupancy.load[$1] } + workToday
            // In floating point: a maxConcurrent near Int.max times the open slots overflowed.
            let share = Double(booked) / (Double(openSlots) * Double(perSlot))
            let threshold = policy.resolvedSoftCapacityThreshold
            if share > threshold {
                add(
                    .softCapacityExceeded, [],
                    "\(start.date) would be \(percent(share)) booked, above the soft threshold of \(percent(threshold))"
                )
            }
        }
        if let m = check.mechanic {
            let shiftSlots = instance.mechanics[m].shifts.map { $0.clamped(to: dayRange).count }.reduce(0, +)
            let busy = dayRange.count { occupancy.mechanicBusy[m][$0] } + workToday
            let threshold = policy.resolvedMechanicOverloadThreshold
            if shiftSlots > 0, Double(busy) / Double(shiftSlots) > threshold {
                add(
                    .mechanicOverloaded, [model.scenario.mechanics[m].id],
                    "\(model.name(ofMechanic: m)) would be booked \(percent(Double(busy) / Double(shiftSlots))) of the shift on \(start.date), above \(percent(threshold))"
                )
            }
        }
        return check
    }

    /// The day's labour with the request's minutes added, against the hard
    /// limit (overridable) and, when `soft`, the warning threshold; exactly at
    /// either is no conflict.
    private static func labour(
        _ model: ShopState, start: LocalDateTime, slot s: Int, mechanic m: Int, soft: Bool,
        _ add: (ConflictCode, [String], String) -> Void
    ) {
        let facility = model.scenario.facility
        let day = model.instance.labourDay(ofSlot: s)
        guard facility.countsLabour, day >= 0, day < model.occupancy.labour.count else { return }
        let booked = model.occupancy.labour[day] + model.durationMinutes
        let what = "\(start.date) would book \(hours(booked)) of labour with this job's \(hours(model.durationMinutes))"
        let mechanic = [model.scenario.mechanics[m].id]
        if let limit = facility.labourLimitPerDay, booked > limit {
            add(.labourLimitExceeded, mechanic, "\(what), above the day's limit of \(hours(limit))")
        } else if soft, let warn = facility.labourWarningPerDay, booked > warn {
            add(.labourAboveWarning, mechanic, "\(what), above the warning threshold of \(hours(warn))")
        }
    }

    /// Minutes as the shop says them: `7 h 30 min`, `8 h`, `45 min`.
    public static func hours(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return h == 0 ? "\(m) min" : m == 0 ? "\(h) h" : "\(h) h \(m) min"
    }

    /// Qualified mechanics, best first: the requested one, then fewest missing
    /// preferred skills (the contract's cost), then least booked that day, then snapshot order.
    public static func ranked(_ model: ShopState, qualified: [Int], day: LocalDate) -> [Int] {
        let instance = model.instance
        let dayStart = model.slot(of: LocalDateTime(date: day, minuteOfDay: 0))
        let dayRange = max(0, dayStart)..<min(instance.slotCount, max(0, dayStart + instance.slotsPerDay))
        func key(_ m: Int) -> (Int, Int, Int, Int) {
            (
                m == model.job.preferredMechanic ? 0 : 1, instance.mechanicCost(job: model.newJob, mechanic: m),
                dayRange.count { model.occupancy.mechanicBusy[m][$0] }, m
            )
        }
        return qualified.sorted { key($0) < key($1) }
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
