import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

private typealias F = FixtureShop

@Suite("Feasibility rules, each broken on its own")
struct FeasibilityTests {
    @Test func basePlanIsFeasible() throws {
        let report = F.verify(try F.scenario(), F.basePlan)
        #expect(report.violations == [])
        #expect(report.isFeasible)
        #expect(report.objective == 0)
    }

    @Test func handMadePlanWithEveryCostKind() throws {
        let scenario = try F.scenario { file in
            file.weights = .init(mechanicUsed: 7)
            F.job(&file, "J-1") { $0.preferredStarts = ["2026-11-23T09:20"] }
            F.job(&file, "J-2") { $0.preferredSkills = ["ENGINE", "ALIGN"] }
            F.job(&file, "J-3") { $0.current = .init(start: "2026-11-23T09:00", bay: "BAY-G", mechanic: nil) }
        }
        // 09:20 rounds to 09:15 (5 < 7.5): 1 slot × 1; M-2 lacks ENGINE and ALIGN: 2 × 5;
        // J-3 left BAY-G: 10; M-1 and M-2 used: 2 × 7. Total 1 + 10 + 10 + 14 = 35.
        let report = F.verify(scenario, F.basePlan)
        #expect(report.violations == [])
        #expect(
            report.terms
                == ObjectiveTerms(startDeviation: 1, missingPreferredSkills: 10, changedBay: 10, mechanicUsed: 14))
        #expect(report.objective == 35)

