import ArgumentParser
import Foundation
import ShopScheduler

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a realistic scenario file, the same for the same options.",
        discussion: """
            The shop, crew and jobs follow from --seed; see datasets/README.md, \
            "Generated scenarios". Exit status: 0 when written, 2 on a bad option.
            """)

    @Option(parsing: .unconditional, help: "Seeds every random choice; the same options give the same file.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Jobs to generate (1-5000).")
    var jobs: Int = 40

    @Option(parsing: .unconditional, help: "Mechanics on the roster (1-500).")
    var mechanics: Int = 6

    @Option(parsing: .unconditional, help: "Bays, mobile units included (1-500).")
    var bays: Int = 6

    @Option(parsing: .unconditional, help: "Days in the horizon (1-28).")
    var days: Int = 1

    @Option(
        name: .customLong("pinned"),
        help: "Pin this fraction (0-1) of the jobs a greedy plan schedules, at their planned placement.")
    var pinnedFraction: Double = 0

    @Flag(help: "A replanning day: the greedy plan becomes `current`, then a mechanic goes home at midday.")
    var disrupted = false

    @Option(name: .customLong("start-date"), help: "First day of the horizon, YYYY-MM-DD (the default is a Monday).")
    var startDate: String = GeneratorOptions.defaultStartDate.description

    @Option(name: .customLong("slot-minutes"), parsing: .unconditional, help: "Slot length in minutes; must divide 60.")
    var slotMinutes: Int = 15

    @Option(
        name: .customLong("resumable"), parsing: .unconditional,
        help: "Make this fraction (0-1) of the jobs resumable: they may pause over closed time, keeping their bay.")
    var resumableFraction: Double = 0

    @Option(
        name: .customLong("multi-day"), parsing: .unconditional,
        help: "Make this fraction (0-1) of the jobs multi-day engine rebuilds (11-16 h, resumable).")
    var multiDayFraction: Double = 0

    @Option(help: "Write the scenario to this file (atomically) instead of standard output.")
    var output: String?

    /// The options, or the first problem with them named by option.
    func options() throws -> GeneratorOptions {
        guard let start = LocalDate(startDate) else {
            throw ValidationError("--start-date must be a date YYYY-MM-DD, not '\(startDate)'")
        }
        let options = GeneratorOptions(
            seed: seed, jobs: jobs, mechanics: mechanics, bays: bays, days: days, pinnedFraction: pinnedFraction,
            disrupted: disrupted, startDate: start, slotMinutes: slotMinutes,
            resumableFraction: resumableFraction, multiDayFraction: multiDayFraction)
        do {
            try options.validate()
        } catch {
            throw ValidationError(error.issues.map(\.description).joined(separator: "\n"))
        }
        return options
    }

    func validate() throws { _ = try options() }

    func run() throws {
        let data: Data
        do { data = try ScenarioGenerator.json(try options()) } catch let error as InputError {
            failBadInput(error, file: "generate")
        }
        try emit(data, to: output)
    }
}
