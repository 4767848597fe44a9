import ShopScheduler

/// The readable form of a solution: per bay, the day's jobs in order with
/// start–end and mechanic; then the unscheduled jobs with reasons; then
/// status, objective, bound and time.
enum PlanTable {
    static func render(_ solution: SolutionFile, scenario: Scenario) -> String {
        var lines: [String] = []
        let byBay = Dictionary(grouping: solution.assignments, by: \.bay)
        for bay in scenario.bays {
            lines.append("\(bay.id) (\(bay.type.rawValue))")
            let jobs = (byBay[bay.id] ?? []).sorted { ($0.start, $0.job) < ($1.start, $1.job) }
            if jobs.isEmpty { lines.append("  (no jobs)") }
            var day = ""
            for job in jobs {
                let date = String(job.start.prefix(10))
                if date != day {
                    lines.append("  \(date)")
                    day = date
                }
                let from = job.start.suffix(5), to = job.end.suffix(5)
                lines.append("    \(from)–\(to)  \(pad(job.job, 12)) \(job.mechanic ?? "no mechanic")")
            }
        }
        let hasPlan = solution.status == "optimal" || solution.status == "feasible"
        if hasPlan && !solution.unscheduled.isEmpty {
            lines.append("")
            lines.append("Unscheduled")
            for job in solution.unscheduled {
                lines.append("  \(pad(job.job, 12)) \(job.reasons.joined(separator: ", "))")
            }
        }
        if !hasPlan { lines.append("No plan.") }
        for problem in solution.problems ?? [] { lines.append("problem: \(problem)") }
        lines.append("")
        let objective = solution.objective.map(String.init) ?? "-"
        let bound = solution.bound.map(String.init) ?? "-"
        lines.append(
            "status \(solution.status)  objective \(objective)  bound \(bound)  time \(solution.seconds) s  strategy \(solution.strategy)"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
