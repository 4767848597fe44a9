import ShopDomain
import ShopOperations

/// Builds the work-in-progress board (the WIP story).
public enum WorkInProgressViews {
    /// `now` is the local time at the caller's location (``FloorClock/local(_:on:for:)``).
    public static func board(
        _ floor: ShopFloor, for caller: ViewCaller, now: LocalDateTime,
        query: WorkInProgressQuery = .init()
    ) throws(ViewDenied) -> WorkInProgressBoard {
        try board(floor, for: caller, clock: FloorClock.local(now, on: floor, for: caller), query: query)
    }

    /// The board at one instant: each location's estimates from its own now.
    public static func board(
        _ floor: ShopFloor, for caller: ViewCaller, clock: FloorClock,
        query: WorkInProgressQuery = .init()
    ) throws(ViewDenied) -> WorkInProgressBoard {
        let scope = try scope(of: caller, in: floor, asking: query.locations)
        var date: LocalDate?
        if let text = query.date {
            guard let parsed = LocalDate(text) else {
                throw ViewDenied(missing: nil, reason: "date: \"\(text)\" is not a date YYYY-MM-DD")
            }
            date = parsed
        }
        var rows: [WorkInProgressRow] = []
        var total = 0
        var notices: [String] = []
        var clocks: [LocationClock] = []
        var sources: [DataSourceStatus] = []
        for location in floor.locations where scope.contains(location.id) {
            notices += AssignmentViews.dataNotices(location, clock: clock)
            sources += DataSourceStatus.of(location, clock: clock)
            clocks.append(LocationClock(location, clock))
            let now = clock.now(in: location)
            let plan = FloorPlan(location, now: now)
            for (w, order) in location.workOrders.enumerated() where order.state.isActive {
                total += 1
                let row = self.row(w, in: location, plan: plan.forecasts[w]!, caller: caller, now: now)
                if let mechanic = query.mechanic, row.mechanic?.id != mechanic { continue }
                if let bay = query.bay, row.place != bay { continue }
                if let statuses = query.statuses, !statuses.contains(row.status) { continue }
                if let date, !matches(row, date) { continue }
                rows.append(row)
            }
        }
        rows.sort {
            ($0.locationId, $0.estimatedCompletion ?? "~", $0.workOrderId) < (
                $1.locationId, $1.estimatedCompletion ?? "~", $1.workOrderId
            )
        }
        let atRisk = rows.filter { $0.risk != nil }.sorted(by: lateFirst).map(\.workOrderId)
        return WorkInProgressBoard(
            now: clock.homeNow.description, rows: rows, visibleCount: rows.count, totalCount: total,
            groups: query.groupBy.map { group(rows, by: $0) }, atRisk: atRisk, dataNotices: notices,
            locations: clocks, dataSources: sources)
    }

    /// The order of at-risk work: latest first (no estimate counts as
    /// latest), ties by work order id. Both rows must be at risk.
    static func lateFirst(_ a: WorkInProgressRow, _ b: WorkInProgressRow) -> Bool {
        (a.risk!.minutesLate ?? Int.max, b.workOrderId) > (b.risk!.minutesLate ?? Int.max, a.workOrderId)
    }

    /// The locations the query may show: the caller's own by default; any
    /// other, or all (`"*"`), only with `WIP_VIEW_ALL_LOCATIONS`.
    static func scope(of caller: ViewCaller, in floor: ShopFloor, asking: [String]?) throws(ViewDenied) -> Set<String> {
        let all = Set(floor.locations.map(\.id))
        guard let asking, asking != [caller.facilityId] else { return [caller.facilityId] }
        guard caller.may(.viewAllLocations) else {
            throw ViewDenied(
                missing: .viewAllLocations,
                reason:
                    "work at other locations needs WIP_VIEW_ALL_LOCATIONS; \(caller.id) sees \(caller.facilityId) only")
        }
        if asking.contains("*") { return all }
        if let unknown = asking.first(where: { !all.contains($0) }) {
            throw ViewDenied(missing: nil, reason: "locations: no location \"\(unknown)\" in the snapshot")
        }
        return Set(asking)
    }

