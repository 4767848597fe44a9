import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner

/// A snapshot and a disruption that passed every check, as the contract
/// scenario of the day to replan.
///
/// - Appointments already started (`IN_PROGRESS`, or whose start has passed)
///   are pinned where they are: a replan never moves them. An overrun lengthens
///   its job. When the disruption breaks a started job's own placement, it
///   still stays: its mechanic is dropped from it (flagged at risk: hand it
///   over), a bay outage begins when it ends (a warning), an overrun past
///   closing is cut at closing (flagged at risk). The replan covers one day:
///   in a shop open through midnight, work past 24:00 is cut there the same
///   way, and work from the day before that runs into this day holds its bay
///   and mechanic until it ends (it is not replanned).
/// - `CONFIRMED` and `AWAITING_PARTS` ones are pinned unless the policy says
///   `moveConfirmed`, or the disruption leaves them no place where they are
///   (they then move like the others).
/// - The rest carry `current` (their placement) and their start as preferred
///   start, with a window from now: the contract's move and change weights and
///   the start deviation make the fewest and smallest changes win.
/// - An appointment booked `resumable` is a resumable job (contract §7). Work of
///   an earlier day that runs into this one (day two of a three-day job) holds
///   its bay all day and its mechanic until it ends, like overnight work. Work of
///   the day that runs on past midnight is planned for its part today, holding
///   its bay to midnight, and is not moved; not started, if its pin no longer
///   holds it gets its whole duration back and no place today (rebook it).
/// - An urgent job is one more job, from now, with priority 3 by default.
struct ReplanDay {
    struct Outage {
        var resource: String
        /// Absolute local minutes.
        var range: Range<Int>
        var text: String
        var mechanic: String { resource }
        var bay: String { resource }
    }
    struct Overrun {
        var job: Int
        var appointment: String
        var minutes: Int
    }

    let snapshot: BookingSnapshot
    let date: LocalDate
    /// The day as a contract scenario file: what the replan result shows.
    private(set) var file: ScenarioFile
    /// The same day, typed, built straight from the validated snapshot (nothing parsed again).
    private(set) var scenario: Scenario
    /// The slot grid the day is solved on.
    private(set) var instance: Instance
    /// Per job: its index in `snapshot.appointments`; `nil` for an urgent job.
    private(set) var appointmentOfJob: [Int?] = []
    private(set) var started: [Bool] = []
    /// Per job: for resumable work that runs on past the day, its booked end (on a later
    /// day) and whole duration; the job itself is the part worked today.
    /// Per job: its booked end (contract §7's `e` for resumable work); `nil` for an urgent job.
    private(set) var promisedEnds: [LocalDateTime?] = []
    private(set) var runsPastDay: [(end: LocalDateTime, durationMinutes: Int)?] = []
    private(set) var warnings: [Warning] = []
    private(set) var atRisk: [AtRisk] = []
    private(set) var mechanicOutages: [Outage] = []
    private(set) var bayOutages: [Outage] = []
    private(set) var overruns: [Overrun] = []
    private(set) var urgentJobs: [String] = []

    /// The day's parts, typed and as written in the result's scenario file, changed together.
    private struct Parts {
        var facility: Scenario.Facility
        var bays: [Scenario.Bay]
        var mechanics: [Scenario.Mechanic]
        var jobs: [Scenario.Job] = []
        var weights: Scenario.Weights
        var fileFacility: ScenarioFile.Facility
        var fileBays: [ScenarioFile.Bay]
        var fileMechanics: [ScenarioFile.Mechanic]
        var fileJobs: [ScenarioFile.Job] = []
        let earliest: LocalDateTime

        /// Takes `from..<until` out of mechanic `m`'s shifts.
        mutating func cutShifts(_ m: Int, _ from: LocalDateTime, _ until: LocalDateTime) {
            let ranges = OpenTime.subtract(mechanics[m].shifts.map { $0.start..<$0.end }, from..<until)
            mechanics[m].shifts = ranges.map { LocalRange(start: $0.lowerBound, end: $0.upperBound) }
            fileMechanics[m].shifts = ranges.map {
                .init(start: $0.lowerBound.description, end: $0.upperBound.description)
            }
        }

