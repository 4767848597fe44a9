/// One thing that broke. Which fields matter depends on ``type``.
public struct DisruptionEvent: Codable, Hashable, Sendable {
    /// A ``DisruptionType`` raw value.
    public var type: String
    public var mechanic: String?
    public var bay: String?
    public var appointment: String?
    /// Local `YYYY-MM-DDTHH:MM`.
    public var from: String?
    public var until: String?
    public var minutes: Int?
    public var job: UrgentJob?

    public init(
        type: DisruptionType, mechanic: String? = nil, bay: String? = nil, appointment: String? = nil,
        from: String? = nil, until: String? = nil, minutes: Int? = nil, job: UrgentJob? = nil
    ) {
        self.type = type.rawValue
        self.mechanic = mechanic
        self.bay = bay
        self.appointment = appointment
        self.from = from
        self.until = until
        self.minutes = minutes
        self.job = job
    }
}
