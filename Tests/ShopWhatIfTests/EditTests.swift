import ShopDomain
import ShopPlanner
import ShopVerifier
import ShopWhatIf
import Testing

/// Every edit kind: first what it does to the scenario file, then what the
/// verified plan of the edited scenario shows of it.
@Suite struct EditTests {
    let base: ScenarioFile
    init() throws { base = try Datasets.file("small-shop-day.json") }

    @Test func addBaysAddsNumberedBaysAndMoreBaysNeverCostMore() throws {
        let edited = try ScenarioEditor.apply(
            [
                edit(.addBays) {
                    $0.type = "LIFT_BAY"; $0.count = 2
                }
            ], to: base)
        #expect(edited.bays.count == base.bays.count + 2)
        #expect(edited.bays.suffix(2).map(\.id) == ["BAY-5", "BAY-6"])
        #expect(edited.bays.suffix(2).allSatisfy { $0.type == "LIFT_BAY" })
        let (before, _, _) = try solveAndVerify(base)
        let (after, _, _) = try solveAndVerify(edited)
        #expect(before.status == "optimal" && after.status == "optimal")
        #expect(after.objective! <= before.objective!)
    }

    @Test func removeBaysLeavesLiftOnlyJobsWithoutABay() throws {
        let edited = try ScenarioEditor.apply(
            [
                edit(.removeBays) {
                    $0.type = "LIFT_BAY"; $0.count = 1
                }
            ], to: base)
        #expect(!edited.bays.contains { $0.type == "LIFT_BAY" })
        let (plan, _, _) = try solveAndVerify(edited)
        #expect(!plan.assignments.contains { $0.bay == "BAY-3" })
        let reasons = Dictionary(uniqueKeysWithValues: plan.unscheduled.map { ($0.job, $0.reasons) })
        #expect(reasons["J-4"] == ["NO_ELIGIBLE_BAY"])  // transmission: lift only
        #expect(reasons["J-9"] == ["NO_ELIGIBLE_BAY"])  // struts: lift only
    }

