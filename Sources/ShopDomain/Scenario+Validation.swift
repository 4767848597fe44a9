import Foundation

extension Scenario {
    /// Validates a parsed scenario file: every problem is reported at once,
    /// each with the JSON path of the field, before any solver sees it.
    public init(file: ScenarioFile) throws(InputError) {
        var issues = IssueList()
        let facility = Self.validateFacility(file.facility, &issues)

        // Bays
        var bays: [Bay] = []
        var bayIDs: [String: Int] = [:]
        for (index, bay) in file.bays.enumerated() {
            let path = "bays[\(index)]"
            Self.checkID(bay.id, path: path + ".id", seen: &bayIDs, index: index, kind: "bay", &issues)
            let type = BayType(rawValue: bay.type)
            if type == nil {
                issues.add(path + ".type", "unknown bay type \"\(bay.type)\"; use one of \(Self.bayTypeList)")
            }
            let outOfService = Self.ranges(bay.outOfService ?? [], path: path + ".outOfService", &issues)
            bays.append(Bay(id: bay.id, type: type ?? .generalService, outOfService: outOfService))
        }

        // Mechanics
        var mechanics: [Mechanic] = []
        var mechanicIDs: [String: Int] = [:]
        for (index, mechanic) in file.mechanics.enumerated() {
            let path = "mechanics[\(index)]"
            Self.checkID(mechanic.id, path: path + ".id", seen: &mechanicIDs, index: index, kind: "mechanic", &issues)
            if mechanic.shifts == nil {
                issues.add(path + ".shifts", "missing; write [] for a mechanic with no shift in the horizon")
            }
            let shifts = Self.ranges(mechanic.shifts ?? [], path: path + ".shifts", &issues)
            mechanics.append(
                Mechanic(
                    id: mechanic.id, skills: Set(mechanic.skills ?? []),
                    active: mechanic.active ?? true, shifts: shifts))
        }

        // Jobs
        var jobs: [Job] = []
        var jobIDs: [String: Int] = [:]
        // With a bad slot length every pin would look off-boundary: check pins
        // against the grid only when the grid itself is valid.
        let slot =
            file.facility.slotMinutes > 0 && 1440 % file.facility.slotMinutes == 0 ? file.facility.slotMinutes : 1
        for (index, job) in file.jobs.enumerated() {
            let path = "jobs[\(index)]"
            Self.checkID(job.id, path: path + ".id", seen: &jobIDs, index: index, kind: "job", &issues)
            if job.durationMinutes <= 0 || job.durationMinutes > Self.maxDurationMinutes {
                issues.add(
                    path + ".durationMinutes",
                    "must be from 1 to \(Self.maxDurationMinutes) minutes (a year), not \(job.durationMinutes)")
            }
            var types = Set<BayType>()
            if job.bayTypes.isEmpty { issues.add(path + ".bayTypes", "must name at least one bay type") }
            for (typeIndex, name) in job.bayTypes.enumerated() {
                if let type = BayType(rawValue: name) {
                    types.insert(type)
                } else {
                    issues.add(
                        "\(path).bayTypes[\(typeIndex)]", "unknown bay type \"\(name)\"; use one of \(Self.bayTypeList)"
                    )
                }
            }
            var mode = MechanicMode.required
            if let text = job.mechanic {
                if let parsed = MechanicMode(rawValue: text) {
                    mode = parsed
                } else {
                    issues.add(path + ".mechanic", "unknown mode \"\(text)\"; use required, optional or none")
                }
            }
            let priority = job.priority ?? 1
            if priority < 1 || priority > Self.maxPriority {
                issues.add(path + ".priority", "must be a whole number from 1 to \(Self.maxPriority), not \(priority)")
            }

            var earliest = facility?.horizonBegin
            var latest = facility?.horizonEnd
            if let window = job.window {
                if let text = window.earliest {
                    earliest = Self.dateTime(text, path: path + ".window.earliest", &issues)
                }
                if let text = window.latest {
                    latest = Self.dateTime(text, path: path + ".window.latest", &issues)
                }
                if let e = earliest, let l = latest, window.earliest != nil || window.latest != nil, l <= e {
                    // Name the field the file gave; the other end is the horizon's.
                    if window.latest != nil {
                        issues.add(path + ".window.latest", "\(l) is not after window.earliest \(e)")
                    } else {
                        issues.add(path + ".window.earliest", "\(e) is not before the end of the horizon \(l)")
                    }
                }
            }
            var preferred: [LocalDateTime] = []
            for (startIndex, text) in (job.preferredStarts ?? []).enumerated() {
                if let time = Self.dateTime(text, path: "\(path).preferredStarts[\(startIndex)]", &issues) {
                    preferred.append(time)
                }
            }
            let pinned = job.pinned.flatMap {
                Self.placement($0, path: path + ".pinned", slot: slot, bays: bayIDs, mechanics: mechanicIDs, &issues)
            }
            let current = job.current.flatMap {
                Self.placement($0, path: path + ".current", slot: slot, bays: bayIDs, mechanics: mechanicIDs, &issues)
            }
            jobs.append(
                Job(
                    id: job.id, durationMinutes: job.durationMinutes, bayTypes: types,
                    requiredSkills: Set(job.requiredSkills ?? []), preferredSkills: job.preferredSkills ?? [],
                    mechanicMode: mode, priority: priority,
                    earliest: earliest ?? LocalDateTime(absoluteMinutes: 0),
                    latest: latest ?? LocalDateTime(absoluteMinutes: 0),
                    preferredStarts: preferred, pinned: pinned, current: current,
                    resumable: job.resumable ?? false))
        }

        // Weights
        var weights = Weights()
        if let given = file.weights {
            func take(_ value: Int?, _ name: String, _ target: inout Int) {
                guard let value else { return }
                if value < 0 || value > Self.maxWeight {
                    issues.add("weights.\(name)", "must be from 0 to \(Self.maxWeight), not \(value)")
                }
                target = value
            }
            take(given.unscheduled, "unscheduled", &weights.unscheduled)
            take(given.startDeviationPerSlot, "startDeviationPerSlot", &weights.startDeviationPerSlot)
            take(given.missingPreferredSkill, "missingPreferredSkill", &weights.missingPreferredSkill)
            take(given.unassignedMechanic, "unassignedMechanic", &weights.unassignedMechanic)
            take(given.moved, "moved", &weights.moved)
            take(given.changedBay, "changedBay", &weights.changedBay)
            take(given.changedMechanic, "changedMechanic", &weights.changedMechanic)
            take(given.mechanicUsed, "mechanicUsed", &weights.mechanicUsed)
        }
        if file.format != ScenarioFile.formatName {
            issues.add("format", "expected \"\(ScenarioFile.formatName)\", found \"\(file.format)\"")
        }

        // Only a scenario that is otherwise valid is measured (the estimate
        // trusts the grid, windows and resources).
        if issues.isEmpty, let facility {
            ScenarioLimits.check(
                ScenarioLimits.size(facility: facility, bays: bays, mechanics: mechanics, jobs: jobs), &issues)
        }
        guard issues.isEmpty, let facility else { throw InputError(issues.issues) }
        self.facility = facility
        self.bays = bays
        self.mechanics = mechanics
        self.jobs = jobs
        self.weights = weights
        self.validatedFile = file
    }

