/// Every planning strategy the engine ships, by the name written in solution
/// files and accepted by `shopsched solve --strategy`. Benchmarks and the CLI
/// read this list, so a new variant is measured as soon as it is added here.
public enum StrategyCatalog {
    /// Strategy names, the default first.
    public static var names: [String] { entries.map(\.name) }

    /// The strategy called `name`, or `nil` when there is none.
    public static func strategy(named name: String) -> (any PlanningStrategy)? {
        entries.first { $0.name == name }?.make()
    }

    /// One line per strategy, for `--help`.
    public static var summary: String {
        entries.map { "\($0.name): \($0.summary)" }.joined(separator: "; ")
    }

    private struct Entry: Sendable {
        let name: String
        let summary: String
        let make: @Sendable () -> any PlanningStrategy
    }

    private static let entries: [Entry] = [
        Entry(name: "milp", summary: "proven optimal (time-indexed MILP solved by GLPK)") { MILPStrategy() },
        Entry(
            name: "milp-plain",
            summary:
                "the MILP without its speed-ups: one bay and one mechanic per variable, one model, no job indicators (a baseline)"
        ) {
            MILPStrategy(name: "milp-plain", solver: MILPStrategy.defaultGLPK, formulation: .plain, decompose: false)
        },
        Entry(
            name: "milp-unpriced",
            summary: "the MILP with every column given to GLPK at once (no pricing, no reduced-cost fixing)"
        ) {
            MILPStrategy(name: "milp-unpriced", solver: MILPStrategy.defaultGLPK)
        },
        Entry(name: "milp-whole", summary: "the MILP as one model, not split into independent parts") {
            MILPStrategy(name: "milp-whole", decompose: false)
        },
        Entry(name: "milp-noagg", summary: "the MILP without grouping interchangeable bays and mechanics") {
            var options = ShopFormulation.Options()
            options.aggregateBays = false
            options.aggregateMechanics = false
            return MILPStrategy(name: "milp-noagg", formulation: options)
        },
        Entry(name: "milp-branch-jobs", summary: "the MILP branching on whether each job is in before anything else") {
            MILPStrategy(name: "milp-branch-jobs", branchOnJobs: true)
        },
        Entry(name: "milp-noz", summary: "the MILP without job indicators") {
            var options = ShopFormulation.Options()
            options.jobIndicators = false
            return MILPStrategy(name: "milp-noz", formulation: options)
        },
        Entry(
            name: "milp-lns",
            summary:
                "the MILP after a large-neighbourhood search that re-plans a window, a few mechanics or the jobs around the unscheduled ones with the MILP"
        ) {
            MILPStrategy(name: "milp-lns", neighbourhoodSearch: true)
        },
        Entry(name: "greedy", summary: "fast, no proof") { GreedyStrategy() },
    ]
}
