/// One broken rule of the contract (`docs/contract.md`) found in a solution file.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// Which part of the contract a violation breaks.
    public enum Rule: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// A scenario job is missing, listed more than once (in `assignments` and/or
        /// `unscheduled`), or an entry names a job id the scenario does not have.
        case completeness
        /// The file itself is malformed: wrong `format` or `scenario`, a `start` or `end`
        /// that does not parse, a start off the slot grid, an `end` other than
        /// start + `d` slots, or a bay or mechanic id the scenario does not have.
        case format
        /// Feasibility rule 1: `[s, s+d)` is not inside one open interval.
        case hours
        /// Feasibility rule 2: `s` is before the window's `earliest` (rounded up to the
        /// slot grid) or `s+d` is after its `latest` (rounded down).
        case window
        /// Feasibility rule 3: the bay's type is not one of the job's `bayTypes`.
        case bay
        /// Feasibility rule 3: `[s, s+d)` meets an `outOfService` range of the bay
        /// (start rounded down, end rounded up; both half-open).
        case outOfService
        /// Feasibility rule 3: two jobs on one bay overlap.
        case bayOverlap
        /// Feasibility rule 4: the mechanic is inactive, lacks a required skill, or
        /// `[s, s+d)` is not inside one of the mechanic's shifts (start rounded up,
        /// end rounded down).
        case mechanic
        /// Feasibility rule 4: two jobs of one mechanic overlap.
        case mechanicOverlap
        /// Feasibility rule 4: a scheduled job of mode `required` has no mechanic, or a
        /// job of mode `none` has one.
        case mechanicMode
        /// Feasibility rule 5: more scheduled jobs run in some slot than `maxConcurrent`.
        case capacity
        /// Feasibility rule 7: the jobs with a mechanic that start on one day add up to
        /// more minutes than `facility.labourMinutesPerDay.limit`.
        case labour
        /// Feasibility rule 6: a pinned job is unscheduled, or not at its pinned start,
        /// bay and mechanic (a pinned mechanic of `null` means none).
        case pin
        /// The claimed `objective` differs from the recomputed one (checked only for
        /// status `optimal` or `feasible` with an objective given).
        case objective
        /// The claimed `bound` exceeds the recomputed objective (checked only for status
        /// `optimal` or `feasible`), so it cannot be a lower bound.
        case bound
        /// `status` is not one of `optimal`, `feasible`, `infeasible`, `error`, or an
        /// `infeasible`/`error` solution has assignments.
        case status

        /// The rule's name as written in this enum, for example `bayOverlap`.
        public var description: String { rawValue }
    }

    /// The contract rule that is broken.
    public var rule: Rule
    /// The id of the job concerned, when the violation concerns one job (for an overlap,
    /// the earlier-starting of the two); `nil` for file-level and capacity violations.
    public var job: String?
    /// A sentence for a shop person that names the job, bay, mechanic and times involved.
    public var message: String

    /// Creates a violation.
    public init(rule: Rule, job: String?, message: String) {
        self.rule = rule
        self.job = job
        self.message = message
    }

    /// `[rule] message`.
    public var description: String { "[\(rule)] \(message)" }
}

/// The contract's objective, split by term. Every field is a weighted cost (the weight
/// already multiplied in), so ``total`` is the objective.
public struct ObjectiveTerms: Sendable, Hashable, CustomStringConvertible {
    /// `unscheduled × priority`, summed over jobs that are not scheduled.
    public var unscheduled: Int
    /// `startDeviationPerSlot ×` the distance in slots from the start to the nearest
    /// (rounded) preferred start, summed over scheduled jobs with preferred starts.
    public var startDeviation: Int
    /// `missingPreferredSkill ×` the number of `preferredSkills` entries the job's
    /// mechanic lacks, summed over scheduled jobs with a mechanic.
    public var missingPreferredSkills: Int
    /// `unassignedMechanic` per scheduled job of mode `optional` without a mechanic.
    public var unassignedMechanic: Int
    /// `moved` per scheduled job with `current` whose start differs from `current.start`.
    public var moved: Int
    /// `changedBay` per scheduled job with `current` whose bay differs from `current.bay`.
    public var changedBay: Int
    /// `changedMechanic` per scheduled job with `current` whose mechanic (or none)
    /// differs from `current.mechanic` (or none).
    public var changedMechanic: Int
    /// `mechanicUsed` per mechanic with at least one scheduled job.
    public var mechanicUsed: Int

