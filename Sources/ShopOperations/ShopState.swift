import ShopDomain
import ShopPlanner

/// A validated facility as a contract scenario, with one job more to place:
/// each active booked appointment is a job (pinned, or with `current` when it
/// may move) and the ``JobToPlace`` is the last job. Built straight from the
/// typed parts (``/ShopDomain/Scenario/init(facility:bays:mechanics:jobs:weights:)``):
/// nothing is parsed or validated again. Plain checks use it on ShopPlanner's
/// slot grid (``/ShopPlanner/Instance``, ``/ShopPlanner/Occupancy``); the
/// "with moves" alternatives hand it to the MILP.
public struct ShopState {
    public let facility: ValidatedFacility
    public let job: JobToPlace
    /// Index of the active appointments in `facility.appointments`, in job order.
    public let appointmentJobs: [Int]
    public let scenario: Scenario
    public let instance: Instance
    /// The job index of ``job`` (the last job).
    public let newJob: Int
    /// Bays, mechanics and capacity the booked appointments hold.
    public let occupancy: Occupancy
    /// Active, qualified mechanics; empty means waiting for skills.
    public let qualified: [Int]

    /// - Parameters:
    ///   - facility: the validated snapshot.
    ///   - job: the work to place, the last job.
    ///   - movable: which not-yet-confirmed appointments get `current` instead of a pin.
    ///   - day: only that day (the horizon and the appointments starting on it).
    ///   - days: with `day`, that many days from it (a search for work that may pause
    ///     over nights); default 1.
    ///   - window: the new job's window, when given.
    ///   - bookedPriority: the booked appointments' priority.
    public init(
        _ facility: ValidatedFacility, placing job: JobToPlace,
        movable: (ValidatedFacility.Booked) -> Bool = { _ in false }, day: LocalDate? = nil, days: Int = 1,
        window: (LocalDateTime, LocalDateTime)? = nil, bookedPriority: Int = 1
    ) throws(InputError) {
        self.facility = facility
        self.job = job
        let base = facility.scenario
        qualified = SkillRule.qualified(base, required: job.requiredSkills)

        var shop = base.facility
        if let day {
            shop.horizonStart = day
            shop.horizonDays = max(1, days)
        }
        let lastDay = day?.adding(days: max(1, days) - 1)
        var jobs: [Scenario.Job] = []
        var indices: [Int] = []
        for (index, appointment) in facility.appointments.enumerated() where appointment.status.isActive {
            if let day, let lastDay, appointment.start.date < day || appointment.start.date > lastDay { continue }
            let placement = Scenario.Placement(
                start: appointment.start, bay: appointment.bay, mechanic: appointment.mechanic)
            let moves = appointment.status.isMovable && movable(appointment)
            jobs.append(
                Scenario.Job(
                    id: appointment.file.id, durationMinutes: appointment.file.durationMinutes,
                    bayTypes: [base.bays[appointment.bay].type], requiredSkills: Set(appointment.requiredSkills),
                    preferredSkills: [],
                    // Without a mechanic it was booked deferred; its staffing is checked apart.
                    mechanicMode: appointment.mechanic == nil ? .none : .required,
                    priority: bookedPriority, earliest: shop.horizonBegin, latest: shop.horizonEnd, preferredStarts: [],
                    pinned: moves ? nil : placement, current: moves ? placement : nil,
                    resumable: appointment.file.resumable == true))
            indices.append(index)
        }
        jobs.append(
            Scenario.Job(
                id: job.jobID, durationMinutes: job.durationMinutes,
                // An empty list is not a valid job; such work gets NO_ELIGIBLE_BAY before any bay is looked at.
                bayTypes: Set(job.bayTypes.isEmpty ? [.generalService] : job.bayTypes),
                requiredSkills: Set(job.requiredSkills), preferredSkills: job.preferredSkills,
                mechanicMode: qualified.isEmpty ? .none : .required, priority: 1,
                earliest: window?.0 ?? shop.horizonBegin, latest: window?.1 ?? shop.horizonEnd,
                preferredStarts: job.preferredStarts, pinned: nil, current: nil, resumable: job.resumable))
        scenario = try Scenario(
            facility: shop, bays: base.bays, mechanics: base.mechanics, jobs: jobs, weights: base.weights)
        appointmentJobs = indices
        instance = Instance(scenario)
        newJob = jobs.count - 1
        // Booked work that pauses holds its bay over the pauses, its mechanic and capacity only
        // in its work (``Occupancy/place(_:job:)`` reads it so).
        var occupancy = Occupancy(instance)
        for j in 0..<newJob {
            if let placement = instance.jobs[j].pinned ?? instance.jobs[j].current {
                occupancy.place(placement, job: j)
            }
        }
        self.occupancy = occupancy
    }

