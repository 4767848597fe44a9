extension ResourceGroups {
    /// Checks the invariants stated on ``ResourceGroups``; traps when one
    /// fails. The tests call it on the groups they make.
    public func checkInvariants() {
        var seen = Set<Int>()
        for (g, group) in members.enumerated() {
            precondition(!group.isEmpty, "group \(g) is empty")
            precondition(group == group.sorted(), "members of group \(g) are not ascending")
            for r in group {
                precondition(seen.insert(r).inserted, "resource \(r) is in two groups")
                precondition(groupOf[r] == g, "groupOf[\(r)] is \(groupOf[r]), not \(g)")
            }
            if g > 0 { precondition(members[g - 1][0] < group[0], "groups are not ordered by first member") }
        }
        precondition(seen.count == groupOf.count, "the groups do not cover every resource")
    }
}
