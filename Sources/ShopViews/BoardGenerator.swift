import ShopDomain

/// Seeded board snapshots (`shopsched.board-snapshot/1`) of one busy shop,
/// for the views' tests and benchmarks and a backend's own: the same seed
/// gives the same snapshot.
///
/// The shop is open 07:00–19:00 on weekdays; bays of every type and two
/// mobile units; mechanics with two to three skills each on 8-hour shifts.
/// Work orders are spread over the states: about a third in progress, a
/// third scheduled later today, some waiting without a mechanic, some
/// awaiting parts, a few ready for pickup; most with a promised time.
public enum BoardGenerator {
    static let skills = [
        "BRAKES", "ENGINE", "TIRES", "ALIGNMENT", "ELECTRICAL", "DIAGNOSTICS", "HYBRID", "TRANSMISSION",
    ]
    static let bayTypes: [BayType] = [.lift, .lift, .generalService, .generalService, .alignment, .tire, .inspection]

    /// A snapshot of `workOrders` active work orders on Monday 2026-03-02,
    /// with `bays` bays (plus two mobile units) and `mechanics` mechanics.
    public static func snapshot(seed: UInt64, workOrders: Int, bays: Int = 20, mechanics: Int = 24) -> BoardSnapshot {
        var random = SplitMix64(seed: seed)
        let day = "2026-03-02"
        let hours = ["mon", "tue", "wed", "thu", "fri"].reduce(into: [String: [[String]]]()) {
            $0[$1] = [["07:00", "19:00"]]
        }
        var bayList = (0..<bays).map {
            ScenarioFile.Bay(id: "B\($0 + 1)", type: bayTypes[$0 % bayTypes.count].rawValue)
        }
        bayList += [
            .init(id: "M1", type: BayType.mobileUnit.rawValue), .init(id: "M2", type: BayType.mobileUnit.rawValue),
        ]
        let people = (0..<mechanics).map { m -> BoardSnapshot.Mechanic in
            var own = Set<String>()
            while own.count < 2 + m % 2 { own.insert(skills[random.int(in: 0...(skills.count - 1))]) }
            let begin = m % 3 == 0 ? 7 : (m % 3 == 1 ? 9 : 11)
            let shifts = (2...6).map { d in
                ScenarioFile.TimeRange(
                    start: "2026-03-0\(d)T\(pad(begin)):00", end: "2026-03-0\(d)T\(pad(begin + 8)):00")
            }
            return .init(
                id: "mech-\(m + 1)", name: "Mechanic \(m + 1)", skills: own.sorted(), certifications: ["ASE"],
                shifts: shifts)
        }
        var appointments: [BoardSnapshot.Appointment] = []
        var orders: [BoardSnapshot.WorkOrder] = []
        for w in 0..<workOrders {
            let id = "WO-\(w + 1)"
            let kind = random.int(in: 0...99)
            let mechanic = people[random.int(in: 0...(mechanics - 1))]
            let required = [mechanic.skills![random.int(in: 0...(mechanic.skills!.count - 1))]]
            let start = 7 * 60 + random.int(in: 0...40) * 15
            let minutes = 30 + random.int(in: 0...14) * 15
            let status: String
            switch kind {
            case ..<30: status = "IN_PROGRESS"
            case ..<62: status = "SCHEDULED"
            case ..<80: status = "WAITING"
            case ..<93: status = "AWAITING_PARTS"
            default: status = "READY_FOR_PICKUP"
            }
            let bay = bayList[random.int(in: 0...(bays - 1))]
            var appointmentId: String?
            if status != "WAITING" {
                appointmentId = "AP-\(w + 1)"
                appointments.append(
                    .init(
                        id: appointmentId!,
                        status: status == "READY_FOR_PICKUP" ? "READY" : (status == "SCHEDULED" ? "SCHEDULED" : status),
                        start: "\(day)T\(clock(start))", durationMinutes: minutes, bay: bay.id,
                        mechanic: mechanic.id, workOrderId: id))
            }
            let parts: [BoardSnapshot.Part]? =
                status == "AWAITING_PARTS"
                ? [.init(partNumber: "P-\(w + 1)", expectedAt: "\(day)T\(clock(9 * 60 + random.int(in: 0...24) * 15))")]
                : nil
            orders.append(
                .init(
                    id: id, status: status,
                    customer: .init(id: "C-\(w % (workOrders / 2 + 1))", name: "Customer \(w % (workOrders / 2 + 1))"),
                    vehicle: .init(id: "V-\(w + 1)", name: "Vehicle \(w + 1)"), appointmentId: appointmentId,
                    remainingMinutes: status == "READY_FOR_PICKUP" ? 0 : minutes,
                    promisedAt: random.int(in: 0...9) < 8
                        ? "\(day)T\(clock(min(start + minutes + random.int(in: 0...16) * 15, 19 * 60 - 15)))" : nil,
                    requiredSkills: required, preferredSkills: random.int(in: 0...3) == 0 ? ["DIAGNOSTICS"] : nil,
                    priority: 1 + random.int(in: 0...2), createdAt: "\(day)T07:00", parts: parts))
        }
        let location = BoardSnapshot.Location(
            name: "Generated shop \(seed)",
            facility: .init(
                id: "GEN-\(seed)", timeZone: "America/Chicago", slotMinutes: 15,
                horizon: .init(start: day, days: 7), operatingHours: hours),
            bays: bayList, mechanics: people, appointments: appointments, workOrders: orders,
            mobilePositions: [.init(unit: "M1", latitude: 41.88, longitude: -87.63, at: "\(day)T09:50")])
        return BoardSnapshot(locations: [location])
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func clock(_ minutes: Int) -> String { "\(pad(minutes / 60)):\(pad(minutes % 60))" }
}
