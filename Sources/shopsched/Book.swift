import ArgumentParser
import Foundation
import ShopScheduler

struct Book: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Books an appointment from an estimate or a work order, or says why not.",
        discussion: """
            Reads a facility snapshot (shopsched.booking-snapshot/1) and a request \
            (shopsched.appointment-request/1) and prints the decision: the appointment, its events and \
            audit records, or the conflicts with ranked alternatives. See datasets/README.md. \
            Exit status: 0 when created, 3 when not (conflicts or denied), 2 on bad input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, table
    }

    @Option(help: "The facility snapshot file (shopsched.booking-snapshot/1).")
    var snapshot: String

    @Option(help: "The appointment request file (shopsched.appointment-request/1).")
    var request: String

    @Option(help: "The facility's local time now, YYYY-MM-DDTHH:MM (default: the machine's clock).")
    var now: String?

    @Option(help: "Output format: json (the decision file) or table.")
    var format: Format = .json

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if let now, LocalDateTime(now) == nil {
            throw ValidationError("--now must be a local time YYYY-MM-DDTHH:MM, not '\(now)'")
        }
    }

    func run() throws {
        let snapshotFile: BookingSnapshot
        do { snapshotFile = try BookingFiles.snapshot(from: BookingFiles.read(snapshot)) } catch {
            failBadInput(error, file: snapshot)
        }
        let requestFile: AppointmentRequest
        do { requestFile = try BookingFiles.request(from: BookingFiles.read(request)) } catch {
            failBadInput(InputError(error.issues.map(Self.unprefixed)), file: request)
        }
        let clock: any ShopClock = now.flatMap(LocalDateTime.init).map { FixedClock($0) } ?? SystemClock()
        let decision: BookingDecision
        do { decision = try BookingEngine(clock: clock).book(requestFile, in: snapshotFile) } catch {
            failBadInput(error, snapshot: snapshot, file: request, prefix: "request.")
        }
        let text: Data
        switch format {
        case .json: text = JSONFiles.encode(decision) + Data("\n".utf8)
        case .table: text = Data(DecisionTable.render(decision).utf8)
        }
        try emit(text, to: output)
        if decision.outcome != .created { throw ExitCode(ExitStatus.notCreated) }
    }

    /// `request.preferredStarts[0]` is `preferredStarts[0]` in the request file.
    static func unprefixed(_ issue: ValidationIssue) -> ValidationIssue {
        guard issue.path.hasPrefix("request.") else { return issue }
        return ValidationIssue(path: String(issue.path.dropFirst("request.".count)), message: issue.message)
    }
}

/// The decision for a person at the counter.
enum DecisionTable {
    static func render(_ decision: BookingDecision) -> String {
        var lines = ["Request \(decision.requestId): \(decision.outcome.rawValue.uppercased())"]
        if let a = decision.appointment {
            lines.append(
                "Appointment \(a.id)  \(TimeText.span(a.start, a.end))  \(a.bay ?? a.mobileUnit ?? "-")  mechanic \(a.mechanic ?? "-") (\(a.assignmentStatus.rawValue)\(a.assignmentDeadline.map { ", by \($0)" } ?? ""))"
            )
            lines.append(
                "  for \(a.estimateId.map { "estimate \($0)" } ?? a.workOrderId.map { "work order \($0)" } ?? "-"), customer \(a.customerId), vehicle \(a.vehicleId), \(a.durationMinutes) min"
            )
            if let work = a.work { lines.append("  " + TimeText.works(work)) }
        }
        for denial in decision.denials { lines.append("Denied  \(denial.code.rawValue): \(denial.message)") }
        for c in decision.conflicts {
            lines.append(
                "Conflict \(c.severity.rawValue)\(c.overridden ? " (overridden)" : "")  \(c.code.rawValue)  \(c.start): \(c.message)"
            )
        }
        for w in decision.warnings { lines.append("Warning  \(w.code): \(w.message)") }
        for (title, list) in [
            ("Alternatives", decision.alternatives), ("Alternatives with moves", decision.alternativesWithMoves),
        ]
        where !list.isEmpty {
            lines.append(title + ":")
            for alt in list {
                lines.append(
                    "  \(alt.rank). \(TimeText.span(alt.start, alt.end))  \(alt.bay)  \(alt.mechanic ?? "-")  cost +\(alt.addedCost) (Δ \(alt.costDifference))"
                )
                if let work = alt.work { lines.append("     " + TimeText.works(work)) }
                lines.append("     " + alt.reasons.joined(separator: "; "))
                for move in alt.moves {
                    lines.append(
                        "     move \(move.appointment): \(move.fromStart) \(move.fromBay) \(move.fromMechanic ?? "-") → \(move.toStart) \(move.toBay) \(move.toMechanic ?? "-")"
                    )
                }
            }
        }
        lines.append("Events: \(decision.events.map(\.type).joined(separator: ", ").nonEmpty ?? "none")")
        lines.append("Audit: \(decision.audit.map(\.type).joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// Times in the tables: an end on the start's day as its clock time, an end on a
/// later day in full; work that may pause as its work ranges.
enum TimeText {
    /// `2026-11-23T10:00 – 16:00`, or `2026-11-23T14:00 – 2026-11-25T10:00`.
    static func span(_ start: String, _ end: String) -> String {
        "\(start) – \(start.prefix(10) == end.prefix(10) ? String(end.suffix(5)) : end)"
    }

    /// `works 2026-11-23T14:00 – 17:00, 2026-11-24T08:00 – 17:00 (the bay held between)`.
    static func works(_ work: [SolutionFile.WorkRange]) -> String {
        "works " + work.map { span($0.start, $0.end) }.joined(separator: ", ") + " (the bay held between)"
    }
}
