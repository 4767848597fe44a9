import Foundation
import ShopDomain
import ShopOperations

extension ShopFloor {
    /// Validates a board snapshot: every problem at once, each with its JSON
    /// path (`locations[0].appointments[3].mobileUnit`), so no view ever meets
    /// bad data.
    public init(_ snapshot: BoardSnapshot) throws(InputError) {
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
        if snapshot.format != BoardSnapshot.formatName {
            add("format", "expected \"\(BoardSnapshot.formatName)\", found \"\(snapshot.format)\"")
        }
        var locationIDs = Set<String>()
        var locations: [Location] = []
        for (l, file) in snapshot.locations.enumerated() {
            let at = "locations[\(l)]"
            if !locationIDs.insert(file.facility.id).inserted {
                add(at + ".facility.id", "duplicate location id \"\(file.facility.id)\"")
            }
            // The scenario file's own checks, on the facility parts alone.
            var scenario: Scenario?
            do {
                scenario = try Scenario(
                    file: ScenarioFile(
                        facility: file.facility, bays: file.bays,
                        mechanics: file.mechanics.map {
                            ScenarioFile.Mechanic(
                                id: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts ?? [])
                        },
                        jobs: []))
            } catch {
                issues += error.issues.map { ValidationIssue(path: at + "." + $0.path, message: $0.message) }
            }
            let location = Self.location(file, path: at, scenario: scenario, &issues)
            if let location { locations.append(location) }
        }
        guard issues.isEmpty else { throw InputError(issues) }
        self.snapshot = snapshot
        self.locations = locations
    }

