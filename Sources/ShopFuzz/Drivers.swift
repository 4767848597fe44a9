import Foundation
import ShopBooking
import ShopDomain
import ShopImport
import ShopPlanner
import ShopReschedule
import ShopVerifier
import ShopViews
import ShopWhatIf

/// How one input ended. Anything but a trap, a hang or runaway memory
/// (which the watchdog and the supervisor see) ends here.
public enum FuzzOutcome: Hashable, Sendable {
    /// Every entry point returned a result (a plan, a decision, a denial).
    case result
    /// Some entry point refused the input with issues naming their fields.
    /// `pathless` is true when no issue names a field (whole-document problems).
    case inputError(pathless: Bool)
    /// The engine was fooled: a plan the verifier rejects, an error without an issue, …
    case finding(String)
}

/// Hands one input to every in-process entry point that reads its format,
/// calling the same library functions as the `shopsched` command.
public struct FuzzDrivers {
    public struct Options: Sendable {
        /// Seconds each solve may take.
        public var timeLimit: Double = 0.2
        /// Scenarios above these sizes are validated but not solved.
        public var maxJobs = 60
        public var maxSlots = 2_000
        public var maxResources = 40
        /// A booking snapshot is booked with every booking request seed, or (false:
        /// a quarter of the time, for the long campaign) with one, chosen by the input.
        public var everyRequest = true
        public init() {}
    }

    public let seeds: FuzzSeeds
    public var options: Options
    /// Where the what-if drivers write their input (beside copies of the base scenarios).
    public let workFolder: URL

    let smallShop: Scenario
    let smallShopSolution: SolutionFile
    let bookingSnapshot: BookingSnapshot
    let rescheduleSnapshot: BookingSnapshot
    let bookingRequests: [AppointmentRequest]
    let rescheduleRequests: [RescheduleRequest]
    let disruption: Disruption
    let boardFloor: ShopFloor
    let callers: [ViewCaller]
    /// The seed scenarios as what-if files name them (`../busy-day.json`), decoded and valid.
    let bases: [String: ScenarioFile]

    static let bookingNow = LocalDateTime("2026-11-23T07:30")!
    static let rescheduleNow = LocalDateTime("2026-11-23T09:30")!
    static let replanNow = LocalDateTime("2026-11-23T11:00")!
    static let boardNow = LocalDateTime("2026-03-02T09:15")!

    public struct SetUpFailure: Error, CustomStringConvertible {
        public var description: String
    }