        // The same plan claiming its objective and a matching bound is consistent.
        var solution = SolutionFile.plan(for: scenario, placements: F.basePlan)
        solution.status = "optimal"
        solution.objective = 35
        solution.bound = 35
        #expect(PlanVerifier(scenario: scenario).verify(solution).violations == [])
    }

    // MARK: Hours

    @Test func hoursAcrossTheLunchGap() throws {
        // 11:30–13:00 spans 12:00–13:00, between Monday's two ranges.
        let report = F.verify(try F.scenario(), F.plan(["J-1": F.place("2026-11-23T11:30", "BAY-L", "M-1")]))
        #expect(report.rules == [.hours])
        #expect(report.violations.first?.job == "J-1")
        #expect(report.violations.first?.message.contains("08:00–12:00, 13:00–18:00") == true)
    }

    @Test func hoursEndingAtClosingIsFineOneSlotLaterIsNot() throws {
        let scenario = try F.scenario()
        #expect(F.verify(scenario, F.plan(["J-3": F.place("2026-11-23T17:30", "BAY-A", nil)])).rules == [])
        #expect(F.verify(scenario, F.plan(["J-3": F.place("2026-11-23T17:45", "BAY-A", nil)])).rules == [.hours])
        #expect(F.verify(scenario, F.plan(["J-3": F.place("2026-11-23T07:45", "BAY-A", nil)])).rules == [.hours])
    }

    @Test func openIntervalsRoundOpeningUpAndClosingDown() throws {
        let scenario = try F.scenario { $0.facility.operatingHours["tue"] = [["08:10", "17:50"]] }
        let verifier = PlanVerifier(scenario: scenario)
        let expected = [
            ("2026-11-23T08:00", "2026-11-23T12:00"), ("2026-11-23T13:00", "2026-11-23T18:00"),
            ("2026-11-24T08:15", "2026-11-24T17:45"),
        ]
        #expect(
            verifier.openIntervals
                == expected.map { LocalRange(start: LocalDateTime($0.0)!, end: LocalDateTime($0.1)!) })
        #expect(F.verify(scenario, F.plan(["J-3": F.place("2026-11-24T08:00", "BAY-A", nil)])).rules == [.hours])
        #expect(F.verify(scenario, F.plan(["J-3": F.place("2026-11-24T08:15", "BAY-A", nil)])).rules == [])
        #expect(F.verify(scenario, F.plan(["J-3": F.place("2026-11-24T17:15", "BAY-A", nil)])).rules == [])
        #expect(F.verify(scenario, F.plan(["J-3": F.place("2026-11-24T17:30", "BAY-A", nil)])).rules == [.hours])
    }

    @Test func hoursOnAClosedDateAndOutsideTheHorizon() throws {
        let closed = try F.scenario { $0.facility.closedDates = ["2026-11-24"] }
        #expect(PlanVerifier(scenario: closed).openIntervals.count == 2)
        let tuesday = F.plan(["J-3": F.place("2026-11-24T09:00", "BAY-A", nil)])
        #expect(F.verify(try F.scenario(), tuesday).rules == [])
        #expect(F.verify(closed, tuesday).rules == [.hours])
        // Wednesday is past the horizon, which is also the default window.
        let wednesday = F.plan(["J-3": F.place("2026-11-25T09:00", "BAY-A", nil)])
        #expect(F.verify(try F.scenario(), wednesday).rules == [.hours, .window])
    }

    // MARK: Window

    @Test func windowRoundsEarliestUpAndLatestDown() throws {
        // On the grid the window is 09:15 to 10:45; J-1 takes 90 minutes.
        let scenario = try F.scenario { file in
            F.job(&file, "J-1") { $0.window = .init(earliest: "2026-11-23T09:05", latest: "2026-11-23T10:50") }
        }
        let at = { (time: String) in F.verify(scenario, F.plan(["J-1": F.place(time, "BAY-L", "M-1")])).rules }
        #expect(at("2026-11-23T09:00") == [.window])
        #expect(at("2026-11-23T09:15") == [])
        #expect(at("2026-11-23T09:30") == [.window])
    }

    // MARK: Bay

    @Test func wrongBayType() throws {
        let report = F.verify(try F.scenario(), F.plan(["J-1": F.place("2026-11-23T09:00", "BAY-G", "M-1")]))
        #expect(report.rules == [.bay])
        #expect(report.violations.first?.job == "J-1")
        // J-3 accepts either of its two types.
        #expect(F.verify(try F.scenario(), F.plan(["J-3": F.place("2026-11-23T09:00", "BAY-G", nil)])).rules == [])
    }

    @Test func outOfServiceRoundedOutwardAndHalfOpen() throws {
        let scenario = try F.scenario()
        let at = { (time: String, mechanic: String) in
            F.verify(scenario, F.plan(["J-1": F.place(time, "BAY-L", mechanic)]))
        }
        // 13:30–15:00 ends where the rounded range 15:00–16:00 begins.
        #expect(at("2026-11-23T13:30", "M-1").rules == [])
        let early = at("2026-11-23T13:45", "M-1")
        #expect(early.rules == [.outOfService])
        #expect(early.violations.first?.message.contains("2026-11-23 15:00–16:00") == true)
        // 15:45 is inside 15:05–15:50 raw and rounded; 16:00 starts where the rounded range ends.
        #expect(at("2026-11-23T15:45", "M-2").rules == [.outOfService])
        #expect(at("2026-11-23T16:00", "M-2").rules == [])
        // The other lift bay is in service all day.
        #expect(F.verify(scenario, F.plan(["J-1": F.place("2026-11-23T14:00", "BAY-L2", "M-2")])).rules == [])
    }

    @Test func bayOverlap() throws {
        let scenario = try F.scenario()
        let report = F.verify(
            scenario,
            F.plan([
                "J-3": F.place("2026-11-23T13:00", "BAY-G", nil),
                "J-2": F.place("2026-11-23T13:15", "BAY-G", "M-2"),
            ]))
        #expect(report.rules == [.bayOverlap])
        #expect(report.violations.first?.job == "J-3")
        // Back to back is not an overlap.
        #expect(F.verify(scenario, F.plan(["J-3": F.place("2026-11-23T14:00", "BAY-G", nil)])).rules == [])
    }

    // MARK: Mechanic

    @Test func mechanicLackingASkill() throws {
        let report = F.verify(try F.scenario(), F.plan(["J-1": F.place("2026-11-23T09:00", "BAY-L", "M-3")]))
        #expect(report.rules == [.mechanic])
        #expect(report.violations.first?.message.contains("BRAKES") == true)
    }

    @Test func inactiveMechanic() throws {
        let report = F.verify(try F.scenario(), F.plan(["J-1": F.place("2026-11-23T09:00", "BAY-L", "M-X")]))
        #expect(report.rules == [.mechanic])
        #expect(report.violations.first?.message.contains("not active") == true)
    }

    @Test func mechanicOffShift() throws {
        let scenario = try F.scenario()
        // M-1's Monday shift ends at 16:00.
        #expect(F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T15:00", "BAY-G", "M-1")])).rules == [])
        #expect(F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T15:30", "BAY-G", "M-1")])).rules == [.mechanic])
    }

    @Test func shiftRoundsStartUpAndEndDown() throws {
        // On the grid M-2 works 12:15 to 17:45.
        let scenario = try F.scenario {
            $0.mechanics[1].shifts = [.init(start: "2026-11-23T12:10", end: "2026-11-23T17:50")]
        }
        let at = { (time: String) in F.verify(scenario, F.plan(["J-2": F.place(time, "BAY-G", "M-2")])).rules }
        #expect(at("2026-11-23T16:45") == [])
        #expect(at("2026-11-23T17:00") == [.mechanic])
    }

    @Test func mechanicOverlap() throws {
        // J-1 keeps M-1 busy 09:00–10:30.
        let report = F.verify(try F.scenario(), F.plan(["J-2": F.place("2026-11-23T10:00", "BAY-G", "M-1")]))
        #expect(report.rules == [.mechanicOverlap])
        #expect(report.violations.first?.job == "J-1")
    }

    @Test func requiredModeWithoutMechanic() throws {
        let report = F.verify(try F.scenario(), F.plan(["J-1": F.place("2026-11-23T09:00", "BAY-L", nil)]))
        #expect(report.rules == [.mechanicMode])
    }

    @Test func noneModeWithMechanic() throws {
        let report = F.verify(try F.scenario(), F.plan(["J-3": F.place("2026-11-23T11:00", "BAY-A", "M-1")]))
        #expect(report.rules == [.mechanicMode])
        #expect(report.violations.first?.job == "J-3")
    }

    @Test func optionalModeWithoutMechanicIsFeasible() throws {
        let report = F.verify(try F.scenario(), F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", nil)]))
        #expect(report.rules == [])
    }

    // MARK: Capacity

    @Test func capacity() throws {
        // J-1 and J-3 share 09:00–09:30.
        let one = F.verify(try F.scenario { $0.facility.maxConcurrent = 1 }, F.basePlan)
        #expect(one.rules == [.capacity])
        #expect(one.violations.first?.message.contains("2026-11-23 09:00–09:30") == true)
        #expect(F.verify(try F.scenario { $0.facility.maxConcurrent = 2 }, F.basePlan).rules == [])
        // With 0 every busy stretch is over: 09:00–10:30 and 13:00–14:00.
        #expect(F.verify(try F.scenario { $0.facility.maxConcurrent = 0 }, F.basePlan).rules == [.capacity, .capacity])
    }

    // MARK: Pins

    @Test func pinMovedOrUnscheduled() throws {
        let scenario = try F.scenario { file in
            F.job(&file, "J-1") { $0.pinned = .init(start: "2026-11-23T09:00", bay: "BAY-L", mechanic: "M-1") }
        }
        #expect(F.verify(scenario, F.basePlan).rules == [])
        #expect(F.verify(scenario, F.plan(["J-1": F.place("2026-11-23T09:15", "BAY-L", "M-1")])).rules == [.pin])
        #expect(F.verify(scenario, F.plan(["J-1": F.place("2026-11-23T09:00", "BAY-L2", "M-1")])).rules == [.pin])
        let unscheduled = F.verify(scenario, F.plan(["J-1": nil]))
        #expect(unscheduled.rules == [.pin])
        #expect(unscheduled.violations.first?.job == "J-1")
    }

    @Test func pinWithNullMechanicMeansNone() throws {
        let scenario = try F.scenario { file in
            F.job(&file, "J-2") { $0.pinned = .init(start: "2026-11-23T13:00", bay: "BAY-G", mechanic: nil) }
        }
        #expect(F.verify(scenario, F.basePlan).rules == [.pin])  // has M-2
        #expect(F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", nil)])).rules == [])
    }

    @Test func infeasibleSolutionIsNotHeldToPins() throws {
        let scenario = try F.scenario { file in
            F.job(&file, "J-1") { $0.pinned = .init(start: "2026-11-23T09:00", bay: "BAY-L", mechanic: "M-1") }
        }
        var solution = SolutionFile.plan(for: scenario, placements: [:])
        solution.status = "infeasible"
        #expect(PlanVerifier(scenario: scenario).verify(solution).rules == [])
        solution.status = "feasible"
        #expect(PlanVerifier(scenario: scenario).verify(solution).rules == [.pin])
    }
}
