import Foundation
import ShopDomain
import ShopPlanner
import ShopScenarioGenerator
import ShopTestSupport
import ShopVerifier
import Testing

/// Options in one line: `opts(7, jobs: 40, pinned: 0.3, disrupted: true)`.
func opts(
    _ seed: UInt64, jobs: Int = 40, mechanics: Int = 6, bays: Int = 6, days: Int = 1, pinned: Double = 0,
    disrupted: Bool = false, start: String = "2026-11-23", slot: Int = 15
) -> GeneratorOptions {
    GeneratorOptions(
        seed: seed, jobs: jobs, mechanics: mechanics, bays: bays, days: days, pinnedFraction: pinned,
        disrupted: disrupted, startDate: LocalDate(start)!, slotMinutes: slot)
}

/// The greedy plan of a scenario, checked by the independent verifier:
/// feasible, and the objective the planner claims is the contract's sum.
@discardableResult
func greedyAndVerify(_ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) -> PlanResult {
    let (result, report) = planAndVerify(
        scenario, GreedyStrategy(), timeLimit: PlanOptions().timeLimitSeconds,
        sourceLocation: sourceLocation)
    #expect(
        result.status == .optimal || result.status == .feasible, "\(result.problems)", sourceLocation: sourceLocation)
    #expect(result.objective == report.objective, sourceLocation: sourceLocation)
    return result
}

@Suite("Scenario generator")
struct ScenarioGeneratorTests {
    // MARK: Determinism

    // Why: benchmarks and backends' tests name a scenario by its options; the
    // same options must give the same bytes, pins and disruption included.
    @Test(arguments: [
        opts(1), opts(42, jobs: 80, days: 3, pinned: 0.4), opts(9, jobs: 60, days: 2, pinned: 0.2, disrupted: true),
    ])
    func sameOptionsGiveIdenticalBytes(options: GeneratorOptions) throws {
        let first = try ScenarioGenerator.json(options)
        let second = try ScenarioGenerator.json(options)
        #expect(first == second)
        #expect(first == JSONFiles.encode(try ScenarioGenerator.scenario(options)) + Data("\n".utf8))
        // And the bytes read back as the same file.
        #expect(try JSONFiles.decode(ScenarioFile.self, from: first) == ScenarioGenerator.scenario(options))
    }

    // Why: a seed that did not matter would make every benchmark family one scenario.
    @Test func differentSeedsGiveDifferentScenarios() throws {
        let files = try (1...8).map { try ScenarioGenerator.json(opts(UInt64($0))) }
        #expect(Set(files).count == files.count)
        // Differing in the jobs themselves, not just the facility id.
        let jobs = try (1...8).map { try ScenarioGenerator.scenario(opts(UInt64($0))).jobs }
        #expect(Set(jobs).count == jobs.count)
    }

    // Why: each phase draws from its own stream, so asking for pins or a
    // replanning day keeps the shop and its jobs of the same seed.
    @Test func pinsAndDisruptionKeepTheBaseScenario() throws {
        let base = try ScenarioGenerator.scenario(opts(5, jobs: 60, days: 2))
        for options in [
            opts(5, jobs: 60, days: 2, pinned: 0.5), opts(5, jobs: 60, days: 2, pinned: 0.3, disrupted: true),
        ] {
            var file = try ScenarioGenerator.scenario(options)
            #expect(file.facility == base.facility)
            #expect(file.jobs.map(\.id) == base.jobs.map(\.id))
            for index in file.jobs.indices {
                file.jobs[index].pinned = nil
                file.jobs[index].current = nil
            }
            #expect(file.jobs == base.jobs)
            #expect(file.bays.map(\.type) == base.bays.map(\.type))
        }
    }

    // MARK: Valid, with the requested counts, for a spread of sizes