    /// Upper limits that keep every objective sum far from integer overflow.
    public static let maxDurationMinutes = 366 * 1440
    public static let maxPriority = 1_000_000
    /// Labour minutes a day may be given: 10,000 mechanics working all day
    /// is more than any shop, and far from overflow when summed.
    public static let maxLabourMinutesPerDay = 14_400_000
    public static let maxWeight = 1_000_000

    static let bayTypeList = BayType.allCases.map(\.rawValue).joined(separator: ", ")

    private static func validateFacility(_ file: ScenarioFile.Facility, _ issues: inout IssueList) -> Facility? {
        var ok = true
        if file.id.isEmpty { issues.add("facility.id", "must not be empty"); ok = false }
        if file.timeZone.isEmpty || TimeZone(identifier: file.timeZone) == nil {
            issues.add(
                "facility.timeZone",
                "\"\(file.timeZone)\" is not a known time zone (use an IANA name such as America/Chicago)")
            ok = false
        }
        if file.slotMinutes <= 0 || 1440 % file.slotMinutes != 0 {
            issues.add(
                "facility.slotMinutes",
                "\(file.slotMinutes) does not divide a day of 1440 minutes (try 5, 10, 15, 30 or 60)")
            ok = false
        }
        let start = LocalDate(file.horizon.start)
        if start == nil {
            issues.add("facility.horizon.start", "\"\(file.horizon.start)\" is not a date YYYY-MM-DD"); ok = false
        }
        if file.horizon.days < 1 || file.horizon.days > 366 {
            issues.add("facility.horizon.days", "must be from 1 to 366, not \(file.horizon.days)")
            ok = false
        }
        var hours: [Weekday: [ClosedOpenClock]] = [:]
        for key in file.operatingHours.keys.sorted() {
            let path = "facility.operatingHours.\(key)"
            guard let day = Weekday(rawValue: key) else {
                issues.add(path, "unknown weekday key; use mon, tue, wed, thu, fri, sat or sun")
                ok = false
                continue
            }
            var ranges: [ClosedOpenClock] = []
            for (index, pair) in file.operatingHours[key]!.enumerated() {
                let rangePath = "\(path)[\(index)]"
                guard pair.count == 2 else {
                    issues.add(rangePath, "must be [open, close], two times HH:MM")
                    ok = false
                    continue
                }
                let open = ClockTime(pair[0]), close = ClockTime(pair[1])
                if open == nil || open!.minutes == 1440 {
                    issues.add(rangePath + "[0]", "\"\(pair[0])\" is not an opening time HH:MM from 00:00 to 23:59")
                    ok = false
                }
                if close == nil {
                    issues.add(rangePath + "[1]", "\"\(pair[1])\" is not a closing time HH:MM up to 24:00"); ok = false
                }
                if let open, let close, open.minutes < 1440 {
                    if close <= open {
                        issues.add(rangePath + "[1]", "closing time \(close) is not after opening time \(open)")
                        ok = false
                    } else {
                        ranges.append(ClosedOpenClock(open: open, close: close))
                    }
                }
            }
            // Overlapping ranges are allowed: open time is their union (the
            // planner and the verifier each join them after rounding).
            ranges.sort { $0.open < $1.open }
            hours[day] = ranges
        }
        var closed = Set<LocalDate>()
        for (index, text) in (file.closedDates ?? []).enumerated() {
            if let date = LocalDate(text) {
                closed.insert(date)
            } else {
                issues.add("facility.closedDates[\(index)]", "\"\(text)\" is not a date YYYY-MM-DD")
                ok = false
            }
        }
        if let max = file.maxConcurrent, max < 0 {
            issues.add("facility.maxConcurrent", "must be 0 or more, not \(max)")
            ok = false
        }
        let labour = file.labourMinutesPerDay
        for (name, value) in [("limit", labour?.limit), ("warnAbove", labour?.warnAbove)] {
            guard let value, value < 0 || value > Self.maxLabourMinutesPerDay else { continue }
            issues.add(
                "facility.labourMinutesPerDay.\(name)",
                "must be a whole number of minutes from 0 to \(Self.maxLabourMinutesPerDay), not \(value)")
            ok = false
        }
        if let limit = labour?.limit, let warn = labour?.warnAbove, warn > limit, limit >= 0 {
            // A warning above the hard limit could never fire.
            issues.add(
                "facility.labourMinutesPerDay.warnAbove",
                "\(warn) is above the limit \(limit); the warning must come at or before the limit")
            ok = false
        }
        guard ok, let start else { return nil }
        return Facility(
            id: file.id, timeZone: file.timeZone, slotMinutes: file.slotMinutes, horizonStart: start,
            horizonDays: file.horizon.days, operatingHours: hours, closedDates: closed,
            maxConcurrent: file.maxConcurrent, labourLimitPerDay: labour?.limit,
            labourWarningPerDay: labour?.warnAbove)
    }

