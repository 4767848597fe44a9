import MILP
import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

@testable import ShopPlanner

/// The formulation's speed-ups keep the optimum: grouped bays and mechanics,
/// independent parts, pricing, threads.
@Suite("Speed-ups stay exact")
struct SpeedUpTests {
    @Test("first fit names members without exceeding the overlap")
    func intervalColouring() {
        // Three jobs, at most two at once: two members suffice.
        let jobs = [(job: 0, start: 0, end: 4), (job: 1, start: 2, end: 6), (job: 2, start: 4, end: 8)]
        let named = IntervalColouring.assign(jobs, members: [7, 9])
        #expect(named == [7, 9, 7])
        // Three at once cannot share two members.
        #expect(IntervalColouring.assign([(0, 0, 4), (1, 1, 5), (2, 2, 6)], members: [7, 9]) == nil)
        // Touching intervals do not overlap: one member.
        #expect(IntervalColouring.assign([(0, 0, 2), (1, 2, 4)], members: [3]) == [3, 3])
    }

    @Test("interchangeable bays and mechanics are grouped; named ones stay alone")
    func groups() throws {
        var shop = ShopBuilder()
        shop.bay("BAY-1")
        shop.bay("BAY-2")
        shop.bay("BAY-3")
        shop.bay("BAY-4", .lift)
        shop.bay("BAY-5", outOfService: [("09:00", "10:00")])
        shop.mechanic("M-1", skills: ["A"])
        shop.mechanic("M-2", skills: ["A"])
        shop.mechanic("M-3", skills: ["A", "B"])  // B matters: J-2 prefers it
        shop.mechanic("M-4", skills: ["A"])
        shop.mechanic("M-5", skills: ["A", "C"])  // C matters to no job: alike
        shop.jobs = [
            job("J-1", minutes: 60, skills: ["A"], current: ("08:00", "BAY-3", "M-4")),
            job("J-2", minutes: 60, preferredSkills: ["B"]),
        ]
        let instance = Instance(try shop.scenario())
        let bays = instance.bayGroups(aggregate: true)
        bays.checkInvariants()
        #expect(bays.members == [[0, 1], [2], [3], [4]])
        let mechanics = instance.mechanicGroups(aggregate: true)
        mechanics.checkInvariants()
        #expect(mechanics.members == [[0, 1, 4], [2], [3]])
        #expect(instance.bayGroups(aggregate: false).members.count == 5)
    }

    @Test("grouped and ungrouped models agree, mechanicUsed included", arguments: [0, 30])
    func groupedEqualsUngrouped(mechanicUsed: Int) throws {
        var shop = ShopBuilder()
        shop.hours = [["08:00", "12:00"]]
        for i in 1...3 { shop.bay("BAY-\(i)") }
        for i in 1...4 { shop.mechanic("M-\(i)", skills: ["A"], shifts: [("08:00", "12:00")]) }
        shop.weights = .init(mechanicUsed: mechanicUsed)
        shop.jobs = (1...9).map { i in
            job(
                "J-\(i)", minutes: [60, 90, 120][i % 3], skills: ["A"], preferred: [["08:00", "09:00", "10:30"][i % 3]])
        }
        let scenario = try shop.scenario()
        let (grouped, _) = planAndVerify(scenario, StrategyCatalog.strategy(named: "milp")!)
        let (single, _) = planAndVerify(scenario, StrategyCatalog.strategy(named: "milp-noagg")!)
        #expect(grouped.status == .optimal)
        #expect(single.status == .optimal)
        #expect(grouped.objective == single.objective)
        let formulation = ShopFormulation(Instance(scenario))
        #expect(formulation.bayGroups.count == 1)
        #expect(formulation.mechanicGroups.count == 1)
    }

