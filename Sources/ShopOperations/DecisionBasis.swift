import Foundation
import ShopDomain

/// The parts of a snapshot a decision relied on, as a stable fingerprint:
/// the facility (hours, slots, capacity, horizon, weights, policy, the bays'
/// and mechanics' ids, types, skills and active flags), and for the days it
/// looked at every appointment touching them, the mechanics' shifts and the
/// bays' out-of-service ranges on them, plus the decision's own subjects (the
/// estimate or work order booked and the appointments linking it, or the
/// appointment moved).
///
/// The fingerprint is ``/ShopDomain/StableHash`` of a canonical text: keys
/// sorted, appointments by id, skills sorted, ranges clipped to the days; so
/// it does not depend on the order of keys in the file, on the order of the
/// appointments, or on anything outside those days. Two snapshots with the
/// same parts give the same fingerprint on every machine.
///
/// Alternatives are not part of the basis: they are advice, looked up again
/// whenever a decision is revalidated.
public struct DecisionBasis: Codable, Hashable, Sendable {
    /// 16 hex digits.
    public var fingerprint: String
    /// The days looked at, `YYYY-MM-DD`, ascending.
    public var days: [String]
    /// The estimates, work orders and appointments the decision is about (`ESTIMATE:E-1`, `APPOINTMENT:A-1`), sorted.
    public var subjects: [String]

    public init(fingerprint: String, days: [String], subjects: [String]) {
        self.fingerprint = fingerprint
        self.days = days
        self.subjects = subjects
    }

    /// The basis of `snapshot` for `days` and `subjects`
    /// (`ESTIMATE:id`, `WORK_ORDER:id`, `APPOINTMENT:id`).
    public init(_ snapshot: BookingSnapshot, days: Set<LocalDate>, subjects: Set<String>) {
        let days = days.sorted()
        let subjects = subjects.sorted()
        self.init(
            fingerprint: StableHash.hex(of: Self.canonicalText(snapshot, days: days, subjects: subjects)),
            days: days.map(\.description), subjects: subjects)
    }

    /// The same parts of a newer snapshot: compare its fingerprint with this one.
    public func recomputed(in snapshot: BookingSnapshot) -> DecisionBasis {
        DecisionBasis(snapshot, days: Set(days.compactMap(LocalDate.init)), subjects: Set(subjects))
    }

    /// The days `[start, end)` touches (the start's day at least).
    public static func days(from start: LocalDateTime, to end: LocalDateTime) -> Set<LocalDate> {
        days(from: start, minutes: end.absoluteMinutes - start.absoluteMinutes)
    }

    /// The days an appointment from `start` for `minutes` touches.
    public static func days(from start: LocalDateTime, minutes: Int) -> Set<LocalDate> {
        let last = start.adding(minutes: max(0, minutes - 1)).date
        var days: Set<LocalDate> = [start.date]
        var day = start.date
        while day < last {
            day = day.adding(days: 1)
            days.insert(day)
        }
        return days
    }

    // MARK: The canonical text

    private struct Part: Encodable {
        var facility: ScenarioFile.Facility
        var weights: ScenarioFile.Weights?
        var policy: BookingPolicy?
        var days: [String]
        var bays: [Bay]
        var mechanics: [Mechanic]
        var appointments: [BookedAppointment]
        var estimates: [Estimate]
        var workOrders: [WorkOrder]
    }
    private struct Bay: Encodable {
        var id: String
        var type: String
        var outOfService: [ScenarioFile.TimeRange]
    }
    private struct Mechanic: Encodable {
        var id: String
        var skills: [String]
        var active: Bool
        var shifts: [ScenarioFile.TimeRange]
    }

    private static func canonicalText(_ snapshot: BookingSnapshot, days: [LocalDate], subjects: [String]) -> String {
        let spans = days.map { day in
            (LocalDateTime(date: day, minuteOfDay: 0), LocalDateTime(date: day.adding(days: 1), minuteOfDay: 0))
        }
        func touches(_ start: LocalDateTime?, _ end: LocalDateTime?) -> Bool {
            guard let start, let end else { return true }  // unparsable: kept, so any change shows
            return spans.contains { start < $0.1 && $0.0 < end }
        }
        func onDays(_ ranges: [ScenarioFile.TimeRange]?) -> [ScenarioFile.TimeRange] {
            (ranges ?? []).filter { touches(LocalDateTime($0.start), LocalDateTime($0.end)) }
                .sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        }
        let estimateIDs = Set(subjects.compactMap { $0.hasPrefix("ESTIMATE:") ? String($0.dropFirst(9)) : nil })
        let workOrderIDs = Set(subjects.compactMap { $0.hasPrefix("WORK_ORDER:") ? String($0.dropFirst(11)) : nil })
        let appointmentIDs = Set(subjects.compactMap { $0.hasPrefix("APPOINTMENT:") ? String($0.dropFirst(12)) : nil })
        let appointments = snapshot.appointments.filter { a in
            let start = LocalDateTime(a.start)
            return appointmentIDs.contains(a.id) || a.estimateId.map(estimateIDs.contains) == true
                || a.workOrderId.map(workOrderIDs.contains) == true
                || touches(start, start?.adding(minutes: a.durationMinutes))
        }.map { a in
            // Absent counters say the same as their defaults (a retry rebuilds them so).
            var a = a
            a.requiredSkills = a.requiredSkills?.sorted()
            a.version = a.currentVersion
            a.rescheduleCount = a.rescheduleCount ?? 0
            if a.history?.isEmpty == true { a.history = nil }
            return a
        }.sorted { $0.id < $1.id }
        let part = Part(
            facility: snapshot.facility, weights: snapshot.weights, policy: snapshot.policy,
            days: days.map(\.description),
            bays: snapshot.bays.map { Bay(id: $0.id, type: $0.type, outOfService: onDays($0.outOfService)) },
            mechanics: snapshot.mechanics.map {
                Mechanic(
                    id: $0.id, skills: ($0.skills ?? []).sorted(), active: $0.active ?? true, shifts: onDays($0.shifts))
            },
            appointments: appointments,
            estimates: (snapshot.estimates ?? []).filter { estimateIDs.contains($0.id) }.sorted { $0.id < $1.id },
            workOrders: (snapshot.workOrders ?? []).filter { workOrderIDs.contains($0.id) }.sorted { $0.id < $1.id })
        return String(decoding: JSONFiles.encode(part), as: UTF8.self)
    }
}
