import Foundation
import ShopDomain
import ShopPlanner

/// Generates realistic auto-repair shop scenarios (`shopsched.scenario/1`)
/// for tests and benchmarks, deterministically from a seed.
///
/// A scenario is a shop in America/Chicago (Mon–Fri 08:00–18:00, Sat
/// 09:00–14:00), a typical mix of bays, a crew of seniors, technicians and
/// apprentices on staggered shifts, and jobs drawn from a service catalog
/// with drop-off, waiting-customer and two-day windows. Options can add pins
/// taken from a greedy plan, or turn the scenario into a replanning day.
/// `datasets/README.md` ("Generated scenarios") lists every number.
///
/// The same options give the same file, byte for byte, on every platform:
/// all randomness comes from a SplitMix64 generator written out in this
/// module, and nothing depends on dictionary or set order.
public enum ScenarioGenerator {
    /// The scenario file for `options`. It passes the project's validation
    /// (``Scenario/init(file:)``); invalid options throw an ``InputError``
    /// whose paths are the CLI's option names.
    public static func scenario(_ options: GeneratorOptions) throws(InputError) -> ScenarioFile {
        try options.validate()
        var file = ShopBuilder(options).file()
        if options.disrupted || options.pinnedFraction > 0 {
            file = try Replanning.apply(to: file, options: options)
        }
        // Never hand out a file the engine would refuse.
        _ = try Scenario(file: file)
        return file
    }

    /// The scenario as the JSON the CLI writes (sorted keys, newline at the end).
    public static func json(_ options: GeneratorOptions) throws(InputError) -> Data {
        JSONFiles.encode(try scenario(options)) + Data("\n".utf8)
    }
}

/// Builds the scenario without plan-dependent parts (pins, current placements).
struct ShopBuilder {
    let options: GeneratorOptions
    /// The open days of the horizon, in order.
    let openDays: [OpenDay]

    struct OpenDay {
        /// Days since the start of the horizon.
        var offset: Int
        var date: LocalDate
        /// Minutes since midnight.
        var open: Int
        var close: Int
    }

    init(_ options: GeneratorOptions) {
        self.options = options
        openDays = (0..<options.days).compactMap { offset in
            let date = options.startDate.adding(days: offset)
            guard let (open, close) = Catalog.hours(date.weekday) else { return nil }
            return OpenDay(offset: offset, date: date, open: open, close: close)
        }
    }

    func file() -> ScenarioFile {
        let bays = makeBays()
        var crew = makeCrew()
        let services = Catalog.services(for: Set(bays.map { BayType(rawValue: $0.type)! }))
        var jobs = makeJobs(services: services)
        makeResumable(&jobs, bayTypes: Set(bays.map { BayType(rawValue: $0.type)! }))
        if options.mechanics >= 3 { cover(jobs, crew: &crew) }
        let mechanics = crew.map {
            ScenarioFile.Mechanic(
                id: $0.id, skills: $0.skills.sorted(), active: $0.active ? nil : false, shifts: $0.shifts)
        }
        return ScenarioFile(facility: facility(), bays: bays, mechanics: mechanics, jobs: jobs)
    }

    static func time(_ date: LocalDate, _ minute: Int) -> String {
        LocalDateTime(date: date, minuteOfDay: minute).description
    }

    // MARK: Facility

    func facility() -> ScenarioFile.Facility {
        var rng = SplitMix64(seed: options.seed, stream: .facility)
        // About half the shops cap the work in progress below the bay count
        // (staff, parking, the service desk), at 80–90 % of the bays.
        var maxConcurrent: Int?
        if rng.chance(0.5) {
            maxConcurrent = max(1, Int((Double(options.bays) * (0.80 + 0.10 * rng.unit())).rounded()))
        }
        return ScenarioFile.Facility(
            id: "GEN-\(options.seed)-\(options.jobs)J-\(options.mechanics)M-\(options.bays)B-\(options.days)D",
            timeZone: "America/Chicago", slotMinutes: options.slotMinutes,
            horizon: .init(start: options.startDate.description, days: options.days),
            operatingHours: Catalog.operatingHours, maxConcurrent: maxConcurrent)
    }

    // MARK: Bays

