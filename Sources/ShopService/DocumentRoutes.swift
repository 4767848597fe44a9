import Foundation
import ShopScheduler

/// The routes that take the engine's documents: each reads its body's members with the CLI's
/// readers, calls the engine the CLI calls and encodes the result as the CLI does, so an answer's
/// body is the CLI's output on the same files, byte for byte.
enum DocumentRoutes {
    /// `POST /v1/bookings:decide`: `{snapshot, request, now?}` → the booking decision (`shopsched book`).
    static func decideBooking(_ body: Data, _ context: RouteContext) throws(RouteFailure) -> ServiceReply {
        let envelope = try input { () throws(InputError) in
            try RequestEnvelope(body, documents: ["snapshot", "request"], options: ["now"])
        }
        var problems = ProblemGatherer(envelope)
        let snapshot = problems.read { () throws(InputError) in try envelope.document("snapshot", BookingFiles.snapshot)
        }
        let request = problems.read { () throws(InputError) in try envelope.document("request", BookingFiles.request) }
        let now = problems.read { () throws(InputError) in try localTime(envelope, required: false) }
        try problems.check()
        guard let snapshot, let request, let now else { throw .badInput(InputError([])) }
        try context.allow(facilities: [snapshot.facility.id])
        let clock: any ShopClock = now.map { FixedClock($0) } ?? SystemClock()
        let decision = try input { () throws(InputError) in
            do throws(InputError) { return try BookingEngine(clock: clock).book(request, in: snapshot) } catch {
                throw ownedBy("request", else: "snapshot", error)
            }
        }
        return .document(decision)
    }

    /// `POST /v1/reschedules:decide`: `{snapshot, request, now}` → the reschedule decision (`shopsched reschedule`).
    static func decideReschedule(_ body: Data, _ context: RouteContext) throws(RouteFailure) -> ServiceReply {
        try change(body, context, member: "request", read: RescheduleFiles.request) {
            request, snapshot, now throws(InputError) in
            ServiceReply.document(try RescheduleEngine(clock: FixedClock(now)).reschedule(request, in: snapshot))
        }
    }

    /// `POST /v1/replans`: `{snapshot, disruption, now}` → the replan (`shopsched replan`, one thread).
    static func replan(_ body: Data, _ context: RouteContext) throws(RouteFailure) -> ServiceReply {
        try change(body, context, member: "disruption", read: RescheduleFiles.disruption) {
            disruption, snapshot, now throws(InputError) in
            ServiceReply.document(try ReplanEngine(clock: FixedClock(now), threads: 1).replan(disruption, in: snapshot))
        }
    }

    /// The shared part of reschedule and replan: a snapshot, the command's own document under
    /// `member` and a required `now`, as `ChangeOptions.decide` reads them in the CLI.
    private static func change<Input>(
        _ body: Data, _ context: RouteContext, member: String, read: @escaping (Data) throws(InputError) -> Input,
        _ decide: (Input, BookingSnapshot, LocalDateTime) throws(InputError) -> ServiceReply
    ) throws(RouteFailure) -> ServiceReply {
        let envelope = try input { () throws(InputError) in
            try RequestEnvelope(body, documents: ["snapshot", member], options: ["now"])
        }
        var problems = ProblemGatherer(envelope)
        let snapshot = problems.read { () throws(InputError) in try envelope.document("snapshot", BookingFiles.snapshot)
        }
        let own = problems.read { () throws(InputError) in try envelope.document(member, read) }
        let now = problems.read { () throws(InputError) in try localTime(envelope, required: true) }
        try problems.check()
        guard let snapshot, let own, let now = now ?? nil else { throw .badInput(InputError([])) }
        try context.allow(facilities: [snapshot.facility.id])
        return try input { () throws(InputError) in
            do throws(InputError) { return try decide(own, snapshot, now) } catch {
                throw ownedBy(member, else: "snapshot", error)
            }
        }
    }

