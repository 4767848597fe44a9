import ShopBooking
import ShopDomain
import ShopReschedule
import Testing

/// Replanning a day in a shop open round the clock: work from the day before
/// that runs past midnight is not replanned, but it holds its bay and mechanic
/// until it ends.
@Suite("replan: work running into the day from the night before")
struct OvernightReplanTests {
    /// Open 00:00–24:00; M-1 and M-2 on shift Mon 00:00 – Wed 00:00. N-1 (in
    /// progress) runs Mon 22:00 – Tue 02:00 on BAY-1, the only general bay.
    static func snapshot() -> BookingSnapshot {
        let allDay = [ScenarioFile.TimeRange(start: "2026-11-23T00:00", end: "2026-11-25T00:00")]
        var snapshot = Shop.snapshot(
            [
                Shop.appointment(
                    "N-1", "2026-11-23T22:00", minutes: 240, bay: "BAY-1", mechanic: "M-1", status: "IN_PROGRESS")
            ],
            days: 2,
            mechanics: [
                BookingSnapshot.Mechanic(id: "M-1", name: "J. Doe", skills: ["BRAKES"], shifts: allDay),
                BookingSnapshot.Mechanic(id: "M-2", name: "A. Smith", skills: ["BRAKES"], shifts: allDay),
            ])
        for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
            snapshot.facility.operatingHours[day] = [["00:00", "24:00"]]
        }
        return snapshot
    }

    // Tuesday 00:30, an urgent 60-minute job for a general bay: BAY-1 is held
    // by N-1 until 02:00, so it can start at 02:00 at the earliest (any start
    // costs 0 here), never 00:30 on top of N-1.
    @Test func overnightWorkHoldsItsBay() throws {
        let job = UrgentJob(
            id: "U-1", durationMinutes: 60, bayTypes: ["GENERAL_SERVICE_BAY"], requiredSkills: ["BRAKES"])
        let disruption = Disruption(
            requestId: "DIS-1", facility: "FAC-1", reportedBy: "dispatch-1",
            events: [DisruptionEvent(type: .urgentJob, job: job)])
        let result = try ReplanEngine(clock: FixedClock(Shop.at("2026-11-24T00:30"))).replan(
            disruption, in: Self.snapshot())
        try ReplanTests.verify(result, Self.snapshot(), sourceLocation: #_sourceLocation)
        #expect(result.day == "2026-11-24")
        #expect(
            result.scenario.bays[0].outOfService?.contains(.init(start: "2026-11-24T00:00", end: "2026-11-24T02:00"))
                == true)
        let urgent = try #require(result.plan.assignments.first { $0.job == "U-1" })
        #expect(urgent.bay == "BAY-1")
        #expect(urgent.start >= "2026-11-24T02:00")
    }
}
