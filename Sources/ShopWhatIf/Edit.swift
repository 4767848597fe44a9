import ShopDomain

/// One change to a scenario, as a planner writes it in a variant file
/// (`{"edit": "addBays", "type": "LIFT_BAY", "count": 1}`).
///
/// Invariant: a decoded edit has every field its ``kind`` needs and no
/// field of another kind (a typo such as `cout` is an error, not ignored);
/// ids, types and times are checked when the edit is applied
/// (``ScenarioEditor``), where the scenario is known.
public struct Edit: Hashable, Sendable, CustomStringConvertible {
    /// What an edit changes; the raw value is the `edit` field.
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        /// `type`, `count`: add `count` bays of `type` (ids `BAY-<n>`, the next free numbers).
        case addBays
        /// `type`, `count`: remove the last `count` bays of `type` that no pin or `current` names.
        case removeBays
        /// `type`, `count`: add or remove bays of `type` until there are `count`.
        case setBayCount
        /// `id`, and `like` (copy skills and shifts of that mechanic) and/or `skills`,
        /// `shifts` or `dailyShift`: hire a mechanic.
        case addMechanic
        /// `id`: the mechanic leaves (kept in the file as `active: false`, so pins and
        /// `current` that name them stay valid; a pin on them makes the variant infeasible).
        case removeMechanic
        /// `mechanic` and `skills` (replace) and/or `addSkills`, `removeSkills`.
        case setSkills
        /// `mechanic` and `shifts` or `dailyShift` (replaces every shift).
        case setShifts
        /// `day` (`mon`…`sun`) and `hours` (`["09:00-14:00"]`; `[]` closes the day).
        case setHours
        /// `dates`: add to `closedDates`.
        case closeDates
        /// `dates`: remove from `closedDates`.
        case openDates
        /// `value`: the new `maxConcurrent`; `null` means unlimited.
        case setMaxConcurrent
        /// `limit` (minutes; `null`: no limit) and optionally `warnAbove` (minutes;
        /// `null`: no warning; left out: the scenario's stays): `facility.labourMinutesPerDay`.
        case setLabourLimit
        /// `factor` (> 0) and `seed` (default 1): clone or drop unpinned jobs, seeded.
        case scaleDemand
        /// `weights`: the weights given replace those of the scenario; others stay.
        case setWeights
        /// `minutes`: the new `slotMinutes`.
        case setSlotMinutes
        /// `resumable` (`true`: the jobs may pause over closed time, keeping their bay,
        /// contract §7; `false`: back to one open interval), on the jobs that `jobs` (ids),
        /// `bayType` (jobs that may use that type) and `minMinutes` (jobs at least that
        /// long) all select; none given: every job.
        case setResumable
    }

    public var kind: Kind
    /// Where the edit was written in the variant file (`variants[2].edits[0]`), for errors.
    public var path: String

    public var type: String?
    public var count: Int?
    public var id: String?
    public var like: String?
    public var mechanic: String?
    public var skills: [String]?
    public var addSkills: [String]?
    public var removeSkills: [String]?
    public var shifts: [ScenarioFile.TimeRange]?
    /// `HH:MM-HH:MM`, the same shift on every day of the horizon.
    public var dailyShift: String?
    public var day: String?
    /// Ranges `HH:MM-HH:MM`.
    public var hours: [String]?
    public var dates: [String]?
    /// `setMaxConcurrent`: `nil` is unlimited.
    public var value: Int?
    /// `setLabourLimit`: the daily limit; `nil` is none.
    public var limit: Int?
    /// `setLabourLimit`: the warning threshold, when ``setsWarnAbove``; `nil` is none.
    public var warnAbove: Int?
    /// Whether the edit gives `warnAbove` (`null` included); otherwise the scenario's stays.
    public var setsWarnAbove = false
    public var factor: Double?
    public var seed: UInt64?
    public var weights: ScenarioFile.Weights?
    public var minutes: Int?
    /// `setResumable`: the value set.
    public var resumable: Bool?
    /// `setResumable`: the job ids it applies to.
    public var jobs: [String]?
    /// `setResumable`: only jobs whose `bayTypes` hold this type.
    public var bayType: String?
    /// `setResumable`: only jobs of at least this many minutes.
    public var minMinutes: Int?

    public init(_ kind: Kind, path: String = "") {
        self.kind = kind
        self.path = path
    }

    /// The fields each kind takes: required first, then optional.
    static func fields(of kind: Kind) -> (required: [String], optional: [String]) {
        switch kind {
        case .addBays, .removeBays, .setBayCount: (["type", "count"], [])
        case .addMechanic: (["id"], ["like", "skills", "shifts", "dailyShift"])
        case .removeMechanic: (["id"], [])
        case .setSkills: (["mechanic"], ["skills", "addSkills", "removeSkills"])
        case .setShifts: (["mechanic"], ["shifts", "dailyShift"])
        case .setHours: (["day", "hours"], [])
        case .closeDates, .openDates: (["dates"], [])
        case .setMaxConcurrent: (["value"], [])
        case .setLabourLimit: (["limit"], ["warnAbove"])
        case .scaleDemand: (["factor"], ["seed"])
        case .setWeights: (["weights"], [])
        case .setSlotMinutes: (["minutes"], [])
        case .setResumable: (["resumable"], ["jobs", "bayType", "minMinutes"])
        }
    }

    /// A short line for tables and result files, e.g. `addBays LIFT_BAY 1`.
    public var description: String {
        switch kind {
        case .addBays, .removeBays, .setBayCount: return "\(kind) \(type ?? "") \(count ?? 0)"
        case .addMechanic:
            var text = "addMechanic \(id ?? "")"
            if let like { text += " like \(like)" }
            if let skills { text += " skills \(skills.joined(separator: "+"))" }
            if let dailyShift { text += " daily \(dailyShift)" }
            if let shifts { text += " \(shifts.count) shift(s)" }
            return text
        case .removeMechanic: return "removeMechanic \(id ?? "")"
        case .setSkills:
            var text = "setSkills \(mechanic ?? "")"
            if let skills { text += " = \(skills.joined(separator: "+"))" }
            if let addSkills { text += " +\(addSkills.joined(separator: "+"))" }
            if let removeSkills { text += " -\(removeSkills.joined(separator: "-"))" }
            return text
        case .setShifts:
            return "setShifts \(mechanic ?? "") "
                + (dailyShift.map { "daily \($0)" } ?? "\(shifts?.count ?? 0) shift(s)")
        case .setHours:
            return "setHours \(day ?? "") " + ((hours ?? []).isEmpty ? "closed" : (hours ?? []).joined(separator: ","))
        case .closeDates, .openDates: return "\(kind) \((dates ?? []).joined(separator: ","))"
        case .setMaxConcurrent: return "setMaxConcurrent " + (value.map(String.init) ?? "unlimited")
        case .setLabourLimit:
            var text = "setLabourLimit " + (limit.map { "\($0) min" } ?? "unlimited")
            if setsWarnAbove { text += " warn " + (warnAbove.map { "\($0) min" } ?? "never") }
            return text
        case .scaleDemand: return "scaleDemand \(factor ?? 1) seed \(seed ?? 1)"
        case .setWeights:
            let given = Mirror(reflecting: weights ?? .init()).children.compactMap { child -> String? in
                guard let label = child.label, let value = child.value as? Int else { return nil }
                return "\(label)=\(value)"
            }
            return "setWeights \(given.joined(separator: ","))"
        case .setSlotMinutes: return "setSlotMinutes \(minutes ?? 0)"
        case .setResumable:
            var text = "setResumable " + (resumable == false ? "off" : "on")
            if let jobs { text += " \(jobs.joined(separator: ","))" }
            if let bayType { text += " \(bayType)" }
            if let minMinutes { text += " ≥\(minMinutes) min" }
            if jobs == nil && bayType == nil && minMinutes == nil { text += " every job" }
            return text
        }
    }
}

