import ShopDomain

/// Bays (or mechanics) split into groups of interchangeable members.
///
/// Two bays are interchangeable when every job sees them alike: same type,
/// same out-of-service slots, and neither is named by a pin or a `current`
/// placement. Two mechanics are interchangeable when they are equally active,
/// have the same shifts, and every job finds both qualified or both not, at
/// the same cost; again neither may be named by a pin or `current`. The
/// formulation then decides only *how many* members of a group are busy in a
/// slot, and interval colouring (`IntervalColouring`) names the members afterwards, which is
/// exact: intervals whose overlap never exceeds the group's size can always
/// be given distinct members. Grouped mechanics share their shifts, so a resumable job's
/// work slots (contract §7) are the same with any member; and since every job of a
/// mechanic works only where the shop is open and the mechanic on shift, each job's work is
/// one run of those slots, and colouring by start and end stays exact for resumable jobs.
///
/// Invariants (checked in ``ResourceGroups/checkInvariants()``): the groups
/// partition the resources; members are ascending; groups are ordered by
/// their first member; `groupOf` inverts `members`.
public struct ResourceGroups: Sendable, Hashable {
    /// Members of each group, ascending.
    public let members: [[Int]]
    /// The group of each resource.
    public let groupOf: [Int]

    /// Every resource alone (no aggregation).
    public static func singletons(count: Int) -> ResourceGroups {
        ResourceGroups(members: (0..<count).map { [$0] }, groupOf: Array(0..<count))
    }

    /// Groups resources `0..<count` by a key; equal keys share a group.
    /// Resources whose key is `nil` stay alone.
    static func grouping<Key: Hashable>(count: Int, key: (Int) -> Key?) -> ResourceGroups {
        var members: [[Int]] = []
        var groupOf = [Int](repeating: -1, count: count)
        var byKey: [Key: Int] = [:]
        for r in 0..<count {
            if let k = key(r) {
                if let g = byKey[k] {
                    members[g].append(r)
                    groupOf[r] = g
                    continue
                }
                byKey[k] = members.count
            }
            groupOf[r] = members.count
            members.append([r])
        }
        return ResourceGroups(members: members, groupOf: groupOf)
    }

    public var count: Int { members.count }
    public func size(_ group: Int) -> Int { members[group].count }
    /// The member that stands for the group when costs are computed.
    public func representative(_ group: Int) -> Int { members[group][0] }
}

extension Instance {
    /// Bays and mechanics named by a pin or a `current` placement: they are
    /// not interchangeable with any other, since some job tells them apart.
    var namedResources: (bays: Set<Int>, mechanics: Set<Int>) {
        var bays = Set<Int>(), mechanics = Set<Int>()
        for job in jobs {
            for placement in [job.pinned, job.current].compactMap({ $0 }) {
                bays.insert(placement.bay)
                if let m = placement.mechanic { mechanics.insert(m) }
            }
        }
        return (bays, mechanics)
    }

    /// Interchangeable bays grouped (see ``ResourceGroups``), or every bay
    /// alone when `aggregate` is false.
    public func bayGroups(aggregate: Bool) -> ResourceGroups {
        guard aggregate else { return .singletons(count: bays.count) }
        let named = namedResources.bays
        struct Key: Hashable { let type: BayType; let outOfService: [Range<Int>] }
        return .grouping(count: bays.count) { (b: Int) -> Key? in
            named.contains(b) ? nil : Key(type: bays[b].type, outOfService: bays[b].outOfService)
        }
    }

    /// Interchangeable mechanics grouped (see ``ResourceGroups``), or every
    /// mechanic alone when `aggregate` is false.
    public func mechanicGroups(aggregate: Bool) -> ResourceGroups {
        guard aggregate else { return .singletons(count: mechanics.count) }
        let named = namedResources.mechanics
        var qualified = Array(repeating: Set<Int>(), count: jobs.count)
        for job in jobs { qualified[job.index] = Set(job.mechanicOptions) }
        // What a job sees of a mechanic: qualified or not, and at what cost.
        struct Key: Hashable { let active: Bool; let shifts: [Range<Int>]; let view: [Int] }
        return .grouping(count: mechanics.count) { (m: Int) -> Key? in
            if named.contains(m) { return nil }
            let view = jobs.map { qualified[$0.index].contains(m) ? mechanicCost(job: $0.index, mechanic: m) : -1 }
            return Key(active: scenario.mechanics[m].active, shifts: mechanics[m].shifts, view: view)
        }
    }
}