    /// Creates a breakdown; every term defaults to 0.
    public init(
        unscheduled: Int = 0, startDeviation: Int = 0, missingPreferredSkills: Int = 0,
        unassignedMechanic: Int = 0, moved: Int = 0, changedBay: Int = 0, changedMechanic: Int = 0,
        mechanicUsed: Int = 0
    ) {
        self.unscheduled = unscheduled
        self.startDeviation = startDeviation
        self.missingPreferredSkills = missingPreferredSkills
        self.unassignedMechanic = unassignedMechanic
        self.moved = moved
        self.changedBay = changedBay
        self.changedMechanic = changedMechanic
        self.mechanicUsed = mechanicUsed
    }

    /// The sum of all terms: the contract's objective.
    public var total: Int {
        unscheduled + startDeviation + missingPreferredSkills + unassignedMechanic + moved + changedBay
            + changedMechanic + mechanicUsed
    }

    /// The terms by name, in the contract's table order.
    public var named: [(name: String, cost: Int)] {
        [
            ("unscheduled", unscheduled), ("startDeviation", startDeviation),
            ("missingPreferredSkills", missingPreferredSkills), ("unassignedMechanic", unassignedMechanic),
            ("moved", moved), ("changedBay", changedBay), ("changedMechanic", changedMechanic),
            ("mechanicUsed", mechanicUsed),
        ]
    }

    /// The total followed by its non-zero terms, for example `1010 (unscheduled 1000, changedBay 10)`.
    public var description: String {
        let parts = named.filter { $0.cost != 0 }.map { "\($0.name) \($0.cost)" }
        return parts.isEmpty ? "\(total)" : "\(total) (\(parts.joined(separator: ", ")))"
    }
}

/// The outcome of ``PlanVerifier/verify(_:)``: every broken rule, and the objective
/// recomputed from the scenario for the plan as given.
public struct VerificationReport: Sendable, Hashable, CustomStringConvertible {
    /// Every broken rule, in a fixed order: file-level checks, completeness, per-job checks
    /// in scenario job order, overlaps, capacity, then objective and bound. Empty when the
    /// plan is feasible and the file consistent with it.
    public var violations: [Violation]
    /// The contract's objective recomputed for the plan as given (equal to `terms.total`).
    /// A job counts as scheduled when its first assignment has a parsable start, a known
    /// bay and no mechanic or a known one; every other job (missing, unscheduled, or with
    /// an unusable assignment) pays the unscheduled term. Assignments naming unknown jobs
    /// and repeated assignments of a job are skipped.
    public var objective: Int
    /// The objective split by term.
    public var terms: ObjectiveTerms

    /// Creates a report.
    public init(violations: [Violation], objective: Int, terms: ObjectiveTerms) {
        self.violations = violations
        self.objective = objective
        self.terms = terms
    }

    /// `true` when there are no violations of any rule (including `format`, `objective`,
    /// `bound` and `status`, which are not feasibility rules as such).
    public var isFeasible: Bool { violations.isEmpty }

    /// The rules broken, one entry per violation, in report order (handy in tests).
    public var rules: [Violation.Rule] { violations.map(\.rule) }

    /// The violations of one rule, in report order.
    public func violations(of rule: Violation.Rule) -> [Violation] { violations.filter { $0.rule == rule } }

    /// `OK, objective …` or `N violation(s), objective …` followed by one violation per line.
    public var description: String {
        let head =
            (violations.isEmpty ? "OK" : "\(violations.count) violation\(violations.count == 1 ? "" : "s")")
            + ", objective \(terms)"
        return ([head] + violations.map { "  " + $0.description }).joined(separator: "\n")
    }
}
