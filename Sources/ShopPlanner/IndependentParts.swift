/// Splits an instance into parts that can be solved on their own.
///
/// Two jobs interact when they could use the same bay group or mechanic
/// group in the same open interval, or count against the same capacity
/// (`maxConcurrent`) in one open interval, or could book labour on one day
/// (`labourMinutesPerDay.limit`); with `mechanicUsed` weighted, jobs
/// that could share a mechanic group interact across the whole horizon, since
/// that mechanic is paid once. Jobs are joined along interactions; each
/// connected set is a part. No constraint or cost term spans two parts, so the
/// optimum of the whole is the sum of the parts' optima, and their bounds add.
///
/// A job can't run across two open intervals (rule 1), so a shop's days, and
/// a day's morning and afternoon when it closes at noon, fall apart
/// naturally unless a job's window spans them. A resumable job ties together every
/// open interval that `[s, e)` meets for any of its starts (its bay is held across the
/// pause, its work resumes in the next interval). Open intervals are maximal
/// runs of open time, so a shop open through midnight (or with touching
/// ranges) is one interval there, and its days stay tied together.
public enum IndependentParts {
    /// Parts as ascending job indices, ordered by their first job.
    public static func parts(
        of instance: Instance, bayGroups: ResourceGroups,
        mechanicGroups: ResourceGroups
    ) -> [[Int]] {
        enum Key: Hashable {
            case bay(group: Int, interval: Int)
            case mechanic(group: Int, interval: Int)
            case mechanicAllDays(group: Int)
            case capacity(interval: Int)
            case labour(day: Int)
        }
        let countsLabour = instance.scenario.facility.labourLimitPerDay != nil
        let perMechanicDays = instance.weights.mechanicUsed > 0
        let limit = instance.scenario.facility.maxConcurrent
        var parent = Array(instance.jobs.indices)
        func root(_ j: Int) -> Int {
            var j = j
            while parent[j] != j { parent[j] = parent[parent[j]]; j = parent[j] }
            return j
        }
        var owner: [Key: Int] = [:]
        func touch(_ key: Key, _ j: Int) {
            if let other = owner[key] {
                let a = root(other), b = root(j)
                if a != b { parent[max(a, b)] = min(a, b) }
            } else {
                owner[key] = j
            }
        }
        for job in instance.jobs {
            let j = job.index
            let starts = job.pinned.map { [$0.start] } ?? job.starts
            var intervals = Set(starts.compactMap { instance.openIntervalIndex(containing: $0) })
            if job.resumable { intervals.formUnion(instance.intervalsSpanned(job: j, starts: starts)) }
            let bays: [Int] =
                job.pinned.map { [bayGroups.groupOf[$0.bay]] }
                ?? Array(Set(job.bayOptions.map { bayGroups.groupOf[$0] }))
            let mechanics: [Int] =
                job.pinned.map { $0.mechanic.map { [mechanicGroups.groupOf[$0]] } ?? [] }
                ?? Array(Set(job.mechanicOptions.map { mechanicGroups.groupOf[$0] }))
            for interval in intervals {
                for g in bays { touch(.bay(group: g, interval: interval), j) }
                for k in mechanics { touch(.mechanic(group: k, interval: interval), j) }
                if limit != nil { touch(.capacity(interval: interval), j) }
            }
            // The labour limit ties together the jobs with a mechanic that may start on one day.
            if countsLabour, !mechanics.isEmpty {
                for day in Set(starts.map { instance.labourDay(ofSlot: $0) }) { touch(.labour(day: day), j) }
            }
            if perMechanicDays, !intervals.isEmpty { for k in mechanics { touch(.mechanicAllDays(group: k), j) } }
        }
        var parts: [Int: [Int]] = [:]
        for j in instance.jobs.indices { parts[root(j), default: []].append(j) }
        return parts.keys.sorted().map { parts[$0]! }
    }
}

extension Instance {
    /// The open intervals that resumable job `j` may work in from `starts`: for each
    /// start, every interval from the start's to the one holding its latest possible
    /// work slot (its latest end over no mechanic and each qualified one).
    func intervalsSpanned(job j: Int, starts: [Int]) -> [Int] {
        var spanned = Set<Int>()
        for s in starts {
            guard let first = openIntervalIndex(containing: s) else { continue }
            let end = latestResumableEnd(job: j, start: s) ?? s + 1
            let last = openIntervalIndex(containing: end - 1) ?? first
            spanned.formUnion(first...max(first, last))
        }
        return spanned.sorted()
    }

    /// The latest end `e` of resumable job `j` from `s`, over no mechanic (when its mode
    /// allows) and each qualified mechanic; `nil` when no walk from `s` finishes.
    func latestResumableEnd(job j: Int, start s: Int) -> Int? {
        let job = jobs[j]
        let crews: [Int?] = (job.mode == .required ? [] : [nil]) + job.mechanicOptions.map { Optional($0) }
        return crews.compactMap { resumableWork(job: j, start: s, mechanic: $0)?.last?.upperBound }.max()
    }

    /// The index in ``openIntervals`` of the interval holding slot `t`.
    func openIntervalIndex(containing t: Int) -> Int? {
        var low = 0, high = openIntervals.count
        while low < high {
            let mid = (low + high) / 2
            if openIntervals[mid].upperBound <= t { low = mid + 1 } else { high = mid }
        }
        return low < openIntervals.count && openIntervals[low].contains(t) ? low : nil
    }
}
