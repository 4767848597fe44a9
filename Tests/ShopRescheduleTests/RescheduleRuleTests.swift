import Foundation
import ShopBooking
import ShopDomain
import ShopReschedule
import Testing

/// The story's acceptance criteria (AC1–AC10, marked in the comments) and rules 1–9, each
/// test named after what it checks.
/// Now is Monday 2026-11-23 09:00 unless a test says otherwise; A-1 is Tuesday 10:00–11:00
/// on BAY-1 with M-1, customer C-1.
@Suite("reschedule rules")
struct RescheduleRuleTests {
    static let day = Shop.snapshot([Shop.appointment()])

    // AC1 (rule 1): an eligible appointment moves to a free time inside operating hours.
    @Test func eligibleAppointmentMovesAndKeepsItsHistory() throws {
        let decision = try Shop.reschedule(Shop.request(), Self.day)
        #expect(decision.outcome == .rescheduled)
        let moved = try #require(decision.appointment)
        #expect(moved.start == "2026-11-25T10:00" && moved.bay == "BAY-1" && moved.mechanic == "M-1")
        #expect(moved.rescheduleCount == 1)
        #expect(moved.history?.map(\.start) == ["2026-11-24T10:00"])
        #expect(moved.history?.first?.reason == "CUSTOMER_REQUEST" && moved.history?.first?.changedBy == "sched-3")
        let update = try #require(decision.update)
        #expect(update.fromStart == "2026-11-24T10:00" && update.toStart == "2026-11-25T10:00")
        #expect(update.fromEnd == "2026-11-24T11:00" && update.toEnd == "2026-11-25T11:00")
        #expect(update.notice == .standard && update.noticeMinutes == 25 * 60)
    }

    @Test(arguments: ["SCHEDULED", "CONFIRMED", "AWAITING_PARTS"])
    func scheduledConfirmedOrAwaitingPartsMovesWithItsStatus(status: String) throws {
        let decision = try Shop.reschedule(Shop.request(), Shop.snapshot([Shop.appointment(status: status)]))
        #expect(decision.outcome == .rescheduled)
        #expect(decision.appointment?.status == status, "the status is unchanged")
    }

