/// The facility's booking policy. Every field is optional in the file; the
/// `resolved…` accessors apply the defaults.
public struct BookingPolicy: Codable, Hashable, Sendable {
    /// `auto`, `deferred` or `manual`; default `auto`.
    public var assignmentStrategy: String?
    /// Per service type, overriding ``assignmentStrategy`` (and the complex rule).
    public var serviceTypeStrategies: [String: String]?
    /// Service types that are complex: mechanic deferred by default.
    public var complexServiceTypes: [String]?
    /// Work at least this long counts as long: mechanic deferred by default (240).
    public var longServiceMinutes: Int?
    /// Share of the day's capacity above which a booking warns (0.85).
    public var softCapacityThreshold: Double?
    /// Share of a mechanic's shift minutes that day above which a booking warns (0.85).
    public var mechanicOverloadThreshold: Double?
    /// Bookable days from today, today included (90).
    public var bookingHorizonDays: Int?
    /// Standard minutes per service type, used when a line has no estimate.
    public var standardDurations: [String: Int]?
    /// Minutes past an appointment's start before it may be marked a no-show (15).
    public var noShowGraceMinutes: Int?
    /// Service types whose work may carry over: pause when the shop closes (lunch,
    /// night, closed days) or its mechanic goes off shift, and carry on at the next
    /// open time, the car kept on its bay (contract §7). Work whose every line is
    /// of such a type is booked that way. Default none: only work longer than the
    /// shop's longest open stretch carries over (``CarryOverRule``).
    public var carryOverServiceTypes: [String]?

    public init(
        assignmentStrategy: String? = nil, serviceTypeStrategies: [String: String]? = nil,
        complexServiceTypes: [String]? = nil, longServiceMinutes: Int? = nil,
        softCapacityThreshold: Double? = nil, mechanicOverloadThreshold: Double? = nil,
        bookingHorizonDays: Int? = nil, standardDurations: [String: Int]? = nil, noShowGraceMinutes: Int? = nil,
        carryOverServiceTypes: [String]? = nil
    ) {
        self.carryOverServiceTypes = carryOverServiceTypes
        self.noShowGraceMinutes = noShowGraceMinutes
        self.assignmentStrategy = assignmentStrategy
        self.serviceTypeStrategies = serviceTypeStrategies
        self.complexServiceTypes = complexServiceTypes
        self.longServiceMinutes = longServiceMinutes
        self.softCapacityThreshold = softCapacityThreshold
        self.mechanicOverloadThreshold = mechanicOverloadThreshold
        self.bookingHorizonDays = bookingHorizonDays
        self.standardDurations = standardDurations
    }

    public static let defaultLongServiceMinutes = 240
    public static let defaultSoftCapacityThreshold = 0.85
    public static let defaultMechanicOverloadThreshold = 0.85
    public static let defaultBookingHorizonDays = 90
    public static let defaultNoShowGraceMinutes = 15

    public var resolvedStrategy: AssignmentStrategy {
        assignmentStrategy.flatMap(AssignmentStrategy.init(rawValue:)) ?? .auto
    }
    public var resolvedLongServiceMinutes: Int { longServiceMinutes ?? Self.defaultLongServiceMinutes }
    public var resolvedSoftCapacityThreshold: Double { softCapacityThreshold ?? Self.defaultSoftCapacityThreshold }
    public var resolvedMechanicOverloadThreshold: Double {
        mechanicOverloadThreshold ?? Self.defaultMechanicOverloadThreshold
    }
    public var resolvedBookingHorizonDays: Int { bookingHorizonDays ?? Self.defaultBookingHorizonDays }
    public var resolvedNoShowGraceMinutes: Int { noShowGraceMinutes ?? Self.defaultNoShowGraceMinutes }
}
