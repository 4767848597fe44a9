import ShopDomain
import ShopVerifier

/// The key measures of one solved variant: one row of the comparison.
///
/// Every number is computed from the scenario and the solution file alone,
/// with the independent ``PlanVerifier`` for the objective's terms, so a
/// row can be rebuilt from the files in an output folder. Minutes are
/// wall-clock minutes of the scenario's local time.
public struct ComparisonRow: Codable, Sendable, Hashable {
    public var index: Int
    public var name: String
    /// The edits, one short line each (``Edit/description``).
    public var edits: [String]
    /// The solution's status, or `invalid` when the edited scenario does not validate.
    public var status: String
    /// Why there is no plan (validation issues, clashing pins, solver errors).
    public var problems: [String]
    /// `true` when the verifier found no violation (plan feasible, objective and bound right).
    public var verified: Bool
    public var jobs: Int
    public var scheduled: Int
    public var unscheduled: Int
    /// Unscheduled jobs counted by their first reason (so the counts add up
    /// to ``unscheduled``); a job without reason counts as `NONE`.
    public var unscheduledByReason: [String: Int]
    /// Per bay type present and open: busy bay-minutes (open time a job holds
    /// the bay, a resumable job's pauses in open time included) over available
    /// bay-minutes (open hours less out of service), 0…1; empty without a plan.
    public var bayUtilisation: [String: Double]
    /// Mechanic-minutes on jobs (a resumable job's work pieces only) over
    /// active mechanics' shift minutes inside open hours, 0…1; `nil` when no mechanic is on shift or there is no plan.
    public var mechanicUtilisation: Double?
    /// Shift hours inside open hours left free: capacity without overtime (0 without a plan).
    public var freeMechanicHours: Double
    /// Mean over scheduled jobs with preferred starts of the distance to the
    /// nearest one, in minutes; `nil` when there is no such job.
    public var meanDeviationMinutes: Double?
    public var objective: Int?
    public var bound: Int?
    /// `(objective − bound) / max(1, objective)`; `nil` without both.
    public var gap: Double?
    /// The objective's terms as the verifier recomputes them, by name.
    public var terms: [String: Int]
    public var seconds: Double

    /// The row for a variant that was solved.
    public init(index: Int, name: String, edits: [String], scenario: Scenario, solution: SolutionFile) {
        let verifier = PlanVerifier(scenario: scenario)
        let report = verifier.verify(solution)
        self.index = index
        self.name = name
        self.edits = edits
        status = solution.status
        problems = solution.problems ?? []
        verified = report.isFeasible
        jobs = scenario.jobs.count
        let hasPlan = solution.status == "optimal" || solution.status == "feasible"
        let assignments = hasPlan ? solution.assignments : []
        scheduled = assignments.count
        unscheduled = jobs - scheduled
        var reasons: [String: Int] = [:]
        if hasPlan {
            for entry in solution.unscheduled { reasons[entry.reasons.first ?? "NONE", default: 0] += 1 }
        } else if jobs > 0 {
            reasons[solution.status.uppercased()] = jobs
        }
        unscheduledByReason = reasons
        let objective = hasPlan ? report.objective : nil
        self.objective = objective
        bound = solution.bound
        if let objective, let bound = solution.bound {
            gap = Double(objective - bound) / Double(max(1, objective))
        } else {
            gap = nil
        }
        terms = Dictionary(report.terms.named.map { ($0.name, $0.cost) }, uniquingKeysWith: { a, _ in a })
        seconds = solution.seconds

        let open = verifier.openIntervals.map { ($0.start.absoluteMinutes, $0.end.absoluteMinutes) }
        func minutes(_ range: LocalRange) -> (Int, Int) { (range.start.absoluteMinutes, range.end.absoluteMinutes) }
        func parsed(_ assignment: SolutionFile.Assignment) -> (Int, Int)? {
            guard let start = LocalDateTime(assignment.start), let end = LocalDateTime(assignment.end) else {
                return nil
            }
            return (start.absoluteMinutes, end.absoluteMinutes)
        }
        var available: [String: Int] = [:]
        var busy: [String: Int] = [:]
        var bayType: [String: String] = [:]
        for bay in scenario.bays {
            bayType[bay.id] = bay.type.rawValue
            let down = bay.outOfService.map(minutes)
            available[bay.type.rawValue, default: 0] += open.reduce(0) { sum, interval in
                sum + length(interval) - down.reduce(0) { $0 + overlap(interval, $1) }
            }
        }
        var onShift = 0
        for mechanic in scenario.mechanics where mechanic.active {
            // Shifts that overlap or touch are one stretch on shift (the contract's rule): join
            // them first so common time is not counted twice.
            let joined = OpenTime.union(mechanic.shifts.map(minutes).map { $0.0..<max($0.0, $0.1) })
            for shift in joined { onShift += open.reduce(0) { $0 + overlap($1, (shift.lowerBound, shift.upperBound)) } }
        }
        var working = 0
        var deviations: [Int] = []
        let jobsById = Dictionary(scenario.jobs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for assignment in assignments {
            guard let span = parsed(assignment) else { continue }
            // A resumable job holds its bay over its pauses but is worked on only in its
            // pieces (contract §7): the bay is busy for the open time it holds, the mechanic
            // for the pieces.
            if let type = bayType[assignment.bay] {
                busy[type, default: 0] += open.reduce(0) { $0 + overlap($1, span) }
            }
            if assignment.mechanic != nil {
                let pieces = assignment.work?.compactMap { piece -> (Int, Int)? in
                    guard let start = LocalDateTime(piece.start), let end = LocalDateTime(piece.end) else { return nil }
                    return (start.absoluteMinutes, end.absoluteMinutes)
                }
                working += (pieces ?? [span]).reduce(0) { $0 + length($1) }
            }
            if let job = jobsById[assignment.job], !job.preferredStarts.isEmpty {
                deviations.append(job.preferredStarts.map { abs($0.absoluteMinutes - span.0) }.min()!)
            }
        }
        // Without a plan there is nothing to measure (a 0 % would read as an idle shop).
        bayUtilisation = [:]
        for (type, minutes) in available where minutes > 0 && hasPlan {
            bayUtilisation[type] = Double(busy[type] ?? 0) / Double(minutes)
        }
        mechanicUtilisation = onShift > 0 && hasPlan ? Double(working) / Double(onShift) : nil
        freeMechanicHours = hasPlan ? Double(max(0, onShift - working)) / 60 : 0
        meanDeviationMinutes = deviations.isEmpty ? nil : Double(deviations.reduce(0, +)) / Double(deviations.count)
    }

    /// The row for a variant whose scenario does not validate (or could not be built).
    public init(index: Int, name: String, edits: [String], jobs: Int, problems: [String]) {
        self.index = index
        self.name = name
        self.edits = edits
        status = "invalid"
        self.problems = problems
        verified = false
        self.jobs = jobs
        scheduled = 0
        unscheduled = jobs
        unscheduledByReason = jobs > 0 ? ["INVALID": jobs] : [:]
        bayUtilisation = [:]
        mechanicUtilisation = nil
        freeMechanicHours = 0
        meanDeviationMinutes = nil
        objective = nil
        bound = nil
        gap = nil
        terms = [:]
        seconds = 0
    }

    /// `true` when the variant has a plan (optimal or feasible).
    public var hasPlan: Bool { status == "optimal" || status == "feasible" }
}

private func length(_ span: (Int, Int)) -> Int { max(0, span.1 - span.0) }
private func overlap(_ a: (Int, Int), _ b: (Int, Int)) -> Int { max(0, min(a.1, b.1) - max(a.0, b.0)) }
