import ArgumentParser
import Foundation
import ShopScheduler

/// Output formats of `reschedule` and `replan`.
enum ChangeFormat: String, ExpressibleByArgument, CaseIterable {
    case json, table
}

/// The shared options of `reschedule` and `replan`.
struct ChangeOptions: ParsableArguments {
    @Option(help: "The facility snapshot file (shopsched.booking-snapshot/1).")
    var snapshot: String

    @Option(help: "The facility's local time now, YYYY-MM-DDTHH:MM (required: the clock is never read).")
    var now: String

    @Option(help: "Output format: json (the decision file) or table.")
    var format: ChangeFormat = .json

    @Option(help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if LocalDateTime(now) == nil {
            throw ValidationError("--now must be a local time YYYY-MM-DDTHH:MM, not '\(now)'")
        }
    }

    var clock: FixedClock { FixedClock(LocalDateTime(now)!) }

    func readSnapshot() -> BookingSnapshot {
        do { return try BookingFiles.snapshot(from: BookingFiles.read(snapshot)) } catch {
            shopsched.failBadInput(error, file: snapshot)
        }
    }

    /// Reads the snapshot and the command's own file (`file`, whose problems
    /// the engine names with `prefix`) and decides; any bad input exits 2.
    func decide<Input, Output>(
        file: String, prefix: String, read: (Data) throws(InputError) -> Input,
        _ decide: (Input, BookingSnapshot) throws(InputError) -> Output
    ) -> Output {
        let snapshot = readSnapshot()
        let input: Input
        do { input = try read(BookingFiles.read(file)) } catch {
            failBadInput(
                InputError(error.issues.map { ValidationIssue(path: prefix + $0.path, message: $0.message) }),
                snapshot: self.snapshot, file: file, prefix: prefix)
        }
        do { return try decide(input, snapshot) } catch {
            failBadInput(error, snapshot: self.snapshot, file: file, prefix: prefix)
        }
    }

    /// Writes the result as JSON or as the table (atomically to `--output`, else to standard output).
    func write<Output: Encodable>(_ value: Output, table: @autoclosure () -> String) throws {
        switch format {
        case .json: try emit(JSONFiles.encode(value) + Data("\n".utf8), to: output)
        case .table: try emit(Data(table().utf8), to: output)
        }
    }
}

struct Reschedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Moves one booked appointment, or says why not.",
        discussion: """
            Reads a facility snapshot (shopsched.booking-snapshot/1) and a reschedule request \
            (shopsched.reschedule-request/1) and prints the decision: the updated appointment, its update \
            record, event, notifications and audit records, or the denials or conflicts with ranked \
            alternatives. See datasets/README.md. \
            Exit status: 0 when rescheduled, 3 when not (denied or conflicts), 2 on bad input.
            """)

    @OptionGroup var common: ChangeOptions

    @Option(help: "The reschedule request file (shopsched.reschedule-request/1).")
    var request: String

    func run() throws {
        let decision = common.decide(file: request, prefix: "request.", read: RescheduleFiles.request) {
            requestFile, snapshot throws(InputError) in
            try RescheduleEngine(clock: common.clock).reschedule(requestFile, in: snapshot)
        }
        try common.write(decision, table: ChangeTables.render(decision))
        if decision.outcome != .rescheduled { throw ExitCode(ExitStatus.notCreated) }
    }
}

struct Replan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replans the rest of a day after a disruption, moving as little as possible.",
        discussion: """
            Reads a facility snapshot (shopsched.booking-snapshot/1) and a disruption \
            (shopsched.disruption/1) and prints the replan (shopsched.replan/1): the day's scenario and new \
            plan, the changes with their reasons, the jobs at risk, and the events, notifications and audit \
            records. See datasets/README.md. \
            Exit status: 0 when replanned, 3 when no plan exists (started or confirmed work clashes), \
            2 on bad input.
            """)

    @OptionGroup var common: ChangeOptions

    @Option(help: "The disruption file (shopsched.disruption/1).")
    var disruption: String

    @Option(parsing: .unconditional, help: "Most solver threads (default 1).")
    var threads: Int = 1

    func validate() throws { try OptionRules.threads(threads) }

    func run() throws {
        let result = common.decide(file: disruption, prefix: "disruption.", read: RescheduleFiles.disruption) {
            file, snapshot throws(InputError) in
            try ReplanEngine(clock: common.clock, threads: threads).replan(file, in: snapshot)
        }
        try common.write(result, table: ChangeTables.render(result))
        if result.status != .optimal && result.status != .feasible { throw ExitCode(ExitStatus.notCreated) }
    }
}