    public var durationMinutes: Int { job.durationMinutes }
    public var requiredSkills: [String] { job.requiredSkills }
    public var preferredSkills: [String] { job.preferredSkills }
    public var bayTypes: [BayType] { job.bayTypes }

    /// The slot of a local time on this grid (times are validated to lie on boundaries).
    public func slot(of time: LocalDateTime) -> Int {
        (time.absoluteMinutes - scenario.facility.horizonBegin.absoluteMinutes) / instance.slotMinutes
    }

    /// Slots the new job takes.
    public var length: Int { instance.jobs[newJob].length }

    /// The slots the new job takes from `start` when it runs in one stretch.
    public func range(_ start: Int) -> Range<Int> { start..<(start + length) }

    /// Whether the new job may pause (contract §7).
    public var isResumable: Bool { scenario.jobs[newJob].resumable }

    /// The work slots of job `j` started at slot `s` with mechanic `m`, as runs in
    /// order: `[s, s+d)` for work in one stretch (`nil` past the grid's end); the
    /// contract's §7 runs for work that may pause (`nil` when `s` is not a work
    /// slot or the work does not finish within the grid).
    public func work(job j: Int, start s: Int, mechanic m: Int?) -> [Range<Int>]? {
        if scenario.jobs[j].resumable { return instance.resumableWork(job: j, start: s, mechanic: m) }
        let run = s..<(s + instance.jobs[j].length)
        return s >= 0 && run.upperBound <= instance.slotCount ? [run] : nil
    }

    /// The slots work runs `work` hold their bay: from the first run's start to the last run's end.
    public static func held(_ work: [Range<Int>]) -> Range<Int> {
        (work.first?.lowerBound ?? 0)..<(work.last?.upperBound ?? 0)
    }

    /// The new job's possible starts: those of one open interval inside its window
    /// (``/ShopPlanner/Instance/JobSlots/starts``); for work that may pause, every
    /// open slot of its window from which its work, with the shop's hours alone,
    /// ends inside the window (a mechanic's shift may end it later still).
    public var starts: [Int] {
        let job = instance.jobs[newJob]
        guard isResumable else { return job.starts }
        return (max(0, job.earliest)..<min(instance.slotCount, job.latestEnd)).filter { s in
            work(job: newJob, start: s, mechanic: nil).map { $0.last!.upperBound <= job.latestEnd } ?? false
        }
    }

    /// The slots job `j` holds its bay at `placement`: `[s, e)` (pauses included
    /// for work that may pause), or `[s, s+d)` when its work does not fit the grid.
    public func held(job j: Int, _ placement: SlotPlacement) -> Range<Int> {
        work(job: j, start: placement.start, mechanic: placement.mechanic).map(Self.held)
            ?? placement.start..<(placement.start + instance.jobs[j].length)
    }

    /// Whether mechanic `m` can do the new job from slot `s` beside what is booked:
    /// active, qualified, on shift and free in every work slot (for work in one
    /// stretch: on one shift throughout), its work ending inside the window.
    public func isMechanicFree(_ m: Int, start s: Int) -> Bool {
        guard isResumable else {
            return instance.mechanicAvailable(job: newJob, mechanic: m, start: s)
                && occupancy.isMechanicFree(m, range(s))
        }
        guard instance.jobs[newJob].mechanicOptions.contains(m), let work = work(job: newJob, start: s, mechanic: m)
        else { return false }
        return work.last!.upperBound <= instance.jobs[newJob].latestEnd
            && work.allSatisfy { occupancy.isMechanicFree(m, $0) }
    }

    /// Whether bay `b` suits the new job and is in service and not booked over the
    /// time it would hold it from slot `s` with mechanic `m` (pauses included).
    public func isBayFree(_ b: Int, start s: Int, mechanic m: Int?) -> Bool {
        guard instance.jobs[newJob].bayOptions.contains(b), let work = work(job: newJob, start: s, mechanic: m) else {
            return false
        }
        return isBayFree(b, Self.held(work))
    }

    /// Whether bay `b` is in service and not booked over `held`.
    public func isBayFree(_ b: Int, _ held: Range<Int>) -> Bool {
        !instance.bays[b].outOfService.contains { $0.overlaps(held) } && occupancy.isBayFree(b, held)
    }

    /// The booked placement of appointment job `j` (pinned or current).
    public func bookedPlacement(_ j: Int) -> SlotPlacement? { instance.jobs[j].pinned ?? instance.jobs[j].current }

    /// The display name of mechanic `m`.
    public func name(ofMechanic m: Int) -> String { facility.name(ofMechanic: m) }
}
