/// The permissions the engine's adapters enforce, in the stories' names: one
/// list for booking, rescheduling and the shop-floor views.
public enum Permission: String, Codable, Hashable, Sendable, CaseIterable {
    // Booking.
    case createAppointment = "CREATE_APPOINTMENT"
    case overrideSchedulingConflict = "OVERRIDE_SCHEDULING_CONFLICT"
    case approveDurationOverride = "APPROVE_DURATION_OVERRIDE"
    // Rescheduling.
    /// Move a booked appointment (ShopReschedule).
    case rescheduleAppointment = "RESCHEDULE_APPOINTMENT"
    /// Move one at less than 24 hours' notice (ShopReschedule).
    case approveReschedule = "APPROVE_RESCHEDULE"
    // Cancellations and no-shows.
    /// Cancel a booked appointment, or mark it a no-show (ShopReschedule's `CancellationEngine`).
    case cancelAppointment = "CANCEL_APPOINTMENT"
    // Assignment and work-in-progress views.
    case viewAssignments = "VIEW_ASSIGNMENTS"
    case viewCancelledAppointments = "VIEW_CANCELLED_APPOINTMENTS"
    case editAssignmentNotes = "EDIT_ASSIGNMENT_NOTES"
    case viewAllLocations = "WIP_VIEW_ALL_LOCATIONS"
    /// Offered as an action on the work-in-progress board (our name: the story gives none).
    case reassignMechanic = "ASSIGN_MECHANIC"
    /// Offered as an action on the work-in-progress board (our name: the story gives none).
    case updateWorkOrderStatus = "UPDATE_WORKORDER_STATUS"
    /// The work-in-progress board's "send update" to the customer (our name: the story gives none).
    case sendCustomerUpdate = "SEND_CUSTOMER_UPDATE"
    /// See a work order's internal notes (our name: the story says only permitted roles see them).
    case viewInternalNotes = "VIEW_INTERNAL_NOTES"
}
