import ShopDomain

/// Applies ``Edit``s to a scenario file: pure functions from file to file.
///
/// Edits work on the file as written (``ScenarioFile``), so a variant is an
/// ordinary scenario that `shopsched validate` and `solve` read. They check
/// what they need (known ids and types, well-formed times) and throw an
/// ``InputError`` naming the edit's field; whether the edited scenario is
/// valid as a whole (a pin off a new slot grid, say) is left to
/// ``Scenario/init(file:)``, so such a variant fails alone when solved.
public enum ScenarioEditor {
    /// `file` with `edits` applied in order.
    public static func apply(_ edits: [Edit], to file: ScenarioFile) throws(InputError) -> ScenarioFile {
        var file = file
        for edit in edits { try apply(edit, to: &file) }
        return file
    }

    /// Applies one edit in place.
    public static func apply(_ edit: Edit, to file: inout ScenarioFile) throws(InputError) {
        func fail(_ field: String, _ message: String) -> InputError {
            InputError([ValidationIssue(path: edit.path.isEmpty ? field : "\(edit.path).\(field)", message: message)])
        }
        switch edit.kind {
        case .addBays, .removeBays, .setBayCount:
            let type = edit.type ?? ""
            guard BayType(rawValue: type) != nil else {
                throw fail(
                    "type",
                    "unknown bay type '\(type)'; one of \(BayType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let count = edit.count ?? 0
            guard count >= 0 else { throw fail("count", "must be 0 or more, not \(count)") }
            guard count <= WhatIfLimits.maxBaysPerEdit else {
                throw fail("count", "\(count) bays in one edit; at most \(WhatIfLimits.maxBaysPerEdit)")
            }
            let have = file.bays.filter { $0.type == type }.count
            let change =
                switch edit.kind {
                case .addBays: count
                case .removeBays: -count
                default: count - have
                }
            if change > 0 {
                addBays(type: type, count: change, to: &file)
            } else if change < 0 {
                guard removeBays(type: type, count: -change, from: &file) else {
                    throw fail(
                        "count",
                        "cannot remove \(-change) of the \(have) \(type) bay(s): the others are named by a pin or current placement"
                    )
                }
            }
        case .addMechanic:
            let id = edit.id ?? ""
            guard !id.isEmpty, !file.mechanics.contains(where: { $0.id == id }) else {
                throw fail("id", id.isEmpty ? "must not be empty" : "a mechanic '\(id)' already exists")
            }
            var mechanic = ScenarioFile.Mechanic(id: id, skills: [], active: true, shifts: [])
            if let like = edit.like {
                guard let model = file.mechanics.first(where: { $0.id == like }) else {
                    throw fail("like", "no mechanic '\(like)' to copy")
                }
                mechanic.skills = model.skills
                mechanic.shifts = model.shifts
            }
            if let skills = edit.skills { mechanic.skills = skills }
            if let shifts = try newShifts(edit, file: file, fail: fail) { mechanic.shifts = shifts }
            guard edit.like != nil || edit.shifts != nil || edit.dailyShift != nil else {
                throw fail("dailyShift", "a new mechanic needs shifts: give 'like', 'shifts' or 'dailyShift'")
            }
            file.mechanics.append(mechanic)
        case .removeMechanic:
            let index = try mechanicIndex(edit.id, in: file) { fail("id", $0) }
            file.mechanics[index].active = false
        case .setSkills:
            let index = try mechanicIndex(edit.mechanic, in: file) { fail("mechanic", $0) }
            guard edit.skills != nil || edit.addSkills != nil || edit.removeSkills != nil else {
                throw fail("skills", "give 'skills', 'addSkills' or 'removeSkills'")
            }
            var skills = edit.skills ?? file.mechanics[index].skills ?? []
            for skill in edit.addSkills ?? [] where !skills.contains(skill) { skills.append(skill) }
            skills.removeAll { (edit.removeSkills ?? []).contains($0) }
            file.mechanics[index].skills = skills
        case .setShifts:
            let index = try mechanicIndex(edit.mechanic, in: file) { fail("mechanic", $0) }
            guard let shifts = try newShifts(edit, file: file, fail: fail) else {
                throw fail("shifts", "give 'shifts' or 'dailyShift'")
            }
            file.mechanics[index].shifts = shifts
        case .setHours:
            let day = edit.day ?? ""
            guard Weekday(rawValue: day) != nil else {
                throw fail(
                    "day", "unknown day '\(day)'; one of \(Weekday.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var ranges: [[String]] = []
            for (k, text) in (edit.hours ?? []).enumerated() {
                guard let range = clockRange(text) else {
                    throw fail("hours[\(k)]", "expected HH:MM-HH:MM, found '\(text)'")
                }
                ranges.append([range.open, range.close])
            }
            file.facility.operatingHours[day] = ranges
        case .closeDates, .openDates:
            var closed = file.facility.closedDates ?? []
            for (k, text) in (edit.dates ?? []).enumerated() {
                guard LocalDate(text) != nil else { throw fail("dates[\(k)]", "expected YYYY-MM-DD, found '\(text)'") }
                if edit.kind == .closeDates {
                    if !closed.contains(text) { closed.append(text) }
                } else {
                    closed.removeAll { $0 == text }
                }
            }
            file.facility.closedDates = closed.sorted()
        case .setMaxConcurrent:
            if let value = edit.value, value < 1 {
                throw fail("value", "must be 1 or more (null: unlimited), not \(value)")
            }
            file.facility.maxConcurrent = edit.value
        case .setLabourLimit:
            // Negative or inverted values are left to the variant's validation,
            // which names facility.labourMinutesPerDay and its field.
            var labour = file.facility.labourMinutesPerDay ?? .init()
            labour.limit = edit.limit
            if edit.setsWarnAbove { labour.warnAbove = edit.warnAbove }
            file.facility.labourMinutesPerDay = labour.limit == nil && labour.warnAbove == nil ? nil : labour
        case .scaleDemand:
            let factor = edit.factor ?? 1
            guard factor > 0, factor.isFinite, factor <= 100 else {
                throw fail("factor", "must be above 0 and at most 100, not \(factor)")
            }
            let target = (Double(file.jobs.count) * factor).rounded()
            guard target <= Double(max(file.jobs.count, WhatIfLimits.maxJobsAfterScaling)) else {
                throw fail(
                    "factor",
                    "\(factor) × \(file.jobs.count) jobs is \(Int(target)) jobs; scaleDemand grows a scenario to at most \(WhatIfLimits.maxJobsAfterScaling)"
                )
            }
            guard scaleDemand(&file, factor: factor, seed: edit.seed ?? 1) else {
                throw fail("factor", "not enough unpinned jobs to drop for a factor of \(factor)")
            }
        case .setWeights:
            var weights = file.weights ?? .init()
            let given = edit.weights ?? .init()
            // Each weight given replaces the scenario's; the contract's defaults stay implicit.
            weights.unscheduled = given.unscheduled ?? weights.unscheduled
            weights.startDeviationPerSlot = given.startDeviationPerSlot ?? weights.startDeviationPerSlot
            weights.missingPreferredSkill = given.missingPreferredSkill ?? weights.missingPreferredSkill
            weights.unassignedMechanic = given.unassignedMechanic ?? weights.unassignedMechanic
            weights.moved = given.moved ?? weights.moved
            weights.changedBay = given.changedBay ?? weights.changedBay
            weights.changedMechanic = given.changedMechanic ?? weights.changedMechanic
            weights.mechanicUsed = given.mechanicUsed ?? weights.mechanicUsed
            file.weights = weights
        case .setSlotMinutes:
            let minutes = edit.minutes ?? 0
            guard minutes >= 1 else { throw fail("minutes", "must be 1 or more, not \(minutes)") }
            file.facility.slotMinutes = minutes
        case .setResumable:
            try setResumable(edit, in: &file, fail: fail)
        }
    }

    /// `setResumable`: sets `resumable` on the jobs every given selector picks (`false`
    /// is written as the field left out, which means the same). A selector that names
    /// nothing, or an edit that selects no job, is an error: a variant that changes
    /// nothing is a mistake in the file.
    private static func setResumable(
        _ edit: Edit, in file: inout ScenarioFile, fail: (String, String) -> InputError
    ) throws(InputError) {
        let ids = Set(file.jobs.map(\.id))
        for (k, id) in (edit.jobs ?? []).enumerated() where !ids.contains(id) {
            throw fail("jobs[\(k)]", "no job '\(id)'")
        }
        if let type = edit.bayType, BayType(rawValue: type) == nil {
            throw fail(
                "bayType",
                "unknown bay type '\(type)'; one of \(BayType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let minimum = edit.minMinutes, minimum < 1 {
            throw fail("minMinutes", "must be 1 or more, not \(minimum)")
        }
        let chosen = file.jobs.indices.filter { j in
            let job = file.jobs[j]
            return (edit.jobs.map { $0.contains(job.id) } ?? true)
                && (edit.bayType.map { job.bayTypes.contains($0) } ?? true)
                && (edit.minMinutes.map { job.durationMinutes >= $0 } ?? true)
        }
        guard !chosen.isEmpty else { throw fail("resumable", "the selectors given pick no job") }
        for j in chosen { file.jobs[j].resumable = edit.resumable == true ? true : nil }
    }

    /// `HH:MM-HH:MM` as its two clock times (the close may be `24:00`).
    static func clockRange(_ text: String) -> (open: String, close: String)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let open = ClockTime(parts[0]), let close = ClockTime(parts[1]), open < close else {
            return nil
        }
        return (parts[0], parts[1])
    }

    /// The ids `BAY-<n>` for new bays: the lowest numbers not taken.
    private static func addBays(type: String, count: Int, to file: inout ScenarioFile) {
        var taken = Set(file.bays.map(\.id))
        var number = file.bays.count + 1
        for _ in 0..<count {
            while taken.contains("BAY-\(number)") { number += 1 }
            file.bays.append(ScenarioFile.Bay(id: "BAY-\(number)", type: type))
            taken.insert("BAY-\(number)")
        }
    }

    /// Removes the last `count` bays of `type` (in file order) that no pin or
    /// `current` names, so the edited file stays valid; `false` when too few.
    private static func removeBays(type: String, count: Int, from file: inout ScenarioFile) -> Bool {
        let named = Set(file.jobs.flatMap { [$0.pinned?.bay, $0.current?.bay].compactMap { $0 } })
        let removable = file.bays.indices.filter { file.bays[$0].type == type && !named.contains(file.bays[$0].id) }
        guard removable.count >= count else { return false }
        let gone = Set(removable.suffix(count))
        file.bays = file.bays.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        return true
    }

    private static func mechanicIndex(
        _ id: String?, in file: ScenarioFile,
        fail: (String) -> InputError
    ) throws(InputError) -> Int {
        guard let index = file.mechanics.firstIndex(where: { $0.id == id }) else {
            throw fail("no mechanic '\(id ?? "")'")
        }
        return index
    }

    /// `shifts` as given, or `dailyShift` on every day of the horizon (shifts
    /// on closed days are harmless, and this keeps the edit independent of
    /// edits to the hours); `nil` when the edit gives neither.
    private static func newShifts(
        _ edit: Edit, file: ScenarioFile,
        fail: (String, String) -> InputError
    ) throws(InputError) -> [ScenarioFile.TimeRange]? {
        if edit.shifts != nil && edit.dailyShift != nil {
            throw fail("dailyShift", "give 'shifts' or 'dailyShift', not both")
        }
        if let shifts = edit.shifts {
            for (k, shift) in shifts.enumerated() {
                guard let start = LocalDateTime(shift.start) else {
                    throw fail("shifts[\(k)].start", "expected YYYY-MM-DDTHH:MM, found '\(shift.start)'")
                }
                guard let end = LocalDateTime(shift.end) else {
                    throw fail("shifts[\(k)].end", "expected YYYY-MM-DDTHH:MM, found '\(shift.end)'")
                }
                guard start < end else { throw fail("shifts[\(k)].end", "must be after the start") }
            }
            return shifts
        }
        guard let daily = edit.dailyShift else { return nil }
        guard let range = clockRange(daily) else { throw fail("dailyShift", "expected HH:MM-HH:MM, found '\(daily)'") }
        guard let first = LocalDate(file.facility.horizon.start) else {
            throw fail("dailyShift", "the base horizon start is not a date")
        }
        return (0..<max(0, file.facility.horizon.days)).map { offset in
            let date = first.adding(days: offset).description
            return ScenarioFile.TimeRange(start: "\(date)T\(range.open)", end: "\(date)T\(range.close)")
        }
    }

    /// Scales the number of jobs to `round(factor × n)`: clones of unpinned
    /// jobs drawn with replacement (ids `<id>-C<k>`, no pin, no `current`),
    /// or unpinned jobs dropped; both drawn with SplitMix64 from `seed`, so
    /// a variant is the same on every machine. `false` when too few jobs are
    /// unpinned to drop.
    private static func scaleDemand(_ file: inout ScenarioFile, factor: Double, seed: UInt64) -> Bool {
        let target = Int((Double(file.jobs.count) * factor).rounded())
        let unpinned = file.jobs.indices.filter { file.jobs[$0].pinned == nil }
        var random = SplitMix64(seed: seed)
        if target < file.jobs.count {
            let drop = file.jobs.count - target
            guard unpinned.count >= drop else { return false }
            let gone = Set(random.sample(unpinned, count: drop))
            file.jobs = file.jobs.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        } else if target > file.jobs.count, !unpinned.isEmpty {
            var taken = Set(file.jobs.map(\.id))
            var clones: [String: Int] = [:]
            for _ in 0..<(target - file.jobs.count) {
                var job = file.jobs[unpinned[random.int(in: 0...(unpinned.count - 1))]]
                let original = job.id
                repeat {
                    clones[original, default: 0] += 1
                    job.id = "\(original)-C\(clones[original]!)"
                } while taken.contains(job.id)
                job.pinned = nil
                job.current = nil
                taken.insert(job.id)
                file.jobs.append(job)
            }
        }
        return true
    }
}
