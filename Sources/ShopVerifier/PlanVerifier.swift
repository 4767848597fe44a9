import ShopDomain

/// An independent checker of solution files, written straight from the contract
/// (`docs/contract.md`) and sharing no code with the planner.
///
/// All time arithmetic is wall-clock minutes (`LocalDateTime.absoluteMinutes`, every day
/// 1440 minutes) on slots of `facility.slotMinutes` aligned to local midnight. A job of
/// `durationMinutes` takes `d = ceil(durationMinutes / slotMinutes)` slots, and a job
/// starting at `s` occupies the half-open range `[s, s+d)`. Availability is rounded to the
/// grid so that it only shrinks: opening times, shift starts and window `earliest` round up;
/// closing times, shift ends and window `latest` round down; out-of-service starts round
/// down and their ends up. Preferred starts round to the nearest boundary, half up.
///
/// The verifier never trusts the solution's `end`, `objective` or `bound`: it recomputes
/// them and reports a difference. Each job is checked at its first assignment; a later
/// assignment of the same job is reported only as a ``Violation/Rule/completeness``
/// problem. Each rule yields at most one violation per job (the message lists every
/// problem found under that rule); overlaps yield one violation per overlapping pair and
/// capacity one per maximal run of over-full slots.
public struct PlanVerifier: Sendable {
    /// The validated scenario plans are checked against.
    public let scenario: Scenario
    /// The open intervals of the horizon in time order: for each day of the horizon that is
    /// not in `closedDates`, each operating-hours range of its weekday, opening rounded up and
    /// closing rounded down to the slot grid (ranges that round to nothing are left out);
    /// then ranges that touch, on one day or across midnight (`24:00` then `00:00`), are
    /// joined, so each is a maximal run of open time. Each is half-open, `[start, end)`.
    public let openIntervals: [LocalRange]

    private let grid: Grid
    private let open: [Span]
    private let jobIndex: [String: Int]
    private let bayIndex: [String: Int]
    private let mechanicIndex: [String: Int]
    /// Each mechanic's shifts on the grid: rounded inwards, then joined where they touch.
    private let shifts: [[Span]]

    /// The statuses a solution file may have.
    public static let statuses = ["optimal", "feasible", "infeasible", "error"]

    /// Prepares a verifier for `scenario` (computes its open intervals and id lookups).
    public init(scenario: Scenario) {
        self.scenario = scenario
        let grid = Grid(slot: scenario.facility.slotMinutes)
        self.grid = grid
        let facility = scenario.facility
        var open: [Span] = []
        for offset in 0..<facility.horizonDays {
            let date = facility.horizonStart.adding(days: offset)
            guard !facility.closedDates.contains(date) else { continue }
            let midnight = date.dayNumber * 1440
            for range in (facility.operatingHours[date.weekday] ?? []).sorted(by: { $0.open < $1.open }) {
                let span = Span(
                    lo: midnight + grid.up(range.open.minutes), hi: midnight + grid.down(range.close.minutes))
                if span.lo < span.hi { open.append(span) }
            }
        }
        self.open = Self.joined(open)
        self.openIntervals = self.open.map {
            LocalRange(start: LocalDateTime(absoluteMinutes: $0.lo), end: LocalDateTime(absoluteMinutes: $0.hi))
        }
        func index(_ ids: [String]) -> [String: Int] {
            Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        }
        self.jobIndex = index(scenario.jobs.map(\.id))
        self.bayIndex = index(scenario.bays.map(\.id))
        self.mechanicIndex = index(scenario.mechanics.map(\.id))
        self.shifts = scenario.mechanics.map { mechanic in
            Self.joined(
                mechanic.shifts.map {
                    Span(lo: grid.up($0.start.absoluteMinutes), hi: grid.down($0.end.absoluteMinutes))
                })
        }
    }

