import MILP

extension ShopFormulation {
    /// Rule 7: per day `D`, `Σ minutes_j · u[j,k,s] ≤ labourMinutesPerDay.limit`
    /// over the staffing variables whose start `s` falls on `D` (and a resumable job's
    /// `x[j,g,k,s]`): a job books its minutes on its start day exactly when it has a
    /// mechanic, however many days a resumable job's work spans. A row is
    /// added only where the day's candidates could exceed the limit.
    mutating func addLabourLimit() {
        guard let limit = instance.scenario.facility.labourLimitPerDay else { return }
        var byDay: [Int: [Model.Term]] = [:]
        // The most a day could book: each job once, at its minutes.
        var most: [Int: Set<Int>] = [:]
        for j in jobs {
            let minutes = Double(instance.scenario.jobs[j].durationMinutes)
            let withMechanic =
                staffing[j].map { ($0.start, $0.variable) }
                + placements[j].filter { $0.mechanicGroup != nil }.map { ($0.start, $0.variable) }
            for (start, variable) in withMechanic {
                let day = instance.labourDay(ofSlot: start)
                byDay[day, default: []].append(Model.Term(variable, minutes))
                most[day, default: []].insert(j)
            }
        }
        for day in byDay.keys.sorted() {
            let reach = most[day]!.reduce(0) { $0 + instance.scenario.jobs[$1].durationMinutes }
            guard reach > limit else { continue }
            model.addConstraint(byDay[day]!, upper: Double(limit), name: "labour[\(day)]")
        }
    }
}
