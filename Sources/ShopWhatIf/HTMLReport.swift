import Foundation
import ShopDomain
import ShopVerifier

/// The batch as one self-contained HTML page (inline CSS and SVG, no
/// script, nothing fetched): the comparison table, a bar chart per key
/// measure with one bar per variant, and each variant's Gantt chart with
/// bays as rows and jobs coloured by mechanic.
///
/// Written piece by piece through `write`, reading one variant's plan at a
/// time, so a large batch is never held whole.
public enum HTMLReport {
    public static func render(
        _ report: ComparisonReport, title: String, missing: Int,
        plan: (ComparisonRow) -> (scenario: ScenarioFile, solution: SolutionFile)?,
        write: (String) -> Void
    ) {
        let rows = report.rows
        let planned = rows.filter(\.hasPlan).count
        write(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#222;max-width:1400px}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd}
            h3{font-size:15px;margin:18px 0 4px} .muted{color:#666}
            table{border-collapse:collapse;font-size:12px} th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}
            th{background:#f4f4f4;position:sticky;top:0} td.l,th.l{text-align:left}
            tr.base td{background:#eef5ff;font-weight:600} .bad{color:#b00020}
            .charts{display:flex;flex-wrap:wrap;gap:24px} .chart{flex:1 1 420px}
            .legend span{display:inline-block;margin-right:10px;font-size:12px}
            .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
            svg text{font-family:system-ui,sans-serif}
            </style></head><body>
            <svg width="0" height="0" style="position:absolute"><defs><pattern id="oos" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="3"/></pattern></defs></svg>
            <h1>\(escape(title))</h1>
            <p class="muted">\(rows.count) variant(s), \(planned) with a plan, \(rows.count - planned) without\(missing > 0 ? ", <span class=\"bad\">\(missing) missing</span>" : ""). Differences are to the variant <b>base</b>.</p>

            """)
        writeTable(report, write: write)
        write("<h2>Key measures</h2><div class=\"charts\">\n")
        let measures: [(String, (ComparisonRow) -> Double?, (Double) -> String)] = [
            ("Objective (lower is better)", { $0.objective.map(Double.init) }, { String(Int($0)) }),
            ("Jobs scheduled", { $0.hasPlan ? Double($0.scheduled) : nil }, { String(Int($0)) }),
            ("Mechanic utilisation", { $0.mechanicUtilisation }, { String(format: "%.0f %%", $0 * 100) }),
            ("Mean deviation from preferred start (min)", { $0.meanDeviationMinutes }, { String(format: "%.1f", $0) }),
        ]
        for (name, value, label) in measures {
            write("<div class=\"chart\"><h3>\(escape(name))</h3>")
            write(barChart(rows, value: value, label: label))
            write("</div>\n")
        }
        write("</div>\n<h2>Plans</h2>\n")
        for row in rows {
            write(
                "<h3 id=\"v\(row.index)\">\(escape(row.name)) <span class=\"muted\">\(escape(row.status))\(row.objective.map { ", objective \($0)" } ?? "")\(row.edits.isEmpty ? "" : " · " + escape(row.edits.joined(separator: "; ")))</span></h3>\n"
            )
            guard row.hasPlan, let (scenarioFile, solution) = plan(row),
                let scenario = try? Scenario(file: scenarioFile)
            else {
                write(
                    "<p class=\"bad\">No plan: \(escape(row.problems.isEmpty ? row.status : row.problems.joined(separator: "; ")))</p>\n"
                )
                continue
            }
            write(gantt(scenario, solution))
        }
        write("</body></html>\n")
    }

    private static func writeTable(_ report: ComparisonReport, write: (String) -> Void) {
        let types = BayType.allCases.map(\.rawValue).filter { type in
            report.rows.contains { $0.bayUtilisation[type] != nil }
        }
        write(
            "<h2>Comparison</h2><div style=\"overflow-x:auto\"><table><tr><th class=\"l\">variant</th><th class=\"l\">status</th><th>scheduled</th><th>unscheduled</th><th>objective</th><th>Δ base</th><th>gap</th><th>mechanics %</th>"
                + types.map { "<th>\(shortType($0).lowercased()) %</th>" }.joined()
                + "<th>free h</th><th>dev min</th><th>s</th><th class=\"l\">edits</th></tr>\n")
        for row in report.rows {
            let delta = report.difference(row)
            let status = row.hasPlan && !row.verified ? row.status + " (NOT VERIFIED)" : row.status
            let cells =
                [
                    "<td class=\"l\"><a href=\"#v\(row.index)\">\(escape(row.name))</a></td>",
                    "<td class=\"l\(row.hasPlan && row.verified ? "" : " bad")\">\(escape(status))</td>",
                    "<td>\(row.scheduled)</td>", "<td>\(row.unscheduled)</td>", "<td>\(text(row.objective))</td>",
                    "<td>\(delta.objective.map { $0 > 0 ? "+\($0)" : String($0) } ?? "")</td>",
                    "<td>\(percent(row.gap))</td>",
                    "<td>\(percent(row.mechanicUtilisation))</td>",
                ] + types.map { "<td>\(percent(row.bayUtilisation[$0]))</td>" } + [
                    "<td>\(fixed(row.hasPlan ? row.freeMechanicHours : nil, 1))</td>",
                    "<td>\(fixed(row.meanDeviationMinutes, 1))</td>", "<td>\(fixed(row.seconds, 2))</td>",
                    "<td class=\"l\">\(escape(row.edits.joined(separator: "; ")))</td>",
                ]
            write("<tr\(row.name == WhatIfBatch.baseName ? " class=\"base\"" : "")>\(cells.joined())</tr>\n")
        }
        write("</table></div>\n")
    }

    /// Horizontal bars, one per variant, scaled to the largest value.
    static func barChart(_ rows: [ComparisonRow], value: (ComparisonRow) -> Double?, label: (Double) -> String)
        -> String
    {
        let rowHeight = 18, labelWidth = 260, barWidth = 260
        let values = rows.map(value)
        let top = max(values.compactMap { $0 }.max() ?? 1, 1e-9)
        var svg = "<svg width=\"\(labelWidth + barWidth + 70)\" height=\(rows.count * rowHeight + 4) role=\"img\">"
        for (k, row) in rows.enumerated() {
            let y = k * rowHeight + 2
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" font-size=\"11\" text-anchor=\"end\">\(escape(clip(row.name, 40)))<title>\(escape(row.name))</title></text>"
            if let v = values[k] {
                let width = max(1, Int((v / top * Double(barWidth)).rounded()))
                let colour = row.name == WhatIfBatch.baseName ? "#1f5fbf" : "#7fa7e0"
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(v > 0 ? width : 0)\" height=\"\(rowHeight - 5)\" fill=\"\(colour)\"><title>\(escape(row.name)): \(label(v))</title></rect>"
                svg +=
                    "<text x=\"\(labelWidth + (v > 0 ? width : 0) + 4)\" y=\"\(y + 13)\" font-size=\"11\">\(label(v))</text>"
            } else {
                svg += "<text x=\"\(labelWidth + 4)\" y=\"\(y + 13)\" font-size=\"11\" fill=\"#b00020\">no plan</text>"
            }
        }
        return svg + "</svg>\n"
    }

    static let palette = [
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#a0cbe8", "#8cd17d", "#f1ce63",
    ]

    /// One variant's plan: a row per bay, time across the open hours.
    static func gantt(_ scenario: Scenario, _ solution: SolutionFile) -> String {
        let open = PlanVerifier(scenario: scenario).openIntervals
        guard let first = open.first?.start.absoluteMinutes, let last = open.last?.end.absoluteMinutes, last > first
        else {
            return "<p class=\"muted\">The shop is never open in this variant.</p>\n"
        }
        let labelWidth = 130, width = 1000, rowHeight = 24, axis = 32, gap = 10
        // Only open time is drawn (nights and closed days would squeeze a week's
        // jobs into slivers); a thin shaded gap separates the open intervals.
        let spans = open.map { ($0.start.absoluteMinutes, $0.end.absoluteMinutes) }
        let openMinutes = spans.reduce(0) { $0 + $1.1 - $1.0 }
        let scale = Double(width - gap * (spans.count - 1)) / Double(max(1, openMinutes))
        var offsets: [Double] = [0]
        for k in spans.indices.dropFirst() {
            offsets.append(offsets[k - 1] + Double(spans[k - 1].1 - spans[k - 1].0) * scale + Double(gap))
        }
        /// A minute's x: inside an open interval by scale; in a gap, the next opening.
        func x(_ minute: Int) -> Int {
            for (k, span) in spans.enumerated() where minute <= span.1 {
                return labelWidth + Int((offsets[k] + Double(max(0, minute - span.0)) * scale).rounded())
            }
            return labelWidth + width
        }
        let mechanics = scenario.mechanics.map(\.id)
        func colour(_ mechanic: String?) -> String {
            guard let mechanic, let k = mechanics.firstIndex(of: mechanic) else { return "#bbbbbb" }
            return palette[k % palette.count]
        }
        let bayRow = Dictionary(
            scenario.bays.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let height = axis + scenario.bays.count * rowHeight + 4
        var svg = "<svg width=\"\(labelWidth + width + 30)\" height=\"\(height)\" role=\"img\">"
        // Hour lines, spaced so labels do not crowd; the day above each day's first interval.
        let hours = max(1, Int((40 / (60 * scale)).rounded(.up)))
        var lastDay: LocalDate?
        for (k, span) in spans.enumerated() {
            if k > 0 {
                svg +=
                    "<rect x=\"\(x(spans[k - 1].1))\" y=\"\(axis - 14)\" width=\"\(gap)\" height=\"\(height - axis + 14)\" fill=\"#e8e8e8\"/>"
            }
            let day = LocalDateTime(absoluteMinutes: span.0).date
            let manyDays = spans.count > 1 || LocalDateTime(absoluteMinutes: last - 1).date != day
            if day != lastDay && manyDays {
                svg +=
                    "<text x=\"\(x(span.0) + 2)\" y=\"10\" font-size=\"10\" font-weight=\"600\" fill=\"#333\">\(day.weekday.rawValue) \(day.description.suffix(5))</text>"
                lastDay = day
            }
            var tick = (span.0 + 59) / 60 * 60
            // A closing hour is labelled only on the last interval (else it meets the next opening's).
            while tick < span.1 || (tick == span.1 && k == spans.count - 1) {
                let time = LocalDateTime(absoluteMinutes: tick)
                // An interval open through midnight: the new day is labelled where it begins.
                // (Not at the chart's right edge: a day that ends there has no time on the chart.)
                if time.minuteOfDay == 0, tick > span.0, tick < span.1, time.date != lastDay {
                    svg +=
                        "<text x=\"\(x(tick) + 2)\" y=\"10\" font-size=\"10\" font-weight=\"600\" fill=\"#333\">\(time.date.weekday.rawValue) \(time.date.description.suffix(5))</text>"
                    lastDay = time.date
                }
                if (time.minuteOfDay / 60) % hours == 0 {
                    svg +=
                        "<line x1=\"\(x(tick))\" y1=\"\(axis - 4)\" x2=\"\(x(tick))\" y2=\"\(height)\" stroke=\"#e2e2e2\"/>"
                    svg +=
                        "<text x=\"\(x(tick))\" y=\"\(axis - 7)\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(time.minuteOfDay / 60):00</text>"
                }
                tick += 60
            }
        }
        for (k, bay) in scenario.bays.enumerated() {
            let y = axis + k * rowHeight
            svg += "<text x=\"4\" y=\"\(y + 16)\" font-size=\"11\">\(escape(bay.id))</text>"
            svg +=
                "<text x=\"\(labelWidth - 4)\" y=\"\(y + 16)\" font-size=\"9\" text-anchor=\"end\" fill=\"#888\">\(shortType(bay.type.rawValue))</text>"
            svg +=
                "<line x1=\"\(labelWidth)\" y1=\"\(y + rowHeight)\" x2=\"\(labelWidth + width)\" y2=\"\(y + rowHeight)\" stroke=\"#eee\"/>"
            for down in bay.outOfService {
                let from = max(first, down.start.absoluteMinutes), to = min(last, down.end.absoluteMinutes)
                if to > from {
                    svg +=
                        "<rect x=\"\(x(from))\" y=\"\(y + 3)\" width=\"\(x(to) - x(from))\" height=\"\(rowHeight - 6)\" fill=\"url(#oos)\"><title>\(escape(bay.id)) out of service \(down.start)–\(down.end)</title></rect>"
                }
            }
        }
        for assignment in solution.assignments {
            guard let row = bayRow[assignment.bay], let start = LocalDateTime(assignment.start),
                let end = LocalDateTime(assignment.end)
            else { continue }
            let y = axis + row * rowHeight
            let left = x(start.absoluteMinutes), right = x(end.absoluteMinutes)
            let title =
                "\(escape(assignment.job)) \(when(assignment.start, assignment.end)) on \(escape(assignment.bay)), \(escape(assignment.mechanic ?? "no mechanic"))"
            // A resumable job: its work pieces, joined by a thin line across the closed time
            // and the time off shift in which it keeps the bay.
            let pieces = (assignment.work ?? []).compactMap { piece -> (Int, Int)? in
                guard let a = LocalDateTime(piece.start), let b = LocalDateTime(piece.end) else { return nil }
                return (x(a.absoluteMinutes), x(b.absoluteMinutes))
            }
            if pieces.count > 1 {
                let manyDays = assignment.start.prefix(10) != assignment.end.prefix(10)
                let note = (assignment.work ?? []).map { piece in
                    // Over several days each piece says its day.
                    manyDays && piece.start.prefix(10) == piece.end.prefix(10)
                        ? "\(piece.start.dropFirst(5).prefix(5)) \(when(piece.start, piece.end))"
                        : when(piece.start, piece.end)
                }.joined(separator: ", ")
                svg += "<g class=\"resumable\"><title>\(title); works \(note)</title>"
                svg +=
                    "<line class=\"pause\" x1=\"\(left)\" y1=\"\(y + rowHeight / 2)\" x2=\"\(right)\" y2=\"\(y + rowHeight / 2)\" stroke=\"\(colour(assignment.mechanic))\" stroke-width=\"2\"/>"
                for (a, b) in pieces {
                    svg +=
                        "<rect class=\"piece\" x=\"\(a)\" y=\"\(y + 3)\" width=\"\(max(1, b - a - 1))\" height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"\(colour(assignment.mechanic))\" stroke=\"#fff\"/>"
                }
                svg += "</g>"
            } else {
                svg +=
                    "<rect x=\"\(left)\" y=\"\(y + 3)\" width=\"\(max(1, right - left - 1))\" height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"\(colour(assignment.mechanic))\" stroke=\"#fff\"><title>\(title)</title></rect>"
            }
            let labelWidth = pieces.count > 1 ? pieces[0].1 - pieces[0].0 : right - left
            if labelWidth >= 34 {
                svg +=
                    "<text x=\"\(left + 3)\" y=\"\(y + 16)\" font-size=\"10\" fill=\"#fff\">\(escape(assignment.job))</text>"
            }
        }
        svg += "</svg>\n"
        let used = mechanics.filter { id in solution.assignments.contains { $0.mechanic == id } }
        var legend =
            "<div class=\"legend\">"
            + used.map { "<span><i style=\"background:\(colour($0))\"></i>\(escape($0))</span>" }.joined()
        if solution.assignments.contains(where: { $0.mechanic == nil }) {
            legend += "<span><i style=\"background:#bbbbbb\"></i>no mechanic</span>"
        }
        legend += "</div>\n"
        let unscheduled = solution.unscheduled.map {
            "\(escape($0.job)) (\(escape($0.reasons.joined(separator: ", "))))"
        }
        let left =
            unscheduled.isEmpty ? "" : "<p class=\"muted\">Unscheduled: \(unscheduled.joined(separator: ", "))</p>\n"
        return svg + legend + left
    }

    /// `10:00–16:00`, or `11-23 16:00–11-24 09:00` when the end is on a later day.
    static func when(_ start: String, _ end: String) -> String {
        guard start.prefix(10) != end.prefix(10) else { return "\(start.suffix(5))–\(end.suffix(5))" }
        func short(_ text: String) -> String { text.dropFirst(5).replacingOccurrences(of: "T", with: " ") }
        return "\(short(start))–\(short(end))"
    }

    /// The end of a long name, where grid variants differ.
    static func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : "…" + String(text.suffix(length - 1))
    }

    static func escape(_ text: String) -> String { text.htmlEscaped }
}