    @Test("days split apart unless a job's window spans them")
    func daysSplit() throws {
        var shop = ShopBuilder()
        shop.days = 3
        shop.bay("BAY-1")
        shop.mechanic("M-1", shifts: [("2026-11-23T08:00", "2026-11-25T12:00")])
        shop.jobs = (0..<6).map { i in
            let day = "2026-11-2\(3 + i / 2)"
            return job("J-\(i)", minutes: 60, window: ("\(day)T08:00", "\(day)T12:00"))
        }
        func parts() throws -> [[Int]] {
            let instance = Instance(try shop.scenario())
            return IndependentParts.parts(
                of: instance, bayGroups: instance.bayGroups(aggregate: true),
                mechanicGroups: instance.mechanicGroups(aggregate: true))
        }
        #expect(try parts() == [[0, 1], [2, 3], [4, 5]])
        shop.jobs.append(job("J-6", minutes: 60, window: ("2026-11-23T08:00", "2026-11-24T12:00")))
        #expect(try parts() == [[0, 1, 2, 3, 6], [4, 5]])
        shop.weights = .init(mechanicUsed: 1)  // one mechanic, paid once: one part
        #expect(try parts().count == 1)
    }

    @Test("parts share no resource in an open interval", arguments: ["week.json", "busy-day.json"])
    func independentParts(dataset: String) throws {
        let instance = Instance(try Scenario.load(path: Repository.dataset(dataset)))
        let bays = instance.bayGroups(aggregate: true), mechanics = instance.mechanicGroups(aggregate: true)
        let parts = IndependentParts.parts(of: instance, bayGroups: bays, mechanicGroups: mechanics)
        #expect(parts.flatMap { $0 }.sorted() == Array(instance.jobs.indices))
        // Which part touches each (bay group, interval): never two.
        var owner: [String: Int] = [:]
        for (p, part) in parts.enumerated() {
            for j in part {
                let job = instance.jobs[j]
                for s in job.starts {
                    guard let interval = instance.openIntervalIndex(containing: s) else { continue }
                    for b in job.bayOptions {
                        let key = "bay \(bays.groupOf[b]) @\(interval)"
                        #expect(owner[key, default: p] == p, "\(key)")
                        owner[key] = p
                    }
                    for m in job.mechanicOptions {
                        let key = "mechanic \(mechanics.groupOf[m]) @\(interval)"
                        #expect(owner[key, default: p] == p, "\(key)")
                        owner[key] = p
                    }
                }
            }
        }
    }

    @Test("one thread or two: the same plan")
    func threadsDoNotChangeThePlan() throws {
        let scenario = try Scenario.load(path: Repository.dataset("week.json"))
        var files: [SolutionFile] = []
        for threads in [1, 2] {
            var options = PlanOptions()
            options.threads = threads
            options.timeLimitSeconds = 60
            var file = MILPStrategy().plan(Instance(scenario), options: options).solutionFile()
            file.seconds = 0
            #expect(PlanVerifier(scenario: scenario).verify(file).isFeasible)
            files.append(file)
        }
        // Both proven: the same plan, byte for byte. Whether a run proves within
        // the limit depends on the machine's load, so otherwise compare what a
        // proof implies: one run's proof bounds the other run's plan and bound.
        if files[0].status == "optimal" && files[1].status == "optimal" {
            #expect(files[0] == files[1])
        } else {
            for (proven, other) in [(files[0], files[1]), (files[1], files[0])] where proven.status == "optimal" {
                #expect(other.objective! >= proven.objective!)
                #expect(other.bound! <= proven.objective!)
            }
            #expect(files.allSatisfy { $0.bound! <= $0.objective! })
        }
    }

    @Test("the LP rounding gives a plan the verifier accepts")
    func roundedPlanIsFeasible() throws {
        let scenario = try Scenario.load(path: Repository.dataset("busy-day.json"))
        let instance = Instance(scenario)
        let formulation = ShopFormulation(instance)
        let model = formulation.model
        let (lp, _, _) = GLPKSolver().priceRelaxation(
            model, options: SolveOptions(), active: Array(repeating: true, count: model.variableCount), perRound: 1)
        #expect(lp.status == .optimal)
        let plan = formulation.roundedPlan(lpValues: lp.values)
        #expect(formulation.values(for: plan).map { formulation.model.isFeasible($0) } == true)
        var placements: [String: (start: LocalDateTime, bay: String, mechanic: String?)] = [:]
        for job in instance.jobs {
            guard let p = plan[job.index] else { continue }
            let mechanic: String? = p.mechanic.map { instance.mechanics[$0].id }
            placements[job.id] = (instance.time(ofSlot: p.start), instance.bays[p.bay].id, mechanic)
        }
        let file = SolutionFile.plan(for: scenario, placements: placements)
        #expect(PlanVerifier(scenario: scenario).verify(file).violations == [])
    }
}