    private static func checkID(
        _ id: String, path: String, seen: inout [String: Int], index: Int, kind: String,
        _ issues: inout IssueList
    ) {
        if id.isEmpty {
            issues.add(path, "must not be empty")
        } else if let first = seen[id] {
            issues.add(path, "duplicate \(kind) id \"\(id)\" (first used at index \(first))")
        } else {
            seen[id] = index
        }
    }

    private static func dateTime(_ text: String, path: String, _ issues: inout IssueList) -> LocalDateTime? {
        if let time = LocalDateTime(text) { return time }
        issues.add(path, "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM")
        return nil
    }

    private static func ranges(_ list: [ScenarioFile.TimeRange], path: String, _ issues: inout IssueList)
        -> [LocalRange]
    {
        var result: [LocalRange] = []
        for (index, range) in list.enumerated() {
            let start = dateTime(range.start, path: "\(path)[\(index)].start", &issues)
            let end = dateTime(range.end, path: "\(path)[\(index)].end", &issues)
            guard let start, let end else { continue }
            if end <= start {
                issues.add("\(path)[\(index)].end", "\(end) is not after start \(start)")
                continue
            }
            result.append(LocalRange(start: start, end: end))
        }
        return result
    }

    private static func placement(
        _ file: ScenarioFile.Placement, path: String, slot: Int, bays: [String: Int],
        mechanics: [String: Int], _ issues: inout IssueList
    ) -> Placement? {
        let start = dateTime(file.start, path: path + ".start", &issues)
        if let start, start.minuteOfDay % slot != 0 {
            issues.add(path + ".start", "\(start) is not on a \(slot)-minute slot boundary")
        }
        let bay = bays[file.bay]
        if bay == nil { issues.add(path + ".bay", "unknown bay id \"\(file.bay)\"") }
        var mechanic: Int?
        if let id = file.mechanic {
            mechanic = mechanics[id]
            if mechanic == nil { issues.add(path + ".mechanic", "unknown mechanic id \"\(id)\"") }
        }
        guard let start, let bay, file.mechanic == nil || mechanic != nil else { return nil }
        return Placement(start: start, bay: bay, mechanic: mechanic)
    }
}