extension Edit: Decodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let name = try container.decode(String.self, forKey: Key("edit"))
        guard let kind = Kind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                forKey: Key("edit"), in: container,
                debugDescription:
                    "unknown edit '\(name)'; one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.init(kind, path: JSONFiles.path(decoder.codingPath))
        let (required, optional) = Edit.fields(of: kind)
        // Keys in a stable order, so the first unknown one named is always the same.
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
        where key.stringValue != "edit" && !required.contains(key.stringValue) && !optional.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription:
                    "\(kind) takes no field '\(key.stringValue)' (its fields: \((required + optional).joined(separator: ", ")))"
            )
        }
        for field in required where !container.contains(Key(field)) {
            throw DecodingError.keyNotFound(
                Key(field),
                .init(
                    codingPath: container.codingPath,
                    debugDescription: "\(kind) needs '\(field)'"))
        }
        type = try container.decodeIfPresent(String.self, forKey: Key("type"))
        count = try container.decodeIfPresent(Int.self, forKey: Key("count"))
        id = try container.decodeIfPresent(String.self, forKey: Key("id"))
        like = try container.decodeIfPresent(String.self, forKey: Key("like"))
        mechanic = try container.decodeIfPresent(String.self, forKey: Key("mechanic"))
        skills = try container.decodeIfPresent([String].self, forKey: Key("skills"))
        addSkills = try container.decodeIfPresent([String].self, forKey: Key("addSkills"))
        removeSkills = try container.decodeIfPresent([String].self, forKey: Key("removeSkills"))
        shifts = try container.decodeIfPresent([ScenarioFile.TimeRange].self, forKey: Key("shifts"))
        dailyShift = try container.decodeIfPresent(String.self, forKey: Key("dailyShift"))
        day = try container.decodeIfPresent(String.self, forKey: Key("day"))
        hours = try container.decodeIfPresent([String].self, forKey: Key("hours"))
        dates = try container.decodeIfPresent([String].self, forKey: Key("dates"))
        value = try container.decodeIfPresent(Int.self, forKey: Key("value"))  // null: unlimited
        limit = try container.decodeIfPresent(Int.self, forKey: Key("limit"))  // null: no limit
        warnAbove = try container.decodeIfPresent(Int.self, forKey: Key("warnAbove"))
        setsWarnAbove = container.contains(Key("warnAbove"))
        factor = try container.decodeIfPresent(Double.self, forKey: Key("factor"))
        seed = try container.decodeIfPresent(UInt64.self, forKey: Key("seed"))
        weights = try container.decodeIfPresent(ScenarioFile.Weights.self, forKey: Key("weights"))
        minutes = try container.decodeIfPresent(Int.self, forKey: Key("minutes"))
        resumable = try container.decodeIfPresent(Bool.self, forKey: Key("resumable"))
        jobs = try container.decodeIfPresent([String].self, forKey: Key("jobs"))
        bayType = try container.decodeIfPresent(String.self, forKey: Key("bayType"))
        minMinutes = try container.decodeIfPresent(Int.self, forKey: Key("minMinutes"))
    }
}