    /// The parts of sorted, disjoint `a` that also lie in sorted, disjoint `b`.
    static func intersection(_ a: [Span], _ b: [Span]) -> [Span] {
        var result: [Span] = []
        var i = 0, k = 0
        while i < a.count, k < b.count {
            let lo = max(a[i].lo, b[k].lo), hi = min(a[i].hi, b[k].hi)
            if lo < hi { result.append(Span(lo: lo, hi: hi)) }
            if a[i].hi < b[k].hi { i += 1 } else { k += 1 }
        }
        return result
    }

    /// How a resumable job starting at `s` works (contract §7), read straight from the rule:
    /// from `s` on, the slots in which the shop is open and, with a mechanic, the mechanic is
    /// on shift, taken in order until `d` of them are counted.
    struct Work {
        /// The work slots as maximal runs, in order (empty when `s` is not a work slot).
        var pieces: [Span]
        /// Whether `s` itself is a work slot.
        var startsWorking: Bool
        /// Whether all `d` work slots exist before the horizon ends.
        var finishes: Bool
    }

    /// The work of a resumable job `j` starting at `s` with `mechanic` (`nil`: none, or
    /// an unknown one, when only the shop's hours count).
    func work(ofJob j: Int, start s: Int, mechanic: Int?) -> Work {
        let available = mechanic.map { Self.intersection(open, shifts[$0]) } ?? open
        var remaining = slotCount(ofJob: j) * grid.slot
        var pieces: [Span] = []
        let startsWorking = available.contains { $0.lo <= s && s + grid.slot <= $0.hi }
        if startsWorking {
            for span in available where span.hi > s && remaining > 0 {
                let lo = max(span.lo, s)
                let take = min(remaining, span.hi - lo)
                pieces.append(Span(lo: lo, hi: lo + take))
                remaining -= take
            }
        }
        return Work(
            pieces: Self.joined(pieces), startsWorking: startsWorking, finishes: startsWorking && remaining == 0)
    }

