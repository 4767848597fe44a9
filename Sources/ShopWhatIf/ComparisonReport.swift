import Foundation
import ShopDomain
import ShopPlanner

/// The comparison of a batch: one row per variant, in variant order, each
/// with its difference to the base (the variant named `base`, when present).
///
/// A pure function of its rows, so a report merged from shards equals the
/// report of the same batch run on one machine.
public struct ComparisonReport: Sendable, Hashable {
    public var rows: [ComparisonRow]

    /// Rows sorted by variant index, then name.
    public init(rows: [ComparisonRow]) {
        self.rows = rows.sorted { ($0.index, $0.name) < ($1.index, $1.name) }
    }

    public var base: ComparisonRow? { rows.first { $0.name == WhatIfBatch.baseName } }

    /// Every unscheduled-reason column, in a fixed order (so CSVs of different runs line up).
    public static let reasonColumns =
        UnscheduledReason.allCases.map(\.rawValue) + ["NONE", "INVALID", "INFEASIBLE", "ERROR"]
    public static let termColumns = [
        "unscheduled", "startDeviation", "missingPreferredSkills", "unassignedMechanic",
        "moved", "changedBay", "changedMechanic", "mechanicUsed",
    ]

    /// The CSV: a header and one line per row; empty cells where a measure does not apply.
    public func csv() -> String {
        var header = ["index", "name", "status", "verified", "jobs", "scheduled", "unscheduled"]
        header += Self.reasonColumns.map { "unscheduled_\($0)" }
        header += BayType.allCases.map { "utilisation_\($0.rawValue)" }
        header += ["utilisation_mechanics", "freeMechanicHours", "meanDeviationMinutes", "objective", "bound", "gap"]
        header += Self.termColumns.map { "term_\($0)" }
        header += ["seconds", "delta_objective", "delta_scheduled", "delta_utilisation_mechanics", "edits", "problems"]
        var lines = [header.joined(separator: ",")]
        for row in rows {
            var cells = [
                String(row.index), row.name, row.status, String(row.verified), String(row.jobs),
                String(row.scheduled), String(row.unscheduled),
            ]
            cells += Self.reasonColumns.map { String(row.unscheduledByReason[$0] ?? 0) }
            cells += BayType.allCases.map { fixed(row.bayUtilisation[$0.rawValue], 4) }
            cells += [
                fixed(row.mechanicUtilisation, 4), fixed(row.hasPlan ? row.freeMechanicHours : nil, 2),
                fixed(row.meanDeviationMinutes, 2),
                text(row.objective), text(row.bound), fixed(row.gap, 4),
            ]
            cells += Self.termColumns.map { row.hasPlan ? String(row.terms[$0] ?? 0) : "" }
            let delta = difference(row)
            cells += [
                fixed(row.seconds, 3), text(delta.objective), text(delta.scheduled),
                fixed(delta.mechanicUtilisation, 4),
                row.edits.joined(separator: "; "), row.problems.joined(separator: "; "),
            ]
            lines.append(cells.map(csvCell).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A difference to the base: `nil` parts when either side has no plan.
    public struct Difference: Sendable, Hashable {
        public var objective: Int?
        public var scheduled: Int?
        public var mechanicUtilisation: Double?
    }

    /// `row` minus the base.
    public func difference(_ row: ComparisonRow) -> Difference {
        guard let base, base.hasPlan, row.hasPlan else { return Difference() }
        return Difference(
            objective: row.objective.flatMap { value in base.objective.map { value - $0 } },
            scheduled: row.scheduled - base.scheduled,
            mechanicUtilisation: row.mechanicUtilisation.flatMap { value in base.mechanicUtilisation.map { value - $0 }
            })
    }

    /// A fixed-width table for a terminal: the key measures and the
    /// difference to the base; bay types only where some variant has them.
    public func table() -> String {
        let types = BayType.allCases.map(\.rawValue).filter { type in rows.contains { $0.bayUtilisation[type] != nil } }
        var header = [
            "variant", "status", "sched", "unsched", "objective", "Δ base", "gap", "mech %", "free h", "dev min",
        ]
        header += types.map { shortType($0) + " %" }
        header += ["s", "unscheduled by reason"]
        var table = [header]
        for row in rows {
            let delta = difference(row)
            var cells = [
                row.name, row.status + (row.hasPlan && !row.verified ? " (NOT VERIFIED)" : ""),
                String(row.scheduled), String(row.unscheduled), text(row.objective),
                delta.objective.map { $0 > 0 ? "+\($0)" : String($0) } ?? "", percent(row.gap),
                percent(row.mechanicUtilisation), fixed(row.hasPlan ? row.freeMechanicHours : nil, 1),
                fixed(row.meanDeviationMinutes, 1),
            ]
            cells += types.map { percent(row.bayUtilisation[$0]) }
            cells += [fixed(row.seconds, 2), unscheduledText(row)]
            table.append(cells)
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        var text =
            table.map { cells in
                cells.enumerated().map { column, cell in
                    column < 2 || column == header.count - 1
                        ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[column] - cell.count) + cell
                }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            }.joined(separator: "\n") + "\n"
        for row in rows where !row.problems.isEmpty {
            text += "\(row.name): \(row.problems.joined(separator: "; "))\n"
        }
        return text
    }

    /// `CAPACITY 2, COST 1`: most frequent first.
    private func unscheduledText(_ row: ComparisonRow) -> String {
        guard row.hasPlan else { return "" }
        return row.unscheduledByReason.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}

func shortType(_ type: String) -> String {
    type.replacingOccurrences(of: "_BAY", with: "").replacingOccurrences(of: "GENERAL_SERVICE", with: "GENERAL")
}

func text(_ value: Int?) -> String { value.map(String.init) ?? "" }

func fixed(_ value: Double?, _ digits: Int) -> String {
    guard let value else { return "" }
    return String(format: "%.\(digits)f", value)
}

func percent(_ value: Double?) -> String { value.map { String(format: "%.1f", $0 * 100) } ?? "" }

private func csvCell(_ cell: String) -> String {
    cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
        ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
}
