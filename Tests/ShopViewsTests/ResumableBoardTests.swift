import ShopDomain
import ShopOperations
import ShopPlanner
import ShopScenarioGenerator
import ShopTestSupport
import ShopVerifier
import Testing

@testable import ShopViews

/// The board and the planner read one rule for work that pauses (contract §7): for the
/// same job and plan, the work-in-progress estimate ends where the plan's resumable job
/// ends, in the same pieces.
@Suite("Resumable work on the board")
struct ResumableBoardTests {
    /// A generated week with resumable and multi-day jobs, on a 5-minute grid so that every
    /// duration is whole slots (the board walks minutes, the plan books slots).
    static func week(seed: UInt64) throws -> ScenarioFile {
        try ScenarioGenerator.scenario(
            GeneratorOptions(
                seed: seed, jobs: 30, mechanics: 5, bays: 5, days: 6, slotMinutes: 5, resumableFraction: 0.3,
                multiDayFraction: 0.1))
    }

    /// The plan as the backend would hand it to the board: every assignment an appointment
    /// with its work order, nothing started yet, the board's now at the horizon's start.
    static func board(_ file: ScenarioFile, _ solution: SolutionFile) throws -> ShopFloor.Location {
        let mobile = Set(file.bays.filter { $0.type == BayType.mobileUnit.rawValue }.map(\.id))
        var appointments: [BoardSnapshot.Appointment] = []
        var orders: [BoardSnapshot.WorkOrder] = []
        for assignment in solution.assignments {
            let job = file.jobs.first { $0.id == assignment.job }!
            appointments.append(
                .init(
                    id: "AP-\(job.id)", status: "SCHEDULED", start: assignment.start,
                    durationMinutes: job.durationMinutes, bay: mobile.contains(assignment.bay) ? nil : assignment.bay,
                    mobileUnit: mobile.contains(assignment.bay) ? assignment.bay : nil, mechanic: assignment.mechanic,
                    workOrderId: "WO-\(job.id)"))
            orders.append(
                .init(
                    id: "WO-\(job.id)", status: "SCHEDULED", customer: .init(id: "C-\(job.id)"),
                    vehicle: .init(id: "V-\(job.id)"), appointmentId: "AP-\(job.id)",
                    remainingMinutes: job.durationMinutes, requiredSkills: job.requiredSkills, bayTypes: job.bayTypes))
        }
        let location = BoardSnapshot.Location(
            facility: file.facility, bays: file.bays,
            mechanics: file.mechanics.map {
                .init(id: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts)
            },
            appointments: appointments, workOrders: orders)
        return try ShopFloor(BoardSnapshot(locations: [location])).locations[0]
    }

    /// Checks every resumable job with a mechanic in `solution` against the board's
    /// estimate: same start, same end, same pieces. (A job without a mechanic is waiting
    /// work on the board, which finds it one.) Returns how many were compared and how many
    /// of those pause.
    static func compare(_ file: ScenarioFile, _ solution: SolutionFile) throws -> (compared: Int, paused: Int) {
        let location = try board(file, solution)
        let horizon = LocalDateTime(date: LocalDate(file.facility.horizon.start)!, minuteOfDay: 0)
        let plan = FloorPlan(location, now: horizon)
        var compared = 0, paused = 0
        for assignment in solution.assignments where assignment.mechanic != nil {
            guard file.jobs.first(where: { $0.id == assignment.job })?.resumable == true else { continue }
            let w = location.workOrders.firstIndex { $0.id == "WO-\(assignment.job)" }!
            let forecast = try #require(plan.forecasts[w])
            #expect(forecast.start?.description == assignment.start, "\(assignment.job)")
            #expect(forecast.completion?.description == assignment.end, "\(assignment.job)")
            let pieces = forecast.work.map {
                SolutionFile.WorkRange(start: "\($0.lowerBound)", end: "\($0.upperBound)")
            }
            #expect(pieces == (assignment.work ?? [.init(start: assignment.start, end: assignment.end)]))
            compared += 1
            if pieces.count > 1 { paused += 1 }
        }
        return (compared, paused)
    }

