import MILP
import ShopDomain
import ShopPlanner
import ShopTestSupport
import ShopVerifier
import Testing

/// The planners keep rule 7 (labour minutes per day): every plan here is
/// checked by the independent verifier (``planAndVerify``).
@Suite("Planning under a labour limit")
struct LabourPlanningTests {
    // Variants with job indicators: without them (milp-plain, milp-noz) the labour row is a
    // knapsack over every placement, and GLPK branches on placements one by one; even the
    // five-job contract example then takes minutes to prove (see plainStillFindsAFeasiblePlan).
    static let strategies: [any PlanningStrategy] = [
        MILPStrategy(), StrategyCatalog.strategy(named: "milp-whole")!, StrategyCatalog.strategy(named: "milp-noagg")!,
        GreedyStrategy(),
    ]

    @Test func plainStillFindsAFeasiblePlan() throws {
        let scenario = try Scenario.load(path: Repository.dataset("contract/labour.scenario.json"))
        let (result, _) = planAndVerify(scenario, StrategyCatalog.strategy(named: "milp-plain")!, timeLimit: 3)
        #expect(result.objective == 1200)
    }

    /// Plenty of bays and mechanics; labour is what binds. `days` days 08:00–18:00, 30-minute slots.
    static func shop(limit: Int?, days: Int = 1, jobs: [ScenarioFile.Job]) throws -> Scenario {
        var shop = ShopBuilder()
        shop.slotMinutes = 30
        shop.days = days
        shop.hours = [["08:00", "18:00"]]
        shop.labour = limit.map { .init(limit: $0) }
        for b in ["B1", "B2", "B3", "B4"] { shop.bay(b) }
        let shifts = (0..<days).map { d in
            let date = LocalDate(ShopBuilder.day)!.adding(days: d)
            return ("\(date)T08:00", "\(date)T18:00")
        }
        for m in ["M1", "M2", "M3", "M4"] { shop.mechanic(m, shifts: shifts) }
        shop.jobs = jobs
        return try shop.scenario()
    }

    static func booked(_ result: PlanResult) -> [Int] { result.instance.labourByDay(result.placements) }

    @Test(arguments: 0..<4)
    func theContractExampleDropsTheCheapestWork(strategy: Int) throws {
        let scenario = try Scenario.load(path: Repository.dataset("contract/labour.scenario.json"))
        let (result, report) = planAndVerify(scenario, Self.strategies[strategy])
        #expect(report.violations.isEmpty)
        if strategy < 3 {
            #expect(result.status == .optimal)
            #expect(result.objective == 1200)
            #expect(result.reasons("J-3") == ["CAPACITY"])
        }
        #expect(Self.booked(result)[0] <= 240)
    }

    // 240 minutes of work under a limit of 240: everything is scheduled with a mechanic.
    @Test func exactlyAtTheLimitEverythingFits() throws {
        let scenario = try Self.shop(
            limit: 240, jobs: [job("A", minutes: 120), job("B", minutes: 90), job("C", minutes: 30)])
        for strategy in Self.strategies {
            let (result, _) = planAndVerify(scenario, strategy)
            #expect(result.placements.allSatisfy { $0?.mechanic != nil }, "\(strategy.name)")
            #expect(Self.booked(result) == [240], "\(strategy.name)")
        }
    }

    @Test func aDayWithNoMechanicJobsIsNotLimited() throws {
        let scenario = try Self.shop(
            limit: 0,
            jobs: [job("N1", minutes: 120, mode: MechanicMode.none), job("N2", minutes: 240, mode: MechanicMode.none)])
        for strategy in Self.strategies {
            let (result, _) = planAndVerify(scenario, strategy)
            #expect(result.objective == 0, "\(strategy.name)")
            #expect(Self.booked(result) == [0])
        }
    }

