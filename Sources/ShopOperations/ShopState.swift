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
    ///   - window: the new job's window, when given.
    ///   - bookedPriority: the booked appointments' priority.
    public init(
        _ facility: ValidatedFacility, placing job: JobToPlace,
        movable: (ValidatedFacility.Booked) -> Bool = { _ in false }, day: LocalDate? = nil,
        window: (LocalDateTime, LocalDateTime)? = nil, bookedPriority: Int = 1
    ) throws(InputError) {
        self.facility = facility
        self.job = job
        let base = facility.scenario
        qualified = SkillRule.qualified(base, required: job.requiredSkills)

        var shop = base.facility
        if let day {
            shop.horizonStart = day
            shop.horizonDays = 1
        }
        var jobs: [Scenario.Job] = []
        var indices: [Int] = []
        for (index, appointment) in facility.appointments.enumerated() where appointment.status.isActive {
            if let day, appointment.start.date != day { continue }
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
                    pinned: moves ? nil : placement, current: moves ? placement : nil))
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
                preferredStarts: job.preferredStarts, pinned: nil, current: nil))
        scenario = try Scenario(
            facility: shop, bays: base.bays, mechanics: base.mechanics, jobs: jobs, weights: base.weights)
        appointmentJobs = indices
        instance = Instance(scenario)
        newJob = jobs.count - 1
        var plan = [SlotPlacement?](repeating: nil, count: jobs.count)
        for j in 0..<newJob { plan[j] = instance.jobs[j].pinned ?? instance.jobs[j].current }
        occupancy = Occupancy(instance, plan: plan)
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

    /// The slots the new job takes from `start`.
    public func range(_ start: Int) -> Range<Int> { start..<(start + length) }

    /// The booked placement of appointment job `j` (pinned or current).
    public func bookedPlacement(_ j: Int) -> SlotPlacement? { instance.jobs[j].pinned ?? instance.jobs[j].current }

    /// The display name of mechanic `m`.
    public func name(ofMechanic m: Int) -> String { facility.name(ofMechanic: m) }
}