    /// `POST /v1/boards`: `{snapshot, caller?, now?}` → the board views as JSON (`shopsched board
    /// --format json`), or the page (`--format html`) with `Accept: text/html`.
    static func board(_ body: Data, _ context: RouteContext) throws(RouteFailure) -> ServiceReply {
        let envelope = try input { () throws(InputError) in
            try RequestEnvelope(body, documents: ["snapshot", "caller"], options: ["now"])
        }
        var problems = ProblemGatherer(envelope)
        let floor = problems.read { () throws(InputError) -> ShopFloor in
            try envelope.document("snapshot") { data throws(InputError) in
                try ShopFloor(JSONFiles.decode(BoardSnapshot.self, from: data))
            }
        }
        let caller = problems.read { () throws(InputError) -> ViewCaller? in
            guard envelope.members["caller"] != nil else { return nil }
            return try envelope.document("caller") { data throws(InputError) in
                try JSONFiles.decode(ViewCaller.self, from: data)
            }
        }
        let now = problems.read { () throws(InputError) -> String? in try envelope.string("now") }
        try problems.check()
        guard let floor, let caller, let now else { throw .badInput(InputError([])) }
        let who = caller ?? BoardViews.defaultCaller(of: floor)
        try context.allow(facilities: floor.locations.map(\.id))
        guard let clock = BoardViews.clock(of: floor, for: who, now: now) else {
            throw .badInput(
                InputError([
                    ValidationIssue(
                        path: "now",
                        message: "must be a time YYYY-MM-DDTHH:MM[:SS], local or with Z or an offset ±HH:MM")
                ]))
        }
        let views: BoardViews
        do throws(ViewDenied) {
            views = try BoardViews(floor, for: who, clock: clock, withAssignments: !context.wantsHTML)
        } catch {
            throw .forbidden("denied: \(error.reason)")
        }
        if context.wantsHTML { return .text(views.board.html(), contentType: "text/html; charset=utf-8") }
        return .document(views)
    }

    /// `POST /v1/scenarios:validate`: `{scenario}` → its size (`shopsched validate`); a scenario
    /// with problems is a `400` listing them all.
    static func validateScenario(_ body: Data, _ context: RouteContext) throws(RouteFailure) -> ServiceReply {
        let (scenario, _, problems) = try scenario(body, options: [])
        try problems.check()
        guard let scenario else { throw .badInput(InputError([])) }
        try context.allow(facilities: [scenario.facility.id])
        return .document(
            ScenarioSummary(
                valid: true, jobs: scenario.jobs.count, bays: scenario.bays.count, mechanics: scenario.mechanics.count,
                days: scenario.facility.horizonDays))
    }

    /// `POST /v1/plans:verify`: `{scenario, solution}` → the independent verifier's report (`shopsched verify`).
    static func verifyPlan(_ body: Data, _ context: RouteContext) throws(RouteFailure) -> ServiceReply {
        let envelope = try input { () throws(InputError) in
            try RequestEnvelope(body, documents: ["scenario", "solution"])
        }
        var problems = ProblemGatherer(envelope)
        let scenario = problems.read { () throws(InputError) in try envelope.document("scenario", Scenario.load(from:))
        }
        let solution = problems.read { () throws(InputError) in
            try envelope.document("solution", SolutionFile.load(from:))
        }
        try problems.check()
        guard let scenario, let solution else { throw .badInput(InputError([])) }
        try context.allow(facilities: [scenario.facility.id])
        let report = PlanVerifier(scenario: scenario).verify(solution)
        return .document(VerificationSummary(report))
    }

    /// `POST /v1/plans:diff`: `{a, b}` (two solution files) → what changed, as `shopsched diff` prints it.
    static func diffPlans(_ body: Data, _ context: RouteContext) throws(RouteFailure) -> ServiceReply {
        let envelope = try input { () throws(InputError) in try RequestEnvelope(body, documents: ["a", "b"]) }
        var problems = ProblemGatherer(envelope)
        let a = problems.read { () throws(InputError) in try envelope.document("a", SolutionFile.load(from:)) }
        let b = problems.read { () throws(InputError) in try envelope.document("b", SolutionFile.load(from:)) }
        try problems.check()
        guard let a, let b else { throw .badInput(InputError([])) }
        // A solution file names its scenario's facility.
        try context.allow(facilities: [a.scenario, b.scenario])
        return .text("\(PlanDiff(a, b))")
    }

