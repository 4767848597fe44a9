import Foundation
import ShopDomain
import ShopPlanner
import ShopScenarioGenerator
import ShopTestSupport
import ShopVerifier
import Testing

/// `--resumable` and `--multi-day`: shares of the jobs that may pause (contract §7).
@Suite("Scenario generator: resumable jobs")
struct ResumableGenerationTests {
    static func week(_ seed: UInt64, resumable: Double = 0, multiDay: Double = 0, pinned: Double = 0)
        -> GeneratorOptions
    {
        var options = opts(seed, jobs: 120, mechanics: 8, bays: 8, days: 6, pinned: pinned)
        options.resumableFraction = resumable
        options.multiDayFraction = multiDay
        return options
    }

    // Why: a benchmark family is named by its options; the shares must not make it drift.
    @Test("the same options give the same bytes; another seed other jobs", arguments: [1, 2] as [UInt64])
    func deterministic(seed: UInt64) throws {
        let options = Self.week(seed, resumable: 0.2, multiDay: 0.1)
        #expect(try ScenarioGenerator.json(options) == ScenarioGenerator.json(options))
        let other = Self.week(seed + 10, resumable: 0.2, multiDay: 0.1)
        #expect(
            try ScenarioGenerator.scenario(options).jobs.map(\.resumable)
                != ScenarioGenerator.scenario(other).jobs.map(\.resumable))
    }

    // Why: the shares come from a stream of their own, so the rest of a seed's shop is unchanged.
    @Test("only the jobs drawn change; the shop, crew and other jobs stay as without the option")
    func ownStream() throws {
        let plain = try ScenarioGenerator.scenario(Self.week(3))
        let shared = try ScenarioGenerator.scenario(Self.week(3, resumable: 0.2, multiDay: 0.1))
        #expect(plain.facility == shared.facility && plain.bays == shared.bays && plain.mechanics == shared.mechanics)
        #expect(plain.jobs.allSatisfy { $0.resumable == nil })
        var changed = 0
        for (a, b) in zip(plain.jobs, shared.jobs) {
            if b.resumable == true {
                changed += 1
                #expect(a.id == b.id)
            } else {
                #expect(a == b)
            }
        }
        // About 30 % of 120 jobs; a wide band, the draw is seeded.
        #expect((20...55).contains(changed))
    }

    // Why: a multi-day job must need more than one open interval, and be able to finish in its window.
    @Test("multi-day jobs are resumable, longer than any open interval, and their window holds their work")
    func multiDay() throws {
        let file = try ScenarioGenerator.scenario(Self.week(5, multiDay: 0.15))
        let scenario = try Scenario(file: file)
        let instance = Instance(scenario)
        let longest = instance.openIntervals.map(\.count).max()! * instance.slotMinutes
        let long = scenario.jobs.enumerated().filter { $0.element.durationMinutes > longest }
        #expect(long.count >= 8)
        for (j, job) in long {
            #expect(job.resumable)
            // Some start of the window, without a mechanic's shift, fits the work before the window closes.
            let fits = (instance.jobs[j].earliest..<instance.jobs[j].latestEnd).contains { s in
                instance.resumableWork(job: j, start: s, mechanic: nil).map {
                    $0.last!.upperBound <= instance.jobs[j].latestEnd
                } ?? false
            }
            #expect(fits, "\(job.id)")
        }
        // Every job either multi-day or as before: nothing else is resumable.
        #expect(scenario.jobs.filter(\.resumable).count == long.count)
    }

    // Why: the benchmark family must solve to a verified plan, with the planner as it is.
    @Test("a week with 10 % multi-day jobs plans to a verified plan (greedy and MILP), pins included")
    func solves() throws {
        let scenario = try Scenario(file: ScenarioGenerator.scenario(Self.week(1, multiDay: 0.1)))
        greedyAndVerify(scenario)
        let (result, _) = planAndVerify(scenario, MILPStrategy(), timeLimit: 20, threads: 1)
        #expect(result.status == .optimal || result.status == .feasible)
        // With pins from a greedy plan, the pins hold: the scenario plans again.
        greedyAndVerify(
            try Scenario(file: ScenarioGenerator.scenario(Self.week(2, resumable: 0.2, multiDay: 0.1, pinned: 0.3))))
    }

    @Test("a share outside 0…1, or two that add up to more than 1, names the option")
    func badShares() {
        func paths(_ options: GeneratorOptions) -> [String] {
            do {
                try options.validate()
                return []
            } catch { return error.paths }
        }
        #expect(paths(Self.week(1, resumable: -0.1)) == ["--resumable"])
        #expect(paths(Self.week(1, multiDay: .nan)) == ["--multi-day"])
        #expect(paths(Self.week(1, resumable: 0.7, multiDay: 0.6)) == ["--resumable"])
        #expect(paths(Self.week(1, resumable: 0.5, multiDay: 0.5)) == [])
    }

    @Test("the options read back from JSON with the shares; left out, they are 0")
    func codable() throws {
        let options = Self.week(4, resumable: 0.25, multiDay: 0.1)
        #expect(try JSONFiles.decode(GeneratorOptions.self, from: JSONFiles.encode(options)) == options)
        let plain = String(decoding: JSONFiles.encode(Self.week(4)), as: UTF8.self)
        #expect(!plain.contains("resumable") && !plain.contains("multiDay"))
    }
}