    public init(seeds: FuzzSeeds, workFolder: URL, options: Options = Options()) throws(SetUpFailure) {
        self.seeds = seeds
        self.options = options
        self.workFolder = workFolder
        do {
            smallShop = try Scenario.load(from: seeds.scenarioFiles["small-shop-day.json"]!)
            smallShopSolution = try SolutionFile.load(from: Data(seeds.seeds[.solution]![0]))
            bookingSnapshot = try BookingFiles.snapshot(from: Data(seeds.seeds[.bookingSnapshot]![0]))
            rescheduleSnapshot = try BookingFiles.snapshot(from: Data(seeds.seeds[.rescheduleSnapshot]![0]))
            bookingRequests = try seeds.seeds[.bookingRequest]!.map { (s) throws(InputError) in
                try BookingFiles.request(from: Data(s))
            }
            rescheduleRequests = try seeds.seeds[.rescheduleRequest]!.map { (s) throws(InputError) in
                try RescheduleFiles.request(from: Data(s))
            }
            disruption = try RescheduleFiles.disruption(from: Data(seeds.seeds[.disruption]![0]))
            boardFloor = try ShopFloor(
                JSONFiles.decode(BoardSnapshot.self, from: Data(seeds.seeds[.boardSnapshot]![0])))
            callers = try seeds.seeds[.caller]!.map { (s) throws(InputError) in
                try JSONFiles.decode(ViewCaller.self, from: Data(s))
            }
            var bases: [String: ScenarioFile] = [:]
            for (name, data) in seeds.scenarioFiles {
                let file = try JSONFiles.decode(ScenarioFile.self, from: data)
                _ = try Scenario(file: file)
                bases["../" + name] = file
            }
            self.bases = bases
        } catch {
            throw SetUpFailure(description: "a seed does not load: \(error)")
        }
        // The what-if files name their base as ../<scenario>.json.
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: workFolder.appendingPathComponent("whatif"), withIntermediateDirectories: true)
            for (name, data) in seeds.scenarioFiles { try data.write(to: workFolder.appendingPathComponent(name)) }
        } catch {
            throw SetUpFailure(description: "cannot prepare \(workFolder.path): \(error)")
        }
    }

    /// Runs `input` as `format` through every entry point that reads it.
    public func run(_ format: FuzzFormat, _ input: [UInt8]) -> FuzzOutcome {
        var entries: [String: FuzzStats.EntryCounts] = [:]
        return run(format, input, entryPoints: &entries)
    }

    /// Runs `input`; `entryPoints` gets the outcome of each entry point by name
    /// (an input the reader accepts is a result when any entry point after it
    /// gives one: a snapshot the booking engine takes is a result even when
    /// the replan refuses it).
    public func run(_ format: FuzzFormat, _ input: [UInt8], entryPoints: inout [String: FuzzStats.EntryCounts])
        -> FuzzOutcome
    {
        var tally = Tally()
        defer { entryPoints = tally.entries }
        let data = Data(input)
        switch format {
        case .scenario:
            if let scenario = tally.step({ () throws(InputError) in try Scenario.load(from: data) }) {
                solve(scenario, &tally)
            }
        case .solution:
            if let file = tally.step({ () throws(InputError) in try SolutionFile.load(from: data) }) {
                let report = PlanVerifier(scenario: smallShop).verify(file)
                _ = report.description
                _ = PlanDiff(smallShopSolution, file).description
            }
        case .bookingSnapshot:
            // The booking requests were written for this snapshot; the cheap entry points first.
            if let snapshot = tally.step({ () throws(InputError) in try BookingFiles.snapshot(from: data) }) {
                if options.everyRequest {
                    for request in bookingRequests { book(request, snapshot, &tally) }
                } else {
                    book(bookingRequests[input.count % bookingRequests.count], snapshot, &tally)
                }
            }
        case .rescheduleSnapshot:
            // The reschedule requests and the disruption name this snapshot's appointments.
            if let snapshot = tally.step({ () throws(InputError) in try BookingFiles.snapshot(from: data) }) {
                for request in rescheduleRequests { reschedule(request, snapshot, &tally) }
                if snapshot.appointments.count <= options.maxJobs { replan(disruption, snapshot, &tally) }
            }
        case .bookingRequest:
            if let request = tally.step({ () throws(InputError) in try BookingFiles.request(from: data) }) {
                book(request, bookingSnapshot, &tally)
            }
        case .rescheduleRequest:
            if let request = tally.step({ () throws(InputError) in try RescheduleFiles.request(from: data) }) {
                reschedule(request, rescheduleSnapshot, &tally)
            }
        case .disruption:
            if let file = tally.step({ () throws(InputError) in try RescheduleFiles.disruption(from: data) }) {
                replan(file, rescheduleSnapshot, &tally)
            }
        case .boardSnapshot:
            if let floor = tally.step({ () throws(InputError) in
                try ShopFloor(JSONFiles.decode(BoardSnapshot.self, from: data))
            }) {
                let dispatcher = ViewCaller(
                    id: "shopsched", role: .dispatcher, facilityId: floor.locations.first?.id ?? "",
                    permissions: Set(Permission.allCases.map(\.rawValue)))
                for caller in [dispatcher] + callers { board(floor, caller, &tally) }
            }
        case .caller:
            if let caller = tally.step({ () throws(InputError) in try JSONFiles.decode(ViewCaller.self, from: data) }) {
                board(boardFloor, caller, &tally)
            }
        case .whatifJSON, .whatifYAML:
            whatIf(data, yaml: format == .whatifYAML, &tally)
        case .ptask:
            if let instance = tally.step({ () throws(InputError) in
                try PTaskImporter.parse(String(decoding: data, as: UTF8.self))
            }) {
                let file = PTaskImporter.scenario(instance, id: "PTASK-fuzz")
                _ = JSONFiles.encode(file)
                // `import ptask` writes this file; one its own validation rejects fooled the importer.
                do { solve(try Scenario(file: file), &tally) } catch {
                    tally.finding("import ptask wrote an invalid scenario: \(error.description.prefix(200))")
                }
            }
        }
        return tally.outcome
    }

    /// Outcomes of the steps of one input. The first step reads the input;
    /// the input is a result when that step and, if there are later steps
    /// (entry points fed with it), at least one of them gives a result.
    struct Tally {
        var steps = 0
        var readerRejected = false
        var laterSteps = 0
        var laterResults = 0
        var pathless = true
        var findings: [String] = []
        var entries: [String: FuzzStats.EntryCounts] = [:]

        mutating func finding(_ text: String) { findings.append(text) }

        /// Runs a step; an `InputError` is an outcome, checked to name its problems.
        mutating func step<T>(_ body: () throws(InputError) -> T) -> T? { step("read", body) }

        mutating func step<T>(_ name: String, _ body: () throws(InputError) -> T) -> T? {
            let first = steps == 0
            steps += 1
            if !first { laterSteps += 1 }
            do {
                let value = try body()
                entries[name, default: .init()].results += 1
                if !first { laterResults += 1 }
                return value
            } catch {
                entries[name, default: .init()].inputErrors += 1
                if first { readerRejected = true }
                reject(error)
                return nil
            }
        }

        mutating func reject(_ error: InputError) {
            if error.issues.isEmpty { finding("an InputError without an issue") }
            if error.issues.contains(where: { $0.message.isEmpty }) { finding("an issue without a message") }
            if error.issues.contains(where: { !$0.path.isEmpty }) { pathless = false }
        }

        var outcome: FuzzOutcome {
            if let first = findings.first { return .finding(first) }
            if readerRejected || (laterSteps > 0 && laterResults == 0) { return .inputError(pathless: pathless) }
            return .result
        }
    }

    // MARK: - Entry points

    func isSmall(_ scenario: Scenario) -> Bool {
        let f = scenario.facility
        guard f.slotMinutes > 0, f.horizonDays > 0 else { return false }
        let slots = f.horizonDays.multipliedReportingOverflow(by: 1440 / max(f.slotMinutes, 1))
        return scenario.jobs.count <= options.maxJobs && !slots.overflow && slots.partialValue <= options.maxSlots
            && scenario.bays.count <= options.maxResources && scenario.mechanics.count <= options.maxResources
    }

    /// `shopsched solve` with greedy and MILP under a tiny time limit, each plan checked by the verifier.
    func solve(_ scenario: Scenario, _ tally: inout Tally) {
        guard isSmall(scenario) else { return }
        let instance = Instance(scenario)
        var planOptions = PlanOptions()
        planOptions.timeLimitSeconds = options.timeLimit
        planOptions.threads = 1
        let verifier = PlanVerifier(scenario: scenario)
        for strategy in [GreedyStrategy() as any PlanningStrategy, MILPStrategy()] {
            let result = strategy.plan(instance, options: planOptions)
            let file = result.solutionFile()
            _ = JSONFiles.encode(file)
            check(
                result.status.rawValue, objective: result.objective, problems: result.problems, file: file,
                verifier: verifier, who: strategy.name, &tally)
        }
    }

    func check(
        _ status: String, objective: Int?, problems: [String], file: SolutionFile, verifier: PlanVerifier,
        who: String, _ tally: inout Tally
    ) {
        switch status {
        case "optimal", "feasible":
            let report = verifier.verify(file)
            if !report.isFeasible {
                tally.finding(
                    "\(who): the verifier rejects the plan: \(report.violations.prefix(3).map(\.description).joined(separator: "; "))"
                )
            } else if report.objective != objective {
                tally.finding(
                    "\(who): objective \(objective.map(String.init) ?? "nil"), the verifier computes \(report.objective)"
                )
            }
        case "error":
            tally.finding("\(who): solver error: \(problems.prefix(2).joined(separator: "; "))")
        default: break
        }
    }

    func book(_ request: AppointmentRequest, _ snapshot: BookingSnapshot, _ tally: inout Tally) {
        if let decision = tally.step(
            "book",
            { () throws(InputError) in try BookingEngine(clock: FixedClock(Self.bookingNow)).book(request, in: snapshot)
            })
        {
            _ = JSONFiles.encode(decision)
        }
    }

    func reschedule(_ request: RescheduleRequest, _ snapshot: BookingSnapshot, _ tally: inout Tally) {
        if let decision = tally.step(
            "reschedule",
            { () throws(InputError) in
                try RescheduleEngine(clock: FixedClock(Self.rescheduleNow)).reschedule(request, in: snapshot)
            })
        {
            _ = JSONFiles.encode(decision)
        }
    }

    /// `shopsched replan`; a replan with a plan is checked against its own day's scenario.
    func replan(_ disruption: Disruption, _ snapshot: BookingSnapshot, _ tally: inout Tally) {
        // The campaign's time limit, not the disruption's own (10 s by default): a
        // longer solve finds nothing new and would cost the whole run its pace.
        var disruption = disruption
        // (NaN, 0 and negative limits are kept: validation must see them.)
        if let own = disruption.policy?.timeLimitSeconds, !(own > options.timeLimit) {
        } else {
            disruption.policy = ReplanPolicy(
                moveConfirmed: disruption.policy?.moveConfirmed, timeLimitSeconds: options.timeLimit)
        }
        guard
            let result = tally.step(
                "replan",
                { () throws(InputError) in
                    try ReplanEngine(clock: FixedClock(Self.replanNow), threads: 1).replan(disruption, in: snapshot)
                })
        else { return }
        _ = JSONFiles.encode(result)
        guard result.status == .optimal || result.status == .feasible else { return }
        do {
            let scenario = try Scenario(file: result.scenario)
            check(
                result.status.rawValue, objective: result.objective, problems: result.problems, file: result.plan,
                verifier: PlanVerifier(scenario: scenario), who: "replan", &tally)
        } catch {
            tally.finding("replan: its own day's scenario is invalid: \(error.description.prefix(200))")
        }
    }

    /// `shopsched board` in every format for `caller`; a denied view is a result.
    func board(_ floor: ShopFloor, _ caller: ViewCaller, _ tally: inout Tally) {
        do throws(ViewDenied) {
            let wip = try WorkInProgressViews.board(
                floor, for: caller, now: Self.boardNow,
                query: .init(locations: ShopFloorBoard.workInProgressScope(of: caller)))
            let board = ShopFloorBoard.build(floor, for: caller, now: Self.boardNow, workInProgress: wip)
            _ = board.table()
            _ = board.html()
            _ = JSONFiles.encode(board)
            _ = JSONFiles.encode(wip)
            if caller.may(.viewAssignments) {
                _ = JSONFiles.encode(try AssignmentViews.board(floor, for: caller, now: Self.boardNow))
            }
        } catch {
            _ = error.description
        }
    }

    /// What `WhatIfBatch.load(path:)` does, without reading and validating the
    /// base scenario again for every input when it is one of the seeds'
    /// (`../busy-day.json`): that took most of a what-if input's time. Any
    /// other base goes the whole way through the file system.
    func loadBatch(_ data: Data, yaml: Bool, path: URL) throws(InputError) -> WhatIfBatch {
        let file = try VariantFile.parse(data, yaml: yaml)
        if let base = bases[file.base] { return try WhatIfBatch(file: file, base: base) }
        do { try data.write(to: path) } catch {
            throw InputError([ValidationIssue(path: "", message: "fuzz: cannot write the what-if input: \(error)")])
        }
        return try WhatIfBatch.load(path: path.path)
    }

    /// `shopsched whatif` up to the solving: load and expand, then the first
    /// variants' scenarios are built, validated and (when small) solved.
    func whatIf(_ data: Data, yaml: Bool, _ tally: inout Tally) {
        let path = workFolder.appendingPathComponent("whatif/input." + (yaml ? "yaml" : "json"))
        guard let batch = tally.step({ () throws(InputError) in try loadBatch(data, yaml: yaml, path: path) }) else {
            return
        }
        _ = batch.variants(inShard: 1, of: 2)
        for spec in batch.variants.prefix(3) {
            do {
                let file = try batch.scenarioFile(of: spec)
                // A variant may be an invalid scenario: the runner reports it and goes on.
                if let scenario = try? Scenario(file: file), spec.index <= 1 { solve(scenario, &tally) }
            } catch {
                tally.finding(
                    "variant \(spec.name): edits checked at load fail later: \(error.description.prefix(200))")
            }
        }
    }
}
