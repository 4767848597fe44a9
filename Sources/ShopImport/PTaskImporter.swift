import ShopDomain

/// Reads a Shift Minimisation Personnel Task Scheduling instance (the
/// OR-Library "ptask" format of Krishnamoorthy, Ernst & Baatar 2012) and
/// writes it as a shop scenario whose optimum is the fewest workers.
///
/// Both published shapes are read: the 137 of `Data_137` (one day, LF line
/// ends) and the harder family of Smet et al. 2014 (`Data_100`: CRLF line
/// ends, and times past 1440 minutes, so jobs cross midnight).
///
/// The mapping (see `datasets/README.md`):
/// - as many days as the latest job end needs (one for times within
///   0–1440), `slotMinutes` 1, open 00:00–24:00 every day, so open time runs
///   on through midnight;
/// - job `i` (from 0) becomes `J-i`, a window of exactly `[start, end)`
///   minutes and that duration, so it has one possible start, on a general
///   bay, mechanic `required`, needing the pseudo-skill `J-i`;
/// - worker `w` becomes mechanic `W-w` on shift the whole horizon, holding the
///   pseudo-skills of the jobs on its list (skills and shift together);
/// - as many interchangeable general bays as jobs overlap at most, so bays
///   never bind;
/// - weights: `mechanicUsed` 1 and `unscheduled` one more than the number
///   of workers, so placing a job always beats sparing a worker.
public enum PTaskImporter {
    /// A parsed instance.
    public struct Instance: Sendable, Hashable {
        /// `[start, end)` minutes of each job, from midnight of the first day.
        public var jobs: [Range<Int>]
        /// The jobs each worker may do.
        public var qualifications: [[Int]]

        /// The most jobs running at one minute: a lower bound on the workers
        /// needed, since overlapping jobs need different workers.
        public var largestOverlap: Int {
            var events: [(Int, Int)] = []
            for job in jobs { events.append((job.lowerBound, 1)); events.append((job.upperBound, -1)) }
            // Ends before starts at the same minute: [s, e) ranges touch, not overlap.
            events.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            var running = 0, most = 0
            for (_, change) in events {
                running += change
                most = max(most, running)
            }
            return most
        }
    }

    /// The latest job end read, in minutes: a week. (The published files
    /// end within two days.)
    public static let maxMinutes = 7 * 1440

    /// The days of the horizon `instance` needs: one per started 1440
    /// minutes of its latest job end.
    public static func days(_ instance: Instance) -> Int {
        max(1, ((instance.jobs.map(\.upperBound).max() ?? 0) + 1439) / 1440)
    }

