import ArgumentParser
import Foundation
import ShopScheduler

struct Board: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shows the shop floor: who works where, when each job will be done, what waits and what is late.",
        discussion: """
            Reads a board snapshot (shopsched.board-snapshot/1, see datasets/README.md). Without --caller \
            the board is read as an organisation-wide dispatcher with every view permission; with it, \
            the caller's permissions and facility apply. Exit status: 0, or 2 on bad input or a denied view.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, html
    }

    @Option(help: "The board snapshot file.")
    var snapshot: String

    @Option(
        help: """
            The current time: YYYY-MM-DDTHH:MM[:SS] local to the caller's location (without --caller, the \
            first location), or with Z or an offset ±HH:MM; every location sees it on its own clock \
            (default: the system clock).
            """)
    var now: String?

    @Option(help: "A caller file (id, role, facilityId, permissions) whose permissions apply.")
    var caller: String?

    @Option(
        help: "Output format: table (the shop-floor board), json (board, assignments and work in progress) or html.")
    var format: Format = .table

    @Option(help: "Write the output to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if let now, FloorClock.timestamp(now, timeZone: "UTC") == nil {
            throw ValidationError(
                "--now must be a time YYYY-MM-DDTHH:MM[:SS], local or with Z or an offset ±HH:MM, not '\(now)'")
        }
    }

    func run() throws {
        let floor = Self.readFloor(snapshot)
        let who = caller.map(Self.readCaller) ?? BoardViews.defaultCaller(of: floor)
        guard let moment = BoardViews.clock(of: floor, for: who, now: now) else {
            writeToStandardError("--now must be a time YYYY-MM-DDTHH:MM[:SS], local or with Z or an offset ±HH:MM\n")
            throw ExitCode(ExitStatus.badInput)
        }
        let text: String
        do {
            text = try render(floor, for: who, clock: moment)
        } catch {
            writeToStandardError("denied: \(error.reason)\n")
            throw ExitCode(ExitStatus.badInput)
        }
        try emit(Data(text.utf8), to: output)
    }

    func render(_ floor: ShopFloor, for who: ViewCaller, clock moment: FloorClock) throws(ViewDenied) -> String {
        let views = try BoardViews(floor, for: who, clock: moment, withAssignments: format == .json)
        switch format {
        case .table: return views.board.table()
        case .html: return views.board.html()
        case .json: return String(decoding: JSONFiles.encode(views), as: UTF8.self) + "\n"
        }
    }

    static func readFloor(_ path: String) -> ShopFloor {
        do { return try ShopFloor(JSONFiles.decode(BoardSnapshot.self, from: readInput(path))) } catch {
            failBadInput(error, file: path)
        }
    }

    static func readCaller(_ path: String) -> ViewCaller {
        do { return try JSONFiles.decode(ViewCaller.self, from: readInput(path)) } catch {
            failBadInput(error, file: path)
        }
    }
}