    @Test(arguments: ["IN_PROGRESS", "COMPLETED", "CANCELLED", "NO_SHOW"])
    func startedFinishedOrCancelledIsDenied(status: String) throws {
        let decision = try Shop.reschedule(Shop.request(), Shop.snapshot([Shop.appointment(status: status)]))
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.notReschedulable])
        #expect(decision.appointment == nil && decision.events.isEmpty && decision.outbox.entries.isEmpty)
    }

    @Test func newStartOutsideOperatingHoursIsAHardConflict() throws {
        let decision = try Shop.reschedule(Shop.request("2026-11-25T18:00"), Self.day)
        #expect(decision.outcome == .conflicts)
        #expect(decision.conflicts.map(\.code) == [.outsideOperatingHours])
        #expect(decision.conflicts.first?.severity == .hard)
    }

    @Test func newStartInThePastIsAHardConflictNotANoticeQuestion() throws {
        let decision = try Shop.reschedule(Shop.request("2026-11-23T08:00"), Self.day)
        #expect(decision.outcome == .conflicts && decision.denials.isEmpty)
        #expect(decision.conflicts.map(\.code) == [.outsideBookingHorizon])
    }

    // AC2 (rule 1): the caller needs RESCHEDULE_APPOINTMENT for the facility.
    @Test func callerWithoutReschedulePermissionIsDenied() throws {
        let decision = try Shop.reschedule(Shop.request(permissions: Shop.grants([.createAppointment])), Self.day)
        #expect(decision.denials.map(\.code) == [.missingReschedulePermission])
        #expect(decision.audit.map(\.type) == [RescheduleAuditType.attempted, RescheduleAuditType.denied])
        #expect(decision.audit.last?.details["codes"] == "MISSING_PERMISSION_RESCHEDULE_APPOINTMENT")
    }

    @Test func reschedulePermissionForAnotherFacilityIsDenied() throws {
        let decision = try Shop.reschedule(
            Shop.request(permissions: Shop.grants([.rescheduleAppointment], facility: "FAC-2")), Self.day)
        #expect(decision.denials.map(\.code) == [.missingReschedulePermission])
    }

    // AC3 (rule 2): reasons from the enum; notes for OTHER and for any override.
    @Test func reasonOtherNeedsNotes() throws {
        #expect(try Shop.reschedule(Shop.request(reason: .other), Self.day).denials.map(\.code) == [.notesRequired])
        #expect(
            try Shop.reschedule(Shop.request(reason: .other, notes: "customer's car is stuck abroad"), Self.day).outcome
                == .rescheduled)
    }

    @Test func approvalOrConflictOverrideNeedsNotes() throws {
        let approval = try Shop.reschedule(Shop.request(reason: .shopCapacity, manager: Shop.manager), Self.day)
        #expect(approval.denials.map(\.code) == [.notesRequired])
        let override = try Shop.reschedule(
            Shop.request(
                reason: .shopCapacity, permissions: Shop.everything,
                conflictOverride: "loaner tech"), Self.day)
        #expect(override.denials.map(\.code) == [.notesRequired])
    }

    @Test func unknownReasonIsBadInputNamingTheField() throws {
        var request = Shop.request()
        request.reason = "BORED"
        #expect(throws: InputError.self) {
            try RescheduleEngine(clock: FixedClock(Shop.at("2026-11-23T09:00"))).reschedule(request, in: Self.day)
        }
        do {
            _ = try RescheduleEngine(clock: FixedClock(Shop.at("2026-11-23T09:00"))).reschedule(request, in: Self.day)
        } catch {
            #expect(error.paths == ["request.reason"])
        }
    }

    // AC4 (rule 3): under 24 h needs APPROVE_RESCHEDULE or a manager's approval; exactly 24 h does not.
    @Test func exactlyTwentyFourHoursIsStandardNotice() throws {
        let decision = try Shop.reschedule(Shop.request(), Self.day, now: "2026-11-23T10:00")
        #expect(decision.outcome == .rescheduled)
        #expect(decision.update?.noticeMinutes == 24 * 60 && decision.update?.notice == .standard)
    }

    @Test func underTwentyFourHoursNeedsApprovePermissionOrAManager() throws {
        let denied = try Shop.reschedule(Shop.request(), Self.day, now: "2026-11-23T10:01")
        #expect(denied.denials.map(\.code) == [.shortNoticeNotApproved])
        let permitted = try Shop.reschedule(
            Shop.request(permissions: Shop.grants([.rescheduleAppointment, .approveReschedule])),
            Self.day, now: "2026-11-23T10:01")
        #expect(permitted.outcome == .rescheduled && permitted.update?.notice == .short)
        let managed = try Shop.reschedule(
            Shop.request(notes: "manager agreed", manager: Shop.manager), Self.day, now: "2026-11-23T10:01")
        #expect(managed.outcome == .rescheduled && managed.update?.approvedBy == "mgr-1")
    }

    @Test func noticeCountsToTheEarlierOfOldAndNewStart() throws {
        // Moving Tuesday 10:00 earlier, to Monday 15:00: notice is to Monday 15:00 (6 h).
        let decision = try Shop.reschedule(Shop.request("2026-11-23T15:00"), Self.day)
        #expect(decision.denials.map(\.code) == [.shortNoticeNotApproved])
        #expect(decision.audit.first?.details["noticeMinutes"] == "360")
    }

    // AC5 (rule 3): under 4 h is an emergency: a Shop Manager's approval and the customer's confirmation.
    @Test func exactlyFourHoursIsShortNoticeNotAnEmergency() throws {
        let snapshot = Shop.snapshot([Shop.appointment("A-1", "2026-11-23T14:00")])
        let decision = try Shop.reschedule(
            Shop.request("2026-11-24T14:00", permissions: Shop.grants([.rescheduleAppointment, .approveReschedule])),
            snapshot, now: "2026-11-23T10:00")
        #expect(decision.outcome == .rescheduled)
        #expect(decision.update?.notice == .short && decision.update?.noticeMinutes == 240)
    }

    @Test func underFourHoursNeedsAManagerAndTheCustomersConfirmation() throws {
        let snapshot = Shop.snapshot([Shop.appointment("A-1", "2026-11-23T14:00")])
        let approver = Shop.grants([.rescheduleAppointment, .approveReschedule])
        let bare = try Shop.reschedule(
            Shop.request("2026-11-24T14:00", permissions: approver), snapshot, now: "2026-11-23T10:01")
        #expect(bare.denials.map(\.code) == [.managerApprovalRequired, .customerConfirmationRequired])
        let noCustomer = try Shop.reschedule(
            Shop.request("2026-11-24T14:00", notes: "flood", manager: Shop.manager),
            snapshot, now: "2026-11-23T10:01")
        #expect(noCustomer.denials.map(\.code) == [.customerConfirmationRequired])
        let notManager = try Shop.reschedule(
            Shop.request(
                "2026-11-24T14:00", notes: "flood",
                manager: ManagerApproval(approvedBy: "adv-2", role: "SERVICE_ADVISOR"),
                confirmation: Shop.phone), snapshot, now: "2026-11-23T10:01")
        #expect(notManager.denials.map(\.code) == [.managerApprovalInvalid, .managerApprovalRequired])
        let both = try Shop.reschedule(
            Shop.request(
                "2026-11-24T14:00", reason: .emergency, notes: "flood", manager: Shop.manager,
                confirmation: Shop.phone), snapshot, now: "2026-11-23T10:01")
        #expect(both.outcome == .rescheduled && both.update?.notice == .emergency)
        #expect(both.update?.customerConfirmation?.channel == "PHONE")
        let approval = try #require(both.audit.first { $0.type == RescheduleAuditType.approval })
        #expect(approval.details["approvedBy"] == "mgr-1" && approval.details["customerConfirmation"] == "PHONE")
    }

    // AC6 (rule 4): at most 2 reschedules without a manager's approval.
    @Test func thirdRescheduleNeedsAManager() throws {
        let second = try Shop.reschedule(Shop.request(), Shop.snapshot([Shop.appointment(count: 1)]))
        #expect(second.outcome == .rescheduled && second.appointment?.rescheduleCount == 2)
        let third = try Shop.reschedule(Shop.request(), Shop.snapshot([Shop.appointment(count: 2)]))
        #expect(third.denials.map(\.code) == [.rescheduleLimitReached])
        #expect(third.denials.first?.message.contains("reschedule 3") == true)
        let approved = try Shop.reschedule(
            Shop.request(notes: "VIP", manager: Shop.manager), Shop.snapshot([Shop.appointment(count: 2)]))
        #expect(approved.outcome == .rescheduled && approved.appointment?.rescheduleCount == 3)
    }

    // AC7 (rule 5): conflicts as in booking: hard, overridable (with permission and reason), soft; alternatives.
    @Test func hardConflictOffersRankedAlternatives() throws {
        // Wednesday 10:00: both bays taken.
        let snapshot = Shop.snapshot([
            Shop.appointment(),
            Shop.appointment("B-1", "2026-11-25T09:00", minutes: 180, bay: "BAY-1", mechanic: nil, customer: "C-2"),
            Shop.appointment("B-2", "2026-11-25T09:00", minutes: 180, bay: "BAY-2", mechanic: nil, customer: "C-3"),
        ])
        let decision = try Shop.reschedule(Shop.request(), snapshot)
        #expect(decision.outcome == .conflicts)
        #expect(decision.conflicts.map(\.code) == [.noEligibleBay])
        // 8 slots from the wanted 10:00 each (ties by start); then 13:00, the first start that holds
        // neither 12:00's bay nor its mechanic at once (booking offers distinct options).
        #expect(decision.alternatives.map(\.start) == ["2026-11-25T08:00", "2026-11-25T12:00", "2026-11-25T13:00"])
        #expect(decision.appointment == nil && decision.events.isEmpty && decision.outbox.entries.isEmpty)
    }

    @Test func alternativesNeverOfferTheTimeItHasNow() throws {
        // Both bays taken Tuesday 11:00–13:00; A-1 asks for 11:15. Its own 10:00 would be nearest.
        let snapshot = Shop.snapshot([
            Shop.appointment(),
            Shop.appointment("B-1", "2026-11-24T11:00", minutes: 120, bay: "BAY-1", mechanic: nil, customer: "C-2"),
            Shop.appointment("B-2", "2026-11-24T11:00", minutes: 120, bay: "BAY-2", mechanic: nil, customer: "C-3"),
        ])
        let decision = try Shop.reschedule(Shop.request("2026-11-24T11:15"), snapshot)
        #expect(decision.outcome == .conflicts)
        #expect(decision.alternatives.first?.start == "2026-11-24T09:45")
        #expect(!decision.alternatives.contains { $0.start == "2026-11-24T10:00" })
    }

    @Test func overridableConflictNeedsPermissionAndReason() throws {
        // Wednesday 10:00: M-1 busy on another car in BAY-2, M-2 off all week; BAY-1 free.
        var snapshot = Shop.snapshot([
            Shop.appointment(),
            Shop.appointment("B-1", "2026-11-25T10:00", bay: "BAY-2", mechanic: "M-1", customer: "C-2"),
        ])
        snapshot.mechanics[1].shifts = []
        let plain = try Shop.reschedule(Shop.request(), snapshot)
        #expect(plain.outcome == .conflicts && plain.conflicts.map(\.code).contains(.noMechanicFree))
        let refused = try Shop.reschedule(Shop.request(notes: "x", conflictOverride: "loaner tech"), snapshot)
        #expect(refused.denials.map(\.code) == [.conflictOverrideNotPermitted])
        let noReason = try Shop.reschedule(
            Shop.request(notes: "x", permissions: Shop.everything, conflictOverride: " "), snapshot)
        #expect(noReason.denials.map(\.code) == [.conflictOverrideReasonMissing])
        let overridden = try Shop.reschedule(
            Shop.request(notes: "x", permissions: Shop.everything, conflictOverride: "loaner tech"), snapshot)
        #expect(overridden.outcome == .rescheduled)
        #expect(overridden.conflicts.filter(\.overridden).map(\.code) == [.noMechanicFree])
        #expect(overridden.update?.conflictOverride == "loaner tech")
        #expect(
            overridden.audit.contains {
                $0.type == AuditType.conflictOverridden && $0.details["reason"] == "loaner tech"
            })
    }

    @Test func softConflictOnlyWarns() throws {
        // M-1 (its mechanic) is busy Wednesday 10:00; M-2 is free: a soft "preferred mechanic unavailable".
        let snapshot = Shop.snapshot([
            Shop.appointment(),
            Shop.appointment("B-1", "2026-11-25T10:00", bay: "BAY-2", mechanic: "M-1", customer: "C-2"),
        ])
        let decision = try Shop.reschedule(Shop.request(), snapshot)
        #expect(decision.outcome == .rescheduled)
        #expect(decision.conflicts.map(\.code) == [.preferredMechanicUnavailable])
        #expect(decision.conflicts.allSatisfy { $0.severity == .soft })
    }

    // AC8 (rule 6): PRESERVED, CLEARED (flagged), REASSIGNED (policy auto).
    @Test func freeBayAndMechanicArePreserved() throws {
        let update = try #require(try Shop.reschedule(Shop.request(), Self.day).update)
        #expect(
            update.assignment == .preserved && update.bayAssignment == .preserved
                && update.mechanicAssignment == .preserved)
        #expect(!update.dispatcherFollowUp)
    }

    static let mechanicBusyWednesday = Shop.snapshot(
        [
            Shop.appointment(),
            Shop.appointment("B-1", "2026-11-25T10:00", bay: "BAY-2", mechanic: "M-1", customer: "C-2"),
        ], policy: BookingPolicy(assignmentStrategy: "manual"))

    @Test func busyMechanicIsClearedForTheDispatcher() throws {
        let decision = try Shop.reschedule(Shop.request(), Self.mechanicBusyWednesday)
        let update = try #require(decision.update)
        #expect(
            update.assignment == .cleared && update.mechanicAssignment == .cleared && update.bayAssignment == .preserved
        )
        #expect(
            update.dispatcherFollowUp && decision.appointment?.mechanic == nil && decision.appointment?.bay == "BAY-1")
        #expect(decision.warnings.map(\.code).contains("MECHANIC_CLEARED"))
        // M-1 is told the job is no longer theirs.
        #expect(decision.outbox.entries.contains { $0.recipientId == "M-1" && $0.subject == "Job taken off your list" })
    }

    @Test func busyMechanicIsReassignedUnderTheAutoPolicy() throws {
        var snapshot = Self.mechanicBusyWednesday
        snapshot.policy = BookingPolicy(assignmentStrategy: "auto")
        let decision = try Shop.reschedule(Shop.request(), snapshot)
        let update = try #require(decision.update)
        #expect(
            update.assignment == .reassigned && update.mechanicAssignment == .reassigned && update.toMechanic == "M-2")
        #expect(!update.dispatcherFollowUp)
        #expect(decision.outbox.entries.filter { $0.recipientKind == .mechanic }.map(\.recipientId) == ["M-1", "M-2"])
    }

    @Test func busyBayIsReassignedToAFreeOne() throws {
        // A-1's estimate allows a general or a lift bay; BAY-1 is taken Wednesday 10:00.
        var snapshot = Shop.snapshot([
            Shop.appointment(estimate: "E-1"),
            Shop.appointment("B-1", "2026-11-25T10:00", bay: "BAY-1", mechanic: nil, customer: "C-2"),
        ])
        snapshot.estimates = [
            Estimate(
                id: "E-1", status: "SCHEDULED", customerId: "C-1", vehicleId: "V-C-1",
                lines: [
                    ServiceLine(
                        serviceType: "BRAKE_PADS", estimatedMinutes: 60, requiredSkills: ["BRAKES"],
                        bayTypes: ["GENERAL_SERVICE_BAY", "LIFT_BAY"])
                ])
        ]
        let decision = try Shop.reschedule(Shop.request(), snapshot)
        let update = try #require(decision.update)
        #expect(
            update.bayAssignment == .reassigned && update.toBay == "BAY-2" && update.mechanicAssignment == .preserved)
        #expect(update.assignment == .reassigned)
    }

    // AC9 (rule 7): the event, notifications and audit; the same request gives the same bytes.
    @Test func rescheduledEventCarriesTheMove() throws {
        let decision = try Shop.reschedule(Shop.request(notes: "school run"), Self.day)
        let event = try #require(decision.events.first)
        #expect(decision.events.count == 1 && event.type == "AppointmentRescheduled" && event.eventId.hasPrefix("EVT-"))
        #expect(event.appointmentId == "A-1" && event.facilityId == "FAC-1" && event.occurredAt == "2026-11-23T09:00")
        #expect(event.previousStart == "2026-11-24T10:00" && event.newStart == "2026-11-25T10:00")
        #expect(event.previousBayId == "BAY-1" && event.bayId == "BAY-1" && event.mechanicId == "M-1")
        #expect(event.reason == "CUSTOMER_REQUEST" && event.notes == "school run" && event.rescheduledBy == "sched-3")
        #expect(event.rescheduleCount == 1 && event.customerId == "C-1" && event.assignmentOutcome == .preserved)
        let audit = try #require(decision.audit.last)
        #expect(audit.type == RescheduleAuditType.rescheduled && audit.actor == "sched-3")
        #expect(audit.details["reason"] == "CUSTOMER_REQUEST" && audit.details["notes"] == "school run")
    }

    @Test func sameRequestGivesTheSameBytesAndARetryTheSameDecision() throws {
        let first = try Shop.reschedule(Shop.request(), Self.day), again = try Shop.reschedule(Shop.request(), Self.day)
        #expect(JSONFiles.encode(first) == JSONFiles.encode(again))
        // The backend stored the move; the request is retried.
        var stored = Self.day
        stored.appointments = [try #require(first.appointment)]
        var retry = try Shop.reschedule(Shop.request(), stored)
        #expect(retry.replayOf == "A-1")
        retry.replayOf = nil
        #expect(retry == first)
        // Another request key gives other ids.
        let other = try Shop.reschedule(Shop.request(id: "RS-2"), Self.day)
        #expect(other.events.first?.eventId != first.events.first?.eventId)
    }

    @Test func customerAndMechanicAreNotifiedSmsFirstWithAnInvite() throws {
        let decision = try Shop.reschedule(Shop.request(), Self.day)
        let entries = decision.outbox.entries
        #expect(entries.map(\.recipientKind) == [.customer, .mechanic])
        #expect(entries.map(\.recipientId) == ["C-1", "M-1"])
        for entry in entries {
            #expect(entry.channel == .sms && entry.attempt == 1 && entry.status == .pending)
            #expect(
                entry.channels == [
                    ChannelPolicy(channel: .sms, retries: 1), ChannelPolicy(channel: .email, retries: 2),
                ])
        }
        #expect(entries[0].mandatory, "customer-initiated")
        #expect(entries[0].text.contains("2026-11-25 10:00"))
        let ics = try #require(entries[0].calendar)
        #expect(entries[1].calendar == nil)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
        #expect(ics.contains("\r\nUID:A-1@FAC-1.shopsched\r\n") && ics.contains("\r\nSEQUENCE:1\r\n"))
        // 09:00 CST is 15:00 UTC; Wednesday 10:00–11:00 CST is 16:00–17:00 UTC.
        #expect(ics.contains("\r\nDTSTAMP:20261123T150000Z\r\n"))
        #expect(ics.contains("\r\nDTSTART:20261125T160000Z\r\nDTEND:20261125T170000Z\r\n"))
        #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func customerNotificationIsOptionalOnlyWhenShopInitiatedWithNotice() throws {
        let optOut = try Shop.reschedule(Shop.request(reason: .shopCapacity, notifyCustomer: false), Self.day)
        #expect(optOut.outbox.entries.map(\.recipientKind) == [.mechanic])
        let byDefault = try Shop.reschedule(Shop.request(reason: .shopCapacity), Self.day)
        #expect(
            byDefault.outbox.entries.first?.recipientKind == .customer
                && byDefault.outbox.entries.first?.mandatory == false)
        let customer = try Shop.reschedule(Shop.request(reason: .customerRequest, notifyCustomer: false), Self.day)
        #expect(customer.outbox.entries.first?.recipientKind == .customer)
        #expect(customer.warnings.map(\.code) == ["CUSTOMER_NOTIFICATION_MANDATORY"])
        let soon = try Shop.reschedule(
            Shop.request(reason: .shopCapacity, permissions: Shop.everything, notifyCustomer: false),
            Self.day, now: "2026-11-23T12:00")
        #expect(soon.outbox.entries.first?.recipientKind == .customer && soon.outbox.entries.first?.mandatory == true)
    }

    // AC10 (rule 8): delivery outcomes update the outbox; spent retries emit NotificationFailed and a follow-up.
    @Test func deliveredOutcomeClosesTheEntry() throws {
        let outbox = try Shop.reschedule(Shop.request(), Self.day).outbox
        let id = outbox.entries[0].notificationId
        let update = outbox.applying(
            [DeliveryOutcome(notificationId: id, channel: .sms, attempt: 1, result: .delivered)],
            at: Shop.at("2026-11-23T09:01"), facility: "FAC-1")
        #expect(update.outbox.entries[0].status == .delivered && update.outbox.entries[0].attempts.count == 1)
        #expect(update.events.isEmpty && update.followUps.isEmpty)
        #expect(update.outbox.entries[1] == outbox.entries[1])
    }

    @Test func spentRetriesEmitNotificationFailedAndAFollowUp() throws {
        var outbox = try Shop.reschedule(Shop.request(), Self.day).outbox
        let id = outbox.entries[0].notificationId
        let at = Shop.at("2026-11-23T09:05")
        // SMS: attempt 1 and its one retry; then email: attempt 1 and two retries.
        let steps: [(Channel, Int)] = [(.sms, 1), (.sms, 2), (.email, 1), (.email, 2), (.email, 3)]
        var failed: DeliveryUpdate?
        for (n, step) in steps.enumerated() {
            #expect(
                outbox.entries[0].channel == step.0 && outbox.entries[0].attempt == step.1, "before failure \(n + 1)")
            let update = outbox.applying(
                [DeliveryOutcome(notificationId: id, channel: step.0, attempt: step.1, result: .failed)],
                at: at, facility: "FAC-1")
            outbox = update.outbox
            if n < steps.count - 1 {
                #expect(update.events.isEmpty && outbox.entries[0].status == .pending)
            }
            failed = update
        }
        #expect(outbox.entries[0].status == .failed && outbox.entries[0].attempts.count == 5)
        let event = try #require(failed?.events.first)
        #expect(
            event.type == "NotificationFailed" && event.appointmentId == "A-1" && event.recipientId == "C-1"
                && event.attempts == 5)
        #expect(failed?.followUps.map(\.appointmentId) == ["A-1"])
        // Fed again, the same outcome changes nothing.
        let again = outbox.applying(
            [DeliveryOutcome(notificationId: id, channel: .email, attempt: 3, result: .failed)],
            at: at, facility: "FAC-1")
        #expect(again.outbox == outbox && again.events.isEmpty && again.ignored.count == 1)
    }

    // Rule 9: a recurring series is refused, naming it.
    @Test func recurringSeriesIsRefusedByName() throws {
        let decision = try Shop.reschedule(Shop.request(), Shop.snapshot([Shop.appointment(series: "SER-42")]))
        #expect(decision.denials.map(\.code) == [.recurringSeries])
        #expect(decision.denials.first?.message.contains("SER-42") == true)
    }

    @Test func unchangedStartIsRefused() throws {
        #expect(try Shop.reschedule(Shop.request("2026-11-24T10:00"), Self.day).denials.map(\.code) == [.unchanged])
    }

    @Test func everyInputProblemAtOnce() throws {
        var request = Shop.request("2026-11-25T10:07", appointment: "NOPE")
        request.format = "x"
        request.facility = "FAC-9"
        do {
            _ = try RescheduleEngine(clock: FixedClock(Shop.at("2026-11-23T09:00"))).reschedule(request, in: Self.day)
            Issue.record("expected an InputError")
        } catch {
            #expect(error.paths == ["request.format", "request.appointmentId", "request.facility", "request.newStart"])
        }
    }
}

