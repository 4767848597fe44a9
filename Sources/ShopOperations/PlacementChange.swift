import ShopDomain

/// One appointment's change, as the notifications describe it.
public struct PlacementChange {
    /// The appointment as it was before the change.
    public var appointment: BookedAppointment
    public var facility: String
    public var timeZone: String
    public var fromStart: LocalDateTime
    public var fromBay: String
    public var fromMechanic: String?
    /// `nil`: no longer placed (a replan could not fit it; it needs rebooking).
    public var to: (start: LocalDateTime, bay: String, mechanic: String?)?
    /// A reschedule reason code.
    public var reason: String
    /// The calendar invite's `SEQUENCE`.
    public var sequence: Int
    /// The old and new ends of work that may pause (contract §7); `nil`: start plus duration.
    public var fromEnd: LocalDateTime?, toEnd: LocalDateTime?

    public init(
        appointment: BookedAppointment, facility: String, timeZone: String, fromStart: LocalDateTime,
        fromBay: String, fromMechanic: String?, to: (start: LocalDateTime, bay: String, mechanic: String?)?,
        reason: String, sequence: Int
    ) {
        self.appointment = appointment
        self.facility = facility
        self.timeZone = timeZone
        self.fromStart = fromStart
        self.fromBay = fromBay
        self.fromMechanic = fromMechanic
        self.to = to
        self.reason = reason
        self.sequence = sequence
    }

    public var durationMinutes: Int { appointment.durationMinutes }
    /// The end of the time the change leaves it: the new end, or the old one when it is no longer placed.
    public var end: LocalDateTime {
        if let to { return toEnd ?? to.start.adding(minutes: durationMinutes) }
        return fromEnd ?? fromStart.adding(minutes: durationMinutes)
    }
    /// Its start changes (not only its bay or mechanic).
    public var timeChanged: Bool { to?.start != fromStart }
}
