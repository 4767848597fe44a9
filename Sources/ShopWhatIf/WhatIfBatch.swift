import Foundation
import ShopDomain

/// One variant of a batch, ready to apply: its place, name and edits.
public struct VariantSpec: Sendable, Hashable {
    /// Position in the batch: `0` is always the base (no edits), then the
    /// named variants in file order, then each grid's combinations.
    public var index: Int
    /// Unique in the batch; grid variants are `<grid>/<label>=<value>,…`.
    public var name: String
    public var edits: [Edit]

    /// The name as a file name: characters other than letters, digits and
    /// `. _ = , -` become `_` (the batch checks these are unique too).
    public var fileName: String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._=,-".contains($0)) ? $0 : "_" })
    }
}

/// A loaded what-if file: the base scenario and every variant, expanded and
/// checked against the base.
///
/// Invariants: names and file names are unique; variant 0 is `base` with no
/// edits; every variant's edits apply to the base without error (a variant
/// may still be an invalid or infeasible scenario, which fails when solved,
/// alone). The order is deterministic, so shards are too.
public struct WhatIfBatch: Sendable {
    public var base: ScenarioFile
    public var variants: [VariantSpec]
    /// A fingerprint of the base and every variant's name and edits: results
    /// of different batches are never merged into one report.
    public var id: String

    public static let baseName = "base"

