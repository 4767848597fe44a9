import ShopDomain
import ShopTestSupport
import ShopVerifier
import Testing

private typealias F = FixtureShop

@Suite("Objective terms, each on its own")
struct ObjectiveTests {
    @Test func unscheduledTimesPriority() throws {
        let scenario = try F.scenario { file in F.job(&file, "J-2") { $0.priority = 3 } }
        let report = F.verify(scenario, F.plan(["J-2": nil]))
        #expect(report.rules == [])
        #expect(report.terms == ObjectiveTerms(unscheduled: 3000))
        #expect(report.objective == 3000)
    }

    @Test func startDeviationIsTheMinimumOverPreferredStarts() throws {
        let scenario = try F.scenario { file in
            file.weights = .init(startDeviationPerSlot: 3)
            F.job(&file, "J-1") { $0.preferredStarts = ["2026-11-23T09:00", "2026-11-23T14:00"] }
        }
        // 13:00 is 16 slots from 09:00 and 4 from 14:00: 4 × 3.
        let report = F.verify(scenario, F.plan(["J-1": F.place("2026-11-23T13:00", "BAY-L", "M-1")]))
        #expect(report.rules == [])
        #expect(report.terms == ObjectiveTerms(startDeviation: 12))
        #expect(F.verify(scenario, F.basePlan).objective == 0)
    }

    @Test func preferredStartRoundsToNearestBoundary() throws {
        func deviation(preferred: String, start: String) throws -> Int {
            let scenario = try F.scenario { file in F.job(&file, "J-3") { $0.preferredStarts = [preferred] } }
            return F.verify(scenario, F.plan(["J-3": F.place(start, "BAY-A", nil)])).terms.startDeviation
        }
        // 15-minute slots: 09:07 is nearer 09:00, 09:08 nearer 09:15.
        #expect(try deviation(preferred: "2026-11-23T09:07", start: "2026-11-23T09:00") == 0)
        #expect(try deviation(preferred: "2026-11-23T09:08", start: "2026-11-23T09:00") == 1)
        #expect(try deviation(preferred: "2026-11-23T09:08", start: "2026-11-23T09:15") == 0)
    }

    @Test func preferredStartExactlyHalfWayRoundsUp() throws {
        let scenario = try F.scenario { file in
            file.facility.slotMinutes = 10
            F.job(&file, "J-3") { $0.preferredStarts = ["2026-11-23T09:05"] }
        }
        let at = { (time: String) in F.verify(scenario, F.plan(["J-3": F.place(time, "BAY-A", nil)])) }
        // 09:05 is half way between 09:00 and 09:10 and rounds up to 09:10.
        #expect(at("2026-11-23T09:10").terms.startDeviation == 0)
        #expect(at("2026-11-23T09:00").terms.startDeviation == 1)
        #expect(at("2026-11-23T09:20").terms.startDeviation == 1)
        #expect(at("2026-11-23T09:00").rules == [])
    }

    @Test func missingPreferredSkills() throws {
        let scenario = try F.scenario { file in F.job(&file, "J-2") { $0.preferredSkills = ["ENGINE", "ALIGN"] } }
        // M-2 has neither; M-1 has ENGINE only.
        #expect(F.verify(scenario, F.basePlan).terms == ObjectiveTerms(missingPreferredSkills: 10))
        let withM1 = F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", "M-1")]))
        #expect(withM1.rules == [])
        #expect(withM1.terms == ObjectiveTerms(missingPreferredSkills: 5))
        // Without a mechanic nothing is missing, but going without one costs.
        let without = F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", nil)]))
        #expect(without.terms == ObjectiveTerms(unassignedMechanic: 200))
    }

