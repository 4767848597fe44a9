import Foundation
import ShopBooking
import ShopDomain
import ShopTestSupport
import Testing

/// Booking work that may pause (contract §7, issue 18): work longer than the
/// shop's longest open stretch, or of a service type the policy lets carry
/// over, is booked across lunch, nights and closed days with its car kept on
/// its bay. Every created appointment goes through the verifier with its work
/// ranges (`Fixture.book`), which reads the rule on its own.
@Suite("booking work that may pause")
struct ResumableBookingTests {
    func codes(_ decision: BookingDecision) -> [ConflictCode] { decision.conflicts.map(\.code) }
    static func range(_ start: String, _ end: String) -> SolutionFile.WorkRange {
        SolutionFile.WorkRange(start: start, end: end)
    }

    /// The brake-and-suspension line: 5 hours, BRAKES, on the lift only.
    static func brakeAndSuspension(minutes: Int = 300) -> ServiceLine {
        ServiceLine(
            serviceType: "BRAKES_AND_SUSPENSION", estimatedMinutes: minutes, requiredSkills: ["BRAKES"],
            bayTypes: ["LIFT_BAY"])
    }

    /// The engine rebuild: 14 hours, ENGINE (only M-1 "J. Doe" has it), on the lift only.
    static let engineRebuild = ServiceLine(
        serviceType: "ENGINE_REBUILD", estimatedMinutes: 840, requiredSkills: ["ENGINE"], bayTypes: ["LIFT_BAY"])

    /// The booking shop with every weekday open 08:00–12:00 and 13:00–17:00 (the
    /// mechanics' 08:00–17:00 shifts cover it), Saturday 09:00–13:00: its longest
    /// open stretch is 4 hours.
    static func lunchShop(
        lines: [ServiceLine] = [brakeAndSuspension()], appointments: [BookedAppointment] = [],
        policy: BookingPolicy? = nil, maxConcurrent: Int? = nil
    ) -> BookingSnapshot {
        var snapshot = Fixture.snapshot(
            appointments: appointments, estimates: [Fixture.estimate(lines: lines)], policy: policy,
            maxConcurrent: maxConcurrent)
        for day in ["mon", "tue", "wed", "thu", "fri"] {
            snapshot.facility.operatingHours[day] = [["08:00", "12:00"], ["13:00", "17:00"]]
        }
        return snapshot
    }

    /// Mechanics assigned at booking (not deferred for long work), so conflicts name them.
    static let assignNow = BookingPolicy(assignmentStrategy: "auto", longServiceMinutes: 10_000)

