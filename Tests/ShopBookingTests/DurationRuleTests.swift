import ShopBooking
import ShopDomain
import Testing

/// Rule 2: Work Execution → estimate → standard → override, the mismatch
/// warning and the override tolerance at their exact edges.
@Suite("duration")
struct DurationRuleTests {
    func bookWorkOrder(estimate: Int, workExecution: Int) throws -> BookingDecision {
        let order = Fixture.workOrder(workExecution: workExecution, lines: [Fixture.brakeLine(minutes: estimate)])
        return try Fixture.book(Fixture.request(source: ("WORK_ORDER", "W-1")), Fixture.snapshot(workOrders: [order]))
    }

    @Test func workExecutionWinsOverTheEstimate() throws {
        let decision = try bookWorkOrder(estimate: 100, workExecution: 110)
        #expect(decision.appointment?.durationMinutes == 110)
        #expect(decision.appointment?.end == "2026-11-23T10:50")
        #expect(decision.warnings.isEmpty)
    }

    @Test func estimateIsTheSumOfItsLines() throws {
        let lines = [Fixture.brakeLine(minutes: 60), Fixture.brakeLine(minutes: 45, type: "ROTORS")]
        let decision = try Fixture.book(
            Fixture.request(), Fixture.snapshot(estimates: [Fixture.estimate(lines: lines)]))
        #expect(decision.appointment?.durationMinutes == 105)
    }

    @Test func standardDurationFillsALineWithoutAnEstimate() throws {
        let lines = [Fixture.brakeLine(minutes: 60), Fixture.brakeLine(minutes: nil, type: "ROTORS")]
        let snapshot = Fixture.snapshot(
            estimates: [Fixture.estimate(lines: lines)],
            policy: BookingPolicy(standardDurations: ["ROTORS": 75]))
        let decision = try Fixture.book(Fixture.request(), snapshot)
        #expect(decision.appointment?.durationMinutes == 135)
        #expect(decision.audit.first { $0.type == AuditType.durationDecided }?.details["basis"] == "STANDARD")
    }

    // 20 % of a 100-minute estimate is 20 minutes (under 30): exactly 20 % is no mismatch, 21 % is.
    @Test(arguments: [(120, false), (121, true), (80, false), (79, true)])
    func mismatchAtTwentyPercent(workExecution: Int, warns: Bool) throws {
        let decision = try bookWorkOrder(estimate: 100, workExecution: workExecution)
        #expect(decision.warnings.map(\.code) == (warns ? ["DURATION_MISMATCH"] : []))
        #expect(decision.appointment?.durationMinutes == workExecution, "Work Execution is used either way")
    }

    // 30 minutes of a 200-minute estimate is 15 % (under 20 %): exactly 30 minutes is no mismatch, 31 is.
    @Test(arguments: [(230, false), (231, true), (170, false), (169, true)])
    func mismatchAtThirtyMinutes(workExecution: Int, warns: Bool) throws {
        let decision = try bookWorkOrder(estimate: 200, workExecution: workExecution)
        #expect(decision.warnings.map(\.code) == (warns ? ["DURATION_MISMATCH"] : []))
    }

    func bookWithOverride(_ minutes: Int, reason: String? = "customer waits", approve: Bool = false) throws
        -> BookingDecision
    {
        var grants = Fixture.createOnly
        if approve { grants.append(AppointmentRequest.Grant(.approveDurationOverride, facility: "FAC-1")) }
        let request = Fixture.request(permissions: grants, override: .init(minutes: minutes, reason: reason))
        return try Fixture.book(
            request, Fixture.snapshot(estimates: [Fixture.estimate(lines: [Fixture.brakeLine(minutes: 120)])]))
    }

    // ±25 % of 120 minutes is 30 minutes: 90 and 150 need only a reason, 89 and 151 also approval.
    @Test(arguments: [90, 150, 100])
    func overrideWithinTwentyFivePercentNeedsOnlyAReason(minutes: Int) throws {
        let decision = try bookWithOverride(minutes)
        #expect(decision.outcome == .created)
        #expect(decision.appointment?.durationMinutes == minutes)
        #expect(decision.audit.first { $0.type == AuditType.durationDecided }?.details["basis"] == "OVERRIDE")
    }

    @Test(arguments: [89, 151])
    func overrideBeyondTwentyFivePercentNeedsApproval(minutes: Int) throws {
        let denied = try bookWithOverride(minutes)
        #expect(denied.outcome == .denied)
        #expect(denied.denials.map(\.code) == [.durationOverrideNotApproved])
        let approved = try bookWithOverride(minutes, approve: true)
        #expect(approved.outcome == .created)
        #expect(approved.appointment?.durationMinutes == minutes)
    }

    @Test(arguments: [nil, "", "  "] as [String?])
    func overrideWithoutAReasonIsDenied(reason: String?) throws {
        let decision = try bookWithOverride(100, reason: reason, approve: true)
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.durationOverrideReasonMissing])
    }
}
