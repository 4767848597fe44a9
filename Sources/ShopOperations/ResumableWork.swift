import ShopDomain
import ShopPlanner

/// The work ranges of appointments that may pause (contract §7), read on the
/// shop's slot grid by the planner's one rule
/// (``/ShopPlanner/Instance/resumableWork(job:start:mechanic:)``), so booking, the
/// snapshot's appointments and the planner agree on where such work runs and ends.
public enum ResumableWork {
    /// The work ranges of `durationMinutes` of resumable work started at `start`
    /// with mechanic `m` (`nil`: none, the shop's hours alone) on `grid`, the shop's
    /// compiled slot grid, as local times in order; `nil` when `start` is not a work slot
    /// or the work does not finish within the grid's days.
    public static func ranges(
        _ grid: Instance, start: LocalDateTime, durationMinutes: Int, mechanic m: Int?
    ) -> [LocalRange]? {
        let minutes = start.absoluteMinutes - grid.scenario.facility.horizonBegin.absoluteMinutes
        guard durationMinutes > 0, minutes >= 0, minutes % grid.slotMinutes == 0,
            let runs = grid.resumableWork(
                length: (durationMinutes + grid.slotMinutes - 1) / grid.slotMinutes, start: minutes / grid.slotMinutes,
                mechanic: m)
        else { return nil }
        return times(grid, runs)
    }

    /// Slot runs as local time ranges.
    public static func times(_ instance: Instance, _ runs: [Range<Int>]) -> [LocalRange] {
        runs.map { LocalRange(start: instance.time(ofSlot: $0.lowerBound), end: instance.time(ofSlot: $0.upperBound)) }
    }

    /// Work ranges as a file writes them (`[{start, end}]`, contract §9's `work`).
    public static func written(_ ranges: [LocalRange]) -> [SolutionFile.WorkRange] {
        ranges.map { SolutionFile.WorkRange(start: $0.start.description, end: $0.end.description) }
    }

    /// Work ranges as a file writes them, read back (times a file of this engine wrote).
    public static func read(_ ranges: [SolutionFile.WorkRange]) -> [LocalRange] {
        ranges.compactMap { range in
            LocalDateTime(range.start).flatMap { start in
                LocalDateTime(range.end).map { LocalRange(start: start, end: $0) }
            }
        }
    }

    /// Ranges in words for messages: `10:00–12:00, 13:00–16:00` on one day, the
    /// dates spelled out when they span days.
    public static func describe(_ ranges: [LocalRange]) -> String {
        let oneDay = ranges.allSatisfy { $0.start.date == ranges.first?.start.date && $0.end.date == $0.start.date }
        return ranges.map { range in
            oneDay
                ? "\(range.start.minuteOfDayText)–\(range.end.minuteOfDayText)"
                : "\(range.start.date) \(range.start.minuteOfDayText)–\(range.end.date == range.start.date ? "" : "\(range.end.date) ")\(range.end.minuteOfDayText)"
        }.joined(separator: ", ")
    }
}
