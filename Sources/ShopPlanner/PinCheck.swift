/// Pins are hard (rule 6). Every other job may stay unscheduled, so a
/// scenario has a plan exactly when its pins hold together; this check
/// decides that before any solve and names the pins that clash.
public enum PinCheck {
    /// Problems with the pins, one sentence each; empty when they all hold.
    public static func problems(in instance: Instance) -> [String] {
        var problems: [String] = []
        let pinned = instance.jobs.filter { $0.pinned != nil }
        for job in pinned {
            if instance.scenario.jobs[job.index].resumable {
                problems += resumablePinProblems(instance, job: job)
                continue
            }
            let pin = job.pinned!
            let what = "pin of \(job.id)"
            let bayID = instance.bays[pin.bay].id
            if !instance.fitsHoursAndWindow(job: job.index, start: pin.start) {
                problems.append(
                    "\(what) at \(instance.time(ofSlot: pin.start)) is outside operating hours or the job's window")
            }
            if let wrongType = wrongBayType(instance, job: job, what: what) {
                problems.append(wrongType)
            } else if instance.fitsHoursAndWindow(job: job.index, start: pin.start),
                !instance.bayAvailable(job: job.index, bay: pin.bay, start: pin.start)
            {
                problems.append("\(what) meets an out-of-service time of bay \(bayID)")
            }
            if let wrongMode = wrongMechanicMode(instance, job: job, what: what) {
                problems.append(wrongMode)
                continue
            }
            switch (job.mode, pin.mechanic) {
            case (_, let m?) where !instance.mechanicAvailable(job: job.index, mechanic: m, start: pin.start):
                problems.append(
                    "\(what) names mechanic \(instance.mechanics[m].id), who \(whyUnavailable(instance, job: job.index, mechanic: m, start: pin.start))"
                )
            default:
                break
            }
        }
        // Pairs on one bay or one mechanic: per resource, pins sorted by
        // start, each against those starting before it ends (not every pair
        // of thousands of pins); reported in the order of the pins.
        var clashes: [(a: Int, b: Int, onMechanic: Bool, resource: Int)] = []
        // What each pin takes, walked once.
        let taken = pinned.map { instance.occupation(job: $0.index, $0.pinned!) }
        func sweep(_ groups: [Int: [Int]], onMechanic: Bool) {
            for (resource, members) in groups {
                let sorted = members.sorted { (pinned[$0].pinned!.start, $0) < (pinned[$1].pinned!.start, $1) }
                for (i, a) in sorted.enumerated() {
                    for b in sorted[(i + 1)...] {
                        guard pinned[b].pinned!.start < taken[a].end else { break }
                        // A bay is held for the whole pin; a mechanic is busy in its work only.
                        let clash =
                            onMechanic ? taken[a].worksTogether(with: taken[b]) : taken[a].held.overlaps(taken[b].held)
                        if clash { clashes.append((min(a, b), max(a, b), onMechanic, resource)) }
                    }
                }
            }
        }
        sweep(Dictionary(grouping: pinned.indices) { pinned[$0].pinned!.bay }, onMechanic: false)
        sweep(
            Dictionary(grouping: pinned.indices.filter { pinned[$0].pinned!.mechanic != nil }) {
                pinned[$0].pinned!.mechanic!
            },
            onMechanic: true)
        clashes.sort { ($0.a, $0.b, $0.onMechanic ? 1 : 0) < ($1.a, $1.b, $1.onMechanic ? 1 : 0) }
        for clash in clashes {
            let first = pinned[clash.a], second = pinned[clash.b]
            problems.append(
                clash.onMechanic
                    ? "pins of \(first.id) and \(second.id) overlap for mechanic \(instance.mechanics[clash.resource].id)"
                    : "pins of \(first.id) and \(second.id) overlap on bay \(instance.bays[clash.resource].id)")
        }
        // Capacity among the pins alone.
        if let maxConcurrent = instance.scenario.facility.maxConcurrent {
            var reported = Set<[String]>()
            // Who runs changes only where a pin starts or ends: look there,
            // not at every slot (a year of 1-minute slots is 527,040).
            var changes = Set([0])
            let work = taken.map(\.work)
            for pieces in work {
                for piece in pieces { changes.insert(piece.lowerBound); changes.insert(piece.upperBound) }
            }
            for t in changes.sorted() where t >= 0 && t < instance.slotCount {
                let here = pinned.indices.filter { i in work[i].contains { $0.contains(t) } }.map { pinned[$0] }
                guard here.count > maxConcurrent else { continue }
                let ids = here.map(\.id)
                if reported.insert(ids).inserted {
                    problems.append(
                        "pins of \(ids.joined(separator: ", ")) run together at \(instance.time(ofSlot: t)), above maxConcurrent \(maxConcurrent)"
                    )
                }
            }
        }
        // Labour among the pins alone: the pins with a mechanic, per day of their start.
        if let limit = instance.scenario.facility.labourLimitPerDay {
            var byDay: [Int: [Instance.JobSlots]] = [:]
            for job in pinned where job.pinned!.mechanic != nil {
                byDay[instance.labourDay(ofSlot: job.pinned!.start), default: []].append(job)
            }
            for day in byDay.keys.sorted() {
                let here = byDay[day]!
                let minutes = here.reduce(0) { $0 + instance.scenario.jobs[$1.index].durationMinutes }
                guard minutes > limit else { continue }
                let date = instance.scenario.facility.horizonStart.adding(days: day)
                problems.append(
                    "pins of \(here.map(\.id).joined(separator: ", ")) book \(minutes) labour minutes on \(date), above the limit \(limit)"
                )
            }
        }
        return problems
    }

