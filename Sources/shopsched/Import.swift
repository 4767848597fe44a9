import ArgumentParser
import Foundation
import ShopScheduler

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turns a published benchmark instance into a scenario file.",
        subcommands: [PTask.self])

    struct PTask: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ptask",
            abstract: "Imports a Shift Minimisation Personnel Task Scheduling instance (OR-Library ptask).",
            discussion: """
                Each job becomes a fixed [start, end) job needing its own pseudo-skill, each worker a \
                mechanic holding the skills of its jobs; mechanicUsed is 1, so the optimum is the \
                fewest workers. See datasets/README.md. Exit status: 0 when written, 2 on bad input.
                """)

        @Argument(help: "A ptask file (data_<id>_<workers>_<jobs>_<multi-skilling>.dat).")
        var file: String

        @Option(help: "Write the scenario to this file (atomically) instead of standard output.")
        var output: String?

        func run() throws {
            let data = readInput(file)
            let instance: PTaskImporter.Instance
            do { instance = try PTaskImporter.parse(String(decoding: data, as: UTF8.self)) } catch {
                failBadInput(error, file: file)
            }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let text = JSONFiles.encode(PTaskImporter.scenario(instance, id: "PTASK-\(name)")) + Data("\n".utf8)
            try emit(text, to: output)
        }
    }
}
