import ShopDomain

/// The most a what-if file may ask for (docs/limits.md, "What-if files").
///
/// Every limit is checked before anything it bounds is built: the file's
/// size before it is read, YAML nesting and aliases before it is parsed
/// (``YAMLGuard``), and the number of variants and edits a batch implies
/// before its grids are expanded (``sizeIssues(_:)``), so a hostile file is
/// refused in little time and memory, with the field and the limit named.
public enum WhatIfLimits {
    /// Bytes of a what-if file (16 MiB).
    public static let maxFileBytes = 16 << 20
    /// Bytes of a YAML what-if file (4 MiB): Yams takes far longer than the
    /// JSON decoder per byte, and 4 MiB holds 10,000 variants of several edits.
    public static let maxYAMLBytes = 4 << 20
    /// Nesting of a YAML what-if file, as ``YAMLGuard`` counts it.
    public static let maxYAMLDepth = 64
    /// Anchors and aliases (`&name`, `*name`) in a YAML what-if file.
    public static let maxYAMLAnchors = 100
    /// Nodes of a YAML what-if file with its aliases expanded.
    public static let maxYAMLNodes = 1_000_000
    /// Variants of one batch: the base, the named variants and every grid combination.
    public static let maxVariants = 10_000
    /// Axes of one grid.
    public static let maxAxesPerGrid = 16
    /// Edits of one variant (a grid combination: one option or value per axis, together).
    public static let maxEditsPerVariant = 100
    /// Edits of the whole batch, every variant's counted.
    public static let maxEditsPerBatch = 100_000
    /// Bays one `addBays`, `removeBays` or `setBayCount` edit (or `bays.<TYPE>` value) names.
    public static let maxBaysPerEdit = 1_000
    /// Entries of one list in an edit (`dates`, `skills`, `shifts`, `hours`…).
    public static let maxListPerEdit = 1_000
    /// Bytes (UTF-8) of a variant's or grid's name, an option's label, an axis's
    /// setting and a grid value: a grid variant's name joins the grid's name with
    /// one label per axis, for every combination, and names the variant's files.
    public static let maxNameBytes = 200
    /// Jobs a `scaleDemand` edit may grow a scenario to.
    public static let maxJobsAfterScaling = 10_000

