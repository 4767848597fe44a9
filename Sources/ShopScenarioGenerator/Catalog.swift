import ShopDomain

/// The shop's fixed vocabulary: skills, services, crews and shifts. The
/// numbers are documented in `datasets/README.md` ("Generated scenarios").
enum Catalog {
    // MARK: Skills

    static let skills = [
        "BRAKES", "ENGINE", "ELECTRICAL", "DIAGNOSTICS", "ALIGNMENT", "TIRES", "INSPECTION", "HVAC",
        "TRANSMISSION", "SUSPENSION",
    ]

    /// Every senior starts from the core of diagnosis work and adds 2–4 more.
    static let seniorCore = ["DIAGNOSTICS", "ELECTRICAL", "ENGINE"]

    /// General technicians: 3–4 skills, as real specialisations go.
    static let technicianProfiles: [[String]] = [
        ["ALIGNMENT", "BRAKES", "SUSPENSION", "TIRES"],
        ["BRAKES", "ENGINE", "TRANSMISSION"],
        ["DIAGNOSTICS", "ELECTRICAL", "HVAC"],
        ["BRAKES", "INSPECTION", "TIRES"],
        ["DIAGNOSTICS", "ELECTRICAL", "ENGINE", "HVAC"],
        ["ALIGNMENT", "SUSPENSION", "TIRES"],
        ["BRAKES", "ENGINE", "SUSPENSION"],
    ]

    /// Apprentices: 1–2 entry-level skills.
    static let apprenticeProfiles: [[String]] = [
        ["TIRES"], ["INSPECTION"], ["INSPECTION", "TIRES"], ["BRAKES", "TIRES"],
    ]

    // MARK: Hours and shifts (minutes since midnight)

    /// Open hours of a weekday: Mon–Fri 08:00–18:00, Sat 09:00–14:00, Sun closed.
    static func hours(_ day: Weekday) -> (open: Int, close: Int)? {
        switch day {
        case .mon, .tue, .wed, .thu, .fri: (480, 1080)
        case .sat: (540, 840)
        case .sun: nil
        }
    }

    static let operatingHours: [String: [[String]]] = {
        var result: [String: [[String]]] = [:]
        for day in Weekday.allCases {
            if let (open, close) = hours(day) { result[day.rawValue] = [[clock(open), clock(close)]] }
        }
        return result
    }()

    /// A mechanic's weekday shift.
    enum Shift: CaseIterable {
        /// 08:00–17:00.
        case full
        /// 07:30–16:00; the first half hour is before opening, so it rounds up to 08:00.
        case early
        /// 09:30–18:00.
        case late
        /// Part-time 08:00–12:00.
        case morning
        /// Part-time 13:00–18:00.
        case afternoon

        var minutes: (start: Int, end: Int) {
            switch self {
            case .full: (480, 1020)
            case .early: (450, 960)
            case .late: (570, 1080)
            case .morning: (480, 720)
            case .afternoon: (780, 1080)
            }
        }
    }

    /// The Saturday shift of those who work it.
    static let saturdayShift = (start: 540, end: 840)

    enum Tier {
        case senior, technician, apprentice

        /// Weights of full, early, late, morning, afternoon.
        var shiftWeights: [Int] {
            switch self {
            case .senior: [50, 25, 25, 0, 0]
            case .technician: [45, 20, 25, 5, 5]
            case .apprentice: [40, 10, 0, 25, 25]
            }
        }
    }

    // MARK: Services

    /// One kind of job the shop books.
    struct Service {
        var name: String
        /// Relative frequency.
        var weight: Int
        /// One is drawn per job; some are not multiples of a slot on purpose.
        var durations: [Int]
        var bayTypes: [BayType]
        var requiredSkills: [String] = []
        var preferredSkills: [String] = []
        /// Chance that the job's mechanic is `optional` (else `required`), unless `noMechanic`.
        var optionalChance: Double = 0
        var noMechanic = false
        /// Chance of a customer waiting on site (narrow window); short jobs only.
        var waitingChance: Double = 0
        /// Chance of a window over two open days, when the horizon has a next open day.
        var twoDayChance: Double = 0.08
    }

