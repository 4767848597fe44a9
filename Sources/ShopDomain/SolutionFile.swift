/// The solution file `shopsched.solution/1`, as the contract gives it.
///
/// Every job of the scenario appears exactly once, in ``assignments`` or in
/// ``unscheduled``. Times are local wall-clock `YYYY-MM-DDTHH:MM`.
public struct SolutionFile: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.solution/1"

    public var format: String
    /// The facility id of the scenario.
    public var scenario: String
    public var strategy: String
    /// `optimal`, `feasible`, `infeasible` or `error`.
    public var status: String
    /// The contract's objective of this plan; absent when there is no plan.
    public var objective: Int?
    /// Best proven lower bound on the optimum.
    public var bound: Int?
    public var seconds: Double
    public var assignments: [Assignment]
    public var unscheduled: [Unscheduled]
    /// Why there is no plan (clashing pins, solver error); absent otherwise.
    public var problems: [String]?

    public init(
        format: String = SolutionFile.formatName, scenario: String, strategy: String, status: String,
        objective: Int?, bound: Int?, seconds: Double, assignments: [Assignment], unscheduled: [Unscheduled],
        problems: [String]? = nil
    ) {
        self.format = format
        self.scenario = scenario
        self.strategy = strategy
        self.status = status
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
        self.assignments = assignments
        self.unscheduled = unscheduled
        self.problems = problems
    }

    public struct Assignment: Codable, Hashable, Sendable {
        public var job: String
        public var start: String
        public var end: String
        public var bay: String
        /// `nil` when the job has no mechanic.
        public var mechanic: String?
        /// A resumable job's work slots as maximal ranges, in order (contract §7);
        /// `nil` for a job that is not resumable, and then not written.
        public var work: [WorkRange]?
        public init(
            job: String, start: String, end: String, bay: String, mechanic: String?, work: [WorkRange]? = nil
        ) {
            self.job = job
            self.start = start
            self.end = end
            self.bay = bay
            self.mechanic = mechanic
            self.work = work
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(job, forKey: .job)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
            try container.encode(bay, forKey: .bay)
            try container.encode(mechanic, forKey: .mechanic)
            try container.encodeIfPresent(work, forKey: .work)
        }
    }

    /// One maximal run of a resumable job's work slots, `[start, end)`, as local times.
    public struct WorkRange: Codable, Hashable, Sendable {
        public var start: String
        public var end: String
        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    public struct Unscheduled: Codable, Hashable, Sendable {
        public var job: String
        public var reasons: [String]
        public init(job: String, reasons: [String]) {
            self.job = job
            self.reasons = reasons
        }
    }
}