    /// Every limit the file's variants and grids pass over, computed from
    /// the sizes alone (no grid is expanded); empty when within every limit.
    public static func sizeIssues(_ file: VariantFile) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func add(_ path: String, _ message: String) { issues.append(ValidationIssue(path: path, message: message)) }
        /// Multiplication that stops at `Int.max` instead of trapping.
        func times(_ a: Int, _ b: Int) -> Int {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? Int.max : product
        }
        func plus(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? Int.max : sum
        }
        func checkEdits(_ edits: [Edit], path: String) {
            for (k, edit) in edits.enumerated() {
                issues += editIssues(edit, path: edit.path.isEmpty ? "\(path)[\(k)]" : edit.path)
            }
        }
        let named = file.variants ?? []
        var variants = plus(1, named.count)
        var edits = 0
        func checkName(_ text: String, path: String) {
            let bytes = text.utf8.count
            if bytes > maxNameBytes {
                add(path, "\(bytes) bytes; a name, label or grid value has at most \(maxNameBytes)")
            }
        }
        for (v, variant) in named.enumerated() {
            checkName(variant.name, path: "variants[\(v)].name")
            if variant.edits.count > maxEditsPerVariant {
                add("variants[\(v)].edits", "\(variant.edits.count) edits; a variant has at most \(maxEditsPerVariant)")
            }
            checkEdits(variant.edits, path: "variants[\(v)].edits")
            edits = plus(edits, variant.edits.count)
        }
        for (g, grid) in (file.grids ?? []).enumerated() {
            let path = "grids[\(g)]"
            checkName(grid.name, path: path + ".name")
            for (a, axis) in grid.axes.prefix(maxAxesPerGrid).enumerated() {
                if let set = axis.set { checkName(set, path: "\(path).axes[\(a)].set") }
                if let name = axis.name { checkName(name, path: "\(path).axes[\(a)].name") }
                for (k, value) in (axis.values ?? []).enumerated() {
                    if case .string(let text) = value { checkName(text, path: "\(path).axes[\(a)].values[\(k)]") }
                }
                for (o, option) in (axis.options ?? []).enumerated() {
                    checkName(option.label, path: "\(path).axes[\(a)].options[\(o)].label")
                }
            }
            if grid.axes.count > maxAxesPerGrid {
                add(path + ".axes", "\(grid.axes.count) axes; a grid has at most \(maxAxesPerGrid)")
                continue
            }
            // Per axis: how many choices, the most edits one choice brings, and the edits of all its choices.
            var sizes: [Int] = [], most: [Int] = [], all: [Int] = []
            for (a, axis) in grid.axes.enumerated() {
                if let options = axis.options {
                    sizes.append(options.count)
                    most.append(options.map(\.edits.count).max() ?? 0)
                    all.append(options.reduce(0) { plus($0, $1.edits.count) })
                    for (o, option) in options.enumerated() {
                        checkEdits(option.edits, path: "\(path).axes[\(a)].options[\(o)].edits")
                    }
                } else {
                    let count = axis.values?.count ?? 0
                    sizes.append(count)
                    most.append(1)
                    all.append(count)
                }
            }
            let combinations = sizes.reduce(1, times)
            if combinations > maxVariants {
                let product = sizes.map(String.init).joined(separator: " × ")
                add(
                    path + ".axes",
                    "\(product) = \(combinations == Int.max ? "too many" : String(combinations)) combinations; a batch has at most \(maxVariants) variants"
                )
            }
            variants = plus(variants, combinations)
            let perCombination = most.reduce(0, plus)
            if perCombination > maxEditsPerVariant {
                add(
                    path + ".axes",
                    "a combination has up to \(perCombination) edits; a variant has at most \(maxEditsPerVariant)")
            }
            // Each choice of axis a appears in (combinations / sizes[a]) combinations.
            for a in sizes.indices where sizes[a] > 0 {
                edits = plus(edits, times(all[a], combinations / sizes[a]))
            }
        }
        if variants > maxVariants,
            !issues.contains(where: { $0.path.hasSuffix(".axes") && $0.message.contains("combinations") })
        {
            add(
                file.grids?.isEmpty == false ? "grids" : "variants",
                "the batch has \(variants == Int.max ? "too many" : String(variants)) variants (the base, \(named.count) named, the grids' combinations); at most \(maxVariants)"
            )
        }
        if edits > maxEditsPerBatch, issues.isEmpty {
            add(
                file.grids?.isEmpty == false ? "grids" : "variants",
                "the batch has \(edits == Int.max ? "too many" : String(edits)) edits over all its variants; at most \(maxEditsPerBatch)"
            )
        }
        return issues
    }

    /// The sizes one edit asks for.
    static func editIssues(_ edit: Edit, path: String) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        switch edit.kind {
        case .addBays, .removeBays, .setBayCount:
            if let count = edit.count, count > maxBaysPerEdit {
                issues.append(
                    .init(path: path + ".count", message: "\(count) bays in one edit; at most \(maxBaysPerEdit)"))
            }
        default:
            break
        }
        let lists: [(String, Int?)] = [
            ("skills", edit.skills?.count), ("addSkills", edit.addSkills?.count),
            ("removeSkills", edit.removeSkills?.count),
            ("shifts", edit.shifts?.count), ("hours", edit.hours?.count), ("dates", edit.dates?.count),
        ]
        for case (let name, let count?) in lists where count > maxListPerEdit {
            issues.append(
                .init(
                    path: "\(path).\(name)", message: "\(count) entries; an edit's list has at most \(maxListPerEdit)"))
        }
        return issues
    }
}