    /// How many bays of each type a shop of `n` bays has: about 35 % general,
    /// 30 % lifts, 10 % each alignment, tire and inspection (from 4, 7 and 8
    /// bays up: a small shop keeps its floor for general work and lifts), one
    /// mobile unit per 40 bays from 6 up; at least one general bay and one
    /// lift from 2 bays up. Rounding is half up, in integers.
    static func bayCounts(_ n: Int) -> [(BayType, Int)] {
        let tenth = max(1, (n + 5) / 10)
        let mobile = n >= 6 ? max(1, n / 40) : 0
        let alignment = n >= 4 ? tenth : 0
        let tire = n >= 7 ? tenth : 0
        let inspection = n >= 8 ? tenth : 0
        let rest = n - mobile - alignment - tire - inspection
        var general = (rest * 14 + 13) / 26  // rest × 35/65, half up
        var lift = rest - general
        if n >= 2 && lift == 0 { lift = 1; general -= 1 }
        if n >= 2 && general == 0 { general = 1; lift -= 1 }
        return [
            (.generalService, general), (.lift, lift), (.alignment, alignment), (.tire, tire),
            (.inspection, inspection), (.mobileUnit, mobile),
        ]
    }

    func makeBays() -> [ScenarioFile.Bay] {
        var rng = SplitMix64(seed: options.seed, stream: .bays)
        var bays: [ScenarioFile.Bay] = []
        for (type, count) in Self.bayCounts(options.bays) {
            for _ in 0..<count { bays.append(ScenarioFile.Bay(id: "BAY-\(bays.count + 1)", type: type.rawValue)) }
        }
        // On some seeds one bay is down for 1–3 hours (a lift inspection, a repair).
        if rng.chance(0.4), !openDays.isEmpty {
            let bay = rng.int(in: 0...(bays.count - 1))
            let day = rng.pick(openDays)
            let length = 60 * rng.int(in: 1...3)
            let latest = max(day.open, day.close - length)
            let start = day.open + 30 * rng.int(in: 0...((latest - day.open) / 30))
            bays[bay].outOfService = [
                ScenarioFile.TimeRange(
                    start: Self.time(day.date, start), end: Self.time(day.date, min(start + length, day.close)))
            ]
        }
        return bays
    }

    // MARK: Crew

    struct CrewMember {
        var id: String
        var tier: Catalog.Tier
        var skills: [String]
        var active = true
        var shifts: [ScenarioFile.TimeRange] = []
    }

    /// Tiers for `m` mechanics: about 25 % seniors and 20 % apprentices (at
    /// least one of each from 3 up), the rest general technicians.
    static func tiers(_ m: Int) -> [Catalog.Tier] {
        switch m {
        case 1: return [.senior]
        case 2: return [.senior, .technician]
        default:
            let seniors = max(1, (m + 2) / 4), apprentices = max(1, (m * 2 + 5) / 10)
            return Array(repeating: .senior, count: seniors) + Array(repeating: .apprentice, count: apprentices)
                + Array(repeating: .technician, count: m - seniors - apprentices)
        }
    }

    func makeCrew() -> [CrewMember] {
        var rng = SplitMix64(seed: options.seed, stream: .mechanics)
        var tiers = Self.tiers(options.mechanics)
        rng.shuffle(&tiers)
        var crew: [CrewMember] = []
        for (index, tier) in tiers.enumerated() {
            var skills: [String]
            switch tier {
            case .senior:
                let others = Catalog.skills.filter { !Catalog.seniorCore.contains($0) }
                skills = Catalog.seniorCore + rng.sample(others, count: rng.int(in: 2...4))
            case .technician:
                skills = rng.pick(Catalog.technicianProfiles)
                if skills.count == 3 && rng.chance(0.4) {
                    skills.append(rng.pick(Catalog.skills.filter { !skills.contains($0) }))
                }
            case .apprentice:
                skills = rng.pick(Catalog.apprenticeProfiles)
            }
            let shift = Catalog.Shift.allCases[rng.weightedIndex(tier.shiftWeights)]
            var member = CrewMember(id: "M-\(index + 1)", tier: tier, skills: skills)
            for day in openDays where day.date.weekday != .sat {
                let (start, end) = shift.minutes
                member.shifts.append(.init(start: Self.time(day.date, start), end: Self.time(day.date, end)))
            }
            crew.append(member)
        }
        // Saturdays: about 40 % of the crew, at least one, 09:00–14:00.
        for day in openDays where day.date.weekday == .sat {
            var working = crew.indices.filter { _ in rng.chance(0.4) }
            if working.isEmpty { working = [rng.int(in: 0...(crew.count - 1))] }
            for index in working {
                let shift = ScenarioFile.TimeRange(
                    start: Self.time(day.date, Catalog.saturdayShift.start),
                    end: Self.time(day.date, Catalog.saturdayShift.end))
                crew[index].shifts.insert(
                    shift,
                    at: crew[index].shifts.firstIndex { $0.start > shift.start }
                        ?? crew[index].shifts.count)
            }
        }
        // Now and then someone is on leave; the roster keeps their shifts.
        if crew.count >= 4 && rng.chance(0.25) {
            crew[rng.int(in: 0...(crew.count - 1))].active = false
        }
        return crew
    }

