import ShopDomain
import ShopReschedule
import Testing

/// Issue 19, part 5: one occurrence of a recurring series moves when the
/// request says so; the audit carries the actor's role.
@Suite("Reschedule: one occurrence of a series, the actor's role")
struct SeriesOccurrenceTests {
    static let series = Shop.snapshot([
        Shop.appointment(series: "SER-42"),
        Shop.appointment("A-2", "2026-11-24T13:00", bay: "BAY-2", mechanic: "M-2", customer: "C-1", series: "SER-42"),
    ])

    static func request(scope: SeriesScope?, role: StaffRole? = .serviceAdvisor) -> RescheduleRequest {
        var request = Shop.request(notes: "customer away that week")
        request.seriesScope = scope?.rawValue
        request.caller = Caller(id: "sched-3", permissions: Shop.scheduler, role: role)
        return request
    }

    @Test func withoutAScopeTheMoveIsRefusedWithTheQuestion() throws {
        let decision = try Shop.reschedule(Self.request(scope: nil), Self.series)
        #expect(decision.outcome == .denied && decision.denials.map(\.code) == [.recurringSeries])
        let message = try #require(decision.denials.first?.message)
        #expect(message.contains("SER-42") && message.contains("THIS_OCCURRENCE"))
    }

    @Test func thisOccurrenceMovesAloneAndIsMarkedAnException() throws {
        let decision = try Shop.reschedule(Self.request(scope: .thisOccurrence), Self.series)
        #expect(decision.outcome == .rescheduled)
        let moved = try #require(decision.appointment)
        #expect(moved.id == "A-1" && moved.start == "2026-11-25T10:00")
        #expect(moved.seriesId == "SER-42" && moved.seriesException == true)
        #expect(moved.version == 2, "a change of the appointment moves its version on")
        let event = try #require(decision.events.first)
        #expect(event.seriesId == "SER-42" && event.seriesException == true && event.version == 2)
        let audit = try #require(decision.audit.last)
        #expect(audit.type == RescheduleAuditType.rescheduled)
        #expect(audit.details["seriesId"] == "SER-42" && audit.details["seriesScope"] == "THIS_OCCURRENCE")
    }

    @Test func theWholeSeriesIsRefusedForTheBackend() throws {
        let decision = try Shop.reschedule(Self.request(scope: .wholeSeries), Self.series)
        #expect(decision.denials.map(\.code) == [.recurringSeries])
        #expect(decision.denials.first?.message.contains("whole recurring series SER-42") == true)
    }

    @Test func aScopeOnAnAppointmentOfNoSeriesChangesNothing() throws {
        let plain = Shop.snapshot([Shop.appointment()])
        let decision = try Shop.reschedule(Self.request(scope: .thisOccurrence), plain)
        #expect(decision.outcome == .rescheduled && decision.appointment?.seriesException == nil)
        #expect(decision.events.first?.seriesId == nil)
    }

    @Test func anUnknownScopeNamesTheField() {
        var request = Self.request(scope: nil)
        request.seriesScope = "EVERY_OTHER"
        #expect {
            try RescheduleEngine(clock: FixedClock(Shop.at("2026-11-23T09:00"))).reschedule(request, in: Self.series)
        } throws: { error in
            (error as? InputError)?.paths == ["request.seriesScope"]
        }
    }

    @Test func everyAuditRecordCarriesTheActorsRole() throws {
        let moved = try Shop.reschedule(Self.request(scope: .thisOccurrence, role: .shopManager), Self.series)
        #expect(!moved.audit.isEmpty && moved.audit.allSatisfy { $0.actorRole == "SHOP_MANAGER" })
        let denied = try Shop.reschedule(Self.request(scope: nil, role: .dispatcher), Self.series)
        #expect(denied.audit.allSatisfy { $0.actorRole == "DISPATCHER" })
        // No role given: none recorded (older request files keep their meaning).
        let plain = try Shop.reschedule(Self.request(scope: .thisOccurrence, role: nil), Self.series)
        #expect(plain.audit.allSatisfy { $0.actorRole == nil })
    }

    @Test func anUnknownRoleNamesTheField() {
        var request = Self.request(scope: .thisOccurrence)
        request.caller.role = "JANITOR"
        #expect {
            try RescheduleEngine(clock: FixedClock(Shop.at("2026-11-23T09:00"))).reschedule(request, in: Self.series)
        } throws: { error in
            (error as? InputError)?.paths == ["request.caller.role"]
        }
    }
}
