import ShopDomain

/// What changed between two plans (solution files) of the same shop, job by
/// job: moved, bay or mechanic changed, newly scheduled, dropped, and jobs
/// only one plan has (a variant that scaled demand); a resumable job that
/// keeps its start but ends at another time (other hours or shifts make it
/// pause differently, contract §7) has its end changed.
///
/// Jobs are listed in the order of plan A, then the jobs only B has, in B's
/// order; a job is compared at its first assignment.
public struct PlanDiff: Sendable, Hashable, CustomStringConvertible {
    public enum Change: Sendable, Hashable {
        case moved(from: String, to: String)
        case changedBay(from: String, to: String)
        case changedMechanic(from: String?, to: String?)
        /// Same start, another end: a resumable job whose work pauses differently.
        case changedEnd(from: String, to: String)
        case newlyScheduled(start: String, bay: String, mechanic: String?)
        case dropped(reasons: [String])
        case onlyInA
        case onlyInB
    }

    public struct Entry: Sendable, Hashable {
        public var job: String
        public var changes: [Change]
    }

    /// Jobs with at least one change.
    public var entries: [Entry]
    public var objectiveA: Int?
    public var objectiveB: Int?

    public init(_ a: SolutionFile, _ b: SolutionFile) {
        func placed(_ file: SolutionFile) -> [String: SolutionFile.Assignment] {
            var map: [String: SolutionFile.Assignment] = [:]
            for assignment in file.assignments where map[assignment.job] == nil { map[assignment.job] = assignment }
            return map
        }
        func order(_ file: SolutionFile) -> [String] {
            var seen = Set<String>()
            return (file.assignments.map(\.job) + file.unscheduled.map(\.job)).filter { seen.insert($0).inserted }
        }
        let placedA = placed(a), placedB = placed(b)
        let reasonsB = Dictionary(b.unscheduled.map { ($0.job, $0.reasons) }, uniquingKeysWith: { first, _ in first })
        let jobsA = order(a), jobsB = order(b)
        let inA = Set(jobsA), inB = Set(jobsB)
        var entries: [Entry] = []
        for job in jobsA {
            var changes: [Change] = []
            if !inB.contains(job) {
                changes = [.onlyInA]
            } else if let x = placedA[job], let y = placedB[job] {
                if x.start != y.start { changes.append(.moved(from: x.start, to: y.start)) }
                if x.start == y.start && x.end != y.end { changes.append(.changedEnd(from: x.end, to: y.end)) }
                if x.bay != y.bay { changes.append(.changedBay(from: x.bay, to: y.bay)) }
                if x.mechanic != y.mechanic { changes.append(.changedMechanic(from: x.mechanic, to: y.mechanic)) }
            } else if placedA[job] != nil {
                changes = [.dropped(reasons: reasonsB[job] ?? [])]
            } else if let y = placedB[job] {
                changes = [.newlyScheduled(start: y.start, bay: y.bay, mechanic: y.mechanic)]
            }
            if !changes.isEmpty { entries.append(Entry(job: job, changes: changes)) }
        }
        for job in jobsB where !inA.contains(job) { entries.append(Entry(job: job, changes: [.onlyInB])) }
        self.entries = entries
        objectiveA = a.objective
        objectiveB = b.objective
    }

    /// Counts of each kind of change, for a summary line.
    public var counts:
        (
            moved: Int, changedBay: Int, changedMechanic: Int, newlyScheduled: Int, dropped: Int, onlyInA: Int,
            onlyInB: Int, changedEnd: Int
        )
    {
        var counts = (0, 0, 0, 0, 0, 0, 0, 0)
        for change in entries.flatMap(\.changes) {
            switch change {
            case .moved: counts.0 += 1
            case .changedBay: counts.1 += 1
            case .changedMechanic: counts.2 += 1
            case .newlyScheduled: counts.3 += 1
            case .dropped: counts.4 += 1
            case .onlyInA: counts.5 += 1
            case .onlyInB: counts.6 += 1
            case .changedEnd: counts.7 += 1
            }
        }
        return counts
    }

    /// One line per changed job, then a summary line.
    public var description: String {
        var lines = entries.map { entry in
            entry.job + ": "
                + entry.changes.map { change -> String in
                    switch change {
                    case .moved(let from, let to): "moved \(from) -> \(to)"
                    case .changedBay(let from, let to): "bay \(from) -> \(to)"
                    case .changedMechanic(let from, let to): "mechanic \(from ?? "none") -> \(to ?? "none")"
                    case .changedEnd(let from, let to): "ends \(from) -> \(to)"
                    case .newlyScheduled(let start, let bay, let mechanic):
                        "newly scheduled at \(start) on \(bay) with \(mechanic ?? "no mechanic")"
                    case .dropped(let reasons):
                        "dropped" + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
                    case .onlyInA: "only in A"
                    case .onlyInB: "only in B"
                    }
                }.joined(separator: "; ")
        }
        let c = counts
        let objectives = "objective \(objectiveA.map(String.init) ?? "-") -> \(objectiveB.map(String.init) ?? "-")"
        // Ends are named only when one changed, so the line reads as before without resumable jobs.
        let ends = c.changedEnd > 0 ? ", \(c.changedEnd) end(s) changed" : ""
        lines.append(
            "\(entries.count) job(s) changed: \(c.moved) moved, \(c.changedBay) changed bay, \(c.changedMechanic) changed mechanic, \(c.newlyScheduled) newly scheduled, \(c.dropped) dropped, \(c.onlyInA) only in A, \(c.onlyInB) only in B\(ends); \(objectives)"
        )
        return lines.joined(separator: "\n") + "\n"
    }
}
