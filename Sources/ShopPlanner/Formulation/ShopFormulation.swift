import MILP

/// The shop scheduling problem (or one independent part of it) as a
/// time-indexed MILP.
///
/// Variables (all binary unless said):
/// - `x[j,g,s]`: job `j` runs from slot `s` on a bay of bay group `g`
///   (``placements``); a group is one bay, or several interchangeable bays
///   (``ResourceGroups``), whose members are named after the solve;
/// - `u[j,k,s]`: job `j` runs from slot `s` with a mechanic of group `k`
///   (``staffing``);
/// - for a resumable job (contract §7), `x[j,g,s]` holds bay group `g` over `[s, e)`
///   and counts against capacity only in its work slots, both read from the shop's hours;
///   placed with a mechanic it is `x[j,g,k,s]` instead, bay and mechanic group together,
///   since the work slots and `e` follow the group's shifts (the members of a mechanic
///   group share their shifts, so the group's walk is each member's); it has no `u`;
/// - `z[j]`: job `j` is scheduled (``scheduled``; only with
///   ``Options/jobIndicators``);
/// - `n[k]` (integer `0…|k|`): mechanics of group `k` who work at all
///   (only when `mechanicUsed > 0`).
///
/// Each constraint family lives in its own file of this folder:
/// - `Formulation+Placements.swift`: which `x` and `u` exist (hours, window,
///   bay type, out of service, skills, shifts, pins) and their costs;
/// - `Formulation+OnePlacement.swift`: each job placed at most once, pinned
///   jobs exactly once;
/// - `Formulation+Staffing.swift`: a mechanic for each placement (mode
///   `required`), at most one (`optional`); not for resumable jobs, whose `x[j,g,k,s]`
///   carries its mechanic;
/// - `Formulation+BayNoOverlap.swift`: per bay group and slot, no more jobs
///   than bays (over the slots each placement holds);
/// - `Formulation+MechanicNoOverlap.swift`: per mechanic group and slot, no
///   more jobs than mechanics (over work slots); and `mechanicUsed`;
/// - `Formulation+Capacity.swift`: `maxConcurrent` per slot (over work slots);
/// - `Formulation+Labour.swift`: labour minutes with a mechanic per day.
///
/// The objective: `Σ unscheduled × priority` is a constant, and scheduling a
/// job earns it back (on `z`, or on every `x` without indicators) plus its
/// start and bay costs; `u` carries the mechanic's costs (see ``Instance``
/// costs).
public struct ShopFormulation: Sendable {
    /// Encoding choices; each keeps the model exact.
    public struct Options: Sendable, Hashable {
        /// Group interchangeable bays into one capacity per slot.
        public var aggregateBays = true
        /// Group interchangeable mechanics likewise.
        public var aggregateMechanics = true
        /// Add a `z[j]` per job, so the search can branch on "is `j` in?".
        public var jobIndicators = true
        public init() {}
        /// One bay and one mechanic per variable, no indicators.
        public static var plain: Options {
            var options = Options()
            options.aggregateBays = false
            options.aggregateMechanics = false
            options.jobIndicators = false
            return options
        }
    }

    /// `x[j,g,s]`, or for a resumable job with a mechanic `x[j,g,k,s]`.
    public struct PlacementVariable: Sendable {
        public let job: Int, bayGroup: Int, start: Int
        /// The mechanic group of a resumable job placed with a mechanic: its work slots and
        /// the range it holds its bay follow that group's shifts (contract §7), so bay and
        /// mechanic are chosen together. `nil` for every other placement (the mechanic, if
        /// any, is then `u`'s to choose).
        public let mechanicGroup: Int?
        /// The slots the bay is held, `[s, e)` (`[s, s+d)` unless resumable).
        public let held: Range<Int>
        /// The work slots when they are not all of ``held`` (a resumable job that
        /// pauses); `nil` when the placement works straight through.
        public let pausedWork: [Range<Int>]?
        public let variable: Model.Variable

        /// The work slots as runs: ``pausedWork``, or ``held`` in one run.
        public var work: [Range<Int>] { pausedWork ?? [held] }
    }
    public struct StaffingVariable: Sendable {
        public let job: Int, mechanicGroup: Int, start: Int
        public let variable: Model.Variable
    }

    public let instance: Instance
    public let options: Options
    /// The jobs this model covers, ascending (every job by default).
    public let jobs: [Int]
    public let bayGroups: ResourceGroups
    public let mechanicGroups: ResourceGroups
    public internal(set) var model = Model()
    /// `x` variables per job (empty for jobs outside ``jobs``).
    public internal(set) var placements: [[PlacementVariable]]
    /// `u` variables per job.
    public internal(set) var staffing: [[StaffingVariable]]
    /// `z` per job, with ``Options/jobIndicators``.
    public internal(set) var scheduled: [Model.Variable?]
    /// `n` per mechanic group, when `mechanicUsed` is weighted.
    public internal(set) var mechanicsUsed: [Model.Variable?]