    static let spread: [GeneratorOptions] = [
        opts(1, jobs: 1, mechanics: 1, bays: 1),
        opts(2, jobs: 3, mechanics: 2, bays: 2, pinned: 1),
        opts(3, jobs: 7, mechanics: 3, bays: 3, days: 2, disrupted: true),
        opts(4, jobs: 12, mechanics: 4, bays: 4, pinned: 0.5, disrupted: true),
        opts(5, jobs: 20, mechanics: 4, bays: 5, pinned: 0.25),
        opts(6, jobs: 40),
        opts(7, jobs: 40, pinned: 0.3, disrupted: true),
        opts(8, jobs: 80, mechanics: 8, bays: 8, days: 2, pinned: 0.2),
        opts(9, jobs: 160, mechanics: 10, bays: 10, days: 3, disrupted: true),
        opts(10, jobs: 160, mechanics: 12, bays: 12, days: 4, pinned: 0.1, slot: 30),
        opts(11, jobs: 320, mechanics: 14, bays: 12, days: 5, pinned: 0.15, disrupted: true),
        opts(12, jobs: 50, mechanics: 5, bays: 7, days: 3, pinned: 0.2, start: "2026-11-28"),  // Sat, Sun, Mon
        opts(13, jobs: 10, mechanics: 3, bays: 3, disrupted: true, start: "2026-11-29"),  // a lone Sunday
        opts(14, jobs: 30, mechanics: 5, bays: 6, days: 2, pinned: 0.5, disrupted: true, slot: 5),
        opts(15, jobs: 30, mechanics: 5, bays: 6, pinned: 0.5, slot: 60),
    ]

    // Why: a generated file the engine refuses is useless; and a family
    // "160 jobs, 10 mechanics" must contain exactly that.
    @Test(arguments: spread)
    func validWithTheRequestedCounts(options: GeneratorOptions) throws {
        let file = try ScenarioGenerator.scenario(options)
        let scenario = try Scenario(file: file)
        #expect(try Scenario.load(from: ScenarioGenerator.json(options)) == scenario)
        #expect(scenario.jobs.count == options.jobs)
        #expect(scenario.mechanics.count == options.mechanics)
        #expect(scenario.bays.count == options.bays)
        #expect(scenario.facility.horizonDays == options.days)
        #expect(scenario.facility.horizonStart == options.startDate)
        #expect(scenario.facility.slotMinutes == options.slotMinutes)
        #expect(file.weights == nil)  // the contract's defaults
        let types = scenario.bays.map(\.type)
        if options.bays >= 2 {
            #expect(types.contains(.generalService) && types.contains(.lift))
        }
        if options.mechanics >= 3 {
            let held = Set(scenario.mechanics.filter(\.active).flatMap(\.skills))
            let required = Set(scenario.jobs.flatMap(\.requiredSkills))
            #expect(required.isSubset(of: held), "not held by an active mechanic: \(required.subtracting(held))")
        }
        // Pins never clash, and the greedy plan around them passes the verifier.
        let instance = Instance(scenario)
        #expect(PinCheck.problems(in: instance) == [])
        let result = greedyAndVerify(scenario)
        for job in instance.jobs where job.pinned != nil {
            #expect(result.placements[job.index] == job.pinned)
        }
    }