    // Optional work goes without a mechanic rather than out, when labour has run out.
    @Test func optionalWorkGoesWithoutAMechanic() throws {
        let scenario = try Self.shop(limit: 60, jobs: [job("A", minutes: 60), job("O", minutes: 30, mode: .optional)])
        let (result, _) = planAndVerify(scenario)
        #expect(result.status == .optimal)
        #expect(result.assignment("O")?.mechanic == nil)
        #expect(result.assignment("A")?.mechanic != nil)
        #expect(result.objective == 200)
    }

    // A job longer than the whole day's labour can never have a mechanic.
    @Test func aJobLongerThanTheLimitIsLabourLimit() throws {
        let scenario = try Self.shop(limit: 90, jobs: [job("LONG", minutes: 120), job("S", minutes: 60)])
        let (result, _) = planAndVerify(scenario)
        #expect(result.reasons("LONG") == ["LABOUR_LIMIT"])
        #expect(result.assignment("S") != nil)
    }

    // Two days of 240: work with a two-day window spreads over both.
    @Test func multiDayWorkSpreadsOverTheDays() throws {
        let window = ("2026-11-23T08:00", "2026-11-24T18:00")
        let jobs = (1...6).map { job("J\($0)", minutes: 120, window: window) }
        let scenario = try Self.shop(limit: 240, days: 2, jobs: jobs)
        for strategy in Self.strategies {
            let (result, _) = planAndVerify(scenario, strategy)
            let booked = Self.booked(result)
            #expect(booked.allSatisfy { $0 <= 240 }, "\(strategy.name): \(booked)")
            if strategy.name != "greedy" {
                #expect(booked == [240, 240], "\(strategy.name)")
                #expect(result.objective == 2000, "\(strategy.name)")
            }
        }
    }

    @Test func pinsAboveTheLimitAreInfeasibleAndNamed() throws {
        let scenario = try Self.shop(
            limit: 100,
            jobs: [
                job("P1", minutes: 60, pinned: ("08:00", "B1", "M1")),
                job("P2", minutes: 60, pinned: ("08:00", "B2", "M2")),
                job("P3", minutes: 60, mode: .optional, pinned: ("09:00", "B3", nil)),
            ])
        let (result, _) = planAndVerify(scenario)
        #expect(result.status == .infeasible)
        #expect(result.problems == ["pins of P1, P2 book 120 labour minutes on 2026-11-23, above the limit 100"])
    }

    @Test func noLimitKeepsTheOldMeaning() throws {
        let jobs = [job("A", minutes: 120), job("B", minutes: 90), job("C", minutes: 60)]
        let (without, _) = planAndVerify(try Self.shop(limit: nil, jobs: jobs))
        #expect(without.objective == 0)
        let (with, _) = planAndVerify(try Self.shop(limit: 200, jobs: jobs))
        #expect(with.objective == 1000)
    }

    // Seeded small days: the MILP variants agree with each other and every plan keeps the limit.
    @Test(arguments: 1...8)
    func randomDaysAgreeAcrossFormulations(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let limit = 60 + Int(rng.next() % 8) * 30
        let jobs = (0..<7).map { k in
            let minutes = 30 + Int(rng.next() % 6) * 15
            let mode = [MechanicMode.required, .required, .optional, .none][Int(rng.next() % 4)]
            let priority = 1 + Int(rng.next() % 3)
            let hour = 8 + Int(rng.next() % 8)
            return job(
                "J\(k)", minutes: minutes, mode: mode, priority: priority,
                preferred: [hour < 10 ? "0\(hour):00" : "\(hour):00"])
        }
        let scenario = try Self.shop(limit: limit, jobs: jobs)
        var objectives: [Int] = []
        for strategy in Self.strategies {
            let (result, _) = planAndVerify(scenario, strategy)
            #expect(Self.booked(result)[0] <= limit)
            if strategy.name != "greedy", let objective = result.objective { objectives.append(objective) }
        }
        #expect(Set(objectives).count == 1, "seed \(seed): \(objectives)")
    }
}