/// Notice in real hours across daylight-saving changes in America/Chicago.
@Suite("daylight saving")
struct DaylightSavingTests {
    /// Saturday 10:00 to Sunday 2026-03-08 10:00 is 24 hours on the wall clock but 23 real hours.
    @Test func springForwardDayCountsTwentyThreeHours() throws {
        let snapshot = Shop.snapshot([Shop.appointment("A-1", "2026-03-08T10:00")], start: "2026-03-07", days: 4)
        let decision = try Shop.reschedule(Shop.request("2026-03-09T10:00"), snapshot, now: "2026-03-07T10:00")
        #expect(decision.denials.map(\.code) == [.shortNoticeNotApproved])
        #expect(decision.audit.first?.details["noticeMinutes"] == "1380")
        // The week after, the same wall-clock times give 24 hours.
        let normal = Shop.snapshot([Shop.appointment("A-1", "2026-03-15T10:00")], start: "2026-03-14", days: 4)
        #expect(
            try Shop.reschedule(Shop.request("2026-03-16T10:00"), normal, now: "2026-03-14T10:00").outcome
                == .rescheduled)
    }

    /// Saturday 11:00 to Sunday 2026-11-01 10:00 is 23 hours on the wall clock but 24 real hours.
    @Test func fallBackDayCountsTwentyFiveHours() throws {
        let snapshot = Shop.snapshot([Shop.appointment("A-1", "2026-11-01T10:00")], start: "2026-10-31", days: 4)
        let decision = try Shop.reschedule(Shop.request("2026-11-02T10:00"), snapshot, now: "2026-10-31T11:00")
        #expect(decision.outcome == .rescheduled)
        #expect(decision.update?.noticeMinutes == 24 * 60 && decision.update?.notice == .standard)
    }

    /// An instant clock gives the same notice as the local time it reads as.
    @Test func instantClockReadsInTheFacilityZone() throws {
        let snapshot = Shop.snapshot([Shop.appointment("A-1", "2026-03-08T10:00")], start: "2026-03-07", days: 4)
        // 2026-03-07 10:00 CST is 16:00 UTC.
        let instant = Date(timeIntervalSince1970: 1_772_899_200)
        #expect(FacilityTime.local(instant, timeZone: "America/Chicago") == Shop.at("2026-03-07T10:00"))
        let decision = try RescheduleEngine(clock: InstantClock(instant)).reschedule(
            Shop.request("2026-03-09T10:00"), in: snapshot)
        #expect(decision.audit.first?.details["noticeMinutes"] == "1380")
    }
}
