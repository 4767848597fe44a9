import ShopOperations

/// A request to move one booked appointment (`shopsched.reschedule-request/1`).
///
/// ``requestId`` is the idempotency key: the same request against the same
/// snapshot gives the same decision, ids, events, outbox entries and audit
/// records; a retry after the backend stored the move gives the first answer again.
public struct RescheduleRequest: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.reschedule-request/1"

    public var format: String?
    public var requestId: String
    /// The facility; must be the snapshot's.
    public var facility: String
    public var appointmentId: String
    /// The wanted new start, facility local `YYYY-MM-DDTHH:MM`, on a slot boundary.
    public var newStart: String
    /// A ``RescheduleReason`` raw value.
    public var reason: String
    /// Free text; required for `OTHER` and for any override (conflict override or manager approval).
    public var notes: String?
    public var caller: Caller
    /// Move despite overridable conflicts (needs `OVERRIDE_SCHEDULING_CONFLICT` and a reason).
    public var conflictOverride: ConflictOverride?
    /// A Shop Manager's approval: lifts the short-notice and the reschedule-count rules,
    /// and is required (with the customer's confirmation) under 4 hours' notice.
    public var managerApproval: ManagerApproval?
    /// The customer agreed to the new time (required under 4 hours' notice).
    public var customerConfirmation: CustomerConfirmation?
    /// Send the customer a notification (default true; forced when customer-initiated or within 24 h).
    public var notifyCustomer: Bool?
    /// How many ranked alternatives to return when the move is blocked (default 3; 0 for none).
    public var alternatives: Int?
    /// For one of a recurring series: ``SeriesScope/thisOccurrence`` moves this
    /// appointment alone; absent, the move is refused with that question.
    public var seriesScope: String?

    public init(
        format: String? = RescheduleRequest.formatName, requestId: String, facility: String,
        appointmentId: String, newStart: String, reason: RescheduleReason, notes: String? = nil,
        caller: Caller, conflictOverride: ConflictOverride? = nil,
        managerApproval: ManagerApproval? = nil, customerConfirmation: CustomerConfirmation? = nil,
        notifyCustomer: Bool? = nil, alternatives: Int? = nil, seriesScope: SeriesScope? = nil
    ) {
        self.seriesScope = seriesScope?.rawValue
        self.format = format
        self.requestId = requestId
        self.facility = facility
        self.appointmentId = appointmentId
        self.newStart = newStart
        self.reason = reason.rawValue
        self.notes = notes
        self.caller = caller
        self.conflictOverride = conflictOverride
        self.managerApproval = managerApproval
        self.customerConfirmation = customerConfirmation
        self.notifyCustomer = notifyCustomer
        self.alternatives = alternatives
    }
}
