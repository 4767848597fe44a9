import ShopDomain

/// What to generate: the size of the shop and of its workload, the seed, and
/// whether the scenario carries pins or is a replanning day.
///
/// The same options always give the same scenario, byte for byte. Issues are
/// reported with the CLI's option names as paths (`--jobs`, `--pinned`, …).
public struct GeneratorOptions: Sendable, Hashable, Codable {
    /// Seeds the generator; every other choice follows from it.
    public var seed: UInt64
    /// Jobs to generate, 1…5000.
    public var jobs: Int
    /// Mechanics on the roster, 1…500.
    public var mechanics: Int
    /// Bays (mobile units included), 1…500.
    public var bays: Int
    /// Days in the horizon, 1…28.
    public var days: Int
    /// Fraction (0…1) of the jobs a greedy plan schedules that are pinned at
    /// their planned placement.
    public var pinnedFraction: Double
    /// A replanning day: every job of a greedy plan gets `current`, then a
    /// mechanic goes home at midday (and on some seeds a bay breaks down).
    public var disrupted: Bool
    /// The first day of the horizon.
    public var startDate: LocalDate
    /// The slot length; it must divide 60.
    public var slotMinutes: Int
    /// Fraction (0…1) of the jobs made resumable (contract §7) with their usual duration:
    /// work that may pause over lunch, a night or an end of shift.
    public var resumableFraction: Double
    /// Fraction (0…1) of the jobs made multi-day: resumable engine rebuilds whose duration
    /// (11–16 hours) is longer than any open interval, with a window of four open days
    /// (from drop-off, or ending on the horizon's last open day).
    /// With ``resumableFraction`` it adds up to at most 1.
    public var multiDayFraction: Double

    /// Monday 2026-11-23, the first day of the bundled datasets.
    public static let defaultStartDate = LocalDate(year: 2026, month: 11, day: 23)!

    /// The allowed sizes; beyond them a scenario stops looking like one shop.
    public static let jobRange = 1...5000
    public static let mechanicRange = 1...500
    public static let bayRange = 1...500
    public static let dayRange = 1...28

    public init(
        seed: UInt64, jobs: Int, mechanics: Int, bays: Int, days: Int, pinnedFraction: Double = 0,
        disrupted: Bool = false, startDate: LocalDate = GeneratorOptions.defaultStartDate,
        slotMinutes: Int = 15, resumableFraction: Double = 0, multiDayFraction: Double = 0
    ) {
        self.seed = seed
        self.jobs = jobs
        self.mechanics = mechanics
        self.bays = bays
        self.days = days
        self.pinnedFraction = pinnedFraction
        self.disrupted = disrupted
        self.startDate = startDate
        self.slotMinutes = slotMinutes
        self.resumableFraction = resumableFraction
        self.multiDayFraction = multiDayFraction
    }

    /// Checks every option and reports every problem at once, each at the
    /// CLI name of its option (`--jobs: must be from 1 to 5000, not 0`).
    public func validate() throws(InputError) {
        var issues: [ValidationIssue] = []
        func range(_ value: Int, _ allowed: ClosedRange<Int>, _ name: String) {
            if !allowed.contains(value) {
                issues.append(
                    ValidationIssue(
                        path: name, message: "must be from \(allowed.lowerBound) to \(allowed.upperBound), not \(value)"
                    ))
            }
        }
        range(jobs, Self.jobRange, "--jobs")
        range(mechanics, Self.mechanicRange, "--mechanics")
        range(bays, Self.bayRange, "--bays")
        range(days, Self.dayRange, "--days")
        if !(pinnedFraction >= 0 && pinnedFraction <= 1) {  // also refuses NaN
            issues.append(
                ValidationIssue(path: "--pinned", message: "must be a fraction from 0 to 1, not \(pinnedFraction)"))
        }
        for (value, name) in [(resumableFraction, "--resumable"), (multiDayFraction, "--multi-day")]
        where !(value >= 0 && value <= 1) {  // also refuses NaN
            issues.append(ValidationIssue(path: name, message: "must be a fraction from 0 to 1, not \(value)"))
        }
        if resumableFraction >= 0, multiDayFraction >= 0, resumableFraction + multiDayFraction > 1 {
            issues.append(
                ValidationIssue(
                    path: "--resumable",
                    message:
                        "with --multi-day it must add up to at most 1, not \(resumableFraction + multiDayFraction)"))
        }
        if !(1...60).contains(slotMinutes) || 60 % slotMinutes != 0 {
            issues.append(
                ValidationIssue(
                    path: "--slot-minutes", message: "must divide an hour (5, 10, 15, 20, 30 or 60), not \(slotMinutes)"
                ))
        }
        // The horizon's last day must still be a four-digit year.
        if Self.dayRange.contains(days), startDate.adding(days: days - 1).year > 9999 {
            issues.append(ValidationIssue(path: "--start-date", message: "the horizon must end by 9999-12-31"))
        }
        if !issues.isEmpty { throw InputError(issues) }
    }

    // MARK: Codable (the start date as `YYYY-MM-DD`; defaulted fields may be left out)

    private enum CodingKeys: String, CodingKey {
        case seed, jobs, mechanics, bays, days, pinnedFraction, disrupted, startDate, slotMinutes
        case resumableFraction, multiDayFraction
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(UInt64.self, forKey: .seed)
        jobs = try container.decode(Int.self, forKey: .jobs)
        mechanics = try container.decode(Int.self, forKey: .mechanics)
        bays = try container.decode(Int.self, forKey: .bays)
        days = try container.decode(Int.self, forKey: .days)
        pinnedFraction = try container.decodeIfPresent(Double.self, forKey: .pinnedFraction) ?? 0
        disrupted = try container.decodeIfPresent(Bool.self, forKey: .disrupted) ?? false
        slotMinutes = try container.decodeIfPresent(Int.self, forKey: .slotMinutes) ?? 15
        resumableFraction = try container.decodeIfPresent(Double.self, forKey: .resumableFraction) ?? 0
        multiDayFraction = try container.decodeIfPresent(Double.self, forKey: .multiDayFraction) ?? 0
        if let text = try container.decodeIfPresent(String.self, forKey: .startDate) {
            guard let date = LocalDate(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .startDate, in: container, debugDescription: "\"\(text)\" is not a date YYYY-MM-DD")
            }
            startDate = date
        } else {
            startDate = Self.defaultStartDate
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seed, forKey: .seed)
        try container.encode(jobs, forKey: .jobs)
        try container.encode(mechanics, forKey: .mechanics)
        try container.encode(bays, forKey: .bays)
        try container.encode(days, forKey: .days)
        try container.encode(pinnedFraction, forKey: .pinnedFraction)
        try container.encode(disrupted, forKey: .disrupted)
        try container.encode(startDate.description, forKey: .startDate)
        try container.encode(slotMinutes, forKey: .slotMinutes)
        // Left out at 0, so the options of a scenario without resumable jobs read as before.
        if resumableFraction != 0 { try container.encode(resumableFraction, forKey: .resumableFraction) }
        if multiDayFraction != 0 { try container.encode(multiDayFraction, forKey: .multiDayFraction) }
    }
}
