/// An appointment already on the books.
public struct BookedAppointment: Codable, Hashable, Sendable {
    public var id: String
    /// An ``AppointmentStatus`` raw value.
    public var status: String
    /// Local start, `YYYY-MM-DDTHH:MM`, on a slot boundary.
    public var start: String
    public var durationMinutes: Int
    /// The bay or mobile unit it holds.
    public var bay: String
    /// `nil`: no mechanic yet (deferred or awaiting skills), or none needed.
    public var mechanic: String?
    /// `false` for work that needs no mechanic (a drop-off inspection, say);
    /// default `true`, so an appointment without a mechanic still claims one
    /// in the staffing check.
    public var needsMechanic: Bool?
    public var estimateId: String?
    public var workOrderId: String?
    public var customerId: String?
    public var vehicleId: String?
    public var rescheduleCount: Int?
    /// The request key that created it (lets a retry find it).
    public var requestKey: String?
    /// Skills a mechanic needs for it; default: those of its source, when the
    /// snapshot holds the source, else none.
    public var requiredSkills: [String]?
    /// The recurring series it belongs to, when it is one of a series.
    public var seriesId: String?
    /// `true` once this occurrence was moved on its own (the rest of its series
    /// stays where it was): the backend keeps it as an exception of the series.
    public var seriesException: Bool?
    /// When a deferred or manual mechanic must be assigned by (the booking
    /// decision's `assignmentDeadline`); see ``AssignmentDeadline``.
    public var assignmentDeadline: String?
    /// Its earlier placements, oldest first (one entry per change: a reschedule or a replan).
    public var history: [AppointmentHistoryEntry]?
    /// Its change counter: 1 when booked, one more at every reschedule or replan
    /// change (the calendar invite's `SEQUENCE` is this minus one). Absent: see
    /// ``currentVersion``.
    public var version: Int?
    /// `true` for work booked to pause over closed time and off-shift time, its car
    /// kept on its bay (contract §7); absent or `false`: it runs in one stretch.
    /// Its work ranges and end follow from its start, its mechanic and the shop's
    /// hours (``ValidatedFacility/Booked/work``).
    public var resumable: Bool?

    public init(
        id: String, status: String = AppointmentStatus.scheduled.rawValue, start: String,
        durationMinutes: Int, bay: String, mechanic: String? = nil, estimateId: String? = nil,
        workOrderId: String? = nil, customerId: String? = nil, vehicleId: String? = nil,
        rescheduleCount: Int? = nil, requestKey: String? = nil, requiredSkills: [String]? = nil,
        needsMechanic: Bool? = nil, seriesId: String? = nil, history: [AppointmentHistoryEntry]? = nil,
        version: Int? = nil, resumable: Bool? = nil
    ) {
        self.version = version
        self.resumable = resumable
        self.needsMechanic = needsMechanic
        self.seriesId = seriesId
        self.history = history
        self.id = id
        self.status = status
        self.start = start
        self.durationMinutes = durationMinutes
        self.bay = bay
        self.mechanic = mechanic
        self.estimateId = estimateId
        self.workOrderId = workOrderId
        self.customerId = customerId
        self.vehicleId = vehicleId
        self.rescheduleCount = rescheduleCount
        self.requestKey = requestKey
        self.requiredSkills = requiredSkills
    }
}

extension BookedAppointment {
    /// ``version`` when the backend keeps it; else 1 plus the changes the appointment
    /// records (its reschedule count or its history, whichever is more).
    public var currentVersion: Int { version ?? 1 + max(rescheduleCount ?? 0, history?.count ?? 0) }
}