    @Test(
        "on a generated week, the board ends every resumable job of a verified plan where the plan does",
        arguments: [1, 2] as [UInt64])
    func solvedPlan(seed: UInt64) throws {
        let file = try Self.week(seed: seed)
        let (result, _) = planAndVerify(try Scenario(file: file), GreedyStrategy())
        let (compared, _) = try Self.compare(file, result.solutionFile())
        #expect(compared > 0)
    }

    @Test(
        "on a generated week, resumable jobs placed to pause over nights and shift ends end on the board where the verifier reads their end",
        arguments: [1, 2, 3] as [UInt64])
    func pausedPlan(seed: UInt64) throws {
        let file = try Self.week(seed: seed)
        let scenario = try Scenario(file: file)
        let solution = Self.pausingPlan(Instance(scenario))
        // The verifier's own reading of §7 accepts the ends and pieces written.
        let report = PlanVerifier(scenario: scenario).verify(solution)
        #expect(report.violations == [], "\(report)")
        let (compared, paused) = try Self.compare(file, solution)
        #expect(compared > 0)
        #expect(paused > 0)
    }

    /// A plan of the resumable jobs alone, each at the first placement (start, bay, then
    /// mechanic, in index order) whose work pauses and whose bay, mechanic and the shop's
    /// capacity are still free; the other jobs unscheduled. Placed with the planner's
    /// ``Instance/resumableWork(job:start:mechanic:)``; the verifier judges it.
    static func pausingPlan(_ instance: Instance) -> SolutionFile {
        let scenario = instance.scenario
        var bayHeld = [[Range<Int>]](repeating: [], count: instance.bays.count)
        var mechanicBusy = [[Range<Int>]](repeating: [], count: instance.mechanics.count)
        var running = [Int](repeating: 0, count: instance.slotCount)
        let capacity = scenario.facility.maxConcurrent ?? Int.max
        var assignments: [SolutionFile.Assignment] = []
        var unscheduled: [SolutionFile.Unscheduled] = []
        for job in instance.jobs {
            var placed: SolutionFile.Assignment?
            let mechanics: [Int?] =
                job.mode == .none ? [nil] : job.mechanicOptions.map { $0 } + (job.mode == .optional ? [nil] : [])
            search: for s in max(job.earliest, 0)..<max(job.earliest, min(job.latestEnd, instance.slotCount))
            where scenario.jobs[job.index].resumable {
                for b in job.bayOptions {
                    for m in mechanics {
                        guard let work = instance.resumableWork(job: job.index, start: s, mechanic: m), work.count > 1
                        else { continue }
                        let held = s..<work[work.count - 1].upperBound
                        guard held.upperBound <= job.latestEnd,
                            !(bayHeld[b] + instance.bays[b].outOfService).contains(where: { $0.overlaps(held) }),
                            !work.contains(where: { piece in
                                m.map { mechanicBusy[$0].contains { $0.overlaps(piece) } } ?? false
                            }),
                            work.allSatisfy({ piece in piece.allSatisfy { running[$0] < capacity } })
                        else { continue }
                        bayHeld[b].append(held)
                        if let m { mechanicBusy[m] += work }
                        for piece in work { for t in piece { running[t] += 1 } }
                        placed = .init(
                            job: job.id, start: "\(instance.time(ofSlot: s))",
                            end: "\(instance.time(ofSlot: held.upperBound))",
                            bay: instance.bays[b].id, mechanic: m.map { instance.mechanics[$0].id },
                            work: work.map {
                                .init(
                                    start: "\(instance.time(ofSlot: $0.lowerBound))",
                                    end: "\(instance.time(ofSlot: $0.upperBound))")
                            })
                        break search
                    }
                }
            }
            if let placed { assignments.append(placed) } else { unscheduled.append(.init(job: job.id, reasons: [])) }
        }
        return SolutionFile(
            scenario: scenario.facility.id, strategy: "test", status: "feasible", objective: nil, bound: nil,
            seconds: 0, assignments: assignments, unscheduled: unscheduled)
    }

