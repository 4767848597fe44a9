import ShopDomain
import ShopOperations
import ShopViews

/// The views suite's shop floor, a board snapshot (the read models' input, not
/// a booking snapshot): a small shop on Monday 2026-03-02 (08:00–17:00
/// weekdays): a lift bay B1, a general bay B3, mobile units M2 and M4; Jane Doe
/// (BRAKES, ENGINE, 08:00–17:00 Mon and Tue), Alex Ruiz (TIRES, Mon 08:00–13:00 only).
public enum BoardShop {
    public static let monday = "2026-03-02"
    public static func at(_ time: String, _ day: String = monday) -> LocalDateTime { LocalDateTime("\(day)T\(time)")! }

    public static func location(
        id: String = "SHOP-1", appointments: [BoardSnapshot.Appointment] = [],
        workOrders: [BoardSnapshot.WorkOrder] = [],
        positions: [BoardSnapshot.MobilePosition]? = nil,
        dataSources: BoardSnapshot.DataSources? = nil
    ) -> BoardSnapshot.Location {
        let hours = ["mon", "tue", "wed", "thu", "fri"].reduce(into: [String: [[String]]]()) {
            $0[$1] = [["08:00", "17:00"]]
        }
        return BoardSnapshot.Location(
            name: "Main Street",
            facility: ScenarioFile.Facility(
                id: id, timeZone: "America/Chicago", slotMinutes: 15,
                horizon: .init(start: monday, days: 5), operatingHours: hours),
            bays: [
                .init(id: "B1", type: "LIFT_BAY"), .init(id: "B3", type: "GENERAL_SERVICE_BAY"),
                .init(id: "M2", type: "MOBILE_UNIT"), .init(id: "M4", type: "MOBILE_UNIT"),
            ],
            mechanics: [
                .init(
                    id: "jane", name: "Jane Doe", skills: ["BRAKES", "ENGINE"], certifications: ["ASE-A5", "ASE-A1"],
                    shifts: [
                        .init(start: "\(monday)T08:00", end: "\(monday)T17:00"),
                        .init(start: "2026-03-03T08:00", end: "2026-03-03T17:00"),
                    ]),
                .init(
                    id: "alex", name: "Alex Ruiz", skills: ["TIRES"],
                    shifts: [.init(start: "\(monday)T08:00", end: "\(monday)T13:00")]),
            ],
            appointments: appointments, workOrders: workOrders, mobilePositions: positions, dataSources: dataSources)
    }

    public static func appointment(
        _ id: String, status: String = "SCHEDULED", start: String = "09:00", minutes: Int = 60,
        bay: String? = "B1", mobile: String? = nil, mechanic: String? = "jane",
        workOrder: String? = nil, notes: String? = nil
    ) -> BoardSnapshot.Appointment {
        BoardSnapshot.Appointment(
            id: id, status: status, start: "\(monday)T\(start)", durationMinutes: minutes,
            bay: bay, mobileUnit: mobile, mechanic: mechanic, workOrderId: workOrder, notes: notes)
    }

    public static func workOrder(
        _ id: String, status: String = "SCHEDULED", appointment: String? = nil, remaining: Int = 60,
        promised: String? = nil, skills: [String] = [], preferred: [String]? = nil,
        priority: Int? = nil, customer: String = "C1", vehicle: String = "V1",
        parts: [BoardSnapshot.Part]? = nil, created: String? = nil
    ) -> BoardSnapshot.WorkOrder {
        BoardSnapshot.WorkOrder(
            id: id, status: status, customer: .init(id: customer, name: "Customer \(customer)"),
            vehicle: .init(id: vehicle, name: "Vehicle \(vehicle)"), appointmentId: appointment,
            remainingMinutes: remaining, promisedAt: promised.map { "\(monday)T\($0)" }, requiredSkills: skills,
            preferredSkills: preferred, priority: priority, createdAt: created.map { "\(monday)T\($0)" }, parts: parts)
    }

    public static func floor(_ locations: BoardSnapshot.Location...) throws -> ShopFloor {
        try ShopFloor(BoardSnapshot(locations: locations))
    }

    public static func caller(
        _ permissions: Permission..., facility: String = "SHOP-1",
        role: ViewCaller.Role? = .serviceAdvisor
    ) -> ViewCaller {
        ViewCaller(id: "u-1", role: role, facilityId: facility, permissions: Set(permissions.map(\.rawValue)))
    }
}