    /// Parses the file's text (LF or CRLF line ends); every problem is
    /// reported with its line.
    public static func parse(_ text: String) throws(InputError) -> Instance {
        var issues: [ValidationIssue] = []
        // In Swift "\r\n" is one Character, a newline, so this splits LF and CRLF files alike.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .map { (number: $0.offset + 1, text: $0.element.trimmingCharacters(in: .whitespacesAndNewlines)) }
            .filter { !$0.text.isEmpty && !$0.text.hasPrefix("#") }
        var index = 0
        func fail(_ line: Int?, _ message: String) -> InputError {
            InputError([ValidationIssue(path: line.map { "line \($0)" } ?? "file", message: message)])
        }
        func header(_ name: String) throws(InputError) -> Int {
            guard index < lines.count else { throw fail(nil, "ends before '\(name) = N'") }
            let line = lines[index]
            let parts = line.text.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0] == name, let value = Int(parts[1]), value >= 0 else {
                throw fail(
                    line.number,
                    "expected '\(name) = N' with N a whole number, found '\(ValidationIssue.excerpt(line.text))'")
            }
            index += 1
            return value
        }
        _ = try header("Type")
        let jobCount = try header("Jobs")
        var jobs: [Range<Int>] = []
        for _ in 0..<jobCount {
            guard index < lines.count else { throw fail(nil, "ends after \(jobs.count) of \(jobCount) jobs") }
            let line = lines[index]
            let numbers = line.text.split(separator: " ").compactMap { Int($0) }
            if numbers.count != 2 || line.text.split(separator: " ").count != 2 {
                issues.append(
                    ValidationIssue(
                        path: "line \(line.number)",
                        message: "expected 'start end' in minutes, found '\(ValidationIssue.excerpt(line.text))'"))
            } else if !(0 <= numbers[0] && numbers[0] < numbers[1] && numbers[1] <= maxMinutes) {
                issues.append(
                    ValidationIssue(
                        path: "line \(line.number)",
                        message:
                            "a job runs [start, end) within 0–\(maxMinutes) minutes (a week) with start < end, not \(numbers[0])–\(numbers[1])"
                    ))
            } else {
                jobs.append(numbers[0]..<numbers[1])
            }
            index += 1
        }
        let workerCount = try header("Qualifications")
        var qualifications: [[Int]] = []
        for _ in 0..<workerCount {
            guard index < lines.count else {
                throw fail(nil, "ends after \(qualifications.count) of \(workerCount) workers")
            }
            let line = lines[index]
            let halves = line.text.split(separator: ":", maxSplits: 1)
            let listed = halves.count == 2 ? halves[1].split(separator: " ").map { Int($0) } : []
            if halves.count != 2 || Int(halves[0].trimmingCharacters(in: .whitespaces)) != listed.count
                || listed.contains(nil)
            {
                issues.append(
                    ValidationIssue(
                        path: "line \(line.number)",
                        message: "expected 'k: j1 … jk' (k job numbers), found '\(ValidationIssue.excerpt(line.text))'")
                )
            } else if let bad = listed.compactMap({ $0 }).first(where: { !(0..<jobCount).contains($0) }) {
                issues.append(
                    ValidationIssue(
                        path: "line \(line.number)", message: "job \(bad) does not exist (jobs are 0–\(jobCount - 1))"))
            } else {
                qualifications.append(listed.compactMap { $0 })
            }
            index += 1
        }
        if index < lines.count {
            issues.append(
                ValidationIssue(
                    path: "line \(lines[index].number)",
                    message: "unexpected text after the last worker: '\(ValidationIssue.excerpt(lines[index].text))'"))
        }
        guard issues.isEmpty else { throw InputError(issues) }
        return Instance(jobs: jobs, qualifications: qualifications)
    }

    /// The scenario for `instance`, named `id`.
    public static func scenario(_ instance: Instance, id: String) -> ScenarioFile {
        let midnight = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 23)!, minuteOfDay: 0)
        let days = days(instance)
        func time(_ minute: Int) -> String { midnight.adding(minutes: minute).description }
        let allDay = [["00:00", "24:00"]]
        var hours: [String: [[String]]] = [:]
        for key in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] { hours[key] = allDay }
        let bays = (1...max(1, instance.largestOverlap)).map {
            ScenarioFile.Bay(id: "BAY-\($0)", type: BayType.generalService.rawValue, outOfService: nil)
        }
        let mechanics = instance.qualifications.enumerated().map { w, jobs in
            ScenarioFile.Mechanic(
                id: "W-\(w)", skills: jobs.sorted().map { "J-\($0)" }, active: true,
                shifts: [.init(start: time(0), end: time(days * 1440))])
        }
        let jobs = instance.jobs.enumerated().map { i, range in
            ScenarioFile.Job(
                id: "J-\(i)", durationMinutes: range.count, bayTypes: [BayType.generalService.rawValue],
                requiredSkills: ["J-\(i)"], preferredSkills: nil, mechanic: MechanicMode.required.rawValue,
                priority: nil,
                window: .init(earliest: time(range.lowerBound), latest: time(range.upperBound)),
                preferredStarts: nil, pinned: nil, current: nil)
        }
        return ScenarioFile(
            facility: .init(
                id: id, timeZone: "UTC", slotMinutes: 1, horizon: .init(start: "\(midnight.date)", days: days),
                operatingHours: hours, closedDates: nil, maxConcurrent: nil),
            bays: bays, mechanics: mechanics, jobs: jobs,
            weights: .init(unscheduled: instance.qualifications.count + 1, mechanicUsed: 1))
    }
}