        /// Outages of bay `b` give way to work holding it over `from..<until`: they lose that time.
        mutating func holdBay(_ b: Int, _ from: LocalDateTime, _ until: LocalDateTime) {
            let ranges = OpenTime.subtract(bays[b].outOfService.map { $0.start..<$0.end }, from..<until)
            bays[b].outOfService = ranges.map { LocalRange(start: $0.lowerBound, end: $0.upperBound) }
            fileBays[b].outOfService = ranges.map {
                .init(start: $0.lowerBound.description, end: $0.upperBound.description)
            }
        }

        /// Resumable work that runs past the day, moving after all: its whole duration again
        /// (a one-day replan then finds it no place: it needs rebooking).
        mutating func restoreDuration(_ j: Int, to minutes: Int) {
            jobs[j].durationMinutes = minutes
            fileJobs[j].durationMinutes = minutes
        }

        mutating func addOutage(_ b: Int, _ from: LocalDateTime, _ until: LocalDateTime) {
            bays[b].outOfService.append(LocalRange(start: from, end: until))
            fileBays[b].outOfService =
                (fileBays[b].outOfService ?? []) + [.init(start: from.description, end: until.description)]
        }

        /// Outages of bay `b` under way at `end` begin at `end` instead.
        mutating func startOutages(_ b: Int, at end: LocalDateTime) {
            bays[b].outOfService = bays[b].outOfService.map {
                $0.start < end && $0.end > end ? LocalRange(start: end, end: $0.end) : $0
            }
            fileBays[b].outOfService = fileBays[b].outOfService?.map { range in
                guard let s = LocalDateTime(range.start), let e = LocalDateTime(range.end), s < end, e > end else {
                    return range
                }
                return .init(start: end.description, end: range.end)
            }
        }

        /// A job that may move: `current` where it is, its start preferred, not before now.
        mutating func unlock(_ j: Int) {
            guard let pin = jobs[j].pinned else { return }
            jobs[j].pinned = nil
            jobs[j].current = pin
            jobs[j].preferredStarts = [pin.start]
            jobs[j].earliest = earliest
            jobs[j].latest = facility.horizonEnd
            let placement = fileJobs[j].pinned!
            fileJobs[j].pinned = nil
            fileJobs[j].current = placement
            fileJobs[j].preferredStarts = [placement.start]
            fileJobs[j].window = ScenarioFile.Window(earliest: earliest.description)
        }

        mutating func dropMechanic(_ j: Int) {
            jobs[j].mechanicMode = .none
            jobs[j].pinned?.mechanic = nil
            fileJobs[j].mechanic = MechanicMode.none.rawValue
            fileJobs[j].pinned?.mechanic = nil
        }

        mutating func cutDuration(_ j: Int, to minutes: Int) {
            jobs[j].durationMinutes = min(jobs[j].durationMinutes, minutes)
            fileJobs[j].durationMinutes = min(fileJobs[j].durationMinutes, minutes)
        }

        func scenario() throws(InputError) -> Scenario {
            try Scenario(facility: facility, bays: bays, mechanics: mechanics, jobs: jobs, weights: weights)
        }
    }