    static let oilChange = Service(
        name: "oil change", weight: 20, durations: [30, 30, 45],
        bayTypes: [.generalService, .lift], optionalChance: 0.3, waitingChance: 0.35)
    static let brakes = Service(
        name: "brake pads", weight: 12, durations: [90, 75, 120], bayTypes: [.lift],
        requiredSkills: ["BRAKES"], twoDayChance: 0.1)
    static let alignment = Service(
        name: "alignment", weight: 7, durations: [60], bayTypes: [.alignment],
        requiredSkills: ["ALIGNMENT"], preferredSkills: ["SUSPENSION"], waitingChance: 0.2)
    static let tireRotation = Service(
        name: "tire rotation", weight: 8, durations: [45, 30], bayTypes: [.tire, .lift],
        requiredSkills: ["TIRES"], waitingChance: 0.35)
    static let tireReplacement = Service(
        name: "tire replacement", weight: 5, durations: [75, 60],
        bayTypes: [.tire, .lift], requiredSkills: ["TIRES"], waitingChance: 0.2)
    static let inspection = Service(
        name: "state inspection", weight: 7, durations: [30], bayTypes: [.inspection],
        requiredSkills: ["INSPECTION"], waitingChance: 0.35)
    static let diagnostics = Service(
        name: "diagnostics", weight: 9, durations: [60, 50], bayTypes: [.generalService],
        requiredSkills: ["DIAGNOSTICS"], preferredSkills: ["ELECTRICAL"],
        waitingChance: 0.15)
    static let engine = Service(
        name: "engine repair", weight: 4, durations: [180, 210, 240], bayTypes: [.lift],
        requiredSkills: ["ENGINE"], preferredSkills: ["DIAGNOSTICS"], twoDayChance: 0.5)
    static let hvac = Service(
        name: "HVAC", weight: 5, durations: [120, 75], bayTypes: [.generalService],
        requiredSkills: ["HVAC"], twoDayChance: 0.15)
    static let transmission = Service(
        name: "transmission", weight: 2, durations: [240], bayTypes: [.lift],
        requiredSkills: ["TRANSMISSION"], twoDayChance: 0.5)
    static let struts = Service(
        name: "struts", weight: 3, durations: [150], bayTypes: [.lift],
        requiredSkills: ["SUSPENSION"], preferredSkills: ["ALIGNMENT"], twoDayChance: 0.3)
    /// A multi-day job (`--multi-day`): longer than any open interval, so it is resumable.
    static let engineRebuild = Service(
        name: "engine rebuild", weight: 0, durations: [660, 720, 840, 960], bayTypes: [.lift],
        requiredSkills: ["ENGINE"], preferredSkills: ["DIAGNOSTICS"])
    /// At the customer's place, from the mobile unit; without one the shop does it in a general bay.
    static let batteryOnSite = Service(
        name: "battery on site", weight: 4, durations: [45], bayTypes: [.mobileUnit],
        requiredSkills: ["ELECTRICAL"], optionalChance: 1, waitingChance: 0.25)
    static let batteryInShop = Service(
        name: "battery", weight: 4, durations: [45], bayTypes: [.generalService],
        requiredSkills: ["ELECTRICAL"], waitingChance: 0.35)
    static let wash = Service(
        name: "car wash / detail", weight: 5, durations: [30, 50], bayTypes: [.generalService],
        noMechanic: true, waitingChance: 0.2)

    /// The services a shop with these bay types books: a service needs at least
    /// one bay it can use (a shop without an alignment rack takes no alignments).
    static func services(for bayTypes: Set<BayType>) -> [Service] {
        let battery = bayTypes.contains(.mobileUnit) ? batteryOnSite : batteryInShop
        let all = [
            oilChange, brakes, alignment, tireRotation, tireReplacement, inspection, diagnostics, engine, hvac,
            transmission, struts, battery, wash,
        ]
        return all.filter { service in service.bayTypes.contains { bayTypes.contains($0) } }
    }
}

/// `HH:MM` of minutes since midnight.
func clock(_ minutes: Int) -> String { ClockTime(minutes: minutes)!.description }
