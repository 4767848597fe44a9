import ShopDomain

/// Rule 3: which mechanics may do the work. A mechanic must be active, have
/// every required skill and be on shift throughout; preferred skills only rank.
public enum SkillRule {
    /// The skills of several lines, each once, in first-seen order (stable output).
    public static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for list in lists { for skill in list where seen.insert(skill).inserted { result.append(skill) } }
        return result
    }

    /// The skills every line of the work needs, together.
    public static func requiredSkills(_ lines: [ServiceLine]) -> [String] {
        union(lines.map { $0.requiredSkills ?? [] })
    }

    /// The skills the lines prefer that none requires.
    public static func preferredSkills(_ lines: [ServiceLine]) -> [String] {
        let required = Set(requiredSkills(lines))
        return union(lines.map { $0.preferredSkills ?? [] }).filter { !required.contains($0) }
    }

    /// Active mechanics with every required skill, in snapshot order; empty
    /// means the work waits for skills (`AWAITING_SKILL_FULFILLMENT`).
    public static func qualified(_ scenario: Scenario, required: [String]) -> [Int] {
        scenario.mechanics.indices.filter {
            scenario.mechanics[$0].active && Set(required).isSubset(of: scenario.mechanics[$0].skills)
        }
    }

    /// "J. Doe has BRAKES and ENGINE" (or "lacks preferred HVAC").
    public static func describe(_ name: String, skills: Set<String>, required: [String], preferred: [String]) -> String
    {
        let has = (required + preferred).filter(skills.contains)
        let lacks = preferred.filter { !skills.contains($0) }
        var text = has.isEmpty ? "\(name) is free" : "\(name) has \(list(has))"
        if !lacks.isEmpty { text += " (lacks preferred \(list(lacks)))" }
        return text
    }

    /// "A", "A and B", "A, B and C".
    public static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
