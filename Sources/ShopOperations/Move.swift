/// One booked appointment moved to make room.
public struct Move: Codable, Hashable, Sendable {
    public var appointment: String
    public var fromStart: String
    public var toStart: String
    public var fromBay: String
    public var toBay: String
    public var fromMechanic: String?
    public var toMechanic: String?

    public init(
        appointment: String, fromStart: String, toStart: String, fromBay: String, toBay: String,
        fromMechanic: String?, toMechanic: String?
    ) {
        self.appointment = appointment
        self.fromStart = fromStart
        self.toStart = toStart
        self.fromBay = fromBay
        self.toBay = toBay
        self.fromMechanic = fromMechanic
        self.toMechanic = toMechanic
    }
}