    init(snapshot: BookingSnapshot, disruption: Disruption, now: LocalDateTime) throws(InputError) {
        let (checked, snapshotIssues) = ValidatedFacility.check(snapshot)
        let issues =
            snapshotIssues + RecordedTimes.history(of: snapshot) + Self.check(disruption, snapshot: snapshot, now: now)
        let date = disruption.day.flatMap(LocalDate.init) ?? now.date
        guard issues.isEmpty, let validated = checked else { throw InputError(issues) }
        self.snapshot = snapshot
        self.date = date
        let dayStart = LocalDateTime(date: date, minuteOfDay: 0),
            dayEnd = LocalDateTime(date: date.adding(days: 1), minuteOfDay: 0)
        func time(_ text: String?, _ fallback: LocalDateTime) -> LocalDateTime {
            text.flatMap(LocalDateTime.init) ?? fallback
        }
        /// An outage event of `resource`, clipped to the day: one "until tomorrow noon" holds
        /// to midnight here, and one without `from` on a later day begins when that day does.
        func clippedOutage(
            _ event: DisruptionEvent, of resource: String
        ) -> (outage: Outage, from: LocalDateTime, until: LocalDateTime) {
            let from = max(time(event.from, now), dayStart), until = min(time(event.until, dayEnd), dayEnd)
            let text =
                until >= dayEnd ? "from \(from.minuteOfDayText)" : "\(from.minuteOfDayText)–\(until.minuteOfDayText)"
            return (
                Outage(resource: resource, range: from.absoluteMinutes..<until.absoluteMinutes, text: text), from, until
            )
        }

        // Facility, bays and mechanics with the disruption applied.
        var fileFacility = snapshot.facility
        fileFacility.horizon = ScenarioFile.Horizon(start: date.description, days: 1)
        var facility = validated.scenario.facility
        facility.horizonStart = date
        facility.horizonDays = 1
        let earliest = max(now, dayStart)
        var parts = Parts(
            facility: facility, bays: validated.scenario.bays, mechanics: validated.scenario.mechanics,
            weights: validated.scenario.weights, fileFacility: fileFacility, fileBays: snapshot.bays,
            fileMechanics: snapshot.mechanics.map {
                ScenarioFile.Mechanic(id: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts)
            },
            earliest: earliest)
        var overrunMinutes: [String: Int] = [:]
        var urgent: [UrgentJob] = []
        for event in disruption.events {
            switch DisruptionType(rawValue: event.type)! {
            case .mechanicUnavailable:
                let (outage, from, until) = clippedOutage(event, of: event.mechanic!)
                mechanicOutages.append(outage)
                parts.cutShifts(parts.mechanics.firstIndex { $0.id == event.mechanic }!, from, until)
            case .bayOutOfService:
                let (outage, from, until) = clippedOutage(event, of: event.bay!)
                bayOutages.append(outage)
                parts.addOutage(parts.bays.firstIndex { $0.id == event.bay }!, from, until)
            case .jobOverrun:
                overrunMinutes[event.appointment!, default: 0] += event.minutes!
            case .urgentJob:
                urgent.append(event.job!)
                urgentJobs.append(event.job!.id)
            }
        }

        // Work from an earlier day that runs into this one (a shop open through the night,
        // or resumable work, contract §7) is not a job of this day, but it holds its bay
        // and mechanic until it ends. A disruption that meets it is told as for a started
        // job: its bay goes out of service when it ends, its mechanic is to hand it over.
        for booked in validated.appointments
        where booked.status.isActive && booked.start < dayStart && booked.end > dayStart {
            let until = min(booked.end, dayEnd), held = dayStart.absoluteMinutes..<until.absoluteMinutes
            let bay = parts.bays[booked.bay].id
            if bayOutages.contains(where: { $0.bay == bay && $0.range.overlaps(held) }) {
                parts.holdBay(booked.bay, dayStart, until)
                warnings.append(Self.outageAfter(bay, booked.file.id, end: booked.end, date: date))
            }
            parts.addOutage(booked.bay, dayStart, until)
            guard let m = booked.mechanic else { continue }
            let work = (booked.work ?? [LocalRange(start: booked.start, end: booked.end)]).map {
                $0.start.absoluteMinutes..<$0.end.absoluteMinutes
            }
            let mechanic = parts.mechanics[m].id
            if mechanicOutages.contains(where: { o in o.mechanic == mechanic && work.contains { $0.overlaps(o.range) } }
            ) {
                atRisk.append(Self.handOver(booked.file.id, mechanic: mechanic))
            }
            parts.cutShifts(m, dayStart, until)
        }

        // Jobs: the day's active appointments, then the urgent ones.
        let moveConfirmed = disruption.policy?.moveConfirmed ?? false
        for (index, booked) in validated.appointments.enumerated()
        where booked.status.isActive && booked.start.date == date {
            let a = booked.file
            let bayType = validated.scenario.bays[booked.bay].type
            var types = validated.sourceLines(of: a).map { ServiceLine.bayTypes(of: $0) } ?? [bayType]
            if !types.contains(bayType) { types.append(bayType) }
            let staffed = a.needsMechanic != false && a.mechanic != nil
            let isStarted = booked.status == .inProgress || booked.start < now
            let locked =
                isStarted || (!moveConfirmed && (booked.status == .confirmed || booked.status == .awaitingParts))
            // Resumable work that runs on past the day (contract §7): the replan plans the
            // part worked today and holds the bay to midnight; the rest is not replanned.
            let resumable = a.resumable == true
            let todayMinutes = booked.work.flatMap { work in
                work.last!.end > dayEnd
                    ? work.map { max(0, min($0.end, dayEnd).absoluteMinutes - $0.start.absoluteMinutes) }
                        .reduce(0, +) : nil
            }
            let duration = todayMinutes ?? (a.durationMinutes + (overrunMinutes[a.id] ?? 0))
            if duration > Scenario.maxDurationMinutes {
                throw InputError([
                    ValidationIssue(
                        path: "jobs[\(parts.jobs.count)].durationMinutes",
                        message: "must be from 1 to \(Scenario.maxDurationMinutes) minutes (a year), not \(duration)")
                ])
            }
            if let extra = overrunMinutes[a.id], todayMinutes == nil {
                overruns.append(Overrun(job: parts.jobs.count, appointment: a.id, minutes: extra))
            }
            parts.jobs.append(
                Scenario.Job(
                    id: a.id, durationMinutes: duration, bayTypes: Set(types),
                    requiredSkills: Set(booked.requiredSkills),
                    preferredSkills: [], mechanicMode: staffed ? .required : .none, priority: 1,
                    earliest: facility.horizonBegin, latest: facility.horizonEnd, preferredStarts: [],
                    pinned: Scenario.Placement(
                        start: booked.start, bay: booked.bay, mechanic: staffed ? booked.mechanic : nil),
                    current: nil, resumable: resumable))
            parts.fileJobs.append(
                ScenarioFile.Job(
                    id: a.id, durationMinutes: duration, bayTypes: types.map(\.rawValue),
                    requiredSkills: booked.requiredSkills,
                    mechanic: staffed ? MechanicMode.required.rawValue : MechanicMode.none.rawValue,
                    pinned: ScenarioFile.Placement(start: a.start, bay: a.bay, mechanic: staffed ? a.mechanic : nil),
                    resumable: resumable ? true : nil))
            // A one-day replan does not move work that runs past the day.
            if !locked, todayMinutes == nil { parts.unlock(parts.jobs.count - 1) }
            appointmentOfJob.append(index)
            started.append(isStarted)
            runsPastDay.append(todayMinutes == nil ? nil : (booked.end, a.durationMinutes))
            promisedEnds.append(booked.end)
        }
        for job in urgent {
            parts.jobs.append(
                Scenario.Job(
                    id: job.id, durationMinutes: job.durationMinutes,
                    bayTypes: Set(job.bayTypes.compactMap(BayType.init)),
                    requiredSkills: Set(job.requiredSkills ?? []), preferredSkills: [], mechanicMode: .required,
                    priority: job.priority ?? 3, earliest: earliest, latest: facility.horizonEnd, preferredStarts: [],
                    pinned: nil, current: nil))
            parts.fileJobs.append(
                ScenarioFile.Job(
                    id: job.id, durationMinutes: job.durationMinutes, bayTypes: job.bayTypes,
                    requiredSkills: job.requiredSkills, priority: job.priority ?? 3,
                    window: .init(earliest: earliest.description)))
            appointmentOfJob.append(nil)
            started.append(false)
            runsPastDay.append(nil)
            promisedEnds.append(nil)
        }
        scenario = try parts.scenario()
        instance = Instance(scenario)
        file = ScenarioFile(facility: fileFacility, bays: [], mechanics: [], jobs: [], weights: snapshot.weights)
        if try repairPins(&parts) {
            // The repairs change jobs and bay outages, never the facility: the day's open
            // time is the one already worked out.
            scenario = try parts.scenario()
            instance = Instance(scenario, onGridOf: instance)
        }
        file.bays = parts.fileBays
        file.mechanics = parts.fileMechanics
        file.jobs = parts.fileJobs
    }