    /// The problems of one resumable job's pin on its own, read by contract §7, each
    /// naming the pin by its path in the scenario (`jobs[2].pinned`).
    static func resumablePinProblems(_ instance: Instance, job: Instance.JobSlots) -> [String] {
        let pin = job.pinned!
        let what = "pin of \(job.id) (jobs[\(job.index)].pinned)"
        let bay = instance.bays[pin.bay]
        var problems: [String] = []
        let work = instance.resumableWork(job: job.index, start: pin.start, mechanic: pin.mechanic)
        if let work {
            let end = work.last!.upperBound
            if pin.start < job.earliest || end > job.latestEnd {
                problems.append(
                    "\(what) at \(instance.time(ofSlot: pin.start)) works until \(instance.time(ofSlot: end)), outside the job's window"
                )
            }
            if instance.scenario.jobs[job.index].bayTypes.contains(bay.type),
                bay.blockedBefore[end] != bay.blockedBefore[pin.start]
            {
                problems.append("\(what) holds bay \(bay.id) while it is out of service")
            }
        } else {
            problems.append(
                "\(what) at \(instance.time(ofSlot: pin.start)) cannot work then (shop closed or \(pin.mechanic == nil ? "no mechanic" : "its mechanic off shift")) or cannot finish its work before the horizon ends"
            )
        }
        if let wrongType = wrongBayType(instance, job: job, what: what) { problems.append(wrongType) }
        if let wrongMode = wrongMechanicMode(instance, job: job, what: what) {
            problems.append(wrongMode)
            return problems
        }
        switch (job.mode, pin.mechanic) {
        case (_, let m?):
            let mechanic = instance.scenario.mechanics[m]
            let missing = instance.scenario.jobs[job.index].requiredSkills.subtracting(mechanic.skills).sorted()
            if !mechanic.active { problems.append("\(what) names mechanic \(mechanic.id), who is inactive") }
            if !missing.isEmpty {
                problems.append(
                    "\(what) names mechanic \(mechanic.id), who lacks the required skill\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))"
                )
            }
        default:
            break
        }
        return problems
    }

    /// The problem of a pin whose bay is of a type the job cannot use, if it is.
    static func wrongBayType(_ instance: Instance, job: Instance.JobSlots, what: String) -> String? {
        let bay = instance.bays[job.pinned!.bay]
        guard !instance.scenario.jobs[job.index].bayTypes.contains(bay.type) else { return nil }
        return "\(what) names bay \(bay.id) of type \(bay.type.rawValue), which the job cannot use"
    }

    /// The problem of a pin whose mechanic (or lack of one) the job's mode forbids, if it is.
    static func wrongMechanicMode(_ instance: Instance, job: Instance.JobSlots, what: String) -> String? {
        switch (job.mode, job.pinned!.mechanic) {
        case (.required, nil): "\(what) has no mechanic, but \(job.id) requires one"
        case (.none, let m?): "\(what) names mechanic \(instance.mechanics[m].id), but \(job.id) takes no mechanic"
        default: nil
        }
    }

    /// What stops mechanic `m` from taking job `j` at `s`, only the causes
    /// that hold (an active mechanic is never called inactive).
    static func whyUnavailable(_ instance: Instance, job j: Int, mechanic m: Int, start s: Int) -> String {
        let mechanic = instance.scenario.mechanics[m], job = instance.scenario.jobs[j]
        var causes: [String] = []
        if !mechanic.active { causes.append("is inactive") }
        let missing = job.requiredSkills.subtracting(mechanic.skills).sorted()
        if !missing.isEmpty {
            causes.append("lacks the required skill\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
        let end = s + instance.jobs[j].length
        let onShift = s >= 0 && s < instance.slotCount && instance.mechanics[m].shiftReach[s] >= end
        if !onShift {
            causes.append("is not on shift for all of \(instance.time(ofSlot: s))–\(instance.time(ofSlot: end))")
        }
        return causes.isEmpty ? "cannot take it then" : causes.joined(separator: " and ")
    }
}
