import ShopDomain

extension SolutionFile {
    /// A solution file for `scenario` holding exactly the given placements, for tests and
    /// brute-force enumeration.
    ///
    /// `placements` maps job ids to a start, a bay id and a mechanic id (`nil` for none).
    /// Assignments come in scenario job order, each with `end` = start + `d` slots,
    /// `d = ceil(durationMinutes / slotMinutes)`, except that a resumable job's `end` is the
    /// end of its last work slot and its `work` its work slots, read as ``PlanVerifier`` reads
    /// them (contract §7; `end` = start + `d` slots and no `work` when the start is not a
    /// work slot or the work cannot finish, which the verifier reports); placements for ids that are not scenario
    /// jobs follow, sorted by id, with `end` equal to `start` (so a verifier reports them).
    /// Every scenario job without a placement is listed as unscheduled with no reasons.
    /// The status is `feasible`, `objective` and `bound` are `nil` and `seconds` is 0, so
    /// the file claims nothing the verifier would compare; set `objective` to the
    /// verifier's ``VerificationReport/objective`` to make a complete file.
    public static func plan(
        for scenario: Scenario,
        placements: [String: (start: LocalDateTime, bay: String, mechanic: String?)],
        strategy: String = "test"
    ) -> SolutionFile {
        let slot = scenario.facility.slotMinutes
        let verifier = scenario.jobs.contains(where: \.resumable) ? PlanVerifier(scenario: scenario) : nil
        var assignments: [Assignment] = []
        var unscheduled: [Unscheduled] = []
        for job in scenario.jobs {
            guard let placement = placements[job.id] else {
                unscheduled.append(Unscheduled(job: job.id, reasons: []))
                continue
            }
            let slots = (job.durationMinutes + slot - 1) / slot
            var end = placement.start.adding(minutes: slots * slot)
            var work: [WorkRange]?
            if job.resumable, let verifier, let j = scenario.jobs.firstIndex(where: { $0.id == job.id }) {
                let mechanic = placement.mechanic.flatMap { id in scenario.mechanics.firstIndex { $0.id == id } }
                let found = verifier.work(ofJob: j, start: placement.start.absoluteMinutes, mechanic: mechanic)
                if found.finishes {
                    end = LocalDateTime(absoluteMinutes: found.pieces.last!.hi)
                    work = found.pieces.map {
                        WorkRange(
                            start: LocalDateTime(absoluteMinutes: $0.lo).description,
                            end: LocalDateTime(absoluteMinutes: $0.hi).description)
                    }
                }
            }
            assignments.append(
                Assignment(
                    job: job.id, start: placement.start.description, end: end.description,
                    bay: placement.bay, mechanic: placement.mechanic, work: work))
        }
        let known = Set(scenario.jobs.map(\.id))
        for id in placements.keys.filter({ !known.contains($0) }).sorted() {
            let placement = placements[id]!
            assignments.append(
                Assignment(
                    job: id, start: placement.start.description, end: placement.start.description,
                    bay: placement.bay, mechanic: placement.mechanic))
        }
        return SolutionFile(
            scenario: scenario.facility.id, strategy: strategy, status: "feasible", objective: nil,
            bound: nil, seconds: 0, assignments: assignments, unscheduled: unscheduled)
    }
}
