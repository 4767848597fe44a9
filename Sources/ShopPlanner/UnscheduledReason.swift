/// Why a job is not in the plan, from the data (solution file `reasons`).
public enum UnscheduledReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The window is shorter than the job, or lies outside the horizon.
    case windowTooShort = "WINDOW_TOO_SHORT"
    /// No open interval inside the window is long enough.
    case outsideHours = "OUTSIDE_HOURS"
    /// No bay of an allowed type exists.
    case noEligibleBay = "NO_ELIGIBLE_BAY"
    /// Every bay of an allowed type is out of service whenever the job could run.
    case bayOutOfService = "BAY_OUT_OF_SERVICE"
    /// No active mechanic has every required skill.
    case noQualifiedMechanic = "NO_QUALIFIED_MECHANIC"
    /// Qualified mechanics exist, but none is on one shift for the whole job
    /// at a time when a bay is available.
    case noMechanicOnShift = "NO_MECHANIC_ON_SHIFT"
    /// A resumable job whose window is long enough, but from every open start it allows
    /// fewer than its slots are open before the horizon ends (contract §7).
    case beyondHorizon = "BEYOND_HORIZON"
    /// Mode `required`, and the job's minutes alone are more than the daily
    /// labour limit (`facility.labourMinutesPerDay.limit`).
    case labourLimit = "LABOUR_LIMIT"
    /// It could run alone, but not beside the jobs of the plan.
    case capacity = "CAPACITY"
    /// It fits beside the plan, but every such placement costs more than
    /// leaving it out (`unscheduled × priority`).
    case cost = "COST"
}

extension Instance {
    /// Why job `j` cannot be placed at all, ignoring every other job; empty
    /// when it has a valid placement alone.
    public func reasonsAlone(job j: Int) -> [UnscheduledReason] {
        scenario.jobs[j].resumable ? resumableReasonsAlone(job: j) : straightThroughReasonsAlone(job: j)
    }

    /// ``reasonsAlone(job:)`` by the one-interval rule (contract §5).
    private func straightThroughReasonsAlone(job j: Int) -> [UnscheduledReason] {
        let job = jobs[j]
        if job.latestEnd - max(job.earliest, 0) < job.length || job.earliest >= slotCount || job.latestEnd <= 0 {
            return [.windowTooShort]
        }
        if job.starts.isEmpty { return [.outsideHours] }
        var reasons: [UnscheduledReason] = []
        if job.bayOptions.isEmpty { reasons.append(.noEligibleBay) }
        let bayStarts = job.starts.filter { s in job.bayOptions.contains { bayAvailable(job: j, bay: $0, start: s) } }
        if !job.bayOptions.isEmpty && bayStarts.isEmpty { reasons.append(.bayOutOfService) }
        if job.mode == .required {
            if job.mechanicOptions.isEmpty {
                reasons.append(.noQualifiedMechanic)
            } else if !bayStarts.isEmpty || job.bayOptions.isEmpty {
                let candidates = bayStarts.isEmpty ? job.starts : bayStarts
                let staffed = candidates.contains { s in
                    job.mechanicOptions.contains { mechanicAvailable(job: j, mechanic: $0, start: s) }
                }
                if !staffed { reasons.append(.noMechanicOnShift) }
            }
            if let limit = scenario.facility.labourLimitPerDay, scenario.jobs[j].durationMinutes > limit,
                !reasons.contains(.noQualifiedMechanic), !reasons.contains(.noMechanicOnShift)
            {
                reasons.append(.labourLimit)
            }
        }
        return reasons
    }

    /// ``reasonsAlone(job:)`` for a resumable job, by contract §7 and §10: a start holds the
    /// job when its work slots (shop open) end by `latest`; a bay is out of service when it
    /// meets `[s, e)`; a mechanic can take it when the start is one of its work slots and
    /// its work slots with that mechanic end by `latest`, an eligible bay in service until
    /// they do.
    private func resumableReasonsAlone(job j: Int) -> [UnscheduledReason] {
        let job = jobs[j]
        if job.latestEnd - max(job.earliest, 0) < job.length || job.earliest >= slotCount || job.latestEnd <= 0 {
            return [.windowTooShort]
        }
        let open = (max(job.earliest, 0)..<min(job.latestEnd, slotCount)).filter { intervalEnd[$0] > $0 }
        // A later start's work slots are a subset of an earlier one's, so its end is no
        // earlier: the starts that finish, and those that end by `latest`, are prefixes.
        var starts: [(Int, Int)] = []
        var finishes = false
        for s in open {
            guard let work = resumableWork(job: j, start: s, mechanic: nil) else { break }
            finishes = true
            guard work.last!.upperBound <= job.latestEnd else { break }
            starts.append((s, work.last!.upperBound))
        }
        if !open.isEmpty, !finishes { return [.beyondHorizon] }
        if starts.isEmpty { return [.outsideHours] }
        var reasons: [UnscheduledReason] = []
        if job.bayOptions.isEmpty { reasons.append(.noEligibleBay) }
        let bayStarts = starts.filter { s, e in
            job.bayOptions.contains { bays[$0].blockedBefore[e] == bays[$0].blockedBefore[s] }
        }
        if !job.bayOptions.isEmpty && bayStarts.isEmpty { reasons.append(.bayOutOfService) }
        if job.mode == .required {
            if job.mechanicOptions.isEmpty {
                reasons.append(.noQualifiedMechanic)
            } else if !bayStarts.isEmpty || job.bayOptions.isEmpty {
                let candidates = bayStarts.isEmpty ? starts : bayStarts
                // With a mechanic the work may end later than by the hours alone: the bay
                // must then be in service until it does (when the shop has eligible bays).
                let staffed = candidates.contains { s, _ in
                    job.mechanicOptions.contains { m in
                        guard let e = resumableWork(job: j, start: s, mechanic: m)?.last?.upperBound,
                            e <= job.latestEnd
                        else { return false }
                        return job.bayOptions.isEmpty
                            || job.bayOptions.contains { bayAvailable(job: j, bay: $0, held: s..<e) }
                    }
                }
                if !staffed { reasons.append(.noMechanicOnShift) }
            }
            if let limit = scenario.facility.labourLimitPerDay, scenario.jobs[j].durationMinutes > limit,
                !reasons.contains(.noQualifiedMechanic), !reasons.contains(.noMechanicOnShift)
            {
                reasons.append(.labourLimit)
            }
        }
        return reasons
    }
}
