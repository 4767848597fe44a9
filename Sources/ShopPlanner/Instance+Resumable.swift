import ShopDomain

/// What a placement takes of the shop: its bay for ``held`` and its work slots (its
/// mechanic and `maxConcurrent`) in ``work``. For a job that is not resumable both are
/// `[s, s+d)`; a resumable job holds its bay `[s, e)` and works only where the shop is open
/// and its mechanic on shift (contract §7).
public struct Occupation: Sendable, Hashable {
    /// The slots the bay is held: `[s, e)`.
    public let held: Range<Int>
    /// The work slots as maximal runs, in order, inside ``held``; the first starts at `s`
    /// and the last ends at `e`.
    public let work: [Range<Int>]

    /// A placement that works straight through `range`.
    public init(straight range: Range<Int>) {
        held = range
        work = [range]
    }

    /// A placement working in `work` (non-empty, ascending runs) and holding its bay from
    /// the first run's start to the last one's end.
    public init(work: [Range<Int>]) {
        precondition(!work.isEmpty, "a placement works at least one slot")
        held = work[0].lowerBound..<work[work.count - 1].upperBound
        self.work = work
    }

    /// The end `e`.
    public var end: Int { held.upperBound }

    /// Whether some work slot of this and of `other` is the same slot.
    public func worksTogether(with other: Occupation) -> Bool {
        guard held.overlaps(other.held) else { return false }
        return work.contains { run in other.work.contains { run.overlaps($0) } }
    }
}

extension Instance {
    /// The work slots of resumable job `j` started at slot `s` with mechanic `m` (`nil`:
    /// none), as maximal runs in order (contract §7): from `s` on, each slot in which the
    /// shop is open and, with a mechanic, `m` is on shift, until the job's `d` slots are
    /// counted. `nil` when `s` is not such a slot or the `d` slots do not all exist before
    /// the horizon ends. The job holds its bay from `s` to the end of the last run.
    public func resumableWork(job j: Int, start s: Int, mechanic m: Int?) -> [Range<Int>]? {
        resumableWork(length: jobs[j].length, start: s, mechanic: m)
    }

    /// The same walk for `length` slots of work of no job in particular (an appointment
    /// read from a snapshot, say), on this grid's open time and `m`'s shifts.
    public func resumableWork(length: Int, start s: Int, mechanic m: Int?) -> [Range<Int>]? {
        // `s` must be a work slot: two look-ups, before any walk (most starts asked about
        // for one crew are another crew's).
        guard s >= 0, s < slotCount, intervalEnd[s] > s, m.map({ mechanics[$0].shiftReach[s] > s }) ?? true else {
            return nil
        }
        return Self.resumableWork(length: length, start: s, open: openIntervals, shifts: m.map { mechanics[$0].shifts })
    }

    /// The walk of ``resumableWork(job:start:mechanic:)`` on sorted, disjoint, maximal
    /// runs: `open` the open intervals, `shifts` the mechanic's joined shifts (`nil`: no
    /// mechanic), both inside the horizon. It is ``/ShopDomain/OpenTime/carryOver(_:from:through:within:)``,
    /// the views' walk too, with `s` itself a work slot. Shared with the initialiser, which
    /// finds a resumable job's starts with it.
    static func resumableWork(length: Int, start s: Int, open: [Range<Int>], shifts: [Range<Int>]?) -> [Range<Int>]? {
        // The walk starts at the first work slot from `s` on: `s` must be that slot.
        guard let work = OpenTime.carryOver(length, from: s, through: open, within: shifts),
            work.first?.lowerBound == s
        else { return nil }
        return work
    }

    /// What job `j` takes started at `s` with mechanic `m`: `[s, s+d)` straight through
    /// for a job that is not resumable (whether it fits is for the rules to say), and the
    /// walk of ``resumableWork(job:start:mechanic:)`` for a resumable one (`nil` when that
    /// walk fails).
    public func occupation(job j: Int, start s: Int, mechanic m: Int?) -> Occupation? {
        guard jobs[j].resumable else { return Occupation(straight: s..<(s + jobs[j].length)) }
        return resumableWork(job: j, start: s, mechanic: m).map { Occupation(work: $0) }
    }

    /// What `placement` of job `j` takes; a resumable placement whose walk fails is read
    /// straight through (such a placement is not valid; callers check that apart).
    public func occupation(job j: Int, _ placement: SlotPlacement) -> Occupation {
        occupation(job: j, start: placement.start, mechanic: placement.mechanic)
            ?? Occupation(straight: placement.start..<(placement.start + jobs[j].length))
    }

    /// Rule 3 without overlap for a bay held over `held`: the bay's type is allowed and
    /// no out-of-service slot lies in `held`.
    public func bayAvailable(job j: Int, bay b: Int, held: Range<Int>) -> Bool {
        guard held.lowerBound >= 0, held.upperBound <= slotCount, scenario.jobs[j].bayTypes.contains(bays[b].type)
        else { return false }
        return bays[b].blockedBefore[held.upperBound] == bays[b].blockedBefore[held.lowerBound]
    }

    /// The rules of contract §7 for resumable job `j` alone at `placement`: its work walks
    /// from the start, ends by the window's end, its bay (of an allowed type) is in
    /// service for all of `[s, e)`, and its mechanic suits the mode and is qualified.
    func isValidAloneResumable(job j: Int, _ placement: SlotPlacement) -> Bool {
        let job = jobs[j]
        guard placement.start >= job.earliest,
            let occupation = occupation(job: j, start: placement.start, mechanic: placement.mechanic),
            occupation.end <= job.latestEnd,
            bayAvailable(job: j, bay: placement.bay, held: occupation.held)
        else { return false }
        switch (job.mode, placement.mechanic) {
        case (.none, nil), (.optional, nil): return true
        case (.none, _?), (.required, nil): return false
        // Active and qualified; on shift in every work slot is how the walk picks them.
        case (_, let m?): return job.mechanicOptions.contains(m)
        }
    }
}

extension Instance {
    /// The runs of work time inside `window`: open time, and with `shifts` also on shift;
    /// ascending.
    static func workRuns(open: [Range<Int>], shifts: [Range<Int>]?, within window: Range<Int>) -> [Range<Int>] {
        let clipped = OpenTime.intersect(open, [window])
        return shifts.map { OpenTime.intersect(clipped, $0) } ?? clipped
    }
}