/// Reschedule decisions and replans for a person at the counter.
enum ChangeTables {
    static func render(_ d: RescheduleDecision) -> String {
        var lines = ["Request \(d.requestId): \(d.outcome.rawValue.uppercased())"]
        if let u = d.update {
            lines.append(
                "Appointment \(u.appointmentId)  \(u.fromStart) \(u.fromBay) \(u.fromMechanic ?? "-")  →  \(u.toStart) \(u.toBay) \(u.toMechanic ?? "-")  (\(u.assignment.rawValue))"
            )
            if let work = u.toWork { lines.append("  until \(u.toEnd); " + TimeText.works(work)) }
            lines.append(
                "  \(u.reason)\(u.notes.map { ": \($0)" } ?? ""), notice \(u.noticeMinutes / 60) h \(u.noticeMinutes % 60) min (\(u.notice.rawValue)), reschedule \(u.rescheduleCount)\(u.dispatcherFollowUp ? ", dispatcher must assign a mechanic" : "")"
            )
        }
        for denial in d.denials { lines.append("Denied  \(denial.code.rawValue): \(denial.message)") }
        for c in d.conflicts {
            lines.append(
                "Conflict \(c.severity.rawValue)\(c.overridden ? " (overridden)" : "")  \(c.code.rawValue)  \(c.start): \(c.message)"
            )
        }
        for w in d.warnings { lines.append("Warning  \(w.code): \(w.message)") }
        if !d.alternatives.isEmpty {
            lines.append("Alternatives:")
            for alt in d.alternatives {
                lines.append(
                    "  \(alt.rank). \(TimeText.span(alt.start, alt.end))  \(alt.bay)  \(alt.mechanic ?? "-")  cost +\(alt.addedCost)"
                )
                if let work = alt.work { lines.append("     " + TimeText.works(work)) }
            }
        }
        lines += outbox(d.outbox)
        lines.append("Events: \(d.events.map(\.type).joined(separator: ", ").nonEmpty ?? "none")")
        lines.append("Audit: \(d.audit.map(\.type).joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ r: ReplanResult) -> String {
        var lines = [
            "Replan \(r.requestId) of \(r.day) at \(r.now): \(r.status.rawValue.uppercased()), objective \(r.objective.map(String.init) ?? "-"), \(r.seconds) s"
        ]
        lines += r.problems.map { "Problem  \($0)" }
        lines.append("Changes (\(r.changes.count)):")
        for c in r.changes {
            lines.append(
                "  \(c.appointment)  \(c.kind.rawValue)  \(c.fromStart ?? "-") \(c.fromBay ?? "-") \(c.fromMechanic ?? "-")  →  \(c.toStart ?? "-") \(c.toBay ?? "-") \(c.toMechanic ?? "-")  \(c.reason): \(c.why)"
            )
        }
        if !r.atRisk.isEmpty {
            lines.append("At risk:")
            for a in r.atRisk {
                lines.append(
                    "  \(a.appointment)  promised \(a.promisedEnd ?? "-"), expected \(a.expectedEnd ?? "-")\(a.delayMinutes.map { " (+\($0) min)" } ?? ""): \(a.why)"
                )
            }
        }
        for w in r.warnings { lines.append("Warning  \(w.code): \(w.message)") }
        lines += outbox(r.outbox)
        lines.append("Events: \(r.events.count) AppointmentRescheduled")
        return lines.joined(separator: "\n") + "\n"
    }

    static func outbox(_ outbox: NotificationOutbox) -> [String] {
        guard !outbox.entries.isEmpty else { return ["Notifications: none"] }
        return ["Notifications:"]
            + outbox.entries.map {
                "  \($0.appointmentId) → \($0.recipientKind.rawValue.lowercased()) \($0.recipientId)\($0.mandatory ? " (mandatory)" : ""): \($0.subject)"
            }
    }
}