    /// `POST /v1/solve`: `{scenario, strategy?, timeLimitSeconds?, gap?}` → the solution file
    /// (`shopsched solve --format json --threads 1`), for small scenarios: the time limit is at
    /// most the server's cap, and the cap when not given.
    static func solve(_ body: Data, _ context: RouteContext) throws(RouteFailure) -> ServiceReply {
        let (scenario, envelope, gathered) = try scenario(body, options: ["strategy", "timeLimitSeconds", "gap"])
        var problems = gathered
        let cap = context.options.maxTimeLimitSeconds
        let strategyName = problems.read { () throws(InputError) in try envelope.string("strategy") } ?? nil
        let timeLimit = problems.read { () throws(InputError) in try envelope.number("timeLimitSeconds") } ?? nil
        let gap = problems.read { () throws(InputError) in try envelope.number("gap") } ?? nil
        let planner = StrategyCatalog.strategy(named: strategyName ?? StrategyCatalog.names[0])
        if planner == nil {
            problems.add(
                "strategy",
                "must be one of \(StrategyCatalog.names.joined(separator: ", ")), not '\(strategyName ?? "")'")
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0) {
            problems.add("timeLimitSeconds", "must be a positive number of seconds, not \(timeLimit)")
        } else if let timeLimit, timeLimit > cap {
            problems.add("timeLimitSeconds", "must be at most \(cap) seconds on this server, not \(timeLimit)")
        }
        if let gap, !(gap.isFinite && gap >= 0) { problems.add("gap", "must be 0 or more, not \(gap)") }
        try problems.check()
        guard let scenario, let planner else { throw .badInput(InputError([])) }
        try context.allow(facilities: [scenario.facility.id])
        var options = PlanOptions()
        options.timeLimitSeconds = timeLimit ?? cap
        options.relativeGap = gap ?? 0
        options.threads = 1
        return .document(planner.plan(Instance(scenario), options: options).solutionFile())
    }

    /// The body's `scenario` member (nil when it has problems), the envelope, and the problems so far.
    private static func scenario(_ body: Data, options: [String]) throws(RouteFailure) -> (
        scenario: Scenario?, envelope: RequestEnvelope, problems: ProblemGatherer
    ) {
        let envelope = try input { () throws(InputError) in
            try RequestEnvelope(body, documents: ["scenario"], options: options)
        }
        var problems = ProblemGatherer(envelope)
        let scenario = problems.read { () throws(InputError) in try envelope.document("scenario", Scenario.load(from:))
        }
        return (scenario, envelope, problems)
    }

    /// The `now` member as a facility-local time, as `--now` reads it.
    private static func localTime(_ envelope: RequestEnvelope, required: Bool) throws(InputError) -> LocalDateTime? {
        guard let text = try envelope.string("now") else {
            if required { throw InputError([ValidationIssue(path: "now", message: "required field is missing")]) }
            return nil
        }
        guard let now = LocalDateTime(text) else {
            throw InputError([
                ValidationIssue(path: "now", message: "must be a local time YYYY-MM-DDTHH:MM, not '\(text)'")
            ])
        }
        return now
    }

    /// An engine's problems in the body's paths: the engine names its own document's fields
    /// `member.…` already; every other path is the snapshot's.
    private static func ownedBy(_ member: String, else other: String, _ error: InputError) -> InputError {
        InputError(
            error.issues.map {
                $0.path == member || $0.path.hasPrefix(member + ".") || $0.path.hasPrefix(member + "[")
                    ? $0 : RequestEnvelope.under(other, $0)
            })
    }
}
