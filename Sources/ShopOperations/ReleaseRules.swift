import ShopDomain

/// The rules of an appointment giving its time back (a cancellation, a
/// no-show), shared by the cancellation engine and the refill: which
/// appointments may, when a no-show may be marked, and what happens to the source.
public enum ReleaseRules {
    /// Statuses that may be cancelled: the ones that may be rescheduled
    /// (work started, done or already released cannot be).
    public static let cancellable: [AppointmentStatus] = [.scheduled, .confirmed, .awaitingParts]
    /// Statuses that may be marked a no-show: the car was expected and has not come.
    public static let noShowable: [AppointmentStatus] = [.scheduled, .confirmed]

    /// The earliest time `start` may be marked a no-show under `policy`.
    public static func noShowFrom(_ start: LocalDateTime, policy: BookingPolicy) -> LocalDateTime {
        start.adding(minutes: policy.resolvedNoShowGraceMinutes)
    }

    /// The source's status once `appointment` no longer holds time: booking
    /// moved an estimate to `SCHEDULED`, so it goes back to `APPROVED` (bookable
    /// again) unless another active appointment still links it. A work order's
    /// status is Work Execution's and booking never changed it, so it stays.
    public static func restoredSource(after appointment: BookedAppointment, in facility: ValidatedFacility)
        -> SourceUpdate?
    {
        guard let id = appointment.estimateId,
            (facility.snapshot.estimates ?? []).contains(where: { $0.id == id && $0.status == "SCHEDULED" }),
            !facility.appointments.contains(where: {
                $0.status.isActive && $0.file.id != appointment.id && $0.file.estimateId == id
            })
        else { return nil }
        return SourceUpdate(type: .estimate, id: id, status: "APPROVED")
    }
}