    static func matches(_ row: WorkInProgressRow, _ date: LocalDate) -> Bool {
        let prefix = date.description
        return row.appointmentDate == prefix || row.estimatedCompletion?.hasPrefix(prefix) == true
    }

    static func group(_ rows: [WorkInProgressRow], by grouping: WorkInProgressQuery.Grouping) -> [WorkInProgressBoard
        .Group]
    {
        var groups: [String: WorkInProgressBoard.Group] = [:]
        for row in rows {
            let party = grouping == .customer ? row.customer : row.vehicle
            groups[party.id, default: .init(key: party.id, label: party.name ?? party.id, workOrderIds: [])]
                .workOrderIds.append(row.workOrderId)
        }
        return groups.values.sorted { ($0.label, $0.key) < ($1.label, $1.key) }
    }

    static func row(
        _ w: Int, in location: ShopFloor.Location, plan: FloorPlan.Forecast, caller: ViewCaller,
        now: LocalDateTime
    ) -> WorkInProgressRow {
        let order = location.workOrders[w]
        let appointment = order.appointment.map { location.appointments[$0] }
        // What is decided (the appointment), not what the estimate proposes.
        let mechanic = appointment?.mechanic
        let place = appointment?.place
        var label = "Not yet assigned"
        if let place {
            label = AssignmentViews.displayName(bayID: location.scenario.bays[place].id, mobile: appointment!.isMobile)
        }
        if mechanic == nil && place != nil { label += " (no mechanic yet)" }
        var waiting: WorkInProgressRow.Waiting?
        if let position = plan.queuePosition {
            let matches = plan.qualified.map { m in
                let skills = location.scenario.mechanics[m].skills
                return WorkInProgressRow.SkillMatch(
                    mechanicId: location.people[m].id, name: location.people[m].name ?? location.people[m].id,
                    hasAllRequired: true, preferredHeld: order.preferredSkills.filter(skills.contains),
                    preferredMissing: order.preferredSkills.filter { !skills.contains($0) })
            }.sorted { ($0.preferredMissing.count, $0.mechanicId) < ($1.preferredMissing.count, $1.mechanicId) }
            waiting = .init(
                queuePosition: position, expectedAssignmentAt: plan.start?.description,
                estimatedWaitMinutes: plan.start.map { $0.absoluteMinutes - now.absoluteMinutes },
                expectedMechanic: plan.start == nil ? nil : plan.mechanic.map { location.people[$0].id },
                expectedPlace: plan.start == nil ? nil : plan.place.map { location.scenario.bays[$0].id },
                qualifiedMechanics: matches)
        }
        return WorkInProgressRow(
            workOrderId: order.id, locationId: location.id, status: order.state,
            statusLabel: location.label(order.state), statusReason: order.statusReason, label: label,
            customer: order.file.customer, vehicle: order.file.vehicle,
            mechanic: mechanic.map { m in
                AssignmentView.MechanicSummary(
                    id: location.people[m].id, name: location.people[m].name ?? location.people[m].id,
                    certifications: (location.people[m].certifications ?? []).sorted())
            },
            place: place.map { location.scenario.bays[$0].id }, appointmentDate: appointment?.start.date.description,
            estimatedStart: plan.start?.description, estimatedCompletion: plan.completion?.description,
            work: plan.pauses
                ? plan.work.map { .init(start: $0.lowerBound.description, end: $0.upperBound.description) } : nil,
            promisedAt: order.promisedAt?.description, blocked: plan.blocked, waiting: waiting,
            parts: order.file.parts ?? [], risk: risk(order, plan, location: location, now: now),
            actions: actions(order, appointment: appointment, caller: caller),
            serviceDescription: order.file.serviceDescription,
            internalNotes: caller.may(.viewInternalNotes) ? order.file.internalNotes : nil,
            statusHistory: order.statusHistory.map {
                .init(status: $0.status, at: $0.at.description, by: $0.by, reason: $0.reason)
            })
    }

