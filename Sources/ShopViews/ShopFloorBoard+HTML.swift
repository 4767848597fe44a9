import ShopDomain

extension ShopFloorBoard {
    /// The board as one self-contained HTML page (inline CSS and SVG, no
    /// scripts, nothing fetched): per location, the day as a Gantt chart
    /// with bays and mobile units as rows, jobs as bars coloured by status
    /// (waiting work the plan expects dashed, work at risk outlined red), the
    /// current time as a line; then the waiting and at-risk lists.
    public func html() -> String {
        var body = ""
        for board in locations {
            let clock = board.now.map { " · now \($0.suffix(5)) \(board.timeZone ?? "")" } ?? ""
            body +=
                "<section><h2>\(escape(board.name)) <small>\(escape(board.id)) · \(board.day)\(escape(clock))</small></h2>\n"
            if let labour = board.labour { body += "<p class=\"labour\">\(escape(labour.line))</p>\n" }
            for notice in board.dataNotices { body += "<p class=\"notice\">\(escape(notice))</p>\n" }
            body += gantt(board)
            if !board.overdueAssignments.isEmpty {
                body += "<h3>Mechanic overdue</h3>\n" + overdueTable(board)
            }
            body += "<h3>Waiting for a mechanic</h3>\n" + waitingTable(board)
            body += "<h3>At risk</h3>\n" + riskTable(board)
            body += "</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Shop floor \(now)</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2433;background:#fff}
            h2 small{font-weight:normal;color:#667}
            table{border-collapse:collapse;margin:4px 0 16px}td,th{border-bottom:1px solid #dde;padding:4px 10px;text-align:left;vertical-align:top}
            .notice{background:#fff4d6;border:1px solid #e8c35a;padding:6px 10px;display:table;margin:4px 0}
            .overdue td{color:#9b1c1c}
            .legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:14px;height:10px;margin-right:4px;border-radius:2px}
            svg text{font:12px system-ui,sans-serif}
            </style></head><body>
            <h1>Shop floor board <small>now \(now)</small></h1>
            <p class="legend">\(Self.palette.map { "<span><i style=\"background:\($0.color)\"></i>\($0.label)</span>" }.joined())<span><i style="border:2px solid #d62828"></i>at risk</span><span><i style="border:2px dashed #555"></i>expected (not yet assigned)</span></p>
            \(body)</body></html>

            """
    }

    static let palette: [(state: WorkOrderState, color: String, label: String)] = [
        (.inProgress, "#2f6fde", "in progress"), (.scheduled, "#8fb3ef", "scheduled"),
        (.waiting, "#f2c14e", "waiting"), (.awaitingParts, "#a678d8", "awaiting parts"),
        (.readyForPickup, "#4caf6e", "ready for pickup"),
    ]

    private func gantt(_ board: LocationBoard) -> String {
        let dayStart = LocalDateTime("\(board.day)T00:00")!.absoluteMinutes
        let from = dayStart + (board.opens.flatMap(ClockTime.init).map(\.minutes) ?? 0)
        let to = dayStart + (board.closes.flatMap(ClockTime.init).map(\.minutes) ?? 1440)
        let left = 210, width = 860, laneHeight = 30, top = 24
        let height = top + laneHeight * board.lanes.count + 10
        func x(_ minute: Int) -> Int { left + (min(max(minute, from), to) - from) * width / max(1, to - from) }
        var svg =
            "<svg width=\"\(left + width + 20)\" height=\"\(height)\" role=\"img\" aria-label=\"Gantt chart of \(escape(board.name))\">\n"
        var hour = (from + 59) / 60 * 60
        while hour <= to {
            svg +=
                "<line x1=\"\(x(hour))\" y1=\"\(top - 6)\" x2=\"\(x(hour))\" y2=\"\(height - 10)\" stroke=\"#e3e6ee\"/>"
            svg +=
                "<text x=\"\(x(hour))\" y=\"\(top - 10)\" text-anchor=\"middle\" fill=\"#667\">\(ClockTime(minutes: (hour - dayStart) % 1440)!)</text>\n"
            hour += 60
        }
        let breaks = (board.breaks ?? []).compactMap { gap -> Range<Int>? in
            guard let a = ClockTime(gap.from)?.minutes, let b = ClockTime(gap.to)?.minutes else { return nil }
            return (dayStart + a)..<(dayStart + b)
        }
        for gap in breaks {
            svg +=
                "<text x=\"\((x(gap.lowerBound) + x(gap.upperBound)) / 2)\" y=\"\(height - 1)\" text-anchor=\"middle\" fill=\"#889\">closed</text>\n"
        }
        for (i, lane) in board.lanes.enumerated() {
            let y = top + i * laneHeight
            var name = lane.place + (lane.isMobile ? " (mobile)" : "")
            if let fix = lane.fix, fix != .fresh { name += " GPS \(fix.rawValue.lowercased())" }
            svg += "<text x=\"8\" y=\"\(y + 19)\">\(escape(name))</text>"
            svg +=
                "<rect x=\"\(left)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(laneHeight - 6)\" fill=\"#f6f7fb\"/>\n"
            // Closed time inside the day: work pauses there, the cars stay.
            for gap in breaks {
                svg +=
                    "<rect class=\"closed\" x=\"\(x(gap.lowerBound))\" y=\"\(y + 3)\" width=\"\(x(gap.upperBound) - x(gap.lowerBound))\" height=\"\(laneHeight - 6)\" fill=\"#e2e4ec\"/>\n"
            }
            for bar in lane.bars {
                guard let start = LocalDateTime(bar.start)?.absoluteMinutes,
                    let end = LocalDateTime(bar.end)?.absoluteMinutes,
                    end > from, start < to
                else { continue }
                let color = Self.palette.first { $0.state == bar.status }?.color ?? "#999"
                let stroke =
                    bar.atRisk
                    ? " stroke=\"#d62828\" stroke-width=\"2\""
                    : (bar.expected ? " stroke=\"#555\" stroke-dasharray=\"4 3\"" : "")
                var label = bar.text + (bar.mechanic.map { " · " + $0 } ?? "")
                // Work that goes on after the day shown says when it is done.
                if end > to { label += " → " + Self.clock(bar.end, on: board.day) }
                let pieces = (bar.work ?? [.init(start: bar.start, end: bar.end)]).compactMap { piece -> Range<Int>? in
                    guard let a = LocalDateTime(piece.start)?.absoluteMinutes,
                        let b = LocalDateTime(piece.end)?.absoluteMinutes, b > from, a < to
                    else { return nil }
                    return a..<b
                }
                let cls = bar.work == nil ? "bar" : "bar resumable"
                svg +=
                    "<g class=\"\(cls)\"><title>\(escape("\(label) \(bar.start)–\(bar.end) \(bar.statusLabel ?? bar.status.rawValue)\(Self.piecesNote(bar).map { ", " + $0 } ?? "")"))</title>"
                if bar.work != nil {
                    // A thin line across the closed time: the car stays on its bay between the pieces.
                    svg +=
                        "<line class=\"pause\" x1=\"\(x(start))\" y1=\"\(y + laneHeight / 2)\" x2=\"\(x(end))\" y2=\"\(y + laneHeight / 2)\" stroke=\"#5b6475\" stroke-width=\"2\"/>"
                }
                var labelled = false
                for piece in pieces {
                    let w = max(2, x(piece.upperBound) - x(piece.lowerBound))
                    svg +=
                        "<rect class=\"piece\" x=\"\(x(piece.lowerBound))\" y=\"\(y + 5)\" width=\"\(w)\" height=\"\(laneHeight - 10)\" rx=\"3\" fill=\"\(color)\"\(bar.expected ? " fill-opacity=\"0.45\"" : "")\(stroke)/>"
                    if w > 40 && !labelled {
                        labelled = true
                        svg +=
                            "<svg x=\"\(x(piece.lowerBound) + 4)\" y=\"\(y + 5)\" width=\"\(w - 8)\" height=\"\(laneHeight - 10)\"><text y=\"14\">\(escape(label))</text></svg>"
                    }
                }
                svg += "</g>\n"
            }
        }
        if let now = LocalDateTime(board.now ?? now)?.absoluteMinutes, now >= from, now <= to {
            svg +=
                "<line x1=\"\(x(now))\" y1=\"\(top - 4)\" x2=\"\(x(now))\" y2=\"\(height - 6)\" stroke=\"#d62828\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(x(now) + 4)\" y=\"\(height - 1)\" fill=\"#d62828\">now</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// `works 10:00–12:00, 13:00–16:00` for work in pieces (dates shown off its first day);
    /// `nil` for work in one piece.
    static func piecesNote(_ bar: Bar) -> String? {
        guard let work = bar.work else { return nil }
        let day = String(bar.start.prefix(10))
        return "works " + work.map { "\(clock($0.start, on: day))–\(clock($0.end, on: day))" }.joined(separator: ", ")
    }

    private func waitingTable(_ board: LocationBoard) -> String {
        guard !board.waiting.isEmpty else { return "<p>None.</p>\n" }
        var html =
            "<table><tr><th>#</th><th>Work order</th><th>Customer</th><th>Expected assignment</th><th>Wait</th><th>Qualified mechanics</th></tr>\n"
        for row in board.waiting {
            let waiting = row.waiting!
            let who = waiting.qualifiedMechanics.map { match in
                match.name
                    + (match.preferredMissing.isEmpty
                        ? " ✓" : " (lacks \(match.preferredMissing.joined(separator: ", ")))")
            }.joined(separator: "; ")
            html +=
                "<tr><td>\(waiting.queuePosition)</td><td>\(escape(row.workOrderId))</td><td>\(escape(row.customer.name ?? row.customer.id))</td>"
            html +=
                "<td>\(escape(waiting.expectedAssignmentAt ?? row.blocked ?? "-"))</td><td>\(waiting.estimatedWaitMinutes.map { "\($0) min" } ?? "-")</td>"
            html += "<td>\(escape(who.isEmpty ? "nobody" : who))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func overdueTable(_ board: LocationBoard) -> String {
        var html =
            "<table class=\"overdue\"><tr><th>Appointment</th><th>Starts</th><th>Mechanic due</th><th>Overdue</th></tr>\n"
        for late in board.overdueAssignments {
            html +=
                "<tr><td>\(escape(late.appointmentId))</td><td>\(escape(late.start))</td><td>\(escape(late.assignmentDeadline))</td><td>\(late.overdueMinutes) min</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func riskTable(_ board: LocationBoard) -> String {
        guard !board.atRisk.isEmpty else { return "<p>None.</p>\n" }
        var html = "<table><tr><th>Work order</th><th>Promised</th><th>Estimated</th><th>Late</th><th>Why</th></tr>\n"
        for row in board.atRisk {
            html +=
                "<tr><td>\(escape(row.workOrderId))</td><td>\(escape(row.promisedAt ?? "-"))</td><td>\(escape(row.estimatedCompletion ?? "-"))</td>"
            html +=
                "<td>\(row.risk!.minutesLate.map { "\($0) min" } ?? "unknown")</td><td>\(escape(row.risk!.reasons.joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func escape(_ text: String) -> String { text.htmlEscaped }
}