    private static func location(
        _ file: BoardSnapshot.Location, path at: String, scenario: Scenario?,
        _ issues: inout [ValidationIssue]
    ) -> Location? {
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
        func time(_ text: String?, _ path: String) -> LocalDateTime? {
            guard let text else { return nil }
            guard let value = LocalDateTime(text) else {
                add(path, "\"\(text)\" is not a local time YYYY-MM-DDTHH:MM")
                return nil
            }
            return value
        }
        let bayIndex = Dictionary(file.bays.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mechanicIndex = Dictionary(file.mechanics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let isMobile = file.bays.map { $0.type == BayType.mobileUnit.rawValue }

        var appointments: [Appointment] = []
        var appointmentIDs: [String: Int] = [:]
        for (a, item) in file.appointments.enumerated() {
            let path = "\(at).appointments[\(a)]"
            if appointmentIDs[item.id] != nil { add(path + ".id", "duplicate appointment id \"\(item.id)\"") }
            appointmentIDs[item.id] = appointmentIDs[item.id] ?? a
            let state = AppointmentStatus(rawValue: item.status)
            if state == nil {
                add(
                    path + ".status",
                    "unknown status \"\(item.status)\"; use one of \(AppointmentStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let start = time(item.start, path + ".start")
            if item.durationMinutes <= 0 || item.durationMinutes > Scenario.maxDurationMinutes {
                add(
                    path + ".durationMinutes",
                    "must be from 1 to \(Scenario.maxDurationMinutes), not \(item.durationMinutes)")
            }
            var place: Int?
            var mobile = false
            if item.bay != nil && item.mobileUnit != nil {
                add(
                    path + ".mobileUnit",
                    "an appointment is in a bay or with a mobile unit, not both; drop bay or mobileUnit")
            } else if let id = item.bay {
                place = bayIndex[id]
                if place == nil {
                    add(path + ".bay", "unknown bay id \"\(id)\"")
                } else if isMobile[place!] {
                    add(path + ".bay", "\"\(id)\" is a mobile unit; give it as mobileUnit")
                }
            } else if let id = item.mobileUnit {
                place = bayIndex[id]
                mobile = true
                if place == nil {
                    add(path + ".mobileUnit", "unknown mobile unit id \"\(id)\"")
                } else if !isMobile[place!] {
                    add(path + ".mobileUnit", "\"\(id)\" is a bay, not a mobile unit; give it as bay")
                }
            }
            var mechanic: Int?
            if let id = item.mechanic {
                mechanic = mechanicIndex[id]
                if mechanic == nil { add(path + ".mechanic", "unknown mechanic id \"\(id)\"") }
            }
            if let notes = item.notes, notes.count > AssignmentNotes.maxLength {
                add(path + ".notes", "at most \(AssignmentNotes.maxLength) characters, not \(notes.count)")
            }
            let assignedAt = time(item.assignedAt, path + ".assignedAt")
            let updatedAt = time(item.lastUpdatedAt, path + ".lastUpdatedAt")
            let deadline = time(item.assignmentDeadline, path + ".assignmentDeadline")
            for (v, version) in (item.notesHistory ?? []).enumerated() {
                _ = time(version.at, "\(path).notesHistory[\(v)].at")
            }
            if let state, let start {
                appointments.append(
                    Appointment(
                        id: item.id, state: state, start: start, durationMinutes: item.durationMinutes, place: place,
                        isMobile: mobile, mechanic: mechanic, workOrderId: item.workOrderId, notes: item.notes,
                        notesHistory: item.notesHistory ?? [], assignedAt: assignedAt, lastUpdatedAt: updatedAt,
                        assignmentDeadline: deadline))
            }
        }

        var workOrders: [WorkOrder] = []
        var workOrderIDs = Set<String>()
        for (w, item) in file.workOrders.enumerated() {
            let path = "\(at).workOrders[\(w)]"
            if !workOrderIDs.insert(item.id).inserted { add(path + ".id", "duplicate work order id \"\(item.id)\"") }
            let state = WorkOrderState(rawValue: item.status)
            if state == nil {
                add(
                    path + ".status",
                    "unknown status \"\(item.status)\"; use one of \(WorkOrderState.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if item.remainingMinutes < 0 || item.remainingMinutes > Scenario.maxDurationMinutes {
                add(
                    path + ".remainingMinutes",
                    "must be from 0 to \(Scenario.maxDurationMinutes), not \(item.remainingMinutes)")
            }
            var appointment: Int?
            if let id = item.appointmentId {
                // File index = index in `appointments` whenever validation passes.
                appointment = appointmentIDs[id]
                if appointmentIDs[id] == nil { add(path + ".appointmentId", "unknown appointment id \"\(id)\"") }
            }
            var types = Set<BayType>()
            for (t, name) in (item.bayTypes ?? []).enumerated() {
                if let type = BayType(rawValue: name) {
                    types.insert(type)
                } else {
                    add("\(path).bayTypes[\(t)]", "unknown bay type \"\(name)\"")
                }
            }
            if item.bayTypes == nil { types = Set(BayType.allCases.filter { $0 != .mobileUnit }) }
            if let priority = item.priority, priority < 1 || priority > Scenario.maxPriority {
                add(path + ".priority", "must be from 1 to \(Scenario.maxPriority), not \(priority)")
            }
            let parts = (item.parts ?? []).enumerated().map { p, part in
                (part: part, expectedAt: time(part.expectedAt, "\(path).parts[\(p)].expectedAt"))
            }
            let history = (item.statusHistory ?? []).enumerated().compactMap { h, change in
                time(change.at, "\(path).statusHistory[\(h)].at").map {
                    (status: change.status, at: $0, by: change.by, reason: change.reason)
                }
            }
            details(item, path: path, &issues)
            let promised = time(item.promisedAt, path + ".promisedAt")
            let created = time(item.createdAt, path + ".createdAt")
            if let state {
                workOrders.append(
                    WorkOrder(
                        id: item.id, state: state, file: item, appointment: appointment, promisedAt: promised,
                        createdAt: created, requiredSkills: Set(item.requiredSkills ?? []),
                        preferredSkills: item.preferredSkills ?? [], bayTypes: types, priority: item.priority ?? 1,
                        parts: parts, statusHistory: history.sorted { $0.at < $1.at }))
            }
        }

        var positions: [Int: Position] = [:]
        for (p, position) in (file.mobilePositions ?? []).enumerated() {
            let path = "\(at).mobilePositions[\(p)]"
            guard let unit = bayIndex[position.unit], isMobile[unit] else {
                add(path + ".unit", "\"\(position.unit)\" is not a mobile unit of this location")
                continue
            }
            if !(-90...90).contains(position.latitude) { add(path + ".latitude", "must be from -90 to 90") }
            if !(-180...180).contains(position.longitude) { add(path + ".longitude", "must be from -180 to 180") }
            if let when = time(position.at, path + ".at"), positions[unit].map({ $0.at < when }) ?? true {
                positions[unit] = Position(latitude: position.latitude, longitude: position.longitude, at: when)
            }
        }
        func freshness(_ value: BoardSnapshot.Freshness?, _ path: String) -> Freshness? {
            guard let value, value.cached == true else { return nil }
            return Freshness(asOf: time(value.asOf, path + ".asOf"))
        }
        let people = freshness(file.dataSources?.people, at + ".dataSources.people")
        let assignments = freshness(file.dataSources?.assignments, at + ".dataSources.assignments")
        let workExecution = freshness(file.dataSources?.workExecution, at + ".dataSources.workExecution")
        var readings: [Reading] = []
        for (source, value) in [
            ("people", file.dataSources?.people), ("assignments", file.dataSources?.assignments),
            ("workExecution", file.dataSources?.workExecution),
        ] {
            guard let text = value?.readAt else { continue }
            guard let when = FloorClock.timestamp(text, timeZone: file.facility.timeZone) else {
                add(
                    "\(at).dataSources.\(source).readAt",
                    "\"\(text)\" is not a time YYYY-MM-DDTHH:MM[:SS], local or with Z or an offset ±HH:MM")
                continue
            }
            readings.append(Reading(source: source, readAt: when, text: text))
        }
        let labels = statusLabels(file, path: at, &issues)
        if let minutes = file.estimateChangeThresholdMinutes, minutes < 1 || minutes > 1440 {
            add(at + ".estimateChangeThresholdMinutes", "must be from 1 to 1440 minutes, not \(minutes)")
        }
        guard let scenario else { return nil }
        return Location(
            id: file.facility.id, name: file.name ?? file.facility.id, scenario: scenario, people: file.mechanics,
            shiftsKnown: file.mechanics.map { $0.shifts != nil }, appointments: appointments, workOrders: workOrders,
            positions: positions, peopleCachedAt: people, assignmentsCachedAt: assignments,
            workExecutionCachedAt: workExecution, readings: readings, statusLabels: labels,
            estimateChangeThresholdMinutes: file.estimateChangeThresholdMinutes)
    }

    /// The longest status label and internal note the board takes.
    static let maxLabelLength = 40
    static let maxInternalNotesLength = 2000

    private static func statusLabels(
        _ file: BoardSnapshot.Location, path at: String, _ issues: inout [ValidationIssue]
    ) -> [WorkOrderState: String] {
        var labels: [WorkOrderState: String] = [:]
        for key in (file.statusLabels ?? [:]).keys.sorted() {
            let text = file.statusLabels![key]!, path = "\(at).statusLabels.\(key)"
            guard let state = WorkOrderState(rawValue: key) else {
                issues.append(
                    ValidationIssue(
                        path: path,
                        message:
                            "unknown status \"\(key)\"; use one of \(WorkOrderState.allCases.map(\.rawValue).joined(separator: ", "))"
                    ))
                continue
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.count > maxLabelLength {
                issues.append(
                    ValidationIssue(
                        path: path, message: "a label of 1 to \(maxLabelLength) characters, not \(text.count)"))
                continue
            }
            labels[state] = trimmed
        }
        return labels
    }

    /// The detail fields of a work order: a vehicle's VIN (17 characters, no
    /// I, O or Q) and model year, the length of internal notes.
    private static func details(_ item: BoardSnapshot.WorkOrder, path: String, _ issues: inout [ValidationIssue]) {
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
        if let vin = item.vehicle.vin {
            let allowed = Set("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
            if vin.count != 17 || !vin.uppercased().allSatisfy(allowed.contains) {
                add(path + ".vehicle.vin", "a VIN is 17 letters and digits without I, O or Q, not \"\(vin)\"")
            }
        }
        if let year = item.vehicle.year, year < 1886 || year > 2100 {
            add(path + ".vehicle.year", "a model year from 1886 to 2100, not \(year)")
        }
        if let notes = item.internalNotes, notes.count > maxInternalNotesLength {
            add(path + ".internalNotes", "at most \(maxInternalNotesLength) characters, not \(notes.count)")
        }
    }
}
