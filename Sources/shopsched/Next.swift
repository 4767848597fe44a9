import ArgumentParser
import Foundation
import ShopScheduler

struct Next: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Proposes what a mechanic could start next from the waiting work.",
        discussion: """
            Reads a facility snapshot (shopsched.booking-snapshot/1) and either a request \
            (shopsched.next-request/1) or --mechanic and --at, and prints the ranked proposals \
            (shopsched.next/1): unscheduled estimates and work orders, appointments without a mechanic, \
            later appointments moved earlier, each with its cost difference under the contract objective, \
            its reasons, and its plan checked by the verifier. See datasets/README.md. \
            Exit status: 0 when something is proposed, 3 when not (nothing waiting fits, or the mechanic \
            cannot take work, or the caller lacks VIEW_ASSIGNMENTS), 2 on bad input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    @Option(help: "The facility snapshot file (shopsched.booking-snapshot/1).")
    var snapshot: String

    @Option(help: "The request file (shopsched.next-request/1); or give --mechanic.")
    var request: String?

    @Option(help: "The mechanic's id (instead of --request).")
    var mechanic: String?

    @Option(help: "From when, YYYY-MM-DDTHH:MM (instead of --request; default now).")
    var at: String?

    @Option(help: "How many proposals at most (instead of --request; default 5).")
    var count: Int?

    @Option(
        help:
            "A caller file ({\"id\", \"permissions\": [{\"permission\", \"facility\"}]}) for --mechanic; proposals need VIEW_ASSIGNMENTS."
    )
    var caller: String?

    @Option(help: "The facility's local time now, YYYY-MM-DDTHH:MM (default: the machine's clock).")
    var now: String?

    @Option(help: "Output format: json (the proposals file) or table.")
    var format: Format = .json

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if let now, LocalDateTime(now) == nil {
            throw ValidationError("--now must be a local time YYYY-MM-DDTHH:MM, not '\(now)'")
        }
        if (request == nil) == (mechanic == nil) {
            throw ValidationError("give either --request or --mechanic")
        }
        if request != nil, at != nil || count != nil || caller != nil {
            throw ValidationError("--at, --count and --caller go with --mechanic; a request file gives its own")
        }
        if mechanic != nil, caller == nil {
            throw ValidationError("--mechanic needs --caller FILE: who asks, with VIEW_ASSIGNMENTS")
        }
    }

    func run() throws {
        let snapshotFile: BookingSnapshot
        do { snapshotFile = try BookingFiles.snapshot(from: BookingFiles.read(snapshot)) } catch {
            failBadInput(error, file: snapshot)
        }
        var requestFile = NextRequest(mechanic: mechanic ?? "", at: at, count: count, caller: nil)
        if let caller {
            do { requestFile.caller = try JSONFiles.decode(Caller.self, from: BookingFiles.read(caller)) } catch {
                failBadInput(error, file: caller)
            }
        }
        if let request {
            do { requestFile = try JSONFiles.decode(NextRequest.self, from: BookingFiles.read(request)) } catch {
                failBadInput(error, file: request)
            }
        }
        let local = now.flatMap(LocalDateTime.init) ?? SystemClock().now(timeZone: snapshotFile.facility.timeZone)
        let decision: NextDecision
        do { decision = try WhatNext.decide(requestFile, in: snapshotFile, now: local) } catch {
            if let request {
                failBadInput(
                    InputError(error.issues.map(Book.unprefixed)), snapshot: snapshot, file: request, prefix: "request."
                )
            }
            // Options, not a file: name them as options.
            let issues = error.issues.map {
                $0.path.hasPrefix("request.")
                    ? ValidationIssue(path: "--" + $0.path.dropFirst("request.".count), message: $0.message) : $0
            }
            failBadInput(InputError(issues), file: snapshot)
        }
        let text: Data
        switch format {
        case .json: text = JSONFiles.encode(decision) + Data("\n".utf8)
        case .table: text = Data(NextTable.render(decision).utf8)
        }
        try emit(text, to: output)
        if decision.outcome != .proposed { throw ExitCode(ExitStatus.notCreated) }
    }
}

/// The proposals for the mechanic or a planner at the board.
enum NextTable {
    static func render(_ decision: NextDecision) -> String {
        var lines = ["Next for \(decision.mechanic) from \(decision.at): \(decision.outcome.rawValue)"]
        for denial in decision.denials { lines.append("Denied  \(denial.code.rawValue): \(denial.message)") }
        for p in decision.proposals {
            lines.append(
                "  \(p.rank). \(p.kind.rawValue) \(p.work)  \(p.start) – \(p.end.suffix(5))  \(p.bay)  \(p.durationMinutes) min  Δ cost \(p.costDifference)"
            )
            lines.append("     " + p.reasons.joined(separator: "; "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
