import ShopDomain
import ShopOperations

/// Builds assignment views (the assignment story).
public enum AssignmentViews {
    /// The location ids `caller` may see: every location for a dispatcher,
    /// else only their own facility.
    public static func scope(of caller: ViewCaller, in floor: ShopFloor) -> Set<String> {
        caller.role == .dispatcher ? Set(floor.locations.map(\.id)) : [caller.facilityId]
    }

    /// Every appointment `caller` may see, in location then start order.
    /// Needs `VIEW_ASSIGNMENTS`; cancelled appointments appear only with
    /// `VIEW_CANCELLED_APPOINTMENTS` and `includeCancelled`.
    /// `now` is the local time at the caller's location (``FloorClock/local(_:on:for:)``);
    /// every other location sees the same instant on its own clock.
    public static func board(
        _ floor: ShopFloor, for caller: ViewCaller, now: LocalDateTime,
        includeCancelled: Bool = false
    ) throws(ViewDenied) -> AssignmentBoard {
        try board(
            floor, for: caller, clock: FloorClock.local(now, on: floor, for: caller),
            includeCancelled: includeCancelled)
    }

    /// The board at one instant, each location on its own clock.
    public static func board(
        _ floor: ShopFloor, for caller: ViewCaller, clock: FloorClock,
        includeCancelled: Bool = false
    ) throws(ViewDenied) -> AssignmentBoard {
        guard caller.may(.viewAssignments) else {
            throw ViewDenied(missing: .viewAssignments, reason: "viewing assignments needs VIEW_ASSIGNMENTS")
        }
        if includeCancelled && !caller.may(.viewCancelledAppointments) {
            throw ViewDenied(
                missing: .viewCancelledAppointments,
                reason: "cancelled appointments need VIEW_CANCELLED_APPOINTMENTS")
        }
        let scope = scope(of: caller, in: floor)
        var views: [AssignmentView] = []
        var notices: [String] = []
        var clocks: [LocationClock] = []
        var sources: [DataSourceStatus] = []
        var overdue: [OverdueAssignment] = []
        for location in floor.locations where scope.contains(location.id) {
            notices += dataNotices(location, clock: clock)
            sources += DataSourceStatus.of(location, clock: clock)
            clocks.append(LocationClock(location, clock))
            overdue += overdueAssignments(location, clock: clock)
            let shown = location.appointments.filter {
                AppointmentStatus.shown.contains($0.state) || (includeCancelled && $0.state == .cancelled)
            }
            for appointment in shown.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
                views.append(view(appointment, in: location, clock: clock))
            }
        }
        return AssignmentBoard(
            now: clock.homeNow.description, assignments: views, dataNotices: notices, locations: clocks,
            dataSources: sources, overdueAssignments: overdue.mostOverdueFirst())
    }

    /// The deferred-assignment SLA: the appointments `caller` may see whose
    /// mechanic is still unassigned past their `assignmentDeadline`, most
    /// overdue first. Needs `VIEW_ASSIGNMENTS`.
    public static func overdueAssignments(_ floor: ShopFloor, for caller: ViewCaller, clock: FloorClock)
        throws(ViewDenied) -> [OverdueAssignment]
    {
        try board(floor, for: caller, clock: clock).overdueAssignments
    }

    /// One location's overdue assignments at its own now, most overdue first (ties by id).
    static func overdueAssignments(_ location: ShopFloor.Location, clock: FloorClock) -> [OverdueAssignment] {
        let now = clock.now(in: location)
        return location.appointments.compactMap { a -> OverdueAssignment? in
            guard
                let late = AssignmentDeadline.overdueMinutes(
                    deadline: a.assignmentDeadline, hasMechanic: a.mechanic != nil, status: a.state, now: now)
            else { return nil }
            return OverdueAssignment(
                appointmentId: a.id, facilityId: location.id, start: a.start.description,
                assignmentDeadline: a.assignmentDeadline!.description, overdueMinutes: late)
        }.mostOverdueFirst()
    }

    /// One appointment's view; `nil` when it is not visible to `caller`
    /// (the same rules as ``board(_:for:now:includeCancelled:)``).
    public static func view(
        of id: String, in floor: ShopFloor, for caller: ViewCaller,
        now: LocalDateTime
    ) throws(ViewDenied) -> AssignmentView? {
        let includeCancelled = caller.may(.viewCancelledAppointments)
        return try board(floor, for: caller, now: now, includeCancelled: includeCancelled)
            .assignments.first { $0.appointmentId == id }
    }

    static func view(
        _ appointment: ShopFloor.Appointment, in location: ShopFloor.Location,
        clock: FloorClock
    ) -> AssignmentView {
        var warnings: [String] = []
        var place: AssignmentView.Place?
        var placeName = "Unassigned"
        if let p = appointment.place {
            let bay = location.scenario.bays[p]
            var position: AssignmentView.Position?
            if appointment.isMobile {
                let known = location.positions[p]
                // Real minutes: right across a daylight-saving change.
                let minutes = known.map { clock.minutes(since: $0.at, in: location) }
                let fix = MobileUnitFix.of(ageMinutes: minutes)
                position = AssignmentView.Position(
                    latitude: known?.latitude, longitude: known?.longitude, lastUpdated: known?.at.description,
                    fix: fix, available: fix == .fresh || fix == .stale)
                switch fix {
                case .fresh: break
                case .stale:
                    warnings.append(
                        "\(bay.id): GPS position is \(age(minutes!)) old (stale after \(MobileUnitFix.staleAfterMinutes) min)"
                    )
                case .unavailable:
                    warnings.append("\(bay.id): GPS position is \(age(minutes!)) old; unit marked unavailable")
                case .unknown: warnings.append("\(bay.id): no GPS position; unit marked unavailable")
                }
            }
            place = AssignmentView.Place(
                kind: appointment.isMobile ? .mobileUnit : .bay, id: bay.id,
                type: bay.type.rawValue, position: position)
            placeName = displayName(bayID: bay.id, mobile: appointment.isMobile)
        }
        var mechanic: AssignmentView.MechanicSummary?
        if let m = appointment.mechanic {
            let person = location.people[m]
            mechanic = AssignmentView.MechanicSummary(
                id: person.id, name: person.name ?? person.id,
                certifications: (person.certifications ?? []).sorted())
        }
        let summary: String
        switch (place, mechanic) {
        case (nil, nil): summary = "Unassigned"
        case (_?, nil): summary = "\(placeName) - Unassigned"
        case (nil, let mechanic?): summary = "Unassigned - \(shortName(mechanic.name))"
        case (_?, let mechanic?): summary = "\(placeName) - \(shortName(mechanic.name))"
        }
        return AssignmentView(
            appointmentId: appointment.id, locationId: location.id, status: appointment.state,
            start: appointment.start.description, end: appointment.end.description, place: place, mechanic: mechanic,
            notes: appointment.notes, notesVersion: appointment.notesHistory.map(\.version).max(),
            assignedAt: appointment.assignedAt?.description, lastUpdatedAt: appointment.lastUpdatedAt?.description,
            summary: summary, warnings: warnings)
    }

    /// A location's lines on the data: "served from a cache taken 12 min ago"
    /// for each cached source (Work Execution's named an outage), then "read
    /// 75 s ago" for each source read more than a minute before now.
    static func dataNotices(_ location: ShopFloor.Location, clock: FloorClock) -> [String] {
        let sources = DataSourceStatus.of(location, clock: clock)
        var notices: [String] = []
        for source in sources where source.cached {
            let howOld =
                source.cachedAgeMinutes.map { "taken \(age($0)) ago (\(source.cachedAsOf!))" } ?? "of unknown age"
            notices.append(
                source.source == "workExecution"
                    ? "\(location.id): Work Execution unavailable: work orders served from a cache \(howOld)"
                    : "\(location.id): \(source.displayName) data served from a cache \(howOld)")
        }
        for source in sources where source.stale {
            notices.append(
                "\(location.id): \(source.displayName) data read \(source.ageSeconds!) s ago (stale after \(DataSourceStatus.staleAfterSeconds) s)"
            )
        }
        return notices
    }

    /// "Bay 3" for bay id "B3" or "BAY-3" and "Mobile 2" for "M2"; the id
    /// itself when it carries no number.
    static func displayName(bayID: String, mobile: Bool) -> String {
        let digits = String(bayID.reversed().prefix { $0.isNumber }.reversed())
        guard !digits.isEmpty, let number = Int(digits) else { return bayID }
        return (mobile ? "Mobile " : "Bay ") + String(number)
    }

    /// "J. Doe" for "Jane Doe"; single names as they are.
    static func shortName(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard words.count > 1, let first = words.first?.first else { return name }
        return "\(first). " + words.dropFirst().joined(separator: " ")
    }

    static func age(_ minutes: Int) -> String {
        minutes < 120 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
    }
}
