import ShopDomain
import ShopOperations
import ShopVerifier
import Testing

/// An independent check of a snapshot's booked plan, written from the contract
/// and the snapshot here (not from the code under test), judged by the public
/// ``PlanVerifier``: the snapshot's active appointments become jobs of their
/// bay's type, skills and mechanic (not-yet-confirmed ones carry `current`, the
/// rest are pinned), each placed where it is booked; a request may add one more
/// job, and moves re-place appointments. Booked appointments that may pause
/// (`resumable`) become resumable jobs (contract §7) whose work ranges the test
/// states (``bookedWork``), so the verifier judges those too.
public struct BookedPlanCheck: Sendable {
    /// The statuses that hold a bay and a mechanic.
    public static let active = ["SCHEDULED", "CONFIRMED", "AWAITING_PARTS", "IN_PROGRESS"]

    public var snapshot: BookingSnapshot
    /// The request as a contract job (the test states what it should be), if there is one.
    public var job: ScenarioFile.Job?
    /// The work ranges of the booked appointments that may pause, by id, as the test
    /// argues them (their assignments' `work`, and `end` the last range's end).
    public var bookedWork: [String: [SolutionFile.WorkRange]]

    public init(
        snapshot: BookingSnapshot, job: ScenarioFile.Job? = nil, bookedWork: [String: [SolutionFile.WorkRange]] = [:]
    ) {
        self.snapshot = snapshot
        self.job = job
        self.bookedWork = bookedWork
    }

    private var booked: [BookedAppointment] { snapshot.appointments.filter { Self.active.contains($0.status) } }

    /// The booked plan as a scenario, with the request's job when `withRequest`.
    public func scenario(withRequest: Bool) throws -> Scenario {
        var jobs = booked.map { a in
            let placement = ScenarioFile.Placement(start: a.start, bay: a.bay, mechanic: a.mechanic)
            let movable = a.status == "SCHEDULED"
            return ScenarioFile.Job(
                id: a.id, durationMinutes: a.durationMinutes, bayTypes: [snapshot.bays.first { $0.id == a.bay }!.type],
                requiredSkills: a.requiredSkills ?? [], mechanic: a.mechanic == nil ? "none" : "required",
                pinned: movable ? nil : placement, current: movable ? placement : nil,
                resumable: a.resumable == true ? true : nil)
        }
        if withRequest, let job { jobs.append(job) }
        let mechanics = snapshot.mechanics.map {
            ScenarioFile.Mechanic(id: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts)
        }
        return try Scenario(
            file: ScenarioFile(
                facility: snapshot.facility, bays: snapshot.bays, mechanics: mechanics, jobs: jobs,
                weights: snapshot.weights))
    }

    /// An assignment from `start` for `minutes`, its end rounded up to the grid; with
    /// `work` (a job that may pause), its end the last range's end.
    private func assignment(
        _ id: String, _ start: String, _ minutes: Int, _ bay: String, _ mechanic: String?,
        work: [SolutionFile.WorkRange]? = nil
    ) -> SolutionFile.Assignment {
        let slot = snapshot.facility.slotMinutes
        let end =
            work?.last?.end ?? LocalDateTime(start)!.adding(minutes: (minutes + slot - 1) / slot * slot).description
        return SolutionFile.Assignment(job: id, start: start, end: end, bay: bay, mechanic: mechanic, work: work)
    }

    private func verify(_ scenario: Scenario, _ assignments: [SolutionFile.Assignment]) -> VerificationReport {
        PlanVerifier.verify(
            SolutionFile(
                scenario: scenario.facility.id, strategy: "test", status: "feasible", objective: nil, bound: nil,
                seconds: 0, assignments: assignments, unscheduled: []), against: scenario)
    }

    /// The verifier's report on the booked plan, every appointment where it is (`moves` applied).
    public func verify(moves: [Move] = []) throws -> VerificationReport {
        try verify(scenario(withRequest: false), bookedAssignments(moves: moves))
    }

    private func bookedAssignments(moves: [Move]) -> [SolutionFile.Assignment] {
        booked.map { a in
            guard let move = moves.first(where: { $0.appointment == a.id }) else {
                return assignment(a.id, a.start, a.durationMinutes, a.bay, a.mechanic, work: bookedWork[a.id])
            }
            return assignment(a.id, move.toStart, a.durationMinutes, move.toBay, move.toMechanic)
        }
    }

    /// Verifies the plan with the request at `start`, `bay`, `mechanic` (and `moves`
    /// applied), expecting both it and the booked plan without it feasible; returns
    /// the objective difference between the two. `work`: the request's work ranges
    /// when it may pause (the job is then resumable), checked by the verifier.
    public func addedCost(
        start: String, bay: String, mechanic: String?, moves: [Move] = [], work: [SolutionFile.WorkRange]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Int {
        let job = try #require(job, "a check without a request has no added cost", sourceLocation: sourceLocation)
        let beforeReport = try verify()
        #expect(beforeReport.isFeasible, "the booked plan itself: \(beforeReport)", sourceLocation: sourceLocation)
        let afterReport = try verify(
            scenario(withRequest: true),
            bookedAssignments(moves: moves) + [
                assignment(job.id, start, job.durationMinutes, bay, mechanic, work: work)
            ]
        )
        #expect(afterReport.isFeasible, "with the request: \(afterReport)", sourceLocation: sourceLocation)
        return afterReport.objective - beforeReport.objective
    }
}
