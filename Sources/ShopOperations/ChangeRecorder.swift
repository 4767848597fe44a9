import Foundation
import ShopDomain

/// Records the placement changes of one decision, the same way for a
/// reschedule and for each change of a replan: the appointment as it is to be
/// stored (its old placement in its history, its version one more), the
/// `AppointmentRescheduled` event, the notifications (with the calendar
/// invite, whose `SEQUENCE` is the new version less one, so it only grows),
/// the work order's new planned time, and the ids and audit records, all from
/// one injected clock and one id generator keyed by the request.
public struct ChangeRecorder {
    public let ids: DecisionIDs
    public let now: LocalDateTime
    public let nowInstant: Date
    public let facility: String
    public let timeZone: String
    /// Who makes the changes (the caller, or who reported the disruption).
    public let actor: String
    /// The request's idempotency key.
    public let requestKey: String
    public var audit: AuditTrail
    public private(set) var events: [RescheduleEvent] = []
    public private(set) var outbox = NotificationOutbox()
    /// Their event ids are handed out by ``finish()``, after the changes' own events.
    public private(set) var workOrderUpdates: [WorkOrderPlanUpdated] = []

    public init(
        ids generator: any BookingIDGenerator, clock: any ShopClock, facility: String, timeZone: String,
        actor: String, actorRole: String? = nil, requestKey: String
    ) {
        ids = DecisionIDs(generator, requestKey: requestKey, facility: facility)
        now = clock.now(timeZone: timeZone)
        nowInstant = clock.instant(timeZone: timeZone)
        self.facility = facility
        self.timeZone = timeZone
        self.actor = actor
        self.requestKey = requestKey
        audit = AuditTrail(
            ids: ids, at: now.description, actor: actor, actorRole: actorRole, facility: facility,
            requestId: requestKey)
    }

    /// Real minutes from now to `time` (negative when it has passed).
    public func minutes(until time: LocalDateTime) -> Int {
        FacilityTime.elapsedMinutes(from: nowInstant, to: FacilityTime.instant(time, timeZone: timeZone))
    }

    /// One appointment's change of placement.
    public struct Change {
        /// The appointment as it was.
        public var appointment: BookedAppointment
        public var fromStart: LocalDateTime
        public var fromBay: String
        public var fromMechanic: String?
        /// `nil`: no longer placed (a replan found it no place; it needs rebooking).
        public var to: (start: LocalDateTime, bay: String, mechanic: String?)?
        /// A reschedule reason code.
        public var reason: String
        public var notes: String?
        /// A reschedule counts in the appointment's `rescheduleCount`; a replan's change does not.
        public var countsAsReschedule: Bool
        public var assignmentOutcome: AssignmentOutcome?
        /// One occurrence of a recurring series moves on its own (the request said so).
        public var movesOneOccurrence = false
        /// The old and new ends of work that may pause (contract §7, the end of its last
        /// work range); `nil`: start plus the appointment's duration.
        public var fromEnd: LocalDateTime?, toEnd: LocalDateTime?

        public init(
            appointment: BookedAppointment, fromStart: LocalDateTime, fromBay: String, fromMechanic: String?,
            to: (start: LocalDateTime, bay: String, mechanic: String?)?, reason: String, notes: String?,
            countsAsReschedule: Bool, assignmentOutcome: AssignmentOutcome? = nil
        ) {
            self.appointment = appointment
            self.fromStart = fromStart
            self.fromBay = fromBay
            self.fromMechanic = fromMechanic
            self.to = to
            self.reason = reason
            self.notes = notes
            self.countsAsReschedule = countsAsReschedule
            self.assignmentOutcome = assignmentOutcome
        }

        /// The appointment's version after the change.
        public var version: Int { appointment.currentVersion + 1 }
        /// Notice runs to the earlier of the old and the new start.
        public var noticeFrom: LocalDateTime { to.map { min($0.start, fromStart) } ?? fromStart }
        var rescheduleCount: Int { (appointment.rescheduleCount ?? 0) + (countsAsReschedule ? 1 : 0) }
    }

    /// The appointment at its new placement, to be stored: the old placement
    /// appended to its history, its version one more; `nil` when it is no longer placed.
    public func stored(_ change: Change) -> BookedAppointment? {
        guard let to = change.to else { return nil }
        let before = change.appointment
        var a = before
        a.history =
            (before.history ?? []) + [
                AppointmentHistoryEntry(
                    start: before.start, durationMinutes: before.durationMinutes, bay: before.bay,
                    mechanic: before.mechanic,
                    changedAt: now.description, changedBy: actor, reason: change.reason, requestKey: requestKey)
            ]
        a.start = to.start.description
        a.bay = to.bay
        a.mechanic = to.mechanic
        if change.countsAsReschedule { a.rescheduleCount = change.rescheduleCount }
        a.version = change.version
        if change.movesOneOccurrence { a.seriesException = true }
        return a
    }