    /// Whether the shop is open at 00:00 on the day after `date` (so open time runs on past midnight).
    static func opensAtMidnight(after date: LocalDate, _ facility: Scenario.Facility) -> Bool {
        let next = date.adding(days: 1)
        return !facility.closedDates.contains(next)
            && (facility.operatingHours[next.weekday] ?? []).contains { $0.open.minutes == 0 }
    }

    /// Pins the disruption broke: confirmed ones move; started ones stay, adjusted
    /// (see the type's comment); a confirmed pin in a started job's way moves.
    /// Worked out on the day's grid as built; whether anything changed.
    private mutating func repairPins(_ parts: inout Parts) throws(InputError) -> Bool {
        var changed = false
        // Each job's pin as the repairs leave them.
        var pins = instance.jobs.map(\.pinned)
        // Each pinned job's bay as held: resumable work over its pauses (to midnight when it
        // runs past the day).
        var held: [Range<Int>?] = instance.jobs.indices.map { j in
            instance.jobs[j].pinned.map { instance.occupation(job: j, $0).held }
        }
        for j in instance.jobs.indices {
            guard let pin = instance.jobs[j].pinned else { continue }
            if instance.jobs[j].resumable {
                if repairResumable(j, pin, &parts, &held, &pins) { changed = true }
                continue
            }
            guard !instance.isValidAlone(job: j, pin) else { continue }
            changed = true
            let id = parts.jobs[j].id
            guard started[j] else {
                parts.unlock(j)
                pins[j] = nil
                continue
            }
            if let m = pin.mechanic, !instance.mechanicAvailable(job: j, mechanic: m, start: pin.start) {
                parts.dropMechanic(j)
                pins[j]?.mechanic = nil
                atRisk.append(Self.handOver(id, mechanic: instance.mechanics[m].id))
            }
            if !instance.bayAvailable(job: j, bay: pin.bay, start: pin.start) {
                let end = instance.time(ofSlot: pin.start + instance.jobs[j].length)
                parts.startOutages(pin.bay, at: end)
                warnings.append(Self.outageAfter(parts.bays[pin.bay].id, id, end: end, date: date))
            }
            if !instance.fitsHoursAndWindow(job: j, start: pin.start),
                let open = instance.openIntervals.first(where: { $0.contains(pin.start) })
            {
                let minutes = (open.upperBound - pin.start) * instance.slotMinutes
                let end = instance.time(ofSlot: pin.start).adding(minutes: parts.jobs[j].durationMinutes)
                parts.cutDuration(j, to: minutes)
                held[j] = pin.start..<min(pin.start + instance.jobs[j].length, open.upperBound)
                // The replan covers one day: a shop open through midnight does not close then,
                // but the work past it is beyond what this replan plans.
                let why =
                    open.upperBound == instance.slotCount && Self.opensAtMidnight(after: date, scenario.facility)
                    ? "started, and runs past the end of the replanned day (24:00)"
                    : "started, and runs past closing (\(instance.time(ofSlot: open.upperBound).minuteOfDayText))"
                atRisk.append(AtRisk(appointment: id, expectedEnd: end.description, why: why))
            }
        }
        // Confirmed pins that a started (perhaps overrunning) job now overlaps on its bay or mechanic.
        for i in instance.jobs.indices where started[i] {
            guard let a = pins[i], let heldA = held[i] else { continue }
            for j in instance.jobs.indices where !started[j] {
                // A resumable job's mechanic counts as busy over all it holds: a pin that may
                // not really meet it moves, never one that does stays.
                guard let b = pins[j], let heldB = held[j], heldA.overlaps(heldB),
                    a.bay == b.bay || (a.mechanic != nil && a.mechanic == b.mechanic)
                else { continue }
                parts.unlock(j)
                pins[j] = nil
                changed = true
            }
        }
        return changed
    }