    @Test func removeBaysKeepsBaysNamedByPins() throws {
        let pinned = try Datasets.smallShopWithPin()  // J-1 pinned on BAY-1
        let edited = try ScenarioEditor.apply(
            [
                edit(.removeBays) {
                    $0.type = "GENERAL_SERVICE_BAY"; $0.count = 1
                }
            ], to: pinned)
        #expect(edited.bays.map(\.id) == ["BAY-1", "BAY-3", "BAY-4"])
        #expect(throws: InputError.self) {
            try ScenarioEditor.apply(
                [
                    edit(.removeBays) {
                        $0.type = "GENERAL_SERVICE_BAY"; $0.count = 2
                    }
                ], to: pinned)
        }
        _ = try solveAndVerify(edited)
    }

    @Test func setBayCountAddsOrRemovesToTheCount() throws {
        for count in [0, 1, 3] {
            let edited = try ScenarioEditor.apply(
                [
                    edit(.setBayCount) {
                        $0.type = "GENERAL_SERVICE_BAY"; $0.count = count
                    }
                ], to: base)
            #expect(edited.bays.filter { $0.type == "GENERAL_SERVICE_BAY" }.count == count)
            let (plan, _, scenario) = try solveAndVerify(edited)
            let general = Set(scenario.bays.filter { $0.type == .generalService }.map(\.id))
            #expect(Set(plan.assignments.map(\.bay)).intersection(general).count <= count)
            if count == 0 {
                // J-5 (diagnosis) can use only a general bay.
                #expect(plan.unscheduled.first { $0.job == "J-5" }?.reasons == ["NO_ELIGIBLE_BAY"])
            }
        }
    }

    @Test func addMechanicLikeCopiesSkillsAndShifts() throws {
        let edited = try ScenarioEditor.apply(
            [
                edit(.addMechanic) {
                    $0.id = "M-9"; $0.like = "M-3"
                }
            ], to: base)
        let added = try #require(edited.mechanics.last)
        let model = try #require(base.mechanics.first { $0.id == "M-3" })
        #expect(
            added.id == "M-9" && added.skills == model.skills && added.shifts == model.shifts && added.active == true)
        let (before, _, _) = try solveAndVerify(base)
        let (after, _, _) = try solveAndVerify(edited)
        #expect(after.objective! <= before.objective!)
    }

    @Test func addMechanicWithDailyShiftAndSkills() throws {
        let edited = try ScenarioEditor.apply(
            [
                edit(.addMechanic) {
                    $0.id = "M-9"; $0.skills = ["HVAC"]; $0.dailyShift = "14:00-18:00"
                }
            ], to: base)
        let added = try #require(edited.mechanics.last)
        #expect(added.skills == ["HVAC"])
        #expect(added.shifts == [.init(start: "2026-11-23T14:00", end: "2026-11-23T18:00")])
        let (plan, _, _) = try solveAndVerify(edited)
        for assignment in plan.assignments where assignment.mechanic == "M-9" {
            #expect(span(assignment).0 >= LocalDateTime("2026-11-23T14:00")!.absoluteMinutes)
        }
    }

    @Test func removeMechanicMakesThemInactiveAndUnused() throws {
        let edited = try ScenarioEditor.apply([edit(.removeMechanic) { $0.id = "M-3" }], to: base)
        #expect(edited.mechanics.first { $0.id == "M-3" }?.active == false)
        #expect(edited.mechanics.count == base.mechanics.count)
        let (plan, _, _) = try solveAndVerify(edited)
        #expect(!plan.assignments.contains { $0.mechanic == "M-3" })
        // A/C (HVAC) and the hybrid service (EV): only M-3 qualified.
        #expect(Set(plan.unscheduled.map(\.job)).isSuperset(of: ["J-11", "J-12"]))
    }

    @Test func removeMechanicWithAPinMakesTheVariantInfeasible() throws {
        let edited = try ScenarioEditor.apply(
            [edit(.removeMechanic) { $0.id = "M-1" }], to: Datasets.smallShopWithPin())
        let scenario = try Scenario(file: edited)
        let solution = MILPStrategy().plan(Instance(scenario), options: PlanOptions()).solutionFile()
        #expect(solution.status == "infeasible")
        #expect(PlanVerifier(scenario: scenario).verify(solution).isFeasible)  // no plan claimed
    }

    @Test func setSkillsReplacesAddsAndRemoves() throws {
        let removed = try ScenarioEditor.apply(
            [
                edit(.setSkills) {
                    $0.mechanic = "M-1"; $0.removeSkills = ["TRANSMISSION"]
                }
            ], to: base)
        #expect(!(removed.mechanics[0].skills ?? []).contains("TRANSMISSION"))
        let (plan, _, _) = try solveAndVerify(removed)
        #expect(plan.unscheduled.first { $0.job == "J-4" }?.reasons == ["NO_QUALIFIED_MECHANIC"])

        let added = try ScenarioEditor.apply(
            [
                edit(.setSkills) {
                    $0.mechanic = "M-2"; $0.addSkills = ["HVAC", "BRAKES"]
                }
            ], to: base)
        #expect(added.mechanics[1].skills == (base.mechanics[1].skills ?? []) + ["HVAC"])
        let replaced = try ScenarioEditor.apply(
            [
                edit(.setSkills) {
                    $0.mechanic = "M-5"; $0.skills = ["EV"]
                }
            ], to: base)
        #expect(replaced.mechanics[4].skills == ["EV"])
        let (replacedPlan, _, scenario) = try solveAndVerify(replaced)
        for assignment in replacedPlan.assignments where assignment.mechanic == "M-5" {
            #expect(scenario.jobs.first { $0.id == assignment.job }!.requiredSkills.isSubset(of: ["EV"]))
        }
    }

    @Test func setShiftsDailyShiftBoundsTheMechanicsWork() throws {
        let edited = try ScenarioEditor.apply(
            [
                edit(.setShifts) {
                    $0.mechanic = "M-2"; $0.dailyShift = "08:00-10:00"
                }
            ], to: base)
        #expect(edited.mechanics[1].shifts == [.init(start: "2026-11-23T08:00", end: "2026-11-23T10:00")])
        let (plan, _, _) = try solveAndVerify(edited)
        let end = LocalDateTime("2026-11-23T10:00")!.absoluteMinutes
        for assignment in plan.assignments where assignment.mechanic == "M-2" { #expect(span(assignment).1 <= end) }
        let explicit = try ScenarioEditor.apply(
            [
                edit(.setShifts) {
                    $0.mechanic = "M-2"; $0.shifts = [.init(start: "2026-11-23T12:00", end: "2026-11-23T13:00")]
                }
            ], to: base)
        #expect(explicit.mechanics[1].shifts?.count == 1)
    }

    @Test func setHoursShortensTheDay() throws {
        let edited = try ScenarioEditor.apply(
            [
                edit(.setHours) {
                    $0.day = "mon"; $0.hours = ["10:00-14:00"]
                }
            ], to: base)
        #expect(edited.facility.operatingHours["mon"] == [["10:00", "14:00"]])
        let (plan, _, _) = try solveAndVerify(edited)
        let open = LocalDateTime("2026-11-23T10:00")!.absoluteMinutes,
            close = LocalDateTime("2026-11-23T14:00")!.absoluteMinutes
        #expect(!plan.assignments.isEmpty)
        for assignment in plan.assignments { #expect(span(assignment).0 >= open && span(assignment).1 <= close) }
        let closed = try ScenarioEditor.apply(
            [
                edit(.setHours) {
                    $0.day = "mon"; $0.hours = []
                }
            ], to: base)
        #expect(closed.facility.operatingHours["mon"] == [])
    }

    @Test func closeAndOpenDates() throws {
        let closed = try ScenarioEditor.apply([edit(.closeDates) { $0.dates = ["2026-11-23"] }], to: base)
        #expect(closed.facility.closedDates == ["2026-11-23"])
        let (plan, report, _) = try solveAndVerify(closed)
        #expect(plan.assignments.isEmpty)
        let priorities = try Scenario(file: base).jobs.map(\.priority).reduce(0, +)
        #expect(report.objective == 1000 * priorities)
        let reopened = try ScenarioEditor.apply([edit(.openDates) { $0.dates = ["2026-11-23"] }], to: closed)
        #expect(reopened.facility.closedDates == [])
        var unclosed = base
        unclosed.facility.closedDates = []
        #expect(reopened == unclosed)
    }

    @Test func setMaxConcurrentCapsJobsAtOnce() throws {
        let edited = try ScenarioEditor.apply([edit(.setMaxConcurrent) { $0.value = 2 }], to: base)
        #expect(edited.facility.maxConcurrent == 2)
        let (plan, _, _) = try solveAndVerify(edited)
        let spans = plan.assignments.map(span)
        for (start, _) in spans { #expect(spans.filter { $0.0 <= start && start < $0.1 }.count <= 2) }
        let unlimited = try ScenarioEditor.apply([edit(.setMaxConcurrent) { $0.value = nil }], to: edited)
        #expect(unlimited.facility.maxConcurrent == nil)
    }

    @Test func scaleDemandClonesOrDropsUnpinnedJobsFromTheSeed() throws {
        let pinned = try Datasets.smallShopWithPin()
        let grown = try ScenarioEditor.apply(
            [
                edit(.scaleDemand) {
                    $0.factor = 1.5; $0.seed = 3
                }
            ], to: pinned)
        #expect(grown.jobs.count == 24)
        #expect(Array(grown.jobs.prefix(16)) == pinned.jobs)
        for clone in grown.jobs.dropFirst(16) {
            #expect(clone.id.contains("-C") && clone.pinned == nil && clone.current == nil)
        }
        #expect(Set(grown.jobs.map(\.id)).count == 24)
        #expect(
            try ScenarioEditor.apply(
                [
                    edit(.scaleDemand) {
                        $0.factor = 1.5; $0.seed = 3
                    }
                ], to: pinned) == grown)
        #expect(
            try ScenarioEditor.apply(
                [
                    edit(.scaleDemand) {
                        $0.factor = 1.5; $0.seed = 4
                    }
                ], to: pinned) != grown)
        let shrunk = try ScenarioEditor.apply([edit(.scaleDemand) { $0.factor = 0.5 }], to: pinned)
        #expect(shrunk.jobs.count == 8 && shrunk.jobs.contains { $0.id == "J-1" })
        // A short limit: the plan need not be proven, only verified.
        let (plan, _, _) = try solveAndVerify(grown, limit: 3)
        #expect(plan.assignments.count + plan.unscheduled.count == 24)
    }

    @Test func setWeightsReplacesOnlyTheWeightsGiven() throws {
        let edited = try ScenarioEditor.apply(
            [edit(.setWeights) { $0.weights = .init(startDeviationPerSlot: 100) }], to: base)
        #expect(edited.weights == .init(startDeviationPerSlot: 100))
        let (plan, report, _) = try solveAndVerify(edited)
        #expect(report.terms.startDeviation % 100 == 0)
        // The same plan costs differently under the base's weights, unless it deviates nowhere.
        let baseReport = PlanVerifier(scenario: try Scenario(file: base)).verify(plan)
        #expect(baseReport.terms.startDeviation * 100 == report.terms.startDeviation)
    }

    @Test func setSlotMinutesPutsEveryStartOnTheNewGrid() throws {
        let edited = try ScenarioEditor.apply([edit(.setSlotMinutes) { $0.minutes = 30 }], to: base)
        #expect(edited.facility.slotMinutes == 30)
        let (plan, _, _) = try solveAndVerify(edited)
        #expect(!plan.assignments.isEmpty)
        for assignment in plan.assignments { #expect(span(assignment).0 % 30 == 0) }
        // A pin at 08:00 (minute 480) is off a 9-minute grid: the edited scenario is invalid, with the pin's path.
        let offGrid = try ScenarioEditor.apply(
            [edit(.setSlotMinutes) { $0.minutes = 9 }], to: Datasets.smallShopWithPin())
        let error = try #require(throws: InputError.self) { try Scenario(file: offGrid) }
        #expect(error.paths == ["jobs[0].pinned.start"])
    }

    @Test func editsCheckIdsTypesAndTimesWithTheirPaths() throws {
        func path(_ edit: Edit) throws -> [String] { try errorPaths(edit, on: base) }
        #expect(
            try path(
                edit(.addBays) {
                    $0.type = "LIFT"; $0.count = 1
                }) == ["variants[0].edits[0].type"])
        #expect(
            try path(
                edit(.addBays) {
                    $0.type = "LIFT_BAY"; $0.count = -1
                }) == ["variants[0].edits[0].count"])
        #expect(
            try path(
                edit(.removeBays) {
                    $0.type = "LIFT_BAY"; $0.count = 2
                }) == ["variants[0].edits[0].count"])
        #expect(
            try path(
                edit(.addMechanic) {
                    $0.id = "M-1"; $0.like = "M-2"
                }) == ["variants[0].edits[0].id"])
        #expect(
            try path(
                edit(.addMechanic) {
                    $0.id = "M-9"; $0.like = "M-99"
                }) == ["variants[0].edits[0].like"])
        #expect(try path(edit(.addMechanic) { $0.id = "M-9" }) == ["variants[0].edits[0].dailyShift"])
        #expect(
            try path(
                edit(.setSkills) {
                    $0.mechanic = "M-99"; $0.skills = []
                }) == ["variants[0].edits[0].mechanic"])
        #expect(
            try path(
                edit(.setShifts) {
                    $0.mechanic = "M-1"; $0.dailyShift = "8-12"
                }) == ["variants[0].edits[0].dailyShift"])
        #expect(
            try path(
                edit(.setHours) {
                    $0.day = "monday"; $0.hours = []
                }) == ["variants[0].edits[0].day"])
        #expect(
            try path(
                edit(.setHours) {
                    $0.day = "mon"; $0.hours = ["18:00-08:00"]
                }) == ["variants[0].edits[0].hours[0]"])
        #expect(try path(edit(.closeDates) { $0.dates = ["2026-13-01"] }) == ["variants[0].edits[0].dates[0]"])
        #expect(try path(edit(.setMaxConcurrent) { $0.value = 0 }) == ["variants[0].edits[0].value"])
        #expect(try path(edit(.scaleDemand) { $0.factor = 0 }) == ["variants[0].edits[0].factor"])
        #expect(try path(edit(.setSlotMinutes) { $0.minutes = 0 }) == ["variants[0].edits[0].minutes"])
    }
}
