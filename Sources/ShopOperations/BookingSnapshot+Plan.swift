import ShopDomain

extension BookingSnapshot {
    /// A snapshot whose booked appointments are a planned scenario's assignments:
    /// for benchmarks, tests and demos (a generated day, planned, becomes a day
    /// of bookings). Every `confirmedEvery`-th appointment is `CONFIRMED`, the
    /// rest `SCHEDULED`; customers are `C-<job id>`; mechanics get their id as name.
    public init(
        booked scenario: ScenarioFile, plan: SolutionFile, confirmedEvery: Int = 2,
        policy: BookingPolicy? = nil
    ) {
        let jobs = Dictionary(scenario.jobs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let appointments = plan.assignments.enumerated().map { index, assignment in
            let job = jobs[assignment.job]
            return BookedAppointment(
                id: assignment.job,
                status: (index % max(1, confirmedEvery) == 0 ? AppointmentStatus.confirmed : .scheduled).rawValue,
                start: assignment.start, durationMinutes: job?.durationMinutes ?? 0, bay: assignment.bay,
                mechanic: assignment.mechanic, customerId: "C-" + assignment.job, vehicleId: "V-" + assignment.job,
                rescheduleCount: 0, requiredSkills: job?.requiredSkills ?? [],
                needsMechanic: job?.mechanic != MechanicMode.none.rawValue)
        }
        self.init(
            facility: scenario.facility, bays: scenario.bays,
            mechanics: scenario.mechanics.map {
                Mechanic(id: $0.id, name: $0.id, skills: $0.skills, active: $0.active, shifts: $0.shifts)
            },
            weights: scenario.weights, appointments: appointments, policy: policy)
    }
}
