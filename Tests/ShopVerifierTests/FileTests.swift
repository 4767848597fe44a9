import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

private typealias F = FixtureShop

@Suite("Completeness, format, status and claims")
struct FileTests {
    @Test func missingJob() throws {
        let report = F.verify(try F.scenario()) { solution in
            solution.assignments.removeAll { $0.job == "J-2" }
        }
        #expect(report.rules == [.completeness])
        #expect(report.violations.first?.job == "J-2")
        // A missing job is not scheduled, so it pays the unscheduled term.
        #expect(report.terms == ObjectiveTerms(unscheduled: 1000))
    }

    @Test func jobBothAssignedAndUnscheduled() throws {
        let report = F.verify(try F.scenario()) { $0.unscheduled.append(.init(job: "J-3", reasons: [])) }
        #expect(report.rules == [.completeness])
        #expect(report.violations.first?.job == "J-3")
        #expect(report.objective == 0)  // the assignment counts
    }

    @Test func jobAssignedTwice() throws {
        // The second copy overlaps the first on BAY-L, but only the first is checked.
        let report = F.verify(try F.scenario()) { $0.assignments.append($0.assignments[0]) }
        #expect(report.rules == [.completeness])
        #expect(report.violations.first?.job == "J-1")
    }

    @Test func unknownJobs() throws {
        let report = F.verify(try F.scenario()) { solution in
            solution.assignments.append(
                .init(
                    job: "J-9", start: "2026-11-23T09:00", end: "2026-11-23T09:30",
                    bay: "BAY-G", mechanic: nil))
            solution.unscheduled.append(.init(job: "J-8", reasons: []))
        }
        #expect(report.rules == [.completeness, .completeness])
        #expect(report.violations.map(\.job) == ["J-9", "J-8"])
        #expect(report.objective == 0)
    }

    @Test func badEnd() throws {
        let report = F.verify(try F.scenario()) { $0.assignments[0].end = "2026-11-23T10:15" }
        #expect(report.rules == [.format])
        #expect(report.violations.first?.job == "J-1")
        #expect(report.violations.first?.message.contains("2026-11-23T10:30") == true)
        #expect(F.verify(try F.scenario()) { $0.assignments[0].end = "10:30" }.rules == [.format])
    }

    @Test func endIsRoundedUpToWholeSlots() throws {
        // 20 minutes take 2 slots of 15: end 09:30, not 09:20.
        let scenario = try F.scenario { file in F.job(&file, "J-3") { $0.durationMinutes = 20 } }
        let solution = SolutionFile.plan(for: scenario, placements: F.basePlan)
        #expect(solution.assignments.first { $0.job == "J-3" }?.end == "2026-11-23T09:30")
        #expect(F.verify(scenario, F.basePlan).rules == [])
        #expect(F.verify(scenario) { $0.assignments[2].end = "2026-11-23T09:20" }.rules == [.format])
    }

    @Test func startOffTheGridOrUnparsable() throws {
        let scenario = try F.scenario()
        // 09:05–09:35 is otherwise fine for J-3 on BAY-A.
        let off = F.verify(scenario) { solution in
            solution.assignments[2].start = "2026-11-23T09:05"
            solution.assignments[2].end = "2026-11-23T09:35"
        }
        #expect(off.rules == [.format])
        #expect(off.violations.first?.job == "J-3")
        let garbage = F.verify(scenario) { $0.assignments[2].start = "9am" }
        #expect(garbage.rules == [.format])
        #expect(garbage.terms == ObjectiveTerms(unscheduled: 1000))
    }

    @Test func unknownBayOrMechanic() throws {
        let scenario = try F.scenario()
        let bay = F.verify(scenario, F.plan(["J-3": F.place("2026-11-23T09:00", "BAY-9", nil)]))
        #expect(bay.rules == [.format])
        #expect(bay.terms == ObjectiveTerms(unscheduled: 1000))  // unusable assignment is skipped
        let mechanic = F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", "M-9")]))
        #expect(mechanic.rules == [.format])
    }

    @Test func wrongFormatOrScenario() throws {
        let scenario = try F.scenario()
        #expect(F.verify(scenario) { $0.format = "shopsched.solution/2" }.rules == [.format])
        #expect(F.verify(scenario) { $0.scenario = "FAC-OTHER" }.rules == [.format])
    }

    @Test func status() throws {
        let scenario = try F.scenario()
        #expect(F.verify(scenario) { $0.status = "done" }.rules == [.status])
        #expect(F.verify(scenario) { $0.status = "infeasible" }.rules == [.status])  // has assignments
        for status in ["infeasible", "error"] {
            var solution = SolutionFile.plan(for: scenario, placements: [:])
            solution.status = status
            solution.objective = 1  // no plan: claims are not compared
            #expect(PlanVerifier(scenario: scenario).verify(solution).rules == [])
        }
    }

    @Test func claimedObjectiveAndBound() throws {
        let scenario = try F.scenario()
        #expect(F.verify(scenario) { $0.objective = 0 }.rules == [])
        #expect(F.verify(scenario) { $0.objective = 1 }.rules == [.objective])
        #expect(
            F.verify(scenario) {
                $0.status = "optimal"; $0.objective = 1
            }.rules == [.objective])
        // An optimal plan must state its objective; a feasible one may leave it out.
        #expect(
            F.verify(scenario) {
                $0.status = "optimal"; $0.objective = nil
            }.rules == [.objective])
        #expect(
            F.verify(scenario) {
                $0.status = "feasible"; $0.objective = nil
            }.rules == [])
        #expect(F.verify(scenario) { $0.bound = 0 }.rules == [])
        #expect(F.verify(scenario) { $0.bound = 1 }.rules == [.bound])
        // J-2 unscheduled: objective 1000, so a bound of 1000 holds and 1001 does not.
        var solution = SolutionFile.plan(for: scenario, placements: F.plan(["J-2": nil]))
        solution.objective = 1000
        solution.bound = 1000
        #expect(PlanVerifier(scenario: scenario).verify(solution).rules == [])
        solution.bound = 1001
        #expect(PlanVerifier(scenario: scenario).verify(solution).rules == [.bound])
    }

    @Test func planHelperListsUnplacedAndUnknownJobs() throws {
        let scenario = try F.scenario()
        let solution = SolutionFile.plan(
            for: scenario, placements: F.plan(["J-2": nil, "J-7": F.place("2026-11-23T09:00", "BAY-G", nil)]))
        #expect(solution.assignments.map(\.job) == ["J-1", "J-3", "J-7"])
        #expect(solution.assignments[0].end == "2026-11-23T10:30")
        #expect(solution.assignments[2].end == solution.assignments[2].start)
        #expect(solution.unscheduled == [.init(job: "J-2", reasons: [])])
        #expect(solution.objective == nil)
        #expect(solution.scenario == "FAC-T")
        #expect(solution.format == SolutionFile.formatName)
    }

    @Test func descriptionsNameRuleJobAndTimes() throws {
        let report = F.verify(try F.scenario(), F.plan(["J-1": F.place("2026-11-23T11:30", "BAY-L", "M-1")]))
        let text = report.description
        #expect(text.hasPrefix("1 violation, objective 0"))
        #expect(text.contains("[hours] Job J-1 runs 2026-11-23 11:30–13:00"))
        #expect(F.verify(try F.scenario(), F.basePlan).description == "OK, objective 0")
    }
}
