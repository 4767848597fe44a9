import MILP

/// The shop scheduling problem as a time-indexed MILP.
///
/// Variables (all binary):
/// - `x[j,b,s]`: job `j` runs on bay `b` from slot `s` (``placements``);
/// - `u[j,m,s]`: job `j` runs with mechanic `m` from slot `s` (``staffing``);
/// - `w[m]`: mechanic `m` does some job (only when `mechanicUsed > 0`).
///
/// Each constraint family lives in its own file of this folder:
/// - `Formulation+Placements.swift`: which `x` and `u` exist (hours, window,
///   bay type, out of service, skills, shifts, pins) and their costs;
/// - `Formulation+OnePlacement.swift`: each job placed at most once, pinned
///   jobs exactly once;
/// - `Formulation+Staffing.swift`: a mechanic for each placement (mode
///   `required`), at most one (`optional`);
/// - `Formulation+BayNoOverlap.swift`: one job at a time per bay;
/// - `Formulation+MechanicNoOverlap.swift`: one job at a time per mechanic,
///   and `mechanicUsed`;
/// - `Formulation+Capacity.swift`: `maxConcurrent` per slot.
///
/// The objective: `Σ unscheduled × priority` is a constant, and every `x`
/// earns it back (`−unscheduled × priority`) plus its start and bay costs; `u`
/// carries the mechanic's costs (see ``Instance`` costs).
public struct ShopFormulation: Sendable {
    public struct PlacementVariable: Sendable {
        public let job: Int, bay: Int, start: Int
        public let variable: Model.Variable
    }
    public struct StaffingVariable: Sendable {
        public let job: Int, mechanic: Int, start: Int
        public let variable: Model.Variable
    }

    public let instance: Instance
    public internal(set) var model = Model()
    /// `x` variables per job.
    public internal(set) var placements: [[PlacementVariable]]
    /// `u` variables per job.
    public internal(set) var staffing: [[StaffingVariable]]
    /// `w` per mechanic, when `mechanicUsed` is weighted.
    public internal(set) var mechanicUsed: [Model.Variable?]

    public init(_ instance: Instance) {
        self.instance = instance
        placements = Array(repeating: [], count: instance.jobs.count)
        staffing = Array(repeating: [], count: instance.jobs.count)
        mechanicUsed = Array(repeating: nil, count: instance.mechanics.count)
        addPlacementVariables()
        addOnePlacementPerJob()
        addStaffing()
        addBayNoOverlap()
        addMechanicNoOverlap()
        addCapacity()
    }

    /// Reads the plan out of a solution of ``model``.
    public func plan(from values: [Double]) -> [SlotPlacement?] {
        instance.jobs.map { job in
            guard let x = placements[job.index].first(where: { values[$0.variable.index] > 0.5 }) else { return nil }
            let u = staffing[job.index].first { $0.start == x.start && values[$0.variable.index] > 0.5 }
            return SlotPlacement(start: x.start, bay: x.bay, mechanic: u?.mechanic)
        }
    }

    /// The values of ``model``'s variables that encode `plan`, or `nil` when
    /// the plan uses a placement the formulation left out.
    public func values(for plan: [SlotPlacement?]) -> [Double]? {
        var values = [Double](repeating: 0, count: model.variableCount)
        for (j, placement) in plan.enumerated() {
            guard let placement else { continue }
            guard let x = placements[j].first(where: { $0.bay == placement.bay && $0.start == placement.start }) else {
                return nil
            }
            values[x.variable.index] = 1
            if let m = placement.mechanic {
                guard let u = staffing[j].first(where: { $0.mechanic == m && $0.start == placement.start }) else {
                    return nil
                }
                values[u.variable.index] = 1
                if let w = mechanicUsed[m] { values[w.index] = 1 }
            }
        }
        return values
    }
}