    /// A pinned resumable job (contract §7) as the disruption leaves it; whether the day
    /// changed. One not started moves if its pin no longer holds (with its whole duration
    /// when it runs past the day: it then needs rebooking). A started one stays: its
    /// mechanic dropped when its work no longer walks with them (hand it over), a bay
    /// outage that meets what it holds begins when it ends. Work running past the day
    /// holds its bay to midnight, written as an outage of the bay from its last work
    /// today (as for work carried in from the day before). `held[j]` becomes what it
    /// holds, `nil` when it moves; `pins[j]` follows, as for work in one stretch.
    private mutating func repairResumable(
        _ j: Int, _ pin: SlotPlacement, _ parts: inout Parts, _ held: inout [Range<Int>?],
        _ pins: inout [SlotPlacement?]
    ) -> Bool {
        let id = parts.jobs[j].id, past = runsPastDay[j]
        let dayEnd = LocalDateTime(date: date.adding(days: 1), minuteOfDay: 0)
        func hold(_ work: [Range<Int>]) -> Range<Int> {
            work[0].lowerBound..<(past == nil ? work[work.count - 1].upperBound : instance.slotCount)
        }
        var work = instance.resumableWork(job: j, start: pin.start, mechanic: pin.mechanic)
        let holds = work.map { instance.bayAvailable(job: j, bay: pin.bay, held: hold($0)) } ?? false
        if !started[j], !(holds && instance.isValidAlone(job: j, pin)) {
            parts.unlock(j)
            if let past { parts.restoreDuration(j, to: past.durationMinutes) }
            held[j] = nil
            pins[j] = nil
            return true
        }
        var changed = false
        // Not started with a pin that holds, or started: it stays where it is, adjusted.
        if work == nil, let m = pin.mechanic {
            parts.dropMechanic(j)
            pins[j]?.mechanic = nil
            atRisk.append(Self.handOver(id, mechanic: instance.mechanics[m].id))
            work = instance.resumableWork(job: j, start: pin.start, mechanic: nil)
            changed = true
        }
        guard let work else { return changed }  // Not even the shop's hours finish it: infeasible, said so.
        let range = hold(work)
        if !instance.bayAvailable(job: j, bay: pin.bay, held: range) {
            parts.holdBay(pin.bay, instance.time(ofSlot: range.lowerBound), instance.time(ofSlot: range.upperBound))
            let end = past?.end ?? instance.time(ofSlot: range.upperBound)
            warnings.append(Self.outageAfter(parts.bays[pin.bay].id, id, end: end, date: date))
            changed = true
        }
        if past != nil, work[work.count - 1].upperBound < instance.slotCount {
            parts.addOutage(pin.bay, instance.time(ofSlot: work[work.count - 1].upperBound), dayEnd)
            changed = true
        }
        held[j] = range
        return changed
    }

