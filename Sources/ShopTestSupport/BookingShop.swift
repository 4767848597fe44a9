import ShopDomain
import ShopOperations

/// The test suites' booking shop, one description with its variants spelled
/// out: FAC-1 in America/Chicago, 15-minute slots, open 08:00–18:00 on
/// weekdays; BAY-1 general, BAY-2 lift; M-1 "J. Doe" BRAKES+ENGINE and
/// M-2 "A. Smith" BRAKES on shift 08:00–17:00 on the days the shop staffs.
///
/// - ``booking`` (the booking suite): Saturday 09:00–13:00, Sunday closed,
///   shifts Monday to Friday; a mobile unit VAN-1; an inactive EV mechanic
///   M-3 "R. Roe".
/// - ``everyDay`` (the reschedule and replan suites): open and staffed
///   08:00–18:00 every day; no mobile unit, no M-3.
public struct BookingShop: Sendable {
    /// Weekend hours (and so the staffed days).
    public enum Weekend: Sendable {
        /// Saturday 09:00–13:00, Sunday closed; shifts on weekdays only.
        case saturdayMorning
        /// Saturday and Sunday like the weekdays, shifts included.
        case open
    }

    public var weekend: Weekend
    /// Whether VAN-1, a `MOBILE_UNIT`, is one of the bays.
    public var mobileUnit: Bool
    /// Whether M-3 "R. Roe" (EV, inactive) is on the books.
    public var inactiveMechanic: Bool

    public init(weekend: Weekend, mobileUnit: Bool, inactiveMechanic: Bool) {
        self.weekend = weekend
        self.mobileUnit = mobileUnit
        self.inactiveMechanic = inactiveMechanic
    }

    /// The booking suite's shop.
    public static let booking = BookingShop(weekend: .saturdayMorning, mobileUnit: true, inactiveMechanic: true)
    /// The reschedule and replan suites' shop.
    public static let everyDay = BookingShop(weekend: .open, mobileUnit: false, inactiveMechanic: false)

    /// The horizon's first day when a test names none, a Monday.
    public static let monday = "2026-11-23"

    /// 08:00–17:00 on each staffed day of the horizon.
    public func shifts(start: String = BookingShop.monday, days: Int = 7) -> [ScenarioFile.TimeRange] {
        let first = LocalDate(start)!
        return (0..<days).map { first.adding(days: $0) }
            .filter { weekend == .open || ![.sat, .sun].contains($0.weekday) }
            .map { ScenarioFile.TimeRange(start: "\($0)T08:00", end: "\($0)T17:00") }
    }

    /// The shop's snapshot over `days` days from `start`, holding what the test gives it.
    public func snapshot(
        start: String = BookingShop.monday, days: Int = 7, appointments: [BookedAppointment] = [],
        estimates: [Estimate]? = nil, workOrders: [WorkOrder]? = nil, policy: BookingPolicy? = nil,
        maxConcurrent: Int? = nil, mechanics: [BookingSnapshot.Mechanic]? = nil
    ) -> BookingSnapshot {
        var hours = ["mon", "tue", "wed", "thu", "fri"].reduce(into: [String: [[String]]]()) {
            $0[$1] = [["08:00", "18:00"]]
        }
        switch weekend {
        case .saturdayMorning: hours["sat"] = [["09:00", "13:00"]]
        case .open: (hours["sat"], hours["sun"]) = ([["08:00", "18:00"]], [["08:00", "18:00"]])
        }
        let shifts = shifts(start: start, days: days)
        var staff = [
            BookingSnapshot.Mechanic(id: "M-1", name: "J. Doe", skills: ["BRAKES", "ENGINE"], shifts: shifts),
            BookingSnapshot.Mechanic(id: "M-2", name: "A. Smith", skills: ["BRAKES"], shifts: shifts),
        ]
        if inactiveMechanic {
            staff.append(
                BookingSnapshot.Mechanic(id: "M-3", name: "R. Roe", skills: ["EV"], active: false, shifts: shifts))
        }
        return BookingSnapshot(
            facility: ScenarioFile.Facility(
                id: "FAC-1", timeZone: "America/Chicago", slotMinutes: 15,
                horizon: ScenarioFile.Horizon(start: start, days: days), operatingHours: hours,
                maxConcurrent: maxConcurrent),
            bays: [
                ScenarioFile.Bay(id: "BAY-1", type: "GENERAL_SERVICE_BAY"),
                ScenarioFile.Bay(id: "BAY-2", type: "LIFT_BAY"),
            ] + (mobileUnit ? [ScenarioFile.Bay(id: "VAN-1", type: "MOBILE_UNIT")] : []),
            mechanics: mechanics ?? staff, appointments: appointments, estimates: estimates,
            workOrders: workOrders, policy: policy)
    }
}
