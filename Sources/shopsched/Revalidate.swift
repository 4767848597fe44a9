import ArgumentParser
import Foundation
import ShopScheduler

struct Revalidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Says whether a booking or reschedule decision's claims still hold in a newer snapshot.",
        discussion: """
            Reads a facility snapshot (shopsched.booking-snapshot/1), newer than the one the decision was \
            made on, and a decision (shopsched.booking-decision/1 or shopsched.reschedule-decision/1) and \
            prints the revalidation (shopsched.revalidation/1): each claim (bay, mechanic, capacity over the \
            appointment's time) held or lost, whether the decision's basis is unchanged, and when a claim \
            is lost the conflicts and fresh ranked alternatives. See docs/operations.md. \
            Exit status: 0 when every claim holds, 3 when not (or the decision claimed nothing), 2 on bad input.
            """)

    @OptionGroup var common: ChangeOptions

    @Option(help: "The decision file (shopsched.booking-decision/1 or shopsched.reschedule-decision/1).")
    var request: String

    private struct Header: Decodable { var format: String? }

    func run() throws {
        let result = common.decide(file: request, prefix: "decision.", read: Self.readDecision) {
            decision, snapshot throws(InputError) in
            let revalidator = Revalidator(clock: common.clock)
            switch decision {
            case .booking(let d): return try revalidator.revalidate(d, in: snapshot)
            case .reschedule(let d): return try revalidator.revalidate(d, in: snapshot)
            }
        }
        try common.write(result, table: RevalidationTable.render(result))
        if result.outcome != .holds { throw ExitCode(ExitStatus.notCreated) }
    }

    enum Decision {
        case booking(BookingDecision)
        case reschedule(RescheduleDecision)
    }

    /// The decision, by its `format`.
    static func readDecision(_ data: Data) throws(InputError) -> Decision {
        let header = try JSONFiles.decode(Header.self, from: data)
        switch header.format {
        case BookingDecision.formatName?: return .booking(try JSONFiles.decode(BookingDecision.self, from: data))
        case RescheduleDecision.formatName?:
            return .reschedule(try JSONFiles.decode(RescheduleDecision.self, from: data))
        default:
            throw InputError([
                ValidationIssue(
                    path: "format",
                    message:
                        "expected \"\(BookingDecision.formatName)\" or \"\(RescheduleDecision.formatName)\", found \(header.format.map { "\"\($0)\"" } ?? "none")"
                )
            ])
        }
    }
}

/// A revalidation for a person at the counter.
enum RevalidationTable {
    static func render(_ r: Revalidation) -> String {
        var lines = [
            "Decision \(r.requestId)\(r.appointmentId.map { " (\($0))" } ?? ""): \(r.outcome.rawValue.uppercased())",
            "Basis \(r.basis?.fingerprint ?? "-") → \(r.currentBasis?.fingerprint ?? "-")\(r.basisUnchanged ? " (unchanged)" : " (changed)")",
        ]
        for c in r.claims {
            lines.append(
                "  \(c.holds ? "holds" : "LOST ")  \(c.claim.kind.rawValue) \(c.claim.resource ?? "-")  \(c.claim.start) – \(c.claim.end.suffix(5))\(c.conflicts.isEmpty ? "" : "  " + c.conflicts.map(\.rawValue).joined(separator: ", "))"
            )
        }
        for c in r.conflicts {
            lines.append("Conflict \(c.severity.rawValue)  \(c.code.rawValue)  \(c.start): \(c.message)")
        }
        if !r.alternatives.isEmpty {
            lines.append("Alternatives:")
            for alt in r.alternatives {
                lines.append(
                    "  \(alt.rank). \(alt.start) – \(alt.end.suffix(5))  \(alt.bay)  \(alt.mechanic ?? "-")  cost +\(alt.addedCost)"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
