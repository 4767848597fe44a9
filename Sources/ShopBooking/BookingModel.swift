import ShopDomain
import ShopPlanner

/// The snapshot as a contract scenario: each active booked appointment is a
/// job (pinned, or with `current` when it may move) and the request is one more
/// job, last. Plain checks use it on ShopPlanner's slot grid (``Instance``,
/// ``Occupancy``); the "with moves" alternatives hand it to the MILP.
package struct BookingModel {
    package let booking: ValidatedBooking
    /// Index of the active appointments in `booking.appointments`, in job order.
    package let appointmentJobs: [Int]
    package let scenario: Scenario
    package let instance: Instance
    /// The request's job index (the last job).
    package let request: Int
    /// Bays, mechanics and capacity the booked appointments hold.
    package let occupancy: Occupancy
    package let durationMinutes: Int
    package let requiredSkills: [String]
    package let preferredSkills: [String]
    /// Active, qualified mechanics; empty means waiting for skills.
    package let qualified: [Int]
    /// Bay types every line of the source can be done in; empty: no bay fits.
    package let bayTypes: [BayType]

    /// The request job's id in the scenario (cannot clash: appointment ids never hold a space).
    package static func requestJobID(_ booking: ValidatedBooking) -> String { "REQUEST " + booking.request.requestId }

    /// The bay types each line allows, intersected: one bay must suit every line.
    /// A line without `bayTypes` allows every shop bay; mobile units only when every line is mobile-eligible.
    package static func bayTypes(_ source: ValidatedBooking.Source) -> [BayType] { bayTypes(lines: source.lines) }

    package static func bayTypes(lines: [ServiceLine]) -> [BayType] {
        let shop = BayType.allCases.filter { $0 != .mobileUnit }
        var allowed = Set(BayType.allCases)
        for line in lines {
            var types = Set(line.bayTypes.map { $0.compactMap(BayType.init(rawValue:)) } ?? shop)
            if line.mobileEligible == true { types.insert(.mobileUnit) }
            allowed.formIntersection(types)
        }
        if !lines.allSatisfy({ $0.mobileEligible == true }) { allowed.remove(.mobileUnit) }
        return BayType.allCases.filter(allowed.contains)
    }

    /// - Parameters:
    ///   - movable: which not-yet-confirmed appointments get `current` instead of a pin.
    ///   - day: only that day (the horizon and the appointments starting on it).
    ///   - window: the request job's window, when given.
    package init(_ booking: ValidatedBooking, durationMinutes: Int,
         movable: (ValidatedBooking.Booked) -> Bool = { _ in false }, day: LocalDate? = nil,
         window: (LocalDateTime, LocalDateTime)? = nil, bookedPriority: Int = 1) throws(InputError) {
        self.booking = booking
        self.durationMinutes = durationMinutes
        let facility = booking.facility
        requiredSkills = SkillMatch.requiredSkills(booking.source)
        preferredSkills = SkillMatch.preferredSkills(booking.source)
        qualified = SkillMatch.qualified(facility, required: requiredSkills)
        bayTypes = Self.bayTypes(booking.source)

        var file = facility.file
        if let day { file.facility.horizon = ScenarioFile.Horizon(start: day.description, days: 1) }
        var jobs: [ScenarioFile.Job] = []
        var indices: [Int] = []
        for (index, appointment) in booking.appointments.enumerated() where appointment.status.isActive {
            if let day, appointment.start.date != day { continue }
            let placement = ScenarioFile.Placement(
                start: appointment.start.description, bay: facility.bays[appointment.bay].id,
                mechanic: appointment.mechanic.map { facility.mechanics[$0].id })
            let moves = appointment.status.isMovable && movable(appointment)
            jobs.append(ScenarioFile.Job(
                id: appointment.file.id, durationMinutes: appointment.file.durationMinutes,
                bayTypes: [facility.bays[appointment.bay].type.rawValue], requiredSkills: appointment.requiredSkills,
                // Without a mechanic it was booked deferred; its staffing is checked apart.
                mechanic: appointment.mechanic == nil ? MechanicMode.none.rawValue : MechanicMode.required.rawValue,
                priority: bookedPriority,
                pinned: moves ? nil : placement, current: moves ? placement : nil))
            indices.append(index)
        }
        jobs.append(ScenarioFile.Job(
            id: Self.requestJobID(booking), durationMinutes: durationMinutes,
            // An empty list is not a valid job; such a request gets NO_ELIGIBLE_BAY before any bay is looked at.
            bayTypes: (bayTypes.isEmpty ? [.generalService] : bayTypes).map(\.rawValue),
            requiredSkills: requiredSkills, preferredSkills: preferredSkills,
            mechanic: qualified.isEmpty ? MechanicMode.none.rawValue : MechanicMode.required.rawValue,
            window: window.map { ScenarioFile.Window(earliest: $0.0.description, latest: $0.1.description) },
            preferredStarts: booking.preferredStarts.map(\.description)))
        file.jobs = jobs
        scenario = try Scenario(file: file)
        appointmentJobs = indices
        instance = Instance(scenario)
        request = jobs.count - 1
        var plan = [SlotPlacement?](repeating: nil, count: jobs.count)
        for j in 0..<request { plan[j] = instance.jobs[j].pinned ?? instance.jobs[j].current }
        occupancy = Occupancy(instance, plan: plan)
    }

    /// The slot of a local time on this grid (times are validated to lie on boundaries).
    package func slot(of time: LocalDateTime) -> Int {
        (time.absoluteMinutes - scenario.facility.horizonBegin.absoluteMinutes) / instance.slotMinutes
    }

    package var length: Int { instance.jobs[request].length }

    package func range(_ start: Int) -> Range<Int> { start..<(start + length) }

    /// The booked placement of appointment job `j` (pinned or current).
    package func bookedPlacement(_ j: Int) -> SlotPlacement? { instance.jobs[j].pinned ?? instance.jobs[j].current }

    package func name(ofMechanic m: Int) -> String {
        let id = scenario.mechanics[m].id
        return booking.snapshot.mechanics.first { $0.id == id }?.name ?? id
    }
}
