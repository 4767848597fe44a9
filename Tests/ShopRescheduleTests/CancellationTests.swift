import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import ShopTestSupport
import Testing

/// Cancellations and no-shows: who may, with what notice, what is told, what the source becomes.
@Suite("cancellations and no-shows")
struct CancellationTests {
    /// A-1 for estimate E-1 (SCHEDULED by its booking), CONFIRMED, Wednesday 10:00–11:00, BAY-1, M-1.
    static func snapshot(_ extra: [BookedAppointment] = [], status: String = "CONFIRMED", policy: BookingPolicy? = nil)
        -> BookingSnapshot
    {
        var s = Shop.snapshot(
            [Shop.appointment("A-1", "2026-11-25T10:00", status: status, estimate: "E-1")] + extra, policy: policy)
        s.estimates = [
            Estimate(
                id: "E-1", status: "SCHEDULED", customerId: "C-1", vehicleId: "V-C-1",
                lines: [ServiceLine(serviceType: "BRAKES", estimatedMinutes: 60, requiredSkills: ["BRAKES"])],
                allowsMultipleAppointments: true)
        ]
        return s
    }

    static let canceller = Shop.grants([.cancelAppointment])

    static func cancel(
        _ reason: String? = "CUSTOMER_REQUEST", appointment: String = "A-1", notes: String? = nil,
        permissions: [AppointmentRequest.Grant] = canceller, manager: ManagerApproval? = nil,
        confirmation: CustomerConfirmation? = nil, notifyCustomer: Bool? = nil
    ) -> CancellationRequest {
        CancellationRequest(
            requestId: "CX-1", facility: "FAC-1", appointmentId: appointment, reason: reason, notes: notes,
            caller: .init(id: "advisor-2", permissions: permissions), managerApproval: manager,
            customerConfirmation: confirmation, notifyCustomer: notifyCustomer)
    }

    static func noShow(
        _ appointment: String = "A-1", count: Int? = 2, permissions: [AppointmentRequest.Grant] = canceller
    )
        -> NoShowRequest
    {
        NoShowRequest(
            requestId: "NS-1", facility: "FAC-1", appointmentId: appointment,
            caller: .init(id: "advisor-2", permissions: permissions), customerNoShowCount: count)
    }

    static func engine(_ now: String = "2026-11-23T09:00") -> CancellationEngine {
        CancellationEngine(clock: FixedClock(Shop.at(now)))
    }

    /// The snapshot with the decision stored, checked by the verifier: what is left is a feasible plan.
    static func stored(_ d: CancellationDecision, in s: BookingSnapshot) throws -> BookingSnapshot {
        let a = try #require(d.appointment)
        var after = s
        after.appointments = after.appointments.map { $0.id == a.id ? a : $0 }
        let report = (try BookedPlanCheck(snapshot: after).verify())
        #expect(report.isFeasible, "\(report)")
        #expect(!after.appointments.contains { $0.id == a.id && BookedPlanCheck.active.contains($0.status) })
        return after
    }

