import ShopDomain
import ShopOperations

/// The appointment a booking created (``BookingDecision/appointment``). Its
/// links (source, customer, vehicle) are immutable.
public struct CreatedAppointment: Codable, Hashable, Sendable {
    public var id: String
    /// Always `SCHEDULED` when created.
    public var status: String
    public var version: Int
    public var facility: String
    public var sourceType: SourceType
    public var estimateId: String?
    public var workOrderId: String?
    public var customerId: String
    public var vehicleId: String
    public var start: String
    /// Its end; for work that may pause (``resumable``), the end of its last work
    /// range, which may be on a later day.
    public var end: String
    public var durationMinutes: Int
    /// The bay, when the work is done in the shop.
    public var bay: String?
    /// The mobile unit, when the work is done at the customer's place.
    public var mobileUnit: String?
    public var mechanic: String?
    public var assignmentStatus: AssignmentStatus
    /// When a deferred or manual mechanic must be assigned by.
    public var assignmentDeadline: String?
    public var requiredSkills: [String]
    public var requestKey: String
    public var createdBy: String
    public var createdAt: String
    /// `true` when booked to pause over closed time and off-shift time, its car kept
    /// on its bay (contract §7, ``/ShopOperations/CarryOverRule``); absent otherwise.
    public var resumable: Bool? = nil
    /// For work that may pause: its work ranges in order (`[{start, end}]`), read with
    /// the shifts of its mechanic (a deferred one: the mechanic the staffing check found
    /// free; none: the shop's hours alone); the bay is held from ``start`` to ``end``.
    /// Absent for work in one stretch. Once stored without a mechanic, the snapshot
    /// reads its work with the shop's hours alone until one is assigned.
    public var work: [SolutionFile.WorkRange]? = nil
}

extension CreatedAppointment {
    /// The appointment as a snapshot lists it once the backend has stored it.
    public var booked: BookedAppointment {
        BookedAppointment(
            id: id, status: status, start: start, durationMinutes: durationMinutes, bay: bay ?? mobileUnit ?? "",
            mechanic: mechanic, estimateId: estimateId, workOrderId: workOrderId, customerId: customerId,
            vehicleId: vehicleId, rescheduleCount: 0, requestKey: requestKey, requiredSkills: requiredSkills,
            version: version, resumable: resumable)
    }
}