    /// Spans sorted and joined where one begins at or before the end of the one before:
    /// the maximal runs of their union.
    static func joined(_ spans: [Span]) -> [Span] {
        var result: [Span] = []
        for span in spans.filter({ $0.lo < $0.hi }).sorted(by: { ($0.lo, $0.hi) < ($1.lo, $1.hi) }) {
            if let last = result.last, span.lo <= last.hi {
                result[result.count - 1].hi = max(last.hi, span.hi)
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// Checks `solution` against `scenario`; shorthand for
    /// `PlanVerifier(scenario: scenario).verify(solution)`.
    public static func verify(_ solution: SolutionFile, against scenario: Scenario) -> VerificationReport {
        PlanVerifier(scenario: scenario).verify(solution)
    }

    /// The number of slots `d = ceil(durationMinutes / slotMinutes)` that the job at
    /// `jobIndex` (an index into `scenario.jobs`) takes.
    public func slotCount(ofJob jobIndex: Int) -> Int {
        grid.slotsCovering(scenario.jobs[jobIndex].durationMinutes)
    }

    /// Checks a solution file against the scenario: returns every broken rule and the
    /// recomputed objective.
    ///
    /// Checked, in report order:
    /// - `format` is `shopsched.solution/1` and `scenario` is the facility id (``Violation/Rule/format``);
    /// - `status` is one of ``statuses``, and an `infeasible` or `error` solution has no
    ///   assignments (``Violation/Rule/status``);
    /// - every scenario job appears exactly once across `assignments` and `unscheduled`, and
    ///   no entry names an unknown job (``Violation/Rule/completeness``). This holds for every
    ///   status, so an `infeasible` or `error` solution lists every job as unscheduled;
    /// - per job, in scenario order, at its first assignment: start parses and is on a slot
    ///   boundary, `end` parses and equals start + `d` slots, bay and mechanic ids are known
    ///   (``Violation/Rule/format``); then, with `s` the start and `d` from the duration (never
    ///   from the claimed `end`): hours, window, bay type, out of service, mechanic mode,
    ///   mechanic (active, required skills, shift), and — unless the status is `infeasible`
    ///   or `error`, which carry no plan — the job's pin, which also fails when a pinned job
    ///   is not scheduled;
    /// - overlaps on each bay and of each mechanic, then capacity per slot, then labour
    ///   minutes per day;
    /// - for status `optimal` or `feasible`: a claimed `objective` equal to the recomputed
    ///   one (``Violation/Rule/objective``), present at all when the status is `optimal`,
    ///   and a claimed `bound` not above it (``Violation/Rule/bound``).
    ///
    /// A resumable job (contract §7) is read by its own rule: its work slots are walked from
    /// its start (shop open and, with a mechanic, the mechanic on shift) until `d` are
    /// counted; its start must be one and all must exist before the horizon ends (hours, or
    /// the mechanic's rule when only the shifts fall short); `end` must be the end of the
    /// last, and `work`, when given, those slots as maximal ranges; window on start and end;
    /// its bay is held, and may not be out of service, for all of `[s, e)`; its mechanic is
    /// busy, and capacity counts it, only in its work slots.
    ///
    /// Unparsable times stop the checks that need them; an unknown bay or mechanic stops
    /// only the checks of that bay or mechanic. The reasons of unscheduled jobs are not
    /// checked (they explain, they do not constrain).
    public func verify(_ solution: SolutionFile) -> VerificationReport {
        var check = Checker(verifier: self)
        let hasPlan = solution.status != "infeasible" && solution.status != "error"

        // The file.
        if solution.format != SolutionFile.formatName {
            check.add(
                .format, nil, "The file format is \"\(solution.format)\"; expected \"\(SolutionFile.formatName)\".")
        }
        if solution.scenario != scenario.facility.id {
            check.add(
                .format, nil,
                "The file is for scenario \"\(solution.scenario)\", but this scenario's facility is \"\(scenario.facility.id)\"."
            )
        }
        if !Self.statuses.contains(solution.status) {
            check.add(
                .status, nil,
                "Status \"\(solution.status)\" is not one of \(Text.list(Self.statuses)).")
        } else if !hasPlan, !solution.assignments.isEmpty {
            check.add(
                .status, nil,
                "Status \(solution.status) means there is no plan, yet the file has \(Text.plural(solution.assignments.count, "assignment"))."
            )
        }

        // Completeness.
        var assigned = [Int](repeating: 0, count: scenario.jobs.count)
        var listed = [Int](repeating: 0, count: scenario.jobs.count)
        for (position, assignment) in solution.assignments.enumerated() {
            if let j = jobIndex[assignment.job] {
                assigned[j] += 1
            } else {
                check.add(
                    .completeness, assignment.job,
                    "Assignment \(position + 1) is for job \(assignment.job), which is not in the scenario.")
            }
        }
        for (position, entry) in solution.unscheduled.enumerated() {
            if let j = jobIndex[entry.job] {
                listed[j] += 1
            } else {
                check.add(
                    .completeness, entry.job,
                    "Unscheduled entry \(position + 1) is for job \(entry.job), which is not in the scenario.")
            }
        }
        for (j, job) in scenario.jobs.enumerated() {
            switch assigned[j] + listed[j] {
            case 0:
                check.add(
                    .completeness, job.id, "Job \(job.id) is missing: it is neither assigned nor listed as unscheduled."
                )
            case 1:
                break
            default:
                check.add(
                    .completeness, job.id,
                    "Job \(job.id) appears \(assigned[j] + listed[j]) times (\(assigned[j]) in assignments, \(listed[j]) in unscheduled); each job appears exactly once."
                )
            }
        }

        // Each job at its first assignment.
        let placed = resolve(solution)
        for (j, job) in scenario.jobs.enumerated() {
            if let placement = placed[j] { check.placement(placement) }
            if hasPlan, let pin = job.pinned { check.pin(pin, of: j, placed: placed[j]) }
        }
        check.overlaps(placed)
        check.capacity(placed)
        check.labour(placed)

        // The claims.
        let terms = objectiveTerms(placed)
        if solution.status == "optimal" || solution.status == "feasible" {
            if let claimed = solution.objective, claimed != terms.total {
                check.add(
                    .objective, nil,
                    "The file claims objective \(claimed), but the plan's objective is \(terms).")
            } else if solution.objective == nil, solution.status == "optimal" {
                // A proof of nothing: an optimal plan states the value it proves.
                check.add(
                    .objective, nil,
                    "Status optimal claims a proven optimum, so the file must give its objective (\(terms.total)); it gives none."
                )
            }
            if let bound = solution.bound, bound > terms.total {
                check.add(
                    .bound, nil,
                    "The file claims lower bound \(bound), above the plan's own objective \(terms.total).")
            } else if solution.status == "optimal", let bound = solution.bound, bound < terms.total {
                // Optimal means proved: the bound reaches the objective.
                check.add(
                    .bound, nil,
                    "Status optimal claims a proof, but the file's lower bound \(bound) is below the plan's objective \(terms.total)."
                )
            }
        }
        return VerificationReport(violations: check.violations, objective: terms.total, terms: terms)
    }

    /// The contract's objective of the plan in `solution`, by term, with the same reading of
    /// the plan as ``verify(_:)``: a job counts as scheduled when its first assignment has a
    /// parsable start, a known bay and no mechanic or a known one; any other job pays the
    /// unscheduled term. Feasibility is not checked.
    ///
    /// Per scheduled job: the start deviation is the smallest `abs(s − p)` over preferred
    /// starts `p` (each rounded to the nearest slot boundary, half up), in whole slots
    /// (rounded up should `s` be off the grid); missing preferred skills count the entries of
    /// `preferredSkills` (as listed) the mechanic lacks; `moved`, `changedBay` and
    /// `changedMechanic` apply when `current` is given, comparing start, bay, and mechanic or
    /// none (none against a mechanic is a change). `mechanicUsed` is paid once per mechanic
    /// with at least one scheduled job.
    public func objectiveTerms(for solution: SolutionFile) -> ObjectiveTerms {
        objectiveTerms(resolve(solution))
    }

    // MARK: - Reading the plan

    /// A job's first assignment, with what could be resolved of it.
    struct Placement {
        let job: Int
        let assignment: SolutionFile.Assignment
        /// Wall-clock minutes of the start, when it parses.
        let start: Int?
        /// The time the job holds its bay, when the start parses: `[s, s+d)` with `d` from
        /// the duration; for a resumable job `[s, e)` (to the end of its last work slot, or
        /// to the last one found when it cannot finish within the horizon).
        let span: Span?
        let bay: Int?
        let mechanic: Int?
        /// The job's work, when it is resumable and its start parses.
        let work: Work?
        /// The time its mechanic is busy and capacity counts it: the work slots of a
        /// resumable job, `[span]` for any other.
        var busy: [Span] { work?.pieces ?? span.map { [$0] } ?? [] }

        /// Scheduled for the objective: start, bay and any mechanic all resolve.
        var isUsable: Bool { start != nil && bay != nil && (assignment.mechanic == nil || mechanic != nil) }
    }

    /// The first assignment of each scenario job, indexed like `scenario.jobs`.
    func resolve(_ solution: SolutionFile) -> [Placement?] {
        var placed = [Placement?](repeating: nil, count: scenario.jobs.count)
        for assignment in solution.assignments {
            guard let j = jobIndex[assignment.job], placed[j] == nil else { continue }
            let start = LocalDateTime(assignment.start)?.absoluteMinutes
            let mechanic = assignment.mechanic.flatMap { mechanicIndex[$0] }
            var work: Work?
            if scenario.jobs[j].resumable, let start { work = self.work(ofJob: j, start: start, mechanic: mechanic) }
            let span = start.map { s -> Span in
                guard let work else { return Span(lo: s, hi: s + slotCount(ofJob: j) * grid.slot) }
                // Not a work slot at `s`: the job holds its bay for its d slots, as the
                // one-interval reading would (the hours rule already fails).
                return Span(lo: s, hi: work.pieces.last?.hi ?? s + slotCount(ofJob: j) * grid.slot)
            }
            placed[j] = Placement(
                job: j, assignment: assignment, start: start, span: span,
                bay: bayIndex[assignment.bay], mechanic: mechanic, work: work)
        }
        return placed
    }

    func objectiveTerms(_ placed: [Placement?]) -> ObjectiveTerms {
        let weights = scenario.weights
        var terms = ObjectiveTerms()
        var used = Set<Int>()
        for (j, job) in scenario.jobs.enumerated() {
            guard let placement = placed[j], placement.isUsable, let s = placement.start, let bay = placement.bay else {
                terms.unscheduled += weights.unscheduled * job.priority
                continue
            }
            if let closest = job.preferredStarts.map({ abs(s - grid.nearest($0.absoluteMinutes)) }).min() {
                terms.startDeviation += weights.startDeviationPerSlot * grid.slotsCovering(closest)
            }
            if let m = placement.mechanic {
                used.insert(m)
                let skills = scenario.mechanics[m].skills
                terms.missingPreferredSkills +=
                    weights.missingPreferredSkill
                    * job.preferredSkills.filter { !skills.contains($0) }.count
            } else if job.mechanicMode == .optional {
                terms.unassignedMechanic += weights.unassignedMechanic
            }
            if let current = job.current {
                if s != current.start.absoluteMinutes { terms.moved += weights.moved }
                if bay != current.bay { terms.changedBay += weights.changedBay }
                if placement.mechanic != current.mechanic { terms.changedMechanic += weights.changedMechanic }
            }
        }
        terms.mechanicUsed = weights.mechanicUsed * used.count
        return terms
    }

    // MARK: - Checks

    /// Collects violations; one method per group of rules.
    private struct Checker {
        let verifier: PlanVerifier
        var violations: [Violation] = []

        var scenario: Scenario { verifier.scenario }
        var grid: Grid { verifier.grid }

        mutating func add(_ rule: Violation.Rule, _ job: String?, _ message: String) {
            violations.append(Violation(rule: rule, job: job, message: message))
        }

        func mechanicName(_ index: Int?) -> String {
            index.map { "mechanic \(scenario.mechanics[$0].id)" } ?? "no mechanic"
        }

        mutating func placement(_ placement: Placement) {
            let job = scenario.jobs[placement.job]
            let id = job.id
            let assignment = placement.assignment

            // Format.
            var format: [String] = []
            if let s = placement.start, let span = placement.span {
                if !grid.isBoundary(s) {
                    format.append("its start \(assignment.start) is not on the \(grid.slot)-minute slot grid")
                }
                if let end = LocalDateTime(assignment.end) {
                    if let work = placement.work, work.finishes {
                        if end.absoluteMinutes != span.hi {
                            format.append(
                                "its end \(assignment.end) should be \(Text.time(span.hi)) (the end of its last work slot)"
                            )
                        }
                    } else if placement.work != nil {
                        // No end to compare with: the hours rule reports why.
                    } else if end.absoluteMinutes != span.hi {
                        let d = span.hi - span.lo
                        format.append(
                            "its end \(assignment.end) should be \(Text.time(span.hi)) (\(job.durationMinutes) minutes take \(Text.plural(d / grid.slot, "slot")) of \(grid.slot) minutes)"
                        )
                    }
                } else {
                    format.append("its end \"\(assignment.end)\" is not a local time YYYY-MM-DDTHH:MM")
                }
            } else {
                format.append("its start \"\(assignment.start)\" is not a local time YYYY-MM-DDTHH:MM")
            }
            if let given = assignment.work {
                let text = given.map { "\($0.start)–\($0.end)" }
                if let work = placement.work, work.finishes {
                    let expected = work.pieces.map { "\(Text.time($0.lo))–\(Text.time($0.hi))" }
                    if text != expected {
                        format.append(
                            "its work \(Text.list(text)) should be \(Text.list(expected)) (its work slots as maximal ranges)"
                        )
                    }
                } else if !job.resumable {
                    format.append("it gives work ranges, but it is not resumable")
                }
            }
            if placement.bay == nil { format.append("bay \(assignment.bay) is not in the scenario") }
            if let name = assignment.mechanic, placement.mechanic == nil {
                format.append("mechanic \(name) is not in the scenario")
            }
            if !format.isEmpty { add(.format, id, "Job \(id): \(format.joined(separator: "; ")).") }

            guard let s = placement.start, let span = placement.span else { return }
            let runs = "Job \(id) runs \(Text.span(span))"

            // 1. Hours.
            if let work = placement.work {
                if !verifier.open.contains(where: { $0.lo <= s && s + grid.slot <= $0.hi }) {
                    add(
                        .hours, id,
                        "Job \(id) is resumable and starts at \(Text.time(s)), when the shop is closed: \(hoursContext(s))."
                    )
                } else if work.startsWorking, !work.finishes,
                    !verifier.work(ofJob: placement.job, start: s, mechanic: nil).finishes
                {
                    // The shop's hours alone leave too few slots; when only the mechanic's
                    // shifts do, rule 4 reports it.
                    add(
                        .hours, id,
                        "Job \(id) is resumable and starts at \(Text.time(s)), but its \(Text.plural(verifier.slotCount(ofJob: placement.job), "work slot")) do not all fit before the horizon ends."
                    )
                }
            } else if !verifier.open.contains(where: { $0.contains(span) }) {
                add(.hours, id, "\(runs), which is not inside one open interval: \(hoursContext(s)).")
            }

            // 2. Window.
            let earliest = grid.up(job.earliest.absoluteMinutes), latest = grid.down(job.latest.absoluteMinutes)
            var window: [String] = []
            if s < earliest {
                window.append(
                    "it may start at \(Text.time(earliest)) at the earliest"
                        + (earliest != job.earliest.absoluteMinutes
                            ? " (window.earliest \(job.earliest) rounded up to the slot grid)" : ""))
            }
            if span.hi > latest {
                window.append(
                    "it must end by \(Text.time(latest))"
                        + (latest != job.latest.absoluteMinutes
                            ? " (window.latest \(job.latest) rounded down to the slot grid)" : ""))
            }
            if !window.isEmpty { add(.window, id, "\(runs), outside its window: \(window.joined(separator: "; ")).") }

            // 3. Bay.
            if let b = placement.bay {
                let bay = scenario.bays[b]
                if !job.bayTypes.contains(bay.type) {
                    let wanted = job.bayTypes.map(\.rawValue).sorted()
                    add(
                        .bay, id,
                        "Job \(id) is on bay \(bay.id), a \(bay.type.rawValue), but needs \(wanted.count == 1 ? "a" : "one of") \(Text.list(wanted))."
                    )
                }
                let hits = bay.outOfService
                    .map { Span(lo: grid.down($0.start.absoluteMinutes), hi: grid.up($0.end.absoluteMinutes)) }
                    .filter { $0.meets(span) }
                if !hits.isEmpty {
                    add(
                        .outOfService, id,
                        "\(runs) on bay \(bay.id), which is out of service \(Text.list(hits.map(Text.span))) (on the slot grid)."
                    )
                }
            }

            // 4. Mechanic mode.
            switch (job.mechanicMode, assignment.mechanic) {
            case (.required, nil):
                add(.mechanicMode, id, "Job \(id) needs a mechanic (mode required) but has none.")
            case (.none, let name?):
                add(.mechanicMode, id, "Job \(id) must not have a mechanic (mode none) but has \(name).")
            default:
                break
            }

            // 4. Mechanic.
            if let m = placement.mechanic {
                let mechanic = scenario.mechanics[m]
                var problems: [String] = []
                if !mechanic.active { problems.append("is not active") }
                let missing = job.requiredSkills.subtracting(mechanic.skills).sorted()
                if !missing.isEmpty {
                    problems.append("lacks required skill\(missing.count == 1 ? "" : "s") \(Text.list(missing))")
                }
                // Each shift rounded inwards, then shifts that touch or overlap joined (the
                // contract's rule for shifts, as for open ranges).
                let shifts = PlanVerifier.joined(
                    mechanic.shifts.map {
                        Span(lo: grid.up($0.start.absoluteMinutes), hi: grid.down($0.end.absoluteMinutes))
                    })
                if let work = placement.work {
                    // Resumable: busy only in its work slots, which are on shift by their
                    // definition; the start itself must be one.
                    if !shifts.contains(where: { $0.lo <= s && s + grid.slot <= $0.hi }) {
                        problems.append("is not on shift at its start \(Text.time(s))")
                    } else if work.startsWorking, !work.finishes,
                        verifier.work(ofJob: placement.job, start: s, mechanic: nil).finishes
                    {
                        problems.append("is not on shift for all its work slots before the horizon ends")
                    }
                } else if !shifts.contains(where: { $0.contains(span) }) {
                    let known = shifts
                    problems.append(
                        "has no shift holding \(Text.span(span)) "
                            + (known.isEmpty
                                ? "(no shift on the slot grid)"
                                : "(shifts on the slot grid: \(Text.list(known.map(Text.span))))"))
                }
                if !problems.isEmpty {
                    add(
                        .mechanic, id, "Job \(id) has mechanic \(mechanic.id), who \(problems.joined(separator: "; "))."
                    )
                }
            }
        }

        /// Why no open interval holds a job starting at `s`.
        func hoursContext(_ s: Int) -> String {
            let facility = scenario.facility
            let date = LocalDateTime(absoluteMinutes: s).date
            let last = facility.horizonStart.adding(days: facility.horizonDays - 1)
            if date < facility.horizonStart || date > last {
                return "\(date) is outside the horizon \(facility.horizonStart) to \(last)"
            }
            if facility.closedDates.contains(date) { return "the shop is closed on \(date) (closedDates)" }
            let midnight = date.dayNumber * 1440
            // Intervals that meet the day, including one running in from the day before.
            let today = verifier.open.filter { $0.lo < midnight + 1440 && midnight < $0.hi }
            if today.isEmpty { return "the shop is not open on \(date.weekday.rawValue) \(date)" }
            return "on \(date.weekday.rawValue) \(date) the shop is open \(Text.list(today.map(Text.clockSpan)))"
        }

        mutating func pin(_ pin: Scenario.Placement, of j: Int, placed: Placement?) {
            let job = scenario.jobs[j]
            let bayID = scenario.bays[pin.bay].id
            let mechanicID = pin.mechanic.map { scenario.mechanics[$0].id }
            let pinned = "Job \(job.id) is pinned at \(pin.start) on bay \(bayID) with \(mechanicName(pin.mechanic))"
            guard let placed else {
                add(.pin, job.id, "\(pinned), but it is not scheduled.")
                return
            }
            var differences: [String] = []
            if placed.start != pin.start.absoluteMinutes { differences.append("starts at \(placed.assignment.start)") }
            if placed.assignment.bay != bayID { differences.append("is on bay \(placed.assignment.bay)") }
            if placed.assignment.mechanic != mechanicID {
                differences.append("has " + (placed.assignment.mechanic.map { "mechanic \($0)" } ?? "no mechanic"))
            }
            if !differences.isEmpty { add(.pin, job.id, "\(pinned), but it \(differences.joined(separator: ", ")).") }
        }

        /// A bay is held for each job's whole span (a resumable job's pauses included); a
        /// mechanic is busy only in each job's ``Placement/busy`` time (its work slots).
        mutating func overlaps(_ placed: [Placement?]) {
            let withStart = placed.compactMap { $0 }.filter { $0.span != nil }
            func check(
                _ rule: Violation.Rule, resource: (Placement) -> Int?, time: (Placement) -> [Span],
                name: (Int) -> String
            ) {
                let groups = Dictionary(grouping: withStart.filter { resource($0) != nil }, by: { resource($0)! })
                for key in groups.keys.sorted() {
                    let list = groups[key]!.sorted { ($0.span!.lo, $0.job) < ($1.span!.lo, $1.job) }
                    for (i, a) in list.enumerated() {
                        let timeA = time(a)
                        for b in list[(i + 1)...] {
                            // Every piece lies within the span, so later starts cannot meet `a`.
                            guard b.span!.lo < a.span!.hi else { break }
                            let timeB = time(b)
                            guard timeA.contains(where: { x in timeB.contains { x.meets($0) } }) else { continue }
                            let idA = scenario.jobs[a.job].id, idB = scenario.jobs[b.job].id
                            add(
                                rule, idA,
                                "Jobs \(idA) (\(Text.list(timeA.map(Text.span)))) and \(idB) (\(Text.list(timeB.map(Text.span)))) overlap on \(name(key))."
                            )
                        }
                    }
                }
            }
            check(.bayOverlap, resource: { $0.bay }, time: { [$0.span!] }, name: { "bay \(scenario.bays[$0].id)" })
            check(
                .mechanicOverlap, resource: { $0.mechanic }, time: { $0.busy },
                name: { "mechanic \(scenario.mechanics[$0].id)" })
        }

        /// Counts scheduled jobs per slot (a job off the grid counts in every slot it touches)
        /// and reports each maximal run of consecutive slots above `maxConcurrent`.
        mutating func capacity(_ placed: [Placement?]) {
            guard let limit = scenario.facility.maxConcurrent else { return }
            var bySlot: [Int: [Int]] = [:]
            for placement in placed {
                guard let placement, placement.span != nil else { continue }
                // A resumable job counts only in its work slots.
                for span in placement.busy {
                    for slot in grid.slotNumber(span.lo)..<grid.slotNumber(span.hi - 1) + 1 {
                        bySlot[slot, default: []].append(placement.job)
                    }
                }
            }
            let full = bySlot.keys.filter { bySlot[$0]!.count > limit }.sorted()
            var runStart = 0
            while runStart < full.count {
                var runEnd = runStart
                while runEnd + 1 < full.count, full[runEnd + 1] == full[runEnd] + 1 { runEnd += 1 }
                let slots = full[runStart...runEnd]
                let most = slots.map { bySlot[$0]!.count }.max()!
                let jobs = Set(slots.flatMap { bySlot[$0]! }).sorted().map { scenario.jobs[$0].id }
                let span = Span(lo: full[runStart] * grid.slot, hi: (full[runEnd] + 1) * grid.slot)
                add(
                    .capacity, nil,
                    "During \(Text.span(span)), up to \(most) jobs run at once (\(Text.list(jobs))), more than maxConcurrent \(limit)."
                )
                runStart = runEnd + 1
            }
        }
        /// Sums, per local date, the `durationMinutes` of every assignment that names a
        /// mechanic and whose start parses, counted on the date of its start (whatever
        /// the slot grid or how long the job runs), and reports each date above
        /// `labourMinutesPerDay.limit` (rule 7). An assignment without a mechanic books
        /// no labour.
        mutating func labour(_ placed: [Placement?]) {
            guard let limit = scenario.facility.labourLimitPerDay else { return }
            var byDate: [Int: (minutes: Int, jobs: [Int])] = [:]
            for placement in placed {
                guard let placement, let start = placement.start, placement.assignment.mechanic != nil else {
                    continue
                }
                let date = Int((Double(start) / 1440).rounded(.down))
                byDate[date, default: (0, [])].minutes += scenario.jobs[placement.job].durationMinutes
                byDate[date, default: (0, [])].jobs.append(placement.job)
            }
            for date in byDate.keys.sorted() where byDate[date]!.minutes > limit {
                let (minutes, jobs) = byDate[date]!
                let day = LocalDate(dayNumber: date)
                add(
                    .labour, nil,
                    "On \(day), jobs with a mechanic book \(minutes) labour minutes (\(Text.list(jobs.map { scenario.jobs[$0].id }))), more than labourMinutesPerDay.limit \(limit)."
                )
            }
        }
    }
}
