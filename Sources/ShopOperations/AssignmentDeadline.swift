import ShopDomain

/// The deferred-assignment SLA: an appointment booked without a mechanic
/// (deferred, or awaiting a manual assignment) must have one by its
/// `assignmentDeadline`. One rule for the booking snapshot's query and the
/// shop-floor board.
public enum AssignmentDeadline {
    /// Minutes past the deadline when the appointment is still active, still
    /// has no mechanic and needs one, and `now` is after the deadline
    /// (exactly at the deadline is not yet late); otherwise `nil`.
    public static func overdueMinutes(
        deadline: LocalDateTime?, hasMechanic: Bool, needsMechanic: Bool = true, status: AppointmentStatus,
        now: LocalDateTime
    ) -> Int? {
        guard let deadline, !hasMechanic, needsMechanic, status.isActive, status != .ready, now > deadline else {
            return nil
        }
        return now.absoluteMinutes - deadline.absoluteMinutes
    }
}

extension ValidatedFacility {
    /// The appointments past their assignment deadline at `now`, most overdue
    /// first (ties by id).
    public func overdueAssignments(now: LocalDateTime) -> [OverdueAssignment] {
        appointments.compactMap { booked -> OverdueAssignment? in
            let file = booked.file
            let deadline = file.assignmentDeadline.flatMap(LocalDateTime.init)
            guard
                let late = AssignmentDeadline.overdueMinutes(
                    deadline: deadline, hasMechanic: booked.mechanic != nil,
                    needsMechanic: file.needsMechanic != false, status: booked.status, now: now)
            else { return nil }
            return OverdueAssignment(
                appointmentId: file.id, facilityId: snapshot.facility.id, start: file.start,
                assignmentDeadline: deadline!.description, overdueMinutes: late)
        }.mostOverdueFirst()
    }
}

extension [OverdueAssignment] {
    /// Most overdue first, ties by appointment id: the order every list of them takes.
    public func mostOverdueFirst() -> [OverdueAssignment] {
        sorted { ($1.overdueMinutes, $0.appointmentId) < ($0.overdueMinutes, $1.appointmentId) }
    }
}