    /// Records the change's event, its notifications (the customer's when
    /// `notifyCustomer` or `mandatory`) and its work order's new planned time;
    /// returns the notifications.
    @discardableResult
    public mutating func record(
        _ change: Change, noticeMinutes: Int, notifyCustomer: Bool,
        mandatory: Bool
    ) -> [OutboxEntry] {
        let a = change.appointment, duration = a.durationMinutes
        let end = change.to.map { (change.toEnd ?? $0.start.adding(minutes: duration)).description }
        events.append(
            RescheduleEvent(
                eventId: ids.next("EVT"), appointmentId: a.id, occurredAt: now.description, facilityId: facility,
                customerId: a.customerId, vehicleId: a.vehicleId, estimateId: a.estimateId, workOrderId: a.workOrderId,
                version: change.version, previousStart: change.fromStart.description,
                previousEnd: (change.fromEnd ?? change.fromStart.adding(minutes: duration)).description,
                newStart: change.to?.start.description,
                newEnd: end, previousBayId: change.fromBay, bayId: change.to?.bay,
                previousMechanicId: change.fromMechanic,
                mechanicId: change.to?.mechanic, reason: change.reason, notes: change.notes, rescheduledBy: actor,
                rescheduleCount: change.rescheduleCount, assignmentOutcome: change.assignmentOutcome,
                noticeMinutes: noticeMinutes, seriesId: a.seriesId,
                seriesException: change.movesOneOccurrence ? true : a.seriesException))
        var placement = PlacementChange(
            appointment: a, facility: facility, timeZone: timeZone, fromStart: change.fromStart,
            fromBay: change.fromBay, fromMechanic: change.fromMechanic, to: change.to,
            reason: change.reason, sequence: change.version - 1)
        placement.fromEnd = change.fromEnd
        placement.toEnd = change.toEnd
        let entries = Notifications.entries(
            for: placement, notifyCustomer: notifyCustomer, mandatory: mandatory, now: now,
            nowInstant: nowInstant, ids: ids)
        outbox.entries += entries
        if let workOrder = a.workOrderId {
            workOrderUpdates.append(
                WorkOrderPlanUpdated(
                    eventId: "", workOrderId: workOrder, appointmentId: a.id, occurredAt: now.description,
                    facilityId: facility, previousPlannedStart: change.fromStart.description,
                    plannedStart: change.to?.start.description, plannedEnd: end, bayId: change.to?.bay,
                    mechanicId: change.to?.mechanic, version: change.version))
        }
        return entries
    }

    mutating func appendOutbox(_ entries: [OutboxEntry]) { outbox.entries += entries }
    mutating func appendWorkOrderUpdate(_ update: WorkOrderPlanUpdated) { workOrderUpdates.append(update) }

    /// Hands the work orders' updates their event ids, after every change's own event.
    public mutating func finish() {
        for i in workOrderUpdates.indices { workOrderUpdates[i].eventId = ids.next("EVT") }
    }
}

extension ChangeRecorder {
    /// One appointment giving its time back (a cancellation or a no-show).
    public struct Release {
        /// The appointment as it was.
        public var appointment: BookedAppointment
        public var start: LocalDateTime
        /// `CANCELLED` or `NO_SHOW`.
        public var status: AppointmentStatus
        /// A cancellation reason code, or `NO_SHOW`.
        public var reason: String
        public var notes: String?
        public var customerNoShowCount: Int?

        public init(
            appointment: BookedAppointment, start: LocalDateTime, status: AppointmentStatus, reason: String,
            notes: String?, customerNoShowCount: Int? = nil
        ) {
            self.appointment = appointment
            self.start = start
            self.status = status
            self.reason = reason
            self.notes = notes
            self.customerNoShowCount = customerNoShowCount
        }

        public var version: Int { appointment.currentVersion + 1 }
        /// The end of the last work range of work that may pause (contract §7); `nil`: start plus duration.
        public var workEnd: LocalDateTime?
        public var end: LocalDateTime { workEnd ?? start.adding(minutes: appointment.durationMinutes) }
    }

    /// The appointment as it is to be stored: the new status, its version one more.
    public func stored(_ release: Release) -> BookedAppointment {
        var a = release.appointment
        a.status = release.status.rawValue
        a.version = release.version
        return a
    }

    /// Records the release's event, its notifications and its work order's
    /// cleared planned time (through ``finish()``); returns the event and the notifications.
    @discardableResult
    public mutating func record(
        _ release: Release, noticeMinutes: Int, notifyCustomer: Bool, mandatory: Bool
    ) -> (ReleaseEvent, [OutboxEntry]) {
        let a = release.appointment
        let event = ReleaseEvent(
            type: release.status == .noShow ? ReleaseEvent.noShow : ReleaseEvent.cancelled,
            eventId: ids.next("EVT"), appointmentId: a.id, occurredAt: now.description, facilityId: facility,
            customerId: a.customerId, vehicleId: a.vehicleId, estimateId: a.estimateId, workOrderId: a.workOrderId,
            seriesId: a.seriesId, version: release.version, start: release.start.description,
            end: release.end.description, bayId: a.bay, mechanicId: a.mechanic, reason: release.reason,
            notes: release.notes, by: actor, noticeMinutes: noticeMinutes,
            customerNoShowCount: release.customerNoShowCount)
        let entries = Notifications.release(
            a, start: release.start, end: release.end, status: release.status, reason: release.reason,
            facility: facility,
            timeZone: timeZone, sequence: release.version - 1, notifyCustomer: notifyCustomer, mandatory: mandatory,
            now: now, nowInstant: nowInstant, ids: ids)
        appendOutbox(entries)
        if let workOrder = a.workOrderId {
            appendWorkOrderUpdate(
                WorkOrderPlanUpdated(
                    eventId: "", workOrderId: workOrder, appointmentId: a.id, occurredAt: now.description,
                    facilityId: facility, previousPlannedStart: release.start.description, plannedStart: nil,
                    plannedEnd: nil, bayId: nil, mechanicId: nil, version: release.version))
        }
        return (event, entries)
    }
}