    /// The views' shop with a lunch break (open 08:00–12:00 and 13:00–17:00 on weekdays), with
    /// W1, five hours for Jane on the lift B1 from 10:00 (vehicle `vehicle`), and one more job.
    static func lunchShop(
        vehicle: String = "V1", other: BoardSnapshot.Appointment, _ order: BoardSnapshot.WorkOrder
    ) -> BoardSnapshot.Location {
        var location = BoardShop.location(
            appointments: [BoardShop.appointment("A1", start: "10:00", minutes: 300, workOrder: "W1"), other],
            workOrders: [BoardShop.workOrder("W1", appointment: "A1", remaining: 300, vehicle: vehicle), order])
        for day in ["mon", "tue", "wed", "thu", "fri"] {
            location.facility.operatingHours[day] = [["08:00", "12:00"], ["13:00", "17:00"]]
        }
        return location
    }

    @Test("across lunch: the estimate works 10:00–12:00 and 13:00–16:00, and the held bay's next job waits for 16:00")
    func acrossLunch() throws {
        var location = Self.lunchShop(
            other: BoardShop.appointment(
                "A2", start: "12:00", minutes: 30, bay: "B1", mechanic: "sam", workOrder: "W2"),
            BoardShop.workOrder("W2", appointment: "A2", remaining: 30))
        location.mechanics.append(
            .init(
                id: "sam", name: "Sam Lee", skills: ["BRAKES"],
                shifts: [.init(start: "2026-03-02T08:00", end: "2026-03-02T17:00")]))
        let plan = FloorPlan(try BoardShop.floor(location).locations[0], now: BoardShop.at("07:00"))
        let first = try #require(plan.forecasts[0])
        #expect(
            first.work == [
                BoardShop.at("10:00")..<BoardShop.at("12:00"), BoardShop.at("13:00")..<BoardShop.at("16:00"),
            ])
        #expect(first.completion == BoardShop.at("16:00"))
        #expect(first.pauses)
        // Sam is free after lunch, but W2 cannot slip in then: the lift holds W1's car until 16:00.
        let second = try #require(plan.forecasts[1])
        #expect(second.start == BoardShop.at("16:00"))
        #expect(second.completion == BoardShop.at("16:30"))
    }

    @Test("the Gantt draws work that pauses as its pieces joined by a thin line, with the text escaped")
    func ganttPieces() throws {
        let location = Self.lunchShop(
            vehicle: "<b>&",
            other: BoardShop.appointment(
                "A2", start: "09:00", minutes: 60, bay: "B3", mechanic: "alex", workOrder: "W2"),
            BoardShop.workOrder("W2", appointment: "A2", remaining: 60, skills: ["TIRES"]))
        let caller = ViewCaller(
            id: "d", role: .dispatcher, facilityId: "SHOP-1", permissions: Set(Permission.allCases.map(\.rawValue)))
        let board = try ShopFloorBoard.build(try BoardShop.floor(location), for: caller, now: BoardShop.at("08:30"))
        let bar = try #require(board.locations[0].lanes.first { $0.place == "B1" }?.bars.first)
        #expect(bar.start == "2026-03-02T10:00" && bar.end == "2026-03-02T16:00")
        #expect(
            bar.work == [
                .init(start: "2026-03-02T10:00", end: "2026-03-02T12:00"),
                .init(start: "2026-03-02T13:00", end: "2026-03-02T16:00"),
            ])
        #expect(board.table().contains("10:00–16:00 W1 Jane Doe (works 10:00–12:00, 13:00–16:00)"))

        let html = board.html()
        let groups = html.components(separatedBy: "<g class=\"").dropFirst().map { $0.prefix { $0 != "\n" } }
        let resumable = try #require(groups.first { $0.hasPrefix("bar resumable") })
        #expect(resumable.components(separatedBy: "class=\"piece\"").count - 1 == 2)
        #expect(resumable.components(separatedBy: "class=\"pause\"").count - 1 == 1)
        // The line runs from the first piece's start to the last piece's end, under them.
        let line = try #require(resumable.range(of: "<line class=\"pause\""))
        #expect(line.lowerBound < resumable.range(of: "<rect")!.lowerBound)
        // Work in one piece has one rectangle and no line.
        let plain = try #require(groups.first { $0.hasPrefix("bar\"") })
        #expect(plain.components(separatedBy: "class=\"piece\"").count - 1 == 1)
        #expect(!plain.contains("pause"))
        // Names from the snapshot are escaped, never markup.
        #expect(html.contains("Vehicle &lt;b&gt;&amp;"))
        #expect(!html.contains("<b>&"))
        #expect(resumable.contains("works 10:00–12:00, 13:00–16:00"))
    }
}