    // Across lunch: 10:00–12:00 and 13:00–16:00, end 16:00, the lift held over lunch.
    @Test func fiveHourJobBooksAcrossLunch() throws {
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), Self.lunchShop())
        #expect(decision.outcome == .created)
        #expect(!codes(decision).contains(.outsideOperatingHours))
        let a = try #require(decision.appointment)
        #expect(a.resumable == true)
        #expect(a.bay == "BAY-2")
        #expect(
            a.work == [
                Self.range("2026-11-23T10:00", "2026-11-23T12:00"), Self.range("2026-11-23T13:00", "2026-11-23T16:00"),
            ])
        #expect(a.end == "2026-11-23T16:00")
        #expect(a.durationMinutes == 300)
        // The claims: the lift over the whole time, capacity only in the work.
        #expect(
            decision.claims.filter { $0.kind == .bay }.map { "\($0.start)–\($0.end)" } == [
                "2026-11-23T10:00–2026-11-23T16:00"
            ])
        #expect(decision.claims.filter { $0.kind == .capacity }.count == 2)
    }

    // The contract's one-interval rule still holds for work that is not resumable: a
    // 3-hour job (shorter than the 4-hour stretches) over lunch is outside the hours.
    @Test func workThatFitsAStretchIsStillOutsideHoursAcrossLunch() throws {
        let snapshot = Self.lunchShop(lines: [Self.brakeAndSuspension(minutes: 180)])
        let decision = try Fixture.book(Fixture.request(["2026-11-23T11:00"]), snapshot)
        #expect(decision.outcome == .conflicts)
        #expect(codes(decision) == [.outsideOperatingHours])
        // Its alternatives run in one stretch, with no work ranges, each verified and costed.
        #expect(!decision.alternatives.isEmpty)
        #expect(decision.alternatives.allSatisfy { $0.work == nil })
        let job = ScenarioFile.Job(
            id: "NEW", durationMinutes: 180, bayTypes: ["LIFT_BAY"], requiredSkills: ["BRAKES"],
            preferredStarts: ["2026-11-23T11:00"])
        for alternative in decision.alternatives {
            let cost = try BookedPlanCheck(snapshot: snapshot, job: job)
                .addedCost(start: alternative.start, bay: alternative.bay, mechanic: alternative.mechanic)
            #expect(cost == alternative.addedCost, "alternative \(alternative.rank)")
        }
    }

    // Work that may pause starts in open time: 12:00 (lunch) is not a start.
    @Test func resumableWorkStartsInOpenTime() throws {
        let decision = try Fixture.book(Fixture.request(["2026-11-23T12:00"]), Self.lunchShop())
        #expect(codes(decision) == [.outsideOperatingHours])
        #expect(decision.appointment == nil)
    }

    // A 14-hour engine rebuild in the 08:00–18:00 shop (longest stretch 10 hours), started
    // Monday 14:00 with M-1 (on shift 08:00–17:00): Mon 14–17, Tue 08–17, Wed 08–10,
    // so it ends Wednesday 10:00; M-1's hour off shift at 17:00 is a pause too.
    @Test func fourteenHourEngineRebuildBooksAcrossDays() throws {
        let snapshot = Fixture.snapshot(
            estimates: [Fixture.estimate(lines: [Self.engineRebuild])], policy: Self.assignNow)
        let decision = try Fixture.book(Fixture.request(["2026-11-23T14:00"]), snapshot)
        #expect(decision.outcome == .created)
        let a = try #require(decision.appointment)
        #expect(a.resumable == true)
        #expect(a.mechanic == "M-1")
        #expect(
            a.work == [
                Self.range("2026-11-23T14:00", "2026-11-23T17:00"), Self.range("2026-11-24T08:00", "2026-11-24T17:00"),
                Self.range("2026-11-25T08:00", "2026-11-25T10:00"),
            ])
        #expect(a.end == "2026-11-25T10:00")
        // The decision relies on every day it holds the lift.
        #expect(decision.basis?.days == ["2026-11-23", "2026-11-24", "2026-11-25"])
        #expect(decision.events.first?.end == "2026-11-25T10:00")
    }

    // Deferred long work: the work ranges read the shifts of the mechanic the staffing check found.
    @Test func deferredRebuildReadsTheStaffingMechanicsShifts() throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(lines: [Self.engineRebuild])])
        let decision = try Fixture.book(Fixture.request(["2026-11-23T14:00"]), snapshot)
        let a = try #require(decision.appointment)
        #expect(a.mechanic == nil)
        #expect(a.assignmentStatus == .deferred)
        #expect(a.end == "2026-11-25T10:00")
    }

    // The policy's carryOverServiceTypes: Monday has a lunch break, the other weekdays are
    // open 08:00–18:00, so 5 hours fit one stretch and are not resumable by length.
    @Test func policyLetsAServiceTypeCarryOver() throws {
        func snapshot(_ policy: BookingPolicy?, lines: [ServiceLine] = [Self.brakeAndSuspension()]) -> BookingSnapshot {
            var s = Fixture.snapshot(estimates: [Fixture.estimate(lines: lines)], policy: policy)
            s.facility.operatingHours["mon"] = [["08:00", "12:00"], ["13:00", "17:00"]]
            return s
        }
        let request = Fixture.request(["2026-11-23T10:00"])
        // By default only too-long work carries over.
        let plain = try Fixture.book(request, snapshot(nil))
        #expect(codes(plain) == [.outsideOperatingHours])
        #expect(plain.appointment == nil)
        // Named in the policy: it pauses over Monday's lunch.
        let carry = BookingPolicy(carryOverServiceTypes: ["BRAKES_AND_SUSPENSION"])
        let paused = try Fixture.book(request, snapshot(carry))
        #expect(paused.outcome == .created)
        #expect(paused.appointment?.resumable == true)
        #expect(paused.appointment?.end == "2026-11-23T16:00")
        // Every line must be of such a type: with an oil change beside it, it does not carry over.
        let oil = ServiceLine(serviceType: "OIL_CHANGE", estimatedMinutes: 30, bayTypes: ["LIFT_BAY"])
        let mixed = try Fixture.book(
            request, snapshot(carry, lines: [Self.brakeAndSuspension(minutes: 270), oil]))
        #expect(codes(mixed) == [.outsideOperatingHours])
        // Where it fits one stretch, carry-over work runs straight through, as the rule says.
        let tuesday = try Fixture.book(Fixture.request(["2026-11-24T10:00"], id: "REQ-2"), snapshot(carry))
        #expect(tuesday.appointment?.end == "2026-11-24T15:00")
        #expect(tuesday.appointment?.work == [Self.range("2026-11-24T10:00", "2026-11-24T15:00")])
    }

    @Test func policyServiceTypeMustNotBeEmpty() throws {
        let snapshot = Self.lunchShop(policy: BookingPolicy(carryOverServiceTypes: [""]))
        #expect {
            _ = try Fixture.book(Fixture.request(), snapshot)
        } throws: { error in
            (error as? InputError)?.issues.map(\.path) == ["policy.carryOverServiceTypes[0]"]
        }
    }

    // MARK: Conflicts by the resumable rule

    // The lift is held over lunch: another car on it 12:00–13:00 blocks the placement.
    @Test func bayTakenDuringThePauseIsAConflict() throws {
        let other = Fixture.booked(
            "A-1", "2026-11-23T12:00", minutes: 60, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false)
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), Self.lunchShop(appointments: [other]))
        #expect(codes(decision) == [.noEligibleBay])
        #expect(decision.conflicts[0].end == "2026-11-23T16:00")
        #expect(decision.appointment == nil)
    }

    // An out-of-service range of the lift during lunch meets [s, e): a conflict.
    @Test func outOfServiceDuringThePauseIsAConflict() throws {
        var snapshot = Self.lunchShop()
        snapshot.bays[1].outOfService = [.init(start: "2026-11-23T12:15", end: "2026-11-23T12:45")]
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), snapshot)
        #expect(codes(decision) == [.noEligibleBay])
        // Out of service only after the work ends: no conflict.
        snapshot.bays[1].outOfService = [.init(start: "2026-11-23T16:00", end: "2026-11-23T17:00")]
        #expect(try Fixture.book(Fixture.request(["2026-11-23T10:00"]), snapshot).outcome == .created)
    }

    // The mechanic is busy only in the work slots: M-1 (the only ENGINE mechanic) booked on
    // BAY-1 on Tuesday 09:00 blocks the rebuild started Monday 14:00; booked Wednesday
    // 10:00, the hour after the rebuild's last work slot, it does not.
    @Test func mechanicBusyInAWorkSlotIsAConflictButNotAfterTheWork() throws {
        func decision(_ start: String) throws -> BookingDecision {
            let other = Fixture.booked("A-1", start, minutes: 60, bay: "BAY-1", mechanic: "M-1")
            let snapshot = Fixture.snapshot(
                appointments: [other], estimates: [Fixture.estimate(lines: [Self.engineRebuild])],
                policy: Self.assignNow)
            return try Fixture.book(Fixture.request(["2026-11-23T14:00"]), snapshot)
        }
        let busy = try decision("2026-11-24T09:00")
        #expect(codes(busy) == [.noMechanicFree])
        let after = try decision("2026-11-25T10:00")
        #expect(after.outcome == .created)
        #expect(after.appointment?.mechanic == "M-1")
    }

    // Capacity counts the work slots only: with maxConcurrent 1, a drop-off on BAY-1
    // Monday 17:00–18:00, while M-1 is off shift and the rebuild pauses, fits beside it;
    // one at 16:00, a work slot, does not.
    @Test func capacityCountsOnlyWorkSlots() throws {
        func decision(_ start: String) throws -> BookingDecision {
            let other = Fixture.booked(
                "A-1", start, minutes: 60, bay: "BAY-1", mechanic: nil, skills: [], needsMechanic: false)
            let snapshot = Fixture.snapshot(
                appointments: [other], estimates: [Fixture.estimate(lines: [Self.engineRebuild])],
                policy: Self.assignNow, maxConcurrent: 1)
            return try Fixture.book(Fixture.request(["2026-11-23T14:00"]), snapshot)
        }
        #expect(try decision("2026-11-23T17:00").outcome == .created)
        #expect(codes(try decision("2026-11-23T16:00")) == [.capacityExceeded])
    }

    // MARK: Alternatives

    // The lift is taken Tuesday 10:00–11:00 (confirmed, not movable). The rebuild cannot
    // end by then from any start (Monday holds 9 work hours, Tuesday morning 2), so the
    // best alternative starts right after, Tuesday 11:00: Tue 11–17, Wed 08–16. The next
    // ones do not overlap it on the lift. Each is verified with its work ranges.
    @Test func alternativesForAMultiDayJob() throws {
        let taken = Fixture.booked(
            "A-1", "2026-11-24T10:00", minutes: 60, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false)
        let snapshot = Fixture.snapshot(
            appointments: [taken], estimates: [Fixture.estimate(lines: [Self.engineRebuild])],
            policy: Self.assignNow)
        let decision = try Fixture.book(Fixture.request(["2026-11-23T14:00"], alternatives: 3), snapshot)
        #expect(codes(decision) == [.noEligibleBay])
        let best = try #require(decision.alternatives.first)
        #expect(best.start == "2026-11-24T11:00")
        #expect(best.end == "2026-11-25T16:00")
        #expect(best.mechanic == "M-1")
        #expect(
            best.work == [
                Self.range("2026-11-24T11:00", "2026-11-24T17:00"), Self.range("2026-11-25T08:00", "2026-11-25T16:00"),
            ])
        // The next one that does not hold the lift then: Wednesday 16:00 (Wed 16–17,
        // Thu 08–17, Fri 08–12); after Friday noon the week has too little of M-1's time left.
        #expect(decision.alternatives.count == 2)
        #expect(decision.alternatives.last?.start == "2026-11-25T16:00")
        #expect(decision.alternatives.last?.end == "2026-11-27T12:00")
        let held = decision.alternatives.map { LocalDateTime($0.start)!..<LocalDateTime($0.end)! }
        for (i, a) in held.enumerated() {
            for b in held[(i + 1)...] { #expect(!a.overlaps(b)) }
        }
        let job = ScenarioFile.Job(
            id: "NEW", durationMinutes: 840, bayTypes: ["LIFT_BAY"], requiredSkills: ["ENGINE"],
            preferredStarts: ["2026-11-23T14:00"], resumable: true)
        for alternative in decision.alternatives {
            #expect(alternative.work.map { $0.map(Self.minutes).reduce(0, +) } == 840)
            let cost = try BookedPlanCheck(snapshot: snapshot, job: job)
                .addedCost(
                    start: alternative.start, bay: alternative.bay, mechanic: alternative.mechanic,
                    work: alternative.work)
            #expect(cost == alternative.addedCost)
        }
    }

    // Alternatives with moves for work that may pause: the brake job of the fragmented
    // Monday (see AlternativesWithMovesTests), its type allowed to carry over. The search
    // now plans Monday and Tuesday, its start on Monday; no Monday start can pause there
    // (both bays are taken until closing), so it offers what it offers for the job in one
    // stretch, each alternative with its work range, verified with it.
    @Test func alternativesWithMovesForWorkThatMayPause() throws {
        let snapshot = Fixture.snapshot(
            appointments: AlternativesWithMovesTests.fragmented,
            policy: BookingPolicy(carryOverServiceTypes: ["BRAKE_PADS"]))
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), snapshot)
        #expect(decision.outcome == .conflicts)
        let withMoves = decision.alternativesWithMoves
        #expect(withMoves.map(\.start) == ["2026-11-23T09:30", "2026-11-23T09:15", "2026-11-23T09:00"])
        #expect(withMoves.map(\.addedCost) == [52, 53, 54])
        var job = BookedPlanCheck.brakeJob(starts: ["2026-11-23T10:00"])
        job.resumable = true
        let check = BookedPlanCheck(snapshot: snapshot, job: job)
        for alternative in withMoves {
            #expect(alternative.work == [Self.range(alternative.start, alternative.end)])
            let cost = try check.addedCost(
                start: alternative.start, bay: alternative.bay, mechanic: alternative.mechanic,
                moves: alternative.moves, work: alternative.work)
            #expect(cost == alternative.addedCost, "alternative \(alternative.rank)")
        }
    }

    // The claims of work that may pause are revalidated by the same rule: they hold on the
    // snapshot decided on; a car put on the lift over lunch since loses the bay claim.
    @Test func claimsOfWorkThatMayPauseAreRevalidatedByTheRule() throws {
        let snapshot = Self.lunchShop()
        let decision = try Fixture.book(Fixture.request(["2026-11-23T10:00"]), snapshot)
        let revalidator = Revalidator(clock: FixedClock(Fixture.now))
        #expect(try revalidator.revalidate(decision, in: snapshot).outcome == .holds)
        var later = snapshot
        later.appointments = [
            Fixture.booked(
                "A-9", "2026-11-23T12:00", minutes: 60, bay: "BAY-2", mechanic: nil, skills: [], needsMechanic: false)
        ]
        let again = try revalidator.revalidate(decision, in: later)
        #expect(again.outcome == .conflicts)
        #expect(again.conflicts.map(\.code).contains(.claimedBayTaken))
    }

    static func minutes(_ range: SolutionFile.WorkRange) -> Int {
        LocalDateTime(range.end)!.absoluteMinutes - LocalDateTime(range.start)!.absoluteMinutes
    }

    // MARK: Unchanged

    @Test func permissionDenialsAreUnchanged() throws {
        let snapshot = Fixture.snapshot(estimates: [Fixture.estimate(lines: [Self.engineRebuild])])
        let decision = try Fixture.book(Fixture.request(["2026-11-23T14:00"], permissions: []), snapshot)
        #expect(decision.outcome == .denied)
        #expect(decision.denials.map(\.code) == [.missingCreatePermission])
        #expect(decision.appointment == nil)
    }

    // Work in one stretch writes no new fields; a snapshot without them reads as before.
    @Test func filesWithoutTheNewFieldsReadAsBefore() throws {
        let decision = try Fixture.book(Fixture.request(), Fixture.snapshot())
        let a = try #require(decision.appointment)
        #expect(a.resumable == nil && a.work == nil)
        let text = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
        #expect(!text.contains("\"work\"") && !text.contains("\"resumable\""))
        let booked = try JSONDecoder().decode(
            BookedAppointment.self,
            from: Data(
                #"{"id":"A-1","status":"CONFIRMED","start":"2026-11-23T09:00","durationMinutes":60,"bay":"BAY-1"}"#.utf8
            ))
        #expect(booked.resumable == nil)
        let policy = try JSONDecoder().decode(BookingPolicy.self, from: Data("{}".utf8))
        #expect(policy.carryOverServiceTypes == nil)
    }

    // A booked rebuild (resumable) from Monday 14:00 with M-1 holds the lift, nights
    // included, until its end on Wednesday 10:00: a tyre job on the lift Tuesday
    // 09:00 conflicts, one at Wednesday 10:00 fits.
    @Test func bookedResumableAppointmentHoldsItsBayUntilItsEnd() throws {
        var rebuild = Fixture.booked("R-1", "2026-11-23T14:00", minutes: 840, bay: "BAY-2", mechanic: "M-1")
        rebuild.resumable = true
        rebuild.requiredSkills = ["ENGINE"]
        let snapshot = Fixture.snapshot(
            appointments: [rebuild],
            estimates: [
                Fixture.estimate(lines: [
                    ServiceLine(serviceType: "TIRES", estimatedMinutes: 60, bayTypes: ["LIFT_BAY"])
                ])
            ])
        let held = try Fixture.book(Fixture.request(["2026-11-24T09:00"]), snapshot)
        #expect(codes(held) == [.noEligibleBay])
        // The verifier reads R-1's work by its own rule (the work ranges argued above).
        let free = try Fixture.engine().book(Fixture.request(["2026-11-25T10:00"]), in: snapshot)
        let a = try #require(free.appointment)
        #expect(a.bay == "BAY-2")
        let work = [
            "R-1": [
                Self.range("2026-11-23T14:00", "2026-11-23T17:00"), Self.range("2026-11-24T08:00", "2026-11-24T17:00"),
                Self.range("2026-11-25T08:00", "2026-11-25T10:00"),
            ]
        ]
        let job = ScenarioFile.Job(
            id: "NEW", durationMinutes: 60, bayTypes: ["LIFT_BAY"], mechanic: a.mechanic == nil ? "none" : "required")
        _ = try BookedPlanCheck(snapshot: snapshot, job: job, bookedWork: work)
            .addedCost(start: a.start, bay: "BAY-2", mechanic: a.mechanic)
    }
}
