import ArgumentParser
import Foundation
import ShopScheduler

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plans a scenario file and prints the plan.",
        discussion: """
            Exit status: 0 with a plan, 1 when the pins clash (no plan exists), \
            2 on bad input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "A scenario file (shopsched.scenario/1).")
    var file: String

    @Option(help: ArgumentHelp("How to plan.", discussion: StrategyCatalog.summary))
    var strategy: String = StrategyCatalog.names[0]

    @Option(
        parsing: .unconditional, help: "Solver threads for independent parts of the scenario (default: every core).")
    var threads: Int?

    @Option(
        name: .customLong("time-limit"), parsing: .unconditional,
        help: "Seconds the solve may take; the best plan found by then is returned.")
    var timeLimit: Double = 60

    @Option(
        parsing: .unconditional,
        help: "Stop once the plan is within this relative gap of the bound (0 proves optimality).")
    var gap: Double = 0

    @Option(help: "Output format: table or json (the solution file).")
    var format: Format = .table

    @Option(help: "Write the output to this file instead of standard output.")
    var output: String?

    @Flag(help: "Show the solver's progress on standard error.")
    var verbose = false

    func validate() throws {
        try OptionRules.timeLimit(timeLimit)
        try OptionRules.gap(gap)
        guard StrategyCatalog.strategy(named: strategy) != nil else {
            throw ValidationError(
                "--strategy must be one of \(StrategyCatalog.names.joined(separator: ", ")), not '\(strategy)'")
        }
        if let threads { try OptionRules.threads(threads) }
    }

    func run() throws {
        let scenario = readScenario(file)
        let instance = Instance(scenario)
        var options = PlanOptions()
        options.timeLimitSeconds = timeLimit
        options.relativeGap = gap
        options.verbose = verbose
        if let threads { options.threads = threads }
        let planner = StrategyCatalog.strategy(named: strategy)!
        let result = planner.plan(instance, options: options)
        let solution = result.solutionFile()
        let text: Data
        switch format {
        case .json: text = JSONFiles.encode(solution) + Data("\n".utf8)
        case .table: text = Data(PlanTable.render(solution, scenario: scenario).utf8)
        }
        try emit(text, to: output)
        if result.status == .infeasible {
            for problem in result.problems { writeToStandardError("infeasible: \(problem)\n") }
            throw ExitCode(ExitStatus.infeasible)
        }
        if result.status == .error { throw ExitCode(ExitStatus.infeasible) }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks a scenario file and lists every problem with its JSON path.")

    @Argument(help: "A scenario file (shopsched.scenario/1).")
    var file: String

    func run() throws {
        let scenario = readScenario(file)
        try emit(
            "\(file): valid (\(scenario.jobs.count) jobs, \(scenario.bays.count) bays, \(scenario.mechanics.count) mechanics, \(scenario.facility.horizonDays) day(s))\n"
        )
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks a solution file against its scenario with the independent plan verifier.",
        discussion: "Exit status: 0 when the plan is feasible and its objective is right, 1 when not, 2 on bad input.")

    @Argument(help: "The scenario file.")
    var scenario: String
    @Argument(help: "The solution file (shopsched.solution/1).")
    var solution: String

    func run() throws {
        let scenario = readScenario(self.scenario)
        let file = readSolution(solution)
        let report = PlanVerifier(scenario: scenario).verify(file)
        try emit("\(report)\n")
        if !report.isFeasible { throw ExitCode(ExitStatus.infeasible) }
    }
}