    @Test func unassignedMechanicOnlyForOptionalMode() throws {
        let scenario = try F.scenario()
        #expect(
            F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", nil)])).terms
                == ObjectiveTerms(unassignedMechanic: 200))
        // J-3 (mode none) never has one and pays nothing for it.
        #expect(F.verify(scenario, F.basePlan).terms == ObjectiveTerms())
    }

    @Test func movedChangedBayChangedMechanic() throws {
        let scenario = try F.scenario { file in
            F.job(&file, "J-1") {
                $0.current = .init(start: "2026-11-23T13:00", bay: "BAY-L", mechanic: "M-2")
                $0.preferredSkills = nil  // else M-2's missing ENGINE costs 5
            }
        }
        // J-2 moves to 16:00 to leave M-2 free for J-1.
        let at = { (start: String, bay: String, mechanic: String?) in
            F.verify(
                scenario,
                F.plan(["J-1": F.place(start, bay, mechanic), "J-2": F.place("2026-11-23T16:00", "BAY-G", "M-2")]))
        }
        let same = at("2026-11-23T13:00", "BAY-L", "M-2")
        #expect(same.rules == [])
        #expect(same.terms == ObjectiveTerms())
        let moved = at("2026-11-23T13:15", "BAY-L", "M-2")
        #expect(moved.rules == [])
        #expect(moved.terms == ObjectiveTerms(moved: 50))
        let changedBay = at("2026-11-23T13:00", "BAY-L2", "M-2")
        #expect(changedBay.rules == [])
        #expect(changedBay.terms == ObjectiveTerms(changedBay: 10))
        let changed = at("2026-11-23T13:00", "BAY-L", "M-1")
        #expect(changed.rules == [])
        #expect(changed.terms == ObjectiveTerms(changedMechanic: 20))
        #expect(
            at("2026-11-23T09:00", "BAY-L2", "M-1").terms
                == ObjectiveTerms(moved: 50, changedBay: 10, changedMechanic: 20))
    }

    @Test func currentWithNullMechanic() throws {
        let scenario = try F.scenario { file in
            F.job(&file, "J-2") { $0.current = .init(start: "2026-11-23T13:00", bay: "BAY-G", mechanic: nil) }
        }
        // None before, M-2 now: a change.
        #expect(F.verify(scenario, F.basePlan).terms == ObjectiveTerms(changedMechanic: 20))
        // None before and now: no change, but optional mode without a mechanic costs.
        #expect(
            F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", nil)])).terms
                == ObjectiveTerms(unassignedMechanic: 200))
    }

    @Test func currentMechanicDroppedIsAChange() throws {
        let scenario = try F.scenario { file in
            F.job(&file, "J-2") { $0.current = .init(start: "2026-11-23T13:00", bay: "BAY-G", mechanic: "M-2") }
        }
        #expect(F.verify(scenario, F.basePlan).terms == ObjectiveTerms())
        // M-2 before, none now: a change, and optional mode without a mechanic costs too.
        let report = F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", nil)]))
        #expect(report.rules == [])
        #expect(report.terms == ObjectiveTerms(unassignedMechanic: 200, changedMechanic: 20))
    }

    @Test func unscheduledJobWithCurrentPaysOnlyUnscheduled() throws {
        let scenario = try F.scenario { file in
            F.job(&file, "J-1") { $0.current = .init(start: "2026-11-23T13:00", bay: "BAY-L", mechanic: "M-2") }
        }
        #expect(F.verify(scenario, F.plan(["J-1": nil])).terms == ObjectiveTerms(unscheduled: 1000))
    }

    @Test func mechanicUsedOncePerMechanic() throws {
        let scenario = try F.scenario { $0.weights = .init(mechanicUsed: 7) }
        #expect(F.verify(scenario, F.basePlan).terms == ObjectiveTerms(mechanicUsed: 14))  // M-1, M-2
        // J-2 moves to M-1, who then has two jobs: one mechanic used.
        let report = F.verify(scenario, F.plan(["J-2": F.place("2026-11-23T13:00", "BAY-G", "M-1")]))
        #expect(report.rules == [])
        #expect(report.terms == ObjectiveTerms(mechanicUsed: 7))
        #expect(
            PlanVerifier(scenario: scenario).objectiveTerms(for: SolutionFile.plan(for: scenario, placements: [:]))
                == ObjectiveTerms(unscheduled: 3000))
    }
}