    /// From 3 mechanics up, every skill the jobs require is held by at least
    /// one active mechanic: a missing one goes to the active non-apprentice
    /// with the fewest skills (the shop hires for the work it books).
    func cover(_ jobs: [ScenarioFile.Job], crew: inout [CrewMember]) {
        let needed = Catalog.skills.filter { skill in jobs.contains { $0.requiredSkills?.contains(skill) ?? false } }
        for skill in needed where !crew.contains(where: { $0.active && $0.skills.contains(skill) }) {
            let active = crew.indices.filter { crew[$0].active }
            let experienced = active.filter { crew[$0].tier != .apprentice }
            let pool = experienced.isEmpty ? active : experienced
            guard let chosen = pool.min(by: { (crew[$0].skills.count, $0) < (crew[$1].skills.count, $1) }) else {
                return
            }
            crew[chosen].skills.append(skill)
        }
    }

    // MARK: Jobs

    /// A stretch of one day in which a job may start and run (minutes since midnight).
    struct Segment {
        var date: LocalDate
        var from: Int
        var to: Int
    }

    /// The open day of job `i`: jobs spread evenly over the open days in
    /// proportion to their opening hours (a Saturday gets half a weekday's
    /// share), in job order. Integer arithmetic, so the split is exact.
    func dayIndex(ofJob i: Int) -> Int {
        let weights = openDays.map { $0.close - $0.open }
        let total = weights.reduce(0, +)
        // The job's midpoint, (i + ½) / jobs of the way through the open time.
        let target = (2 * i + 1) * total
        var cumulative = 0
        for (index, weight) in weights.enumerated() {
            cumulative += weight
            if target < 2 * cumulative * options.jobs { return index }
        }
        return weights.count - 1
    }

    func makeJobs(services: [Catalog.Service]) -> [ScenarioFile.Job] {
        var rng = SplitMix64(seed: options.seed, stream: .jobs)
        // A horizon with no open day (a lone Sunday) still gets jobs, with
        // windows on its first day: they are all unschedulable, as they would be.
        let days =
            openDays.isEmpty
            ? [OpenDay(offset: 0, date: options.startDate, open: 480, close: 1080)] : openDays
        let weights = services.map(\.weight)
        var jobs: [ScenarioFile.Job] = []
        for i in 0..<options.jobs {
            let d = openDays.isEmpty ? 0 : dayIndex(ofJob: i)
            let day = days[d], next = d + 1 < days.count ? days[d + 1] : nil
            let service = services[rng.weightedIndex(weights)]
            let duration = rng.pick(service.durations)

            // Window: the drop-off day on most jobs.
            var window: ScenarioFile.Window? = .init(
                earliest: Self.time(day.date, day.open),
                latest: Self.time(day.date, day.close))
            var segments = [Segment(date: day.date, from: day.open, to: day.close)]
            if options.days == 1 && rng.chance(0.05) {
                window = nil  // no window: the whole horizon, the contract's default
            } else if let next, rng.chance(service.twoDayChance) {
                window = .init(earliest: Self.time(day.date, day.open), latest: Self.time(next.date, next.close))
                segments.append(Segment(date: next.date, from: next.open, to: next.close))
            } else if rng.chance(service.waitingChance) {
                // A customer waiting on site: 2–3 hours from arrival, on a 5-minute grid.
                let width = rng.pick([120, 150, 180])
                if day.close - day.open >= width {
                    let arrival = day.open + 5 * rng.int(in: 0...((day.close - width - day.open) / 5))
                    window = .init(earliest: Self.time(day.date, arrival), latest: Self.time(day.date, arrival + width))
                    segments = [Segment(date: day.date, from: arrival, to: arrival + width)]
                }
            }

            // Preferred starts on about 60 %: one or two, some off the slot grid.
            var preferred: [String]?
            if rng.chance(0.6) {
                var minutes: [(LocalDate, Int)] = []
                for _ in 0..<(rng.chance(0.3) ? 2 : 1) {
                    let segment = rng.pick(segments)
                    let latest = max(segment.from, segment.to - duration)
                    var minute = segment.from + 15 * rng.int(in: 0...((latest - segment.from) / 15))
                    if rng.chance(0.2) { minute = min(minute + rng.pick([5, 10]), latest) }
                    if !minutes.contains(where: { $0 == (segment.date, minute) }) {
                        minutes.append((segment.date, minute))
                    }
                }
                preferred = minutes.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { Self.time($0.0, $0.1) }
            }

            // Mostly 1; fleet customers 2; comebacks (redo work) 3.
            let roll = rng.unit()
            let priority: Int? = roll < 0.85 ? nil : roll < 0.95 ? 2 : 3
            let mode: String? =
                service.noMechanic
                ? MechanicMode.none.rawValue
                : rng.chance(service.optionalChance) ? MechanicMode.optional.rawValue : nil

            jobs.append(
                ScenarioFile.Job(
                    id: "J-\(i + 1)", durationMinutes: duration, bayTypes: service.bayTypes.map(\.rawValue),
                    requiredSkills: service.requiredSkills.isEmpty ? nil : service.requiredSkills,
                    preferredSkills: service.preferredSkills.isEmpty ? nil : service.preferredSkills,
                    mechanic: mode, priority: priority, window: window, preferredStarts: preferred))
        }
        return jobs
    }

