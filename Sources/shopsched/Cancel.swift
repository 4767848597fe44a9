import ArgumentParser
import Foundation
import ShopScheduler

struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cancels one booked appointment, or says why not.",
        discussion: """
            Reads a facility snapshot (shopsched.booking-snapshot/1) and a cancellation request \
            (shopsched.cancellation-request/1) and prints the decision (shopsched.cancellation-decision/1): \
            the appointment as cancelled, the source's restored status, the freed time, the event, \
            notifications and audit records, or the denials. See docs/operations.md. \
            Exit status: 0 when cancelled, 3 when denied, 2 on bad input.
            """)

    @OptionGroup var common: ChangeOptions

    @Option(help: "The cancellation request file (shopsched.cancellation-request/1).")
    var request: String

    func run() throws {
        let decision = common.decide(file: request, prefix: "request.", read: RescheduleFiles.cancellation) {
            file, snapshot throws(InputError) in
            try CancellationEngine(clock: common.clock).cancel(file, in: snapshot)
        }
        try common.write(decision, table: ReleaseTables.render(decision))
        if decision.outcome == .denied { throw ExitCode(ExitStatus.notCreated) }
    }
}

struct NoShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "no-show",
        abstract: "Marks one appointment a no-show (after the grace period past its start), or says why not.",
        discussion: """
            Reads a facility snapshot (shopsched.booking-snapshot/1) and a no-show request \
            (shopsched.no-show-request/1) and prints the decision (shopsched.cancellation-decision/1): the \
            appointment as NO_SHOW, the freed time, the event with the customer's no-show count, \
            notifications and audit records, or the denials. See docs/operations.md. \
            Exit status: 0 when marked, 3 when denied, 2 on bad input.
            """)

    @OptionGroup var common: ChangeOptions

    @Option(help: "The no-show request file (shopsched.no-show-request/1).")
    var request: String

    func run() throws {
        let decision = common.decide(file: request, prefix: "request.", read: RescheduleFiles.noShow) {
            file, snapshot throws(InputError) in
            try CancellationEngine(clock: common.clock).markNoShow(file, in: snapshot)
        }
        try common.write(decision, table: ReleaseTables.render(decision))
        if decision.outcome == .denied { throw ExitCode(ExitStatus.notCreated) }
    }
}

struct Refill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Proposes which waiting work to pull into freed time, ranked by the contract objective.",
        discussion: """
            Reads a facility snapshot (shopsched.booking-snapshot/1) and a refill request \
            (shopsched.refill-request/1: the freed bay, mechanic and time) and prints the proposals \
            (shopsched.refill/1): waiting requests to book, appointments waiting for a mechanic, later \
            appointments that could move earlier with the customer's consent, each checked by the \
            verifier, best first. Proposes only. See docs/operations.md. \
            Exit status: 0 when there is at least one proposal, 3 when none, 2 on bad input.
            """)

    @OptionGroup var common: ChangeOptions

    @Option(help: "The refill request file (shopsched.refill-request/1).")
    var request: String

    func run() throws {
        let result = common.decide(file: request, prefix: "request.", read: BookingFiles.refill) {
            file, snapshot throws(InputError) in
            try RefillEngine(clock: common.clock).refill(file, in: snapshot)
        }
        try common.write(result, table: ReleaseTables.render(result))
        if result.proposals.isEmpty { throw ExitCode(ExitStatus.notCreated) }
    }
}

/// Cancellations, no-shows and refills for a person at the counter.
enum ReleaseTables {
    static func render(_ d: CancellationDecision) -> String {
        var lines = ["Request \(d.requestId): \(d.outcome.rawValue.uppercased())"]
        if let a = d.appointment {
            lines.append(
                "Appointment \(a.id)  \(a.start)  \(a.bay)  \(a.mechanic ?? "-")  → \(a.status) (version \(a.version ?? 1))"
            )
        }
        if let s = d.sourceUpdate { lines.append("Source \(s.type.rawValue) \(s.id) → \(s.status)") }
        for c in d.freed {
            lines.append("Freed  \(c.kind.rawValue) \(c.resource ?? "-")  \(c.start) – \(c.end.suffix(5))")
        }
        for denial in d.denials { lines.append("Denied  \(denial.code.rawValue): \(denial.message)") }
        for w in d.warnings { lines.append("Warning  \(w.code): \(w.message)") }
        lines += ChangeTables.outbox(d.outbox)
        lines.append(
            "Events: \(d.events.map { "\($0.type)\($0.customerNoShowCount.map { " (no-shows \($0))" } ?? "")" }.joined(separator: ", ").nonEmpty ?? "none")"
        )
        lines.append("Audit: \(d.audit.map(\.type).joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ r: RefillResult) -> String {
        var lines = [
            "Refill \(r.requestId): \(r.start) – \(r.end.suffix(5))  \(r.bay ?? "any bay")  \(r.mechanic ?? "any mechanic"): \(r.proposals.count) proposal\(r.proposals.count == 1 ? "" : "s")"
        ]
        for p in r.proposals {
            let what =
                p.estimateId.map { "estimate \($0)" } ?? p.workOrderId.map { "work order \($0)" } ?? p.appointmentId
                ?? "-"
            lines.append(
                "  \(p.rank). \(p.kind.rawValue)  \(what)  \(p.start) – \(p.end.suffix(5))  \(p.bay)  \(p.mechanic ?? "-")  objective \(p.objectiveDelta >= 0 ? "+" : "")\(p.objectiveDelta)\(p.needsCustomerConsent ? "  (customer must agree)" : "")"
            )
            lines.append("     " + p.reasons.joined(separator: "; "))
        }
        for w in r.warnings { lines.append("Warning  \(w.code): \(w.message)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