    // Why: `--pinned F` pins round(F × scheduled) jobs exactly where one greedy plan
    // of the same shop put them (start, bay, mechanic or none).
    @Test(arguments: [
        opts(21, jobs: 40, pinned: 0.25), opts(22, jobs: 80, mechanics: 8, bays: 8, days: 2, pinned: 0.5),
        opts(23, jobs: 25, mechanics: 4, bays: 4, pinned: 1),
    ])
    func pinsAreAFractionOfOneGreedyPlan(options: GeneratorOptions) throws {
        var baseOptions = options
        baseOptions.pinnedFraction = 0
        let base = Instance(try Scenario(file: ScenarioGenerator.scenario(baseOptions)))
        let plan = GreedyStrategy().plan(base, options: PlanOptions()).placements
        let scheduled = plan.compactMap { $0 }.count
        let pinned = Instance(try Scenario(file: ScenarioGenerator.scenario(options))).jobs.filter { $0.pinned != nil }
        #expect(pinned.count == Int((options.pinnedFraction * Double(scheduled)).rounded()))
        #expect(pinned.count > 0)
        for job in pinned { #expect(job.pinned == plan[job.index], "\(job.id)") }
    }

    // MARK: Replanning day

    // Why: a replanning scenario must carry the plan being repaired (`current`)
    // and must actually be broken: some current placement no longer holds
    // because its mechanic went home; pins sit only on placements that still hold.
    @Test(
        arguments: [opts(7, jobs: 40, pinned: 0.3, disrupted: true)]
            + (31...46).map {
                opts(
                    UInt64($0), jobs: 30 + 5 * ($0 % 7), mechanics: 3 + $0 % 6, bays: 3 + $0 % 8, days: 1 + $0 % 3,
                    pinned: $0 % 2 == 0 ? 0.4 : 0, disrupted: true)
            })
    func disruptedScenariosAreBroken(options: GeneratorOptions) throws {
        let scenario = try Scenario(file: ScenarioGenerator.scenario(options))
        let instance = Instance(scenario)
        let current = instance.jobs.filter { $0.current != nil }
        // Every job the greedy plan of the undisrupted shop scheduled is on the board.
        var baseOptions = options
        baseOptions.disrupted = false
        baseOptions.pinnedFraction = 0
        let base = Instance(try Scenario(file: ScenarioGenerator.scenario(baseOptions)))
        let plan = GreedyStrategy().plan(base, options: PlanOptions()).placements
        #expect(current.map(\.index) == plan.indices.filter { plan[$0] != nil })
        for job in current { #expect(job.current == plan[job.index]) }
        let offShift = current.filter { job in
            guard let m = job.current!.mechanic else { return false }
            return !instance.mechanicAvailable(job: job.index, mechanic: m, start: job.current!.start)
        }
        #expect(!offShift.isEmpty, "no current job lost its mechanic")
        for job in instance.jobs where job.pinned != nil {
            #expect(job.pinned == job.current)
            #expect(instance.isValidAlone(job: job.index, job.pinned!))
        }
        #expect(PinCheck.problems(in: instance) == [])
        greedyAndVerify(scenario)
    }

    // Why: the mechanic is sent home at about midday: one shift of the first day
    // ends at 12:00 or 13:00 (or is gone), where the undisrupted roster had it run longer.
    @Test func theBusiestMechanicGoesHomeAtMidday() throws {
        let options = opts(7, jobs: 40, disrupted: true)
        var baseOptions = options
        baseOptions.disrupted = false
        let base = try ScenarioGenerator.scenario(baseOptions), broken = try ScenarioGenerator.scenario(options)
        let changed = zip(base.mechanics, broken.mechanics).filter { $0.shifts != $1.shifts }
        #expect(changed.count == 1)
        let (before, after) = try #require(changed.first)
        let day = "2026-11-23T"
        let was = try #require(before.shifts?.first { $0.start.hasPrefix(day) })
        if let cut = after.shifts?.first(where: { $0.start.hasPrefix(day) }) {
            #expect([day + "12:00", day + "13:00"].contains(cut.end))
            #expect(was.end > cut.end)
        } else {
            #expect(was.start >= day + "12:00", "a shift is dropped only when it would start after the cut")
        }
        #expect(after.shifts?.count == before.shifts?.count || after.shifts!.count == before.shifts!.count - 1)
    }

    // MARK: Realistic content

    // Why: the families are meant to look like a real shop's week; these are the
    // documented numbers (datasets/README.md), checked on a 320-job Mon–Sat horizon.
    @Test func contentLooksLikeAShopWeek() throws {
        let file = try ScenarioGenerator.scenario(opts(3, jobs: 330, mechanics: 14, bays: 12, days: 6))
        #expect(file.facility.timeZone == "America/Chicago")
        #expect(file.facility.operatingHours["mon"] == [["08:00", "18:00"]])
        #expect(file.facility.operatingHours["sat"] == [["09:00", "14:00"]])
        #expect(file.facility.operatingHours["sun"] == nil)

        // Jobs spread evenly: 60 per weekday, 30 on the half-day Saturday.
        var perDay: [String: Int] = [:]
        for job in file.jobs { perDay[String(try #require(job.window?.earliest).prefix(10)), default: 0] += 1 }
        #expect(
            perDay == [
                "2026-11-23": 60, "2026-11-24": 60, "2026-11-25": 60, "2026-11-26": 60,
                "2026-11-27": 60, "2026-11-28": 30,
            ])

        let jobs = file.jobs
        #expect(jobs.contains { $0.durationMinutes % 15 != 0 }, "some durations are off the slot grid")
        #expect(Set(jobs.map(\.durationMinutes)).isSubset(of: [30, 45, 50, 60, 75, 90, 120, 150, 180, 210, 240]))
        let ones = jobs.filter { ($0.priority ?? 1) == 1 }.count
        #expect(ones * 100 >= jobs.count * 75)
        #expect(jobs.contains { $0.priority == 2 } && jobs.contains { $0.priority == 3 })
        let withPreferred = jobs.filter { !($0.preferredStarts ?? []).isEmpty }
        #expect((45...75).contains(withPreferred.count * 100 / jobs.count))
        #expect(withPreferred.contains { $0.preferredStarts!.count == 2 })
        #expect(withPreferred.flatMap { $0.preferredStarts! }.contains { Int($0.suffix(2))! % 15 != 0 })
        #expect(jobs.contains { $0.mechanic == "none" } && jobs.contains { $0.mechanic == "optional" })
        #expect(jobs.contains { $0.bayTypes == ["MOBILE_UNIT"] })
        // Windows: waiting customers (2–3 h) and two-day jobs besides the drop-off days.
        func minutes(_ text: String) -> Int { LocalDateTime(text)!.absoluteMinutes }
        let widths = jobs.map { minutes($0.window!.latest!) - minutes($0.window!.earliest!) }
        #expect(widths.contains { (120...180).contains($0) })
        #expect(widths.contains { $0 > 1440 })

        // Crew: seniors 5–7 skills, apprentices 1–2; weekday shifts from the patterns;
        // some, not all, work Saturday 09:00–14:00; nobody works Sunday.
        let counts = file.mechanics.map { $0.skills!.count }
        #expect(counts.contains { $0 >= 5 } && counts.contains { $0 <= 2 })
        let weekdayStarts = Set(
            file.mechanics.flatMap { $0.shifts! }.filter { !$0.start.hasPrefix("2026-11-28") }
                .map { String($0.start.suffix(5)) + "-" + String($0.end.suffix(5)) })
        #expect(
            weekdayStarts.isSubset(of: ["08:00-17:00", "07:30-16:00", "09:30-18:00", "08:00-12:00", "13:00-18:00"]))
        let saturday = file.mechanics.filter {
            $0.shifts!.contains { $0.start == "2026-11-28T09:00" && $0.end == "2026-11-28T14:00" }
        }
        #expect(!saturday.isEmpty && saturday.count < file.mechanics.count)
        for mechanic in file.mechanics {
            #expect(mechanic.shifts!.filter { !$0.start.hasPrefix("2026-11-28") }.count == 5)
        }
    }

    // Why: the bay mix follows the documented shares with deterministic rounding.
    @Test(arguments: [
        (1, [1, 0, 0, 0, 0, 0]), (2, [1, 1, 0, 0, 0, 0]), (6, [2, 2, 1, 0, 0, 1]),
        (10, [3, 3, 1, 1, 1, 1]), (20, [7, 6, 2, 2, 2, 1]), (100, [37, 31, 10, 10, 10, 2]),
    ])
    func bayMix(bays: Int, expected: [Int]) throws {
        let file = try ScenarioGenerator.scenario(opts(1, jobs: 1, bays: bays))
        let counts = BayType.allCases.map { type in file.bays.filter { $0.type == type.rawValue }.count }
        #expect(counts == expected)  // general, lift, alignment, tire, inspection, mobile
    }

    // Why: maxConcurrent and a broken-down bay vary by seed, so the families
    // cover shops with and without them.
    @Test func capacityAndOutagesVaryBySeed() throws {
        let files = try (1...24).map { try ScenarioGenerator.scenario(opts(UInt64($0), jobs: 5, bays: 10)) }
        let caps = files.compactMap(\.facility.maxConcurrent)
        #expect(!caps.isEmpty && caps.count < files.count)
        #expect(caps.allSatisfy { (8...9).contains($0) })  // 80–90 % of 10 bays
        let outages = files.filter { $0.bays.contains { !($0.outOfService ?? []).isEmpty } }
        #expect(!outages.isEmpty && outages.count < files.count)
    }

    // MARK: Options

    // Why: a bad option must say which one, in the CLI's words.
    @Test(arguments: [
        (opts(1, jobs: 0), "--jobs"), (opts(1, jobs: 5001), "--jobs"),
        (opts(1, mechanics: 0), "--mechanics"), (opts(1, mechanics: 501), "--mechanics"),
        (opts(1, bays: 0), "--bays"), (opts(1, bays: 501), "--bays"),
        (opts(1, days: 0), "--days"), (opts(1, days: 29), "--days"),
        (opts(1, pinned: -0.1), "--pinned"), (opts(1, pinned: 1.5), "--pinned"), (opts(1, pinned: .nan), "--pinned"),
        (opts(1, slot: 7), "--slot-minutes"), (opts(1, slot: 0), "--slot-minutes"),
        (opts(1, start: "9999-12-30", slot: 15).with(days: 3), "--start-date"),
    ])
    func badOptionsAreNamed(options: GeneratorOptions, path: String) {
        #expect(throws: InputError.self) { try options.validate() }
        do {
            _ = try ScenarioGenerator.scenario(options)
            Issue.record("no error")
        } catch {
            #expect(error.paths == [path])
            #expect(error.description.hasPrefix(path + ": "))
        }
    }

    @Test func everyBadOptionIsReportedAtOnce() {
        #expect(
            throws: InputError([
                ValidationIssue(path: "--jobs", message: "must be from 1 to 5000, not 0"),
                ValidationIssue(path: "--days", message: "must be from 1 to 28, not 40"),
                ValidationIssue(path: "--pinned", message: "must be a fraction from 0 to 1, not 2.0"),
            ])
        ) { try opts(1, jobs: 0, days: 40, pinned: 2).validate() }
    }

    @Test func extremesAreAccepted() throws {
        try opts(1, jobs: 5000, mechanics: 500, bays: 500, days: 28, pinned: 1).validate()
        let file = try ScenarioGenerator.scenario(opts(1, jobs: 1, mechanics: 1, bays: 1, days: 28))
        #expect(file.facility.horizon.days == 28)
    }

    // Why: options travel in benchmark manifests; the date is written YYYY-MM-DD and
    // fields with defaults may be left out.
    @Test func optionsRoundTripAsJSON() throws {
        let options = opts(77, jobs: 12, days: 2, pinned: 0.5, disrupted: true, start: "2027-01-04", slot: 30)
        let data = JSONFiles.encode(options)
        #expect(String(decoding: data, as: UTF8.self).contains(#""startDate" : "2027-01-04""#))
        #expect(try JSONDecoder().decode(GeneratorOptions.self, from: data) == options)
        let minimal = #"{ "seed": 3, "jobs": 10, "mechanics": 2, "bays": 2, "days": 1 }"#
        #expect(
            try JSONDecoder().decode(GeneratorOptions.self, from: Data(minimal.utf8))
                == GeneratorOptions(seed: 3, jobs: 10, mechanics: 2, bays: 2, days: 1))
        #expect(GeneratorOptions.defaultStartDate.description == "2026-11-23")
        #expect(GeneratorOptions.defaultStartDate.weekday == .mon)
    }
}

extension GeneratorOptions {
    func with(days: Int) -> GeneratorOptions {
        var copy = self
        copy.days = days
        return copy
    }
}