    @Test func cancellingRestoresTheEstimateTellsEveryoneAndFreesTheTime() throws {
        let s = Self.snapshot()
        let d = try Self.engine().cancel(Self.cancel(), in: s)
        #expect(d.outcome == .cancelled)
        #expect(d.denials.isEmpty)
        #expect(d.appointment?.status == "CANCELLED")
        #expect(d.appointment?.version == 2)
        #expect(d.sourceUpdate == SourceUpdate(type: .estimate, id: "E-1", status: "APPROVED"))
        #expect(d.freed.map(\.kind) == [.bay, .mechanic, .capacity])
        #expect(d.freed.map(\.resource) == ["BAY-1", "M-1", nil])
        #expect(d.freed.allSatisfy { $0.start == "2026-11-25T10:00" && $0.end == "2026-11-25T11:00" })
        let event = try #require(d.events.first)
        #expect(d.events.count == 1)
        #expect(event.type == "AppointmentCancelled")
        #expect(event.reason == "CUSTOMER_REQUEST")
        #expect(event.version == 2)
        #expect(event.bayId == "BAY-1" && event.mechanicId == "M-1")
        #expect(event.noticeMinutes == 49 * 60)
        #expect(event.customerNoShowCount == nil)
        #expect(event.eventId.hasPrefix("EVT-"))
        #expect(d.outbox.entries.map(\.recipientKind) == [.customer, .mechanic])
        #expect(d.outbox.entries.map(\.recipientId) == ["C-1", "M-1"])
        // Customer-initiated: their notice is mandatory; the calendar entry is withdrawn.
        #expect(d.outbox.entries[0].mandatory)
        #expect(d.outbox.entries[0].calendar?.contains("METHOD:CANCEL\r\n") == true)
        #expect(d.outbox.entries[0].calendar?.contains("SEQUENCE:1\r\n") == true)
        #expect(
            d.audit.map(\.type) == ["AppointmentCancellationAttempted", "AppointmentCancelled", "SourceStatusRestored"])
        #expect(d.audit[1].details["notifications"] == "CUSTOMER:C-1,MECHANIC:M-1")
        _ = try Self.stored(d, in: s)
        // The same request again gives the same bytes.
        #expect(JSONFiles.encode(try Self.engine().cancel(Self.cancel(), in: s)) == JSONFiles.encode(d))
    }

    /// Ten hours that may pause, Wednesday 10:00 with M-1 (on shift 08:00–17:00): Wednesday
    /// 10–17 and Thursday 08–11. The event and the customer's calendar cancel both end at
    /// Thursday 11:00, not at start plus duration (Wednesday 20:00).
    @Test func cancellingWorkThatMayPauseWithdrawsItsWholeTime() throws {
        var a = Shop.appointment("A-1", "2026-11-25T10:00", minutes: 600, status: "CONFIRMED", estimate: "E-1")
        a.resumable = true
        var s = Self.snapshot()
        s.appointments = [a]
        let d = try Self.engine().cancel(Self.cancel(), in: s)
        #expect(d.outcome == .cancelled)
        let end = "2026-11-26T11:00"
        #expect(d.events.first?.end == end)
        let dtend = "DTEND:" + FacilityTime.utcStamp(FacilityTime.instant(Shop.at(end), timeZone: s.facility.timeZone))
        #expect(d.outbox.entries.first?.calendar?.contains(dtend + "\r\n") == true)
        _ = try Self.stored(d, in: s)
    }

    @Test func theEstimateStaysScheduledWhileAnotherAppointmentHoldsIt() throws {
        var other = Shop.appointment("A-2", "2026-11-26T10:00", estimate: "E-1")
        other.customerId = "C-1"
        let d = try Self.engine().cancel(Self.cancel(), in: Self.snapshot([other]))
        #expect(d.outcome == .cancelled)
        #expect(d.sourceUpdate == nil)
        #expect(!d.audit.contains { $0.type == "SourceStatusRestored" })
    }

    @Test func aWorkOrderKeepsItsStatusAndLosesItsPlannedTime() throws {
        var s = Self.snapshot()
        s.appointments[0].estimateId = nil
        s.appointments[0].workOrderId = "W-1"
        s.workOrders = [
            WorkOrder(
                id: "W-1", status: "OPEN", customerId: "C-1", vehicleId: "V-C-1",
                lines: [ServiceLine(serviceType: "BRAKES", estimatedMinutes: 60)])
        ]
        let d = try Self.engine().cancel(Self.cancel("SHOP_CAPACITY"), in: s)
        #expect(d.outcome == .cancelled)
        #expect(d.sourceUpdate == nil)
        let update = try #require(d.workOrderUpdates?.first)
        #expect(
            update.workOrderId == "W-1" && update.plannedStart == nil
                && update.previousPlannedStart == "2026-11-25T10:00")
        #expect(update.eventId.hasPrefix("EVT-") && update.eventId != d.events[0].eventId)
        // Not customer-initiated, two days ahead: the customer is told, not as a must.
        #expect(d.outbox.entries.first?.mandatory == false)
        let quiet = try Self.engine().cancel(Self.cancel("SHOP_CAPACITY", notifyCustomer: false), in: s)
        #expect(quiet.outbox.entries.map(\.recipientKind) == [.mechanic])
    }

    @Test func denials() throws {
        let s = Self.snapshot([Shop.appointment("A-3", "2026-11-25T13:00", status: "CANCELLED")])
        func codes(_ r: CancellationRequest, _ snapshot: BookingSnapshot? = nil) throws -> [DenialCode] {
            let d = try Self.engine().cancel(r, in: snapshot ?? s)
            if d.outcome == .denied {
                #expect(d.appointment == nil && d.events.isEmpty && d.outbox.entries.isEmpty && d.freed.isEmpty)
                #expect(d.audit.last?.type == "AppointmentCancellationDenied")
            }
            return d.denials.map(\.code)
        }
        #expect(
            try codes(Self.cancel(permissions: Shop.grants([.rescheduleAppointment]))) == [.missingCancelPermission])
        #expect(
            try codes(Self.cancel(permissions: Shop.grants([.cancelAppointment], facility: "FAC-2"))) == [
                .missingCancelPermission
            ])
        #expect(try codes(Self.cancel(nil)) == [.cancellationReasonMissing])
        #expect(try codes(Self.cancel("  ")) == [.cancellationReasonMissing])
        #expect(try codes(Self.cancel("OTHER")) == [.notesRequired])
        #expect(try codes(Self.cancel("OTHER", notes: "duplicate by phone")) == [])
        #expect(try codes(Self.cancel(appointment: "A-404")) == [.appointmentNotFound])
        #expect(try codes(Self.cancel(appointment: "A-3")) == [.notCancellable])
        #expect(try codes(Self.cancel(), Self.snapshot(status: "IN_PROGRESS")) == [.notCancellable])
        #expect(try codes(Self.cancel(), Self.snapshot(status: "COMPLETED")) == [.notCancellable])
        // Every reason at once, permission first.
        #expect(
            try codes(Self.cancel(nil, appointment: "A-3", permissions: [])) == [
                .missingCancelPermission, .notCancellable, .cancellationReasonMissing,
            ])
    }

    @Test func theNoticeRulesAreRescheduling() throws {
        let s = Self.snapshot()
        // 10 hours: short notice needs APPROVE_RESCHEDULE or a manager.
        let short = Self.engine("2026-11-25T00:00")
        #expect(try short.cancel(Self.cancel("SHOP_CAPACITY"), in: s).denials.map(\.code) == [.shortNoticeNotApproved])
        let approved = try short.cancel(
            Self.cancel("SHOP_CAPACITY", permissions: Shop.grants([.cancelAppointment, .approveReschedule])), in: s)
        #expect(approved.outcome == .cancelled)
        #expect(approved.outbox.entries.first?.mandatory == true)  // within 24 h: the customer must be told
        let warned = try short.cancel(
            Self.cancel("SHOP_CAPACITY", manager: Shop.manager, notifyCustomer: false), in: s)
        #expect(warned.outcome == .cancelled)
        #expect(warned.warnings.map(\.code) == ["CUSTOMER_NOTIFICATION_MANDATORY"])
        #expect(warned.outbox.entries.first?.recipientKind == .customer)
        // 2 hours: an emergency needs a manager and the customer's confirmation.
        let emergency = Self.engine("2026-11-25T08:00")
        #expect(
            try emergency.cancel(Self.cancel(), in: s).denials.map(\.code) == [
                .managerApprovalRequired, .customerConfirmationRequired,
            ])
        let confirmed = try emergency.cancel(Self.cancel(manager: Shop.manager, confirmation: Shop.phone), in: s)
        #expect(confirmed.outcome == .cancelled)
        #expect(confirmed.audit[1].details["approvedBy"] == "mgr-1")
        // Exactly 24 hours is standard notice.
        #expect(try Self.engine("2026-11-24T10:00").cancel(Self.cancel("SHOP_CAPACITY"), in: s).outcome == .cancelled)
    }

    @Test func badInputNamesTheField() throws {
        #expect {
            try Self.engine().cancel(Self.cancel("CHANGED_MIND"), in: Self.snapshot())
        } throws: { ($0 as? InputError)?.issues.map(\.path) == ["request.reason"] }
        var r = Self.cancel()
        r.facility = "FAC-9"
        r.format = "x"
        #expect {
            try Self.engine().cancel(r, in: Self.snapshot())
        } throws: { ($0 as? InputError)?.issues.map(\.path) == ["request.format", "request.facility"] }
        #expect {
            try Self.engine().markNoShow(Self.noShow(count: -1), in: Self.snapshot())
        } throws: { ($0 as? InputError)?.issues.map(\.path) == ["request.customerNoShowCount"] }
        #expect {
            try Self.engine().markNoShow(
                Self.noShow(), in: Self.snapshot(policy: BookingPolicy(noShowGraceMinutes: -5)))
        } throws: { ($0 as? InputError)?.issues.map(\.path) == ["policy.noShowGraceMinutes"] }
    }

    @Test func aNoShowOnlyAfterTheGracePeriod() throws {
        let s = Self.snapshot()
        let early = try Self.engine("2026-11-25T10:10").markNoShow(Self.noShow(), in: s)
        #expect(early.outcome == .denied)
        #expect(early.denials.map(\.code) == [.noShowBeforeGracePeriod])
        #expect(early.denials[0].message.contains("from 2026-11-25T10:15"))
        #expect(
            try Self.engine("2026-11-25T09:00").markNoShow(Self.noShow(), in: s).denials.map(\.code) == [
                .noShowBeforeGracePeriod
            ])
        let d = try Self.engine("2026-11-25T10:15").markNoShow(Self.noShow(), in: s)
        #expect(d.outcome == .noShow)
        #expect(d.appointment?.status == "NO_SHOW")
        #expect(d.sourceUpdate == SourceUpdate(type: .estimate, id: "E-1", status: "APPROVED"))
        let event = try #require(d.events.first)
        #expect(event.type == "AppointmentNoShow")
        #expect(event.reason == "NO_SHOW")
        #expect(event.customerNoShowCount == 3)
        #expect(event.noticeMinutes == -15)
        #expect(d.freed.map(\.resource) == ["BAY-1", "M-1", nil])
        #expect(d.outbox.entries.map(\.subject) == ["We missed you today", "No-show: job freed"])
        #expect(d.outbox.entries[0].mandatory == false)
        #expect(
            d.audit.map(\.type) == [
                "AppointmentCancellationAttempted", "AppointmentMarkedNoShow", "SourceStatusRestored",
            ])
        _ = try Self.stored(d, in: s)
        // A first no-show counts one.
        #expect(
            try Self.engine("2026-11-25T10:15").markNoShow(Self.noShow(count: nil), in: s).events.first?
                .customerNoShowCount == 1)
        // The grace period is the facility's to set.
        let patient = Self.snapshot(policy: BookingPolicy(noShowGraceMinutes: 30))
        #expect(try Self.engine("2026-11-25T10:20").markNoShow(Self.noShow(), in: patient).outcome == .denied)
        #expect(try Self.engine("2026-11-25T10:30").markNoShow(Self.noShow(), in: patient).outcome == .noShow)
        let strict = Self.snapshot(policy: BookingPolicy(noShowGraceMinutes: 0))
        #expect(try Self.engine("2026-11-25T10:00").markNoShow(Self.noShow(), in: strict).outcome == .noShow)
    }

    @Test func noShowDenials() throws {
        let s = Self.snapshot([Shop.appointment("A-3", "2026-11-25T08:00", status: "IN_PROGRESS")])
        let engine = Self.engine("2026-11-25T12:00")
        #expect(
            try engine.markNoShow(Self.noShow(permissions: []), in: s).denials.map(\.code) == [.missingCancelPermission]
        )
        #expect(try engine.markNoShow(Self.noShow("A-404"), in: s).denials.map(\.code) == [.appointmentNotFound])
        #expect(try engine.markNoShow(Self.noShow("A-3"), in: s).denials.map(\.code) == [.notMarkableNoShow])
        let after = try Self.stored(try engine.markNoShow(Self.noShow(), in: s), in: s)
        // Already a no-show (or cancelled): refused.
        #expect(try engine.markNoShow(Self.noShow(), in: after).denials.map(\.code) == [.notMarkableNoShow])
        #expect(try engine.cancel(Self.cancel(), in: after).denials.map(\.code) == [.notCancellable])
    }
}