    /// Reads a variant file (JSON, or YAML for `.yaml`/`.yml`) and its base
    /// scenario, expands grids and applies every variant's edits once to
    /// check them. Every problem is reported with its path.
    public static func load(path: String) throws(InputError) -> WhatIfBatch {
        // The size first: a huge file is refused without being read.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            size > WhatIfLimits.maxFileBytes
        {
            throw InputError([
                ValidationIssue(
                    path: "", message: "\(size) bytes; a what-if file has at most \(WhatIfLimits.maxFileBytes)")
            ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError([ValidationIssue(path: "", message: "cannot read file \(path)")])
        }
        let lower = path.lowercased()
        let file = try VariantFile.parse(data, yaml: lower.hasSuffix(".yaml") || lower.hasSuffix(".yml"))
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let basePath = file.base.hasPrefix("/") ? file.base : folder.appendingPathComponent(file.base).path
        guard let baseData = FileManager.default.contents(atPath: basePath) else {
            throw InputError([ValidationIssue(path: "base", message: "cannot read the base scenario \(basePath)")])
        }
        let base: ScenarioFile
        do {
            base = try JSONFiles.decode(ScenarioFile.self, from: baseData)
            _ = try Scenario(file: base)
        } catch {
            throw InputError(error.issues.map { ValidationIssue(path: "base", message: "\(basePath): \($0)") })
        }
        return try WhatIfBatch(file: file, base: base)
    }

    /// Expands `file` over `base`; see ``load(path:)``.
    public init(file: VariantFile, base: ScenarioFile) throws(InputError) {
        // The batch's size from the file's sizes, before any grid is expanded.
        let tooLarge = WhatIfLimits.sizeIssues(file)
        guard tooLarge.isEmpty else { throw InputError(tooLarge) }
        var issues: [ValidationIssue] = []
        var specs = [VariantSpec(index: 0, name: Self.baseName, edits: [])]
        for (v, variant) in (file.variants ?? []).enumerated() {
            specs.append(VariantSpec(index: specs.count, name: variant.name, edits: variant.edits))
            if variant.name.isEmpty { issues.append(.init(path: "variants[\(v)].name", message: "must not be empty")) }
        }
        for (g, grid) in (file.grids ?? []).enumerated() {
            var axes: [[(label: String, edits: [Edit])]] = []
            for (a, axis) in grid.axes.enumerated() {
                do throws(InputError) { axes.append(try Self.expand(axis, path: "grids[\(g)].axes[\(a)]")) } catch {
                    issues += error.issues
                }
            }
            if grid.axes.isEmpty {
                issues.append(.init(path: "grids[\(g)].axes", message: "a grid needs at least one axis"))
            }
            guard issues.isEmpty else { continue }
            // Odometer order: the last axis varies fastest.
            var combination = [Int](repeating: 0, count: axes.count)
            while !axes.contains(where: \.isEmpty) {
                let chosen = combination.enumerated().map { axes[$0.offset][$0.element] }
                specs.append(
                    VariantSpec(
                        index: specs.count,
                        name: grid.name + "/" + chosen.map(\.label).joined(separator: ","),
                        edits: chosen.flatMap(\.edits)))
                var k = axes.count - 1
                while k >= 0 {
                    combination[k] += 1
                    if combination[k] < axes[k].count { break }
                    combination[k] = 0
                    k -= 1
                }
                if k < 0 { break }
            }
        }
        var names: [String: Int] = [:]
        var fileNames: [String: Int] = [:]
        for spec in specs {
            if let other = names[spec.name] {
                issues.append(
                    .init(
                        path: Self.path(of: spec, in: file),
                        message: "the name '\(spec.name)' is used twice (also variant \(other))"))
            } else if let other = fileNames[spec.fileName] {
                issues.append(
                    .init(
                        path: Self.path(of: spec, in: file),
                        message: "'\(spec.name)' and variant \(other) have the same file name '\(spec.fileName)'"))
            }
            names[spec.name] = names[spec.name] ?? spec.index
            fileNames[spec.fileName] = fileNames[spec.fileName] ?? spec.index
            do throws(InputError) { _ = try ScenarioEditor.apply(spec.edits, to: base) } catch {
                issues += error.issues
            }
        }
        // One problem reported once, however many grid combinations repeat it.
        var seen = Set<ValidationIssue>()
        issues = issues.filter { seen.insert($0).inserted }
        guard issues.isEmpty else { throw InputError(issues) }
        self.base = base
        self.variants = specs
        var hasher = StableHash()
        hasher.combine(JSONFiles.encode(base))
        for spec in specs { hasher.combine(spec.name + "\n" + spec.edits.map(\.description).joined(separator: "\n")) }
        self.id = hasher.hex
    }

    /// The scenario of one variant (the edits were checked at load).
    public func scenarioFile(of spec: VariantSpec) throws(InputError) -> ScenarioFile {
        try ScenarioEditor.apply(spec.edits, to: base)
    }

    /// The variants of shard `shard` (1-based) of `of`: those whose index
    /// is `shard - 1` modulo `of`. The shards partition the batch exactly.
    public func variants(inShard shard: Int, of count: Int) -> [VariantSpec] {
        variants.filter { $0.index % count == shard - 1 }
    }

    private static func path(of spec: VariantSpec, in file: VariantFile) -> String {
        let named = file.variants?.count ?? 0
        return spec.index >= 1 && spec.index <= named ? "variants[\(spec.index - 1)].name" : "grids"
    }

    /// One axis as its labelled edit lists.
    static func expand(_ axis: VariantFile.Axis, path: String) throws(InputError) -> [(label: String, edits: [Edit])] {
        if let options = axis.options {
            guard axis.set == nil, axis.values == nil else {
                throw InputError([
                    .init(path: path, message: "give 'set' with 'values', or 'name' with 'options', not both")
                ])
            }
            guard !options.isEmpty else {
                throw InputError([.init(path: path + ".options", message: "must not be empty")])
            }
            return options.map { ($0.label, $0.edits) }
        }
        guard let setting = axis.set, let values = axis.values else {
            throw InputError([.init(path: path, message: "an axis needs 'set' and 'values', or 'name' and 'options'")])
        }
        guard !values.isEmpty else { throw InputError([.init(path: path + ".values", message: "must not be empty")]) }
        var expanded: [(label: String, edits: [Edit])] = []
        for (k, value) in values.enumerated() {
            let at = "\(path).values[\(k)]"
            let edit = try Self.edit(setting: setting, value: value, path: at, settingPath: path + ".set")
            let short = setting.split(separator: ".").last.map(String.init) ?? setting
            expanded.append(("\(short)=\(value)", [edit]))
        }
        return expanded
    }

    /// The edit a grid value stands for.
    static func edit(setting: String, value: VariantFile.Scalar, path: String, settingPath: String) throws(InputError)
        -> Edit
    {
        func bad(_ expected: String) -> InputError {
            InputError([.init(path: path, message: "\(setting) takes \(expected), not '\(value)'")])
        }
        let parts = setting.split(separator: ".", maxSplits: 1).map(String.init)
        var edit: Edit
        switch (parts.first ?? "", parts.count) {
        case ("bays", 2):
            guard case .int(let count) = value else { throw bad("a whole number of bays") }
            edit = Edit(.setBayCount, path: path)
            edit.type = parts[1]
            edit.count = count
        case ("hours", 2):
            guard case .string(let text) = value else { throw bad("'closed' or HH:MM-HH:MM ranges") }
            edit = Edit(.setHours, path: path)
            edit.day = parts[1]
            edit.hours = text == "closed" || text == "none" ? [] : text.split(separator: ",").map(String.init)
        case ("maxConcurrent", 1):
            edit = Edit(.setMaxConcurrent, path: path)
            switch value {
            case .int(let limit): edit.value = limit
            case .string("unlimited"), .string("none"): edit.value = nil
            default: throw bad("a whole number or 'unlimited'")
            }
        case ("labourLimit", 1):
            edit = Edit(.setLabourLimit, path: path)
            switch value {
            case .int(let minutes): edit.limit = minutes
            case .string("unlimited"), .string("none"): edit.limit = nil
            default: throw bad("a whole number of minutes or 'unlimited'")
            }
        case ("demand", 1):
            edit = Edit(.scaleDemand, path: path)
            switch value {
            case .int(let factor): edit.factor = Double(factor)
            case .double(let factor): edit.factor = factor
            default: throw bad("a factor such as 1.2")
            }
        case ("slotMinutes", 1):
            guard case .int(let minutes) = value else { throw bad("a whole number of minutes") }
            edit = Edit(.setSlotMinutes, path: path)
            edit.minutes = minutes
        case ("weights", 2):
            guard case .int(let weight) = value else { throw bad("a whole number") }
            var weights = ScenarioFile.Weights()
            switch parts[1] {
            case "unscheduled": weights.unscheduled = weight
            case "startDeviationPerSlot": weights.startDeviationPerSlot = weight
            case "missingPreferredSkill": weights.missingPreferredSkill = weight
            case "unassignedMechanic": weights.unassignedMechanic = weight
            case "moved": weights.moved = weight
            case "changedBay": weights.changedBay = weight
            case "changedMechanic": weights.changedMechanic = weight
            case "mechanicUsed": weights.mechanicUsed = weight
            default: throw InputError([.init(path: settingPath, message: "unknown weight '\(parts[1])'")])
            }
            edit = Edit(.setWeights, path: path)
            edit.weights = weights
        default:
            throw InputError([
                .init(
                    path: settingPath,
                    message:
                        "unknown setting '\(setting)'; one of bays.<TYPE>, hours.<day>, maxConcurrent, labourLimit, demand, slotMinutes, weights.<name>"
                )
            ])
        }
        // The setting part of the edit's own errors (unknown type or day) is the axis's `set`.
        edit.path = path
        return edit
    }
}
