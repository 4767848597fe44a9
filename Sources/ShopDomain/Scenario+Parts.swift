extension Scenario {
    /// A scenario from typed parts that already hold ``Scenario``'s
    /// guarantees (ids unique per kind, placements naming bays and mechanics
    /// by index and starting on a slot boundary, ranges with `start < end`,
    /// durations, priorities and weights in range): the facility of a
    /// validated snapshot with its booked work, say. Nothing is parsed and
    /// nothing goes back through strings; only the size limits
    /// (``ScenarioLimits``) are checked, as they depend on the jobs added.
    public init(
        facility: Facility, bays: [Bay], mechanics: [Mechanic], jobs: [Job],
        weights: Weights = Weights()
    ) throws(InputError) {
        var issues = IssueList()
        ScenarioLimits.check(
            ScenarioLimits.size(facility: facility, bays: bays, mechanics: mechanics, jobs: jobs), &issues)
        guard issues.isEmpty else { throw InputError(issues.issues) }
        self.facility = facility
        self.bays = bays
        self.mechanics = mechanics
        self.jobs = jobs
        self.weights = weights
        self.validatedFile = nil
    }
}

extension ScenarioFile {
    /// `scenario` written as a file: every default spelled out, sets in a
    /// fixed order (skills sorted, bay types in ``BayType`` order), so that
    /// validating it gives the same typed parts again.
    public init(_ scenario: Scenario) {
        let f = scenario.facility
        func range(_ r: LocalRange) -> TimeRange { TimeRange(start: r.start.description, end: r.end.description) }
        func placement(_ p: Scenario.Placement?) -> Placement? {
            p.map {
                Placement(
                    start: $0.start.description, bay: scenario.bays[$0.bay].id,
                    mechanic: $0.mechanic.map { scenario.mechanics[$0].id })
            }
        }
        var hours: [String: [[String]]] = [:]
        for (day, ranges) in f.operatingHours {
            hours[day.rawValue] = ranges.map { [$0.open.description, $0.close.description] }
        }
        let w = scenario.weights
        self.init(
            facility: Facility(
                id: f.id, timeZone: f.timeZone, slotMinutes: f.slotMinutes,
                horizon: Horizon(start: f.horizonStart.description, days: f.horizonDays),
                operatingHours: hours, closedDates: f.closedDates.sorted().map(\.description),
                maxConcurrent: f.maxConcurrent,
                labourMinutesPerDay: f.countsLabour
                    ? LabourMinutes(limit: f.labourLimitPerDay, warnAbove: f.labourWarningPerDay) : nil),
            bays: scenario.bays.map {
                Bay(id: $0.id, type: $0.type.rawValue, outOfService: $0.outOfService.map(range))
            },
            mechanics: scenario.mechanics.map {
                Mechanic(id: $0.id, skills: $0.skills.sorted(), active: $0.active, shifts: $0.shifts.map(range))
            },
            jobs: scenario.jobs.map { job in
                Job(
                    id: job.id, durationMinutes: job.durationMinutes,
                    bayTypes: BayType.allCases.filter(job.bayTypes.contains).map(\.rawValue),
                    requiredSkills: job.requiredSkills.sorted(), preferredSkills: job.preferredSkills,
                    mechanic: job.mechanicMode.rawValue, priority: job.priority,
                    window: Window(earliest: job.earliest.description, latest: job.latest.description),
                    preferredStarts: job.preferredStarts.map(\.description), pinned: placement(job.pinned),
                    current: placement(job.current), resumable: job.resumable ? true : nil)
            },
            weights: Weights(
                unscheduled: w.unscheduled, startDeviationPerSlot: w.startDeviationPerSlot,
                missingPreferredSkill: w.missingPreferredSkill, unassignedMechanic: w.unassignedMechanic,
                moved: w.moved, changedBay: w.changedBay, changedMechanic: w.changedMechanic,
                mechanicUsed: w.mechanicUsed))
    }
}