    /// At risk: the estimated completion is later than promised (or none can
    /// be estimated for promised work), with the reasons in words.
    static func risk(
        _ order: ShopFloor.WorkOrder, _ plan: FloorPlan.Forecast, location: ShopFloor.Location,
        now: LocalDateTime
    ) -> WorkInProgressRow.Risk? {
        guard let promised = order.promisedAt, order.state != .readyForPickup else { return nil }
        guard let completion = plan.completion else {
            return .init(minutesLate: nil, reasons: [plan.blocked ?? "no completion estimate"])
        }
        guard completion > promised else { return nil }
        var reasons: [String] = []
        if order.state == .awaitingParts, let ready = plan.readyAt, ready > now {
            let last = order.parts.filter { $0.expectedAt == ready }.map(\.part.partNumber).joined(separator: ", ")
            reasons.append("waiting for part \(last) until \(ready)")
        }
        if plan.queuePosition != nil, let start = plan.start {
            reasons.append("not yet assigned: a qualified mechanic is expected at \(start)")
        }
        if let m = plan.mechanic, plan.aheadOnMechanic > 0, let start = plan.start, let ready = plan.readyAt,
            start > ready
        {
            reasons.append(
                "behind \(plan.aheadOnMechanic) job(s) of \(location.people[m].name ?? location.people[m].id)")
        } else if let p = plan.place, plan.aheadOnPlace > 0, let start = plan.start, let ready = plan.readyAt,
            start > ready
        {
            reasons.append("behind \(plan.aheadOnPlace) job(s) in \(location.scenario.bays[p].id)")
        } else if let m = plan.mechanic, let start = plan.start, let ready = plan.readyAt, start > ready {
            reasons.append("\(location.people[m].name ?? location.people[m].id) is next at work at \(start)")
        }
        // A run through midnight in a shop open round the clock is no carry-over.
        if plan.pauses, let start = plan.start, completion.date > start.date {
            reasons.append("carries over to \(completion.date): not done before closing on \(start.date)")
        }
        if order.file.remainingMinutes
            > max(0, promised.absoluteMinutes - max(now, plan.readyAt ?? now).absoluteMinutes)
        {
            reasons.append("\(order.file.remainingMinutes) min of work left, more than the time to the promise")
        }
        if reasons.isEmpty { reasons.append("the plan finishes it at \(completion)") }
        return .init(minutesLate: completion.absoluteMinutes - promised.absoluteMinutes, reasons: reasons)
    }

    /// The row's actions, disabled with the reason where the caller lacks the
    /// permission or the work's state forbids it.
    static func actions(
        _ order: ShopFloor.WorkOrder, appointment: ShopFloor.Appointment?,
        caller: ViewCaller
    ) -> [WorkInProgressRow.Action] {
        func action(_ name: String, _ permission: Permission, blockedBy state: String?) -> WorkInProgressRow.Action {
            if !caller.may(permission) {
                return .init(name: name, enabled: false, reason: "needs \(permission.rawValue)")
            }
            if let state { return .init(name: name, enabled: false, reason: state) }
            return .init(name: name, enabled: true, reason: nil)
        }
        return [
            action(
                "reassignMechanic", .reassignMechanic,
                blockedBy: order.state == .readyForPickup ? "the work is done" : nil),
            action(
                "editNotes", .editAssignmentNotes, blockedBy: appointment == nil ? "no appointment to note on" : nil),
            action("updateStatus", .updateWorkOrderStatus, blockedBy: nil),
            action("sendUpdate", .sendCustomerUpdate, blockedBy: nil),
        ]
    }
}