    /// - Parameters:
    ///   - instance: the scenario on its slot grid.
    ///   - jobs: the jobs to model, a set closed under interaction (see
    ///     ``IndependentParts``); every job when `nil`.
    ///   - options: which groupings and strengthenings to use.
    ///   - bayGroups: bay groups to use; computed from the instance and
    ///     `options` when `nil` (pass them to share them between parts).
    ///   - mechanicGroups: mechanic groups to use, likewise.
    ///   - deadline: when given and passed while building, the build stops
    ///     and ``isComplete`` is `false`: such a model must not be solved.
    public init(
        _ instance: Instance, jobs: [Int]? = nil, options: Options = Options(),
        bayGroups: ResourceGroups? = nil, mechanicGroups: ResourceGroups? = nil,
        deadline: ContinuousClock.Instant? = nil
    ) {
        self.deadline = deadline
        self.instance = instance
        self.options = options
        self.jobs = jobs ?? Array(instance.jobs.indices)
        self.bayGroups = bayGroups ?? instance.bayGroups(aggregate: options.aggregateBays)
        self.mechanicGroups = mechanicGroups ?? instance.mechanicGroups(aggregate: options.aggregateMechanics)
        placements = Array(repeating: [], count: instance.jobs.count)
        staffing = Array(repeating: [], count: instance.jobs.count)
        scheduled = Array(repeating: nil, count: instance.jobs.count)
        mechanicsUsed = Array(repeating: nil, count: self.mechanicGroups.count)
        let steps: [(inout ShopFormulation) -> Void] = [
            { $0.addPlacementVariables() }, { $0.addOnePlacementPerJob() }, { $0.addStaffing() },
            { $0.addBayNoOverlap() }, { $0.addMechanicNoOverlap() }, { $0.addCapacity() },
            { $0.addLabourLimit() },
        ]
        for step in steps {
            step(&self)
            if timeIsUp { isComplete = false; return }
        }
    }

    /// The time by which the build must stop (see ``isComplete``).
    let deadline: ContinuousClock.Instant?
    /// `false` when the deadline passed before the model was whole.
    public private(set) var isComplete = true
    var timeIsUp: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }

    /// Branching priorities for ``model``: first whether a job is in (`z`),
    /// then how many mechanics of a group work (`n`), then the rest.
    public var branchPriorities: [Int] {
        var priority = [Int](repeating: 0, count: model.variableCount)
        for z in scheduled.compactMap({ $0 }) { priority[z.index] = 2 }
        for n in mechanicsUsed.compactMap({ $0 }) { priority[n.index] = 1 }
        return priority
    }

    /// Reads the plan out of a solution of ``model``: groups as the solver
    /// chose them, then members named by interval colouring (`IntervalColouring`). Jobs outside
    /// ``jobs`` are `nil`. Returns `nil` only if the solution breaks a group's
    /// size, which a solution of this model cannot do.
    public func plan(from values: [Double]) -> [SlotPlacement?]? {
        // `end` is where the bay and the mechanic are free again: a resumable job's
        // work ends where its bay is released.
        var chosen: [(job: Int, bayGroup: Int, start: Int, end: Int, mechanicGroup: Int?)] = []
        for j in jobs {
            guard let x = placements[j].first(where: { values[$0.variable.index] > 0.5 }) else { continue }
            let u = staffing[j].first { $0.start == x.start && values[$0.variable.index] > 0.5 }
            chosen.append((j, x.bayGroup, x.start, x.held.upperBound, x.mechanicGroup ?? u?.mechanicGroup))
        }
        var plan = [SlotPlacement?](repeating: nil, count: instance.jobs.count)
        var bayOf: [Int: Int] = [:], mechanicOf: [Int: Int] = [:]
        for g in 0..<bayGroups.count {
            let here = chosen.filter { $0.bayGroup == g }
            guard !here.isEmpty else { continue }
            guard
                let named = IntervalColouring.assign(
                    here.map { ($0.job, $0.start, $0.end) }, members: bayGroups.members[g])
            else { return nil }
            for (c, b) in zip(here, named) { bayOf[c.job] = b }
        }
        for k in 0..<mechanicGroups.count {
            let here = chosen.filter { $0.mechanicGroup == k }
            guard !here.isEmpty else { continue }
            guard
                let named = IntervalColouring.assign(
                    here.map { ($0.job, $0.start, $0.end) }, members: mechanicGroups.members[k])
            else { return nil }
            for (c, m) in zip(here, named) { mechanicOf[c.job] = m }
        }
        for c in chosen { plan[c.job] = SlotPlacement(start: c.start, bay: bayOf[c.job]!, mechanic: mechanicOf[c.job]) }
        return plan
    }

    /// The values of ``model``'s variables that encode `plan` (entries for
    /// jobs outside ``jobs`` are ignored), or `nil` when the plan uses a
    /// placement the formulation left out.
    public func values(for plan: [SlotPlacement?]) -> [Double]? {
        var values = [Double](repeating: 0, count: model.variableCount)
        var busy: [Int: [Int: Int]] = [:]  // mechanic group -> slot -> jobs
        var used = Set<Int>()
        for j in jobs {
            guard let placement = plan[j] else { continue }
            let g = bayGroups.groupOf[placement.bay]
            let k = placement.mechanic.map { mechanicGroups.groupOf[$0] }
            // A resumable job's mechanic group is part of its `x`.
            let joint = instance.jobs[j].resumable ? k : nil
            guard
                let x = placements[j].first(where: {
                    $0.bayGroup == g && $0.start == placement.start && $0.mechanicGroup == joint
                })
            else { return nil }
            values[x.variable.index] = 1
            if let z = scheduled[j] { values[z.index] = 1 }
            if let m = placement.mechanic, let k {
                if joint == nil {
                    guard let u = staffing[j].first(where: { $0.mechanicGroup == k && $0.start == placement.start })
                    else { return nil }
                    values[u.variable.index] = 1
                }
                used.insert(m)
                for run in x.work { for t in run { busy[k, default: [:]][t, default: 0] += 1 } }
            }
        }
        for (k, n) in mechanicsUsed.enumerated() {
            guard let n else { continue }
            // At least the most jobs at once, and no fewer than the plan's
            // own mechanics would pay for: the plan's cost, not less.
            let named = mechanicGroups.members[k].filter(used.contains).count
            values[n.index] = Double(max(named, busy[k]?.values.max() ?? 0))
        }
        return values
    }
}
