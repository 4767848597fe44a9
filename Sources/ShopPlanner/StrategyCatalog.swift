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
        Entry(name: "greedy", summary: "fast, no proof") { GreedyStrategy() },
    ]
}