    /// Started work `id` whose mechanic is not available until it ends: someone takes it over.
    static func handOver(_ id: String, mechanic: String) -> AtRisk {
        AtRisk(appointment: id, why: "started, but \(mechanic) is not available until it ends: hand it over")
    }

    /// The warning that bay `bay` goes out of service only when started work `id` ends at
    /// `end` (its time alone on the replan day `date`, else date and time).
    static func outageAfter(_ bay: String, _ id: String, end: LocalDateTime, date: LocalDate) -> Warning {
        Warning(
            code: "OUTAGE_AFTER_STARTED_JOB",
            message:
                "\(bay) goes out of service when the started \(id) ends, at \(end.date == date ? end.minuteOfDayText : end.description)"
        )
    }

    /// Every problem of the disruption, with its path (`disruption.events[0].mechanic`).
    /// The events must fall on the replan day (the day given, else the date of
    /// `now`): an event of another day would be dropped without a word.
    static func check(_ disruption: Disruption, snapshot: BookingSnapshot, now: LocalDateTime) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) {
            issues.append(ValidationIssue(path: "disruption." + path, message: message))
        }
        if let format = disruption.format, format != Disruption.formatName {
            add("format", "expected \"\(Disruption.formatName)\", found \"\(format)\"")
        }
        if disruption.requestId.isEmpty { add("requestId", "must not be empty (it is the idempotency key)") }
        if disruption.facility != snapshot.facility.id {
            add("facility", "\"\(disruption.facility)\" is not the snapshot's facility \"\(snapshot.facility.id)\"")
        }
        if let day = disruption.day, LocalDate(day) == nil { add("day", "\"\(day)\" is not a date YYYY-MM-DD") }
        let date = disruption.day.flatMap(LocalDate.init) ?? now.date
        let dayStart = LocalDateTime(date: date, minuteOfDay: 0),
            dayEnd = LocalDateTime(date: date.adding(days: 1), minuteOfDay: 0)
        if disruption.day.flatMap(LocalDate.init) != nil, now >= dayEnd {
            // Everything of a past day has started: it would all be pinned, perhaps into an infeasible plan.
            add("day", "\(date) is over (now is \(now)); only today or a day to come can be replanned")
        }
        if let by = disruption.reportedBy, by.trimmingCharacters(in: .whitespaces).isEmpty {
            add("reportedBy", "must not be empty when given (it is the actor of every record)")
        }
        var urgentIDs: [String: Int] = [:]
        if disruption.events.isEmpty { add("events", "must list at least one disruption") }
        let mechanics = Set(snapshot.mechanics.map(\.id)), bays = Set(snapshot.bays.map(\.id))
        let appointments = Set(snapshot.appointments.map(\.id))
        for (i, event) in disruption.events.enumerated() {
            let path = "events[\(i)]"
            for (name, value) in [("from", event.from), ("until", event.until)] {
                if let value, LocalDateTime(value) == nil {
                    add("\(path).\(name)", "\"\(value)\" is not a local time YYYY-MM-DDTHH:MM")
                }
            }
            if let from = event.from.flatMap(LocalDateTime.init), let until = event.until.flatMap(LocalDateTime.init),
                until <= from
            {
                add("\(path).until", "must be after from (\(from))")
            }
            if let from = event.from.flatMap(LocalDateTime.init), from.date != date {
                add("\(path).from", "\(from) is not on the replan day \(date)")
            }
            if let until = event.until.flatMap(LocalDateTime.init), until <= dayStart {
                add("\(path).until", "\(until) is not after the start of the replan day \(date)")
            } else if event.from == nil, let until = event.until.flatMap(LocalDateTime.init), until <= now {
                // Without `from` the event begins now.
                add("\(path).until", "\(until) is not after now (\(now)), when an event without from begins")
            }
            guard let type = DisruptionType(rawValue: event.type) else {
                add(
                    "\(path).type",
                    "unknown disruption \"\(event.type)\"; use one of \(DisruptionType.allCases.map(\.rawValue).joined(separator: ", "))"
                )
                continue
            }
            switch type {
            case .mechanicUnavailable:
                if !mechanics.contains(event.mechanic ?? "") {
                    add("\(path).mechanic", "unknown mechanic id \"\(event.mechanic ?? "")\"")
                }
            case .bayOutOfService:
                if !bays.contains(event.bay ?? "") { add("\(path).bay", "unknown bay id \"\(event.bay ?? "")\"") }
                if event.from == nil { add("\(path).from", "a bay outage needs its start") }
            case .jobOverrun:
                if let a = snapshot.appointments.first(where: { $0.id == event.appointment }) {
                    if let start = LocalDateTime(a.start), start.date != date {
                        add("\(path).appointment", "\(a.id) starts \(start), not on the replan day \(date)")
                    } else if AppointmentStatus(rawValue: a.status)?.isActive == false {
                        add("\(path).appointment", "\(a.id) is \(a.status): only active appointments run over")
                    }
                } else {
                    add("\(path).appointment", "unknown appointment id \"\(event.appointment ?? "")\"")
                }
                if !(1...1440).contains(event.minutes ?? 0) {
                    add("\(path).minutes", "must be from 1 to 1440, not \(event.minutes.map(String.init) ?? "missing")")
                }
            case .urgentJob:
                guard let job = event.job else { add("\(path).job", "an urgent job needs its job"); continue }
                if job.id.isEmpty || job.id.contains(" ") {
                    add("\(path).job.id", "must be a non-empty id without spaces")
                }
                if appointments.contains(job.id) { add("\(path).job.id", "\"\(job.id)\" is already an appointment id") }
                if let other = urgentIDs[job.id] {
                    add("\(path).job.id", "\"\(job.id)\" is also the urgent job of events[\(other)]")
                } else {
                    urgentIDs[job.id] = i
                }
                if job.durationMinutes <= 0 || job.durationMinutes > 1440 {
                    add("\(path).job.durationMinutes", "must be from 1 to 1440, not \(job.durationMinutes)")
                }
                if job.bayTypes.isEmpty { add("\(path).job.bayTypes", "must list at least one bay type") }
                for (k, name) in job.bayTypes.enumerated() where BayType(rawValue: name) == nil {
                    add("\(path).job.bayTypes[\(k)]", "unknown bay type \"\(name)\"")
                }
                if let priority = job.priority, priority < 1 || priority > Scenario.maxPriority {
                    add(
                        "\(path).job.priority",
                        "must be a whole number from 1 to \(Scenario.maxPriority), not \(priority)")
                }
            }
        }
        if let limit = disruption.policy?.timeLimitSeconds, !(limit > 0) {
            add("policy.timeLimitSeconds", "must be above 0, not \(limit)")
        }
        return issues
    }
}