    /// Makes shares of the jobs resumable (contract §7), from a stream of their
    /// own so the rest of a seed's scenario stays as it is: each job draws once, a draw
    /// below ``GeneratorOptions/multiDayFraction`` makes it a multi-day engine rebuild, one
    /// below that plus ``GeneratorOptions/resumableFraction`` lets it pause, its window
    /// running on to the next open day's close.
    func makeResumable(_ jobs: inout [ScenarioFile.Job], bayTypes: Set<BayType>) {
        guard options.resumableFraction > 0 || options.multiDayFraction > 0 else { return }
        var rng = SplitMix64(seed: options.seed, stream: .resumable)
        let rebuild = Catalog.engineRebuild
        let days =
            openDays.isEmpty
            ? [OpenDay(offset: 0, date: options.startDate, open: 480, close: 1080)] : openDays
        for i in jobs.indices {
            // Every job draws the same numbers whatever it becomes, so one job's fate never
            // shifts another's.
            let roll = rng.unit()
            let duration = rng.pick(rebuild.durations)
            if roll < options.multiDayFraction {
                // Four open days from drop-off; near the horizon's end the window starts
                // earlier, so the car can still be done before the horizon ends.
                let d = openDays.isEmpty ? 0 : max(0, min(dayIndex(ofJob: i), days.count - 4))
                let day = days[d], last = days[min(d + 3, days.count - 1)]
                // An engine rebuild where there is a lift; without one the job keeps its
                // service's bays and skills and only grows long.
                if rebuild.bayTypes.contains(where: bayTypes.contains) {
                    jobs[i].bayTypes = rebuild.bayTypes.map(\.rawValue)
                    jobs[i].requiredSkills = rebuild.requiredSkills
                    jobs[i].preferredSkills = rebuild.preferredSkills
                    jobs[i].mechanic = nil
                }
                jobs[i].durationMinutes = duration
                jobs[i].window = .init(
                    earliest: Self.time(day.date, day.open), latest: Self.time(last.date, last.close))
                jobs[i].preferredStarts = [Self.time(day.date, day.open)]
                jobs[i].resumable = true
            } else if roll < options.multiDayFraction + options.resumableFraction {
                // The customer leaves the car: it may stay overnight, so the window runs to
                // the next open day's close (when the horizon has one).
                let d = openDays.isEmpty ? 0 : dayIndex(ofJob: i)
                if d + 1 < days.count, let earliest = jobs[i].window?.earliest {
                    let next = days[d + 1]
                    jobs[i].window = .init(earliest: earliest, latest: Self.time(next.date, next.close))
                }
                jobs[i].resumable = true
            }
        }
    }
}
