import Foundation
import ShopDomain
import ShopWhatIf
import Testing

/// Hostile what-if files: refused quickly, with the field and the limit
/// named, before they are parsed (YAML) or expanded (grids).
@Suite struct LimitsTests {
    func parse(_ text: String, yaml: Bool) throws(InputError) -> VariantFile {
        try VariantFile.parse(Data(text.utf8), yaml: yaml)
    }

    func yamlError(_ text: String) throws -> InputError {
        try #require(throws: InputError.self) { try parse(text, yaml: true) }
    }

    static let header = "format: shopsched.whatif/1\nbase: base.json\n"

    /// C3: Yams recursed once per level and overflowed the stack at 10,000 levels.
    @Test func yamlNestedTenThousandDeepIsRefusedWithItsLine() throws {
        let depth = 10_000
        let flow = try yamlError(
            Self.header + "variants: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                + "\n")
        #expect(flow.description.contains("line 3: nested deeper than \(WhatIfLimits.maxYAMLDepth) levels"), "\(flow)")
        let compact = try yamlError(Self.header + "variants:\n" + String(repeating: "- ", count: depth) + "x\n")
        #expect(compact.description.contains("line 4: nested deeper than"), "\(compact)")
        // 2,000 lines of growing indentation (10,000 would pass the file size limit first).
        let block = try yamlError(
            Self.header + "variants:\n"
                + (1...2000).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\n") + "\n")
        #expect(block.description.contains("line \(3 + WhatIfLimits.maxYAMLDepth - 1): nested deeper than"), "\(block)")
        let mapping = try yamlError(
            Self.header + "variants: " + String(repeating: "{a: ", count: depth) + "1"
                + String(repeating: "}", count: depth) + "\n")
        #expect(mapping.description.contains("nested deeper than"))
        // A YAML file over its size limit is refused unread.
        let large = try yamlError(
            Self.header + String(repeating: "# padding\n", count: WhatIfLimits.maxYAMLBytes / 10 + 1))
        #expect(large.description.contains("a YAML what-if file has at most \(WhatIfLimits.maxYAMLBytes)"), "\(large)")
        // Too many named variants are counted on the parsed tree, before decoding.
        let many = try yamlError(
            Self.header + "variants:\n"
                + String(repeating: "  - {name: v, edits: []}\n", count: WhatIfLimits.maxVariants + 1))
        #expect(
            many.issues == [
                ValidationIssue(
                    path: "variants",
                    message:
                        "\(WhatIfLimits.maxVariants + 1) named variants; a batch has at most \(WhatIfLimits.maxVariants) variants"
                )
            ])
        // The same in JSON is refused too, as it already was.
        let json =
            "{\"format\": \"shopsched.whatif/1\", \"base\": \"b\", \"variants\": "
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        #expect(throws: InputError.self) { try parse(json, yaml: false) }
    }

    /// Aliases of aliases: ten levels of ten stand for 10^10 nodes in a few hundred bytes.
    @Test func yamlAliasBombIsRefused() throws {
        var lines = [Self.header + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("variants: []")
        let bomb = try yamlError(lines.joined(separator: "\n") + "\n")
        #expect(
            bomb.description.contains("aliases expanded") && bomb.description.contains("\(WhatIfLimits.maxYAMLNodes)"),
            "\(bomb)")
        // More anchors and aliases than the limit are refused by count alone.
        let many = (0...WhatIfLimits.maxYAMLAnchors).map { "k\($0): &k\($0) 1" }.joined(separator: "\n")
        let counted = try yamlError(Self.header + many + "\nvariants: []\n")
        #expect(
            counted.description.contains("more than \(WhatIfLimits.maxYAMLAnchors) anchors and aliases"), "\(counted)")
    }

    /// The scan errs towards too deep, but ordinary files pass: quoted
    /// brackets, comments, block text, anchors reused by aliases.
    @Test func ordinaryYamlStillParses() throws {
        let file = try parse(
            Self.header + """
                # a comment with [[[[ brackets {{{{
                notes: |
                  Block text is text: [[[[ {{{{ - - - -
                      however it is indented
                variants:
                  - name: "lifts [2]"   # [[[
                    edits: &two-lifts
                      - { edit: addBays, type: LIFT_BAY, count: 2 }
                  - name: 'it''s {odd}'
                    edits: *two-lifts
                  - name: notes
                    edits: []
                grids:
                  - name: g
                    axes:
                      - set: hours.sat
                        values: [closed, "09:00-14:00", '10:00-12:00,13:00-15:00']
                """, yaml: true)
        #expect(file.variants?.map(\.name) == ["lifts [2]", "it's {odd}", "notes"])
        #expect(file.variants?[1].edits.first?.count == 2)
        #expect(file.grids?.first?.axes.first?.values?.count == 3)
    }

    func base() throws -> ScenarioFile { try Datasets.file("small-shop-day.json") }

    /// Rejects within `seconds` (the old code grew past 1 GB and never answered).
    func refused(_ json: String, seconds: Double = 10) throws -> InputError {
        let started = Date()
        let error = try #require(throws: InputError.self) {
            _ = try WhatIfBatch(file: try VariantFile.parse(Data(json.utf8), yaml: false), base: try base())
        }
        #expect(Date().timeIntervalSince(started) < seconds)
        return error
    }

    /// Found by the fuzz campaign: a grid named with 70,000 🚗 (280 KB) took 24 s
    /// (debug build) to refuse, the name copied into every combination's name and
    /// file name; 1 MB of name times 10,000 combinations would be 10 GB. Names,
    /// labels and grid values are refused above `maxNameBytes`, before expansion.
    @Test func aHugeGridNameIsRefusedBeforeExpansion() throws {
        let huge = String(repeating: "🚗", count: 70_000)
        let error = try refused(
            """
            { "format": "shopsched.whatif/1", "base": "b",
              "variants": [ { "name": "\(String(repeating: "v", count: 201))", "edits": [] } ],
              "grids": [ { "name": "\(huge)", "axes": [
                { "set": "bays.LIFT_BAY", "values": [1, 2, 3, "\(String(repeating: "x", count: 300))"] },
                { "name": "hours", "options": [ { "label": "\(huge)", "edits": [] }, { "label": "short", "edits": [] } ] } ] } ] }
            """, seconds: 2)
        #expect(
            error.issues.map(\.path) == [
                "variants[0].name", "grids[0].name", "grids[0].axes[0].values[3]", "grids[0].axes[1].options[0].label",
            ])
        #expect(
            error.issues.first?.message
                == "201 bytes; a name, label or grid value has at most \(WhatIfLimits.maxNameBytes)")
        // At the limit, a name is fine.
        let fine = try WhatIfBatch(
            file: try VariantFile.parse(
                Data(
                    """
                    { "format": "shopsched.whatif/1", "base": "b", "variants": [ { "name": "\(String(repeating: "v", count: 200))", "edits": [] } ] }
                    """.utf8), yaml: false), base: try base())
        #expect(fine.variants.count == 2)
    }

    /// H1: `addBays` with a billion bays.
    @Test func aBillionBaysInOneEditIsRefusedWithItsPath() throws {
        let error = try refused(
            """
            { "format": "shopsched.whatif/1", "base": "b",
              "variants": [ { "name": "huge", "edits": [ { "edit": "addBays", "type": "LIFT_BAY", "count": 1000000000 } ] } ] }
            """)
        #expect(
            error.issues == [
                ValidationIssue(
                    path: "variants[0].edits[0].count",
                    message: "1000000000 bays in one edit; at most \(WhatIfLimits.maxBaysPerEdit)")
            ])
        // The same as a grid value.
        let grid = try refused(
            """
            { "format": "shopsched.whatif/1", "base": "b",
              "grids": [ { "name": "g", "axes": [ { "set": "bays.LIFT_BAY", "values": [2, 1000000000] } ] } ] }
            """)
        #expect(grid.paths == ["grids[0].axes[0].values[1].count"])
    }

    /// H1: a grid of 1,000 × 1,000 values.
    @Test func aMillionCombinationGridIsRefusedBeforeExpansion() throws {
        let values = (0..<1000).map(String.init).joined(separator: ", ")
        let error = try refused(
            """
            { "format": "shopsched.whatif/1", "base": "b",
              "grids": [ { "name": "g", "axes": [ { "set": "maxConcurrent", "values": [\(values)] },
                                                  { "set": "slotMinutes", "values": [\(values)] } ] } ] }
            """)
        #expect(
            error.issues == [
                ValidationIssue(
                    path: "grids[0].axes",
                    message:
                        "1000 × 1000 = 1000000 combinations; a batch has at most \(WhatIfLimits.maxVariants) variants")
            ])
    }

    /// H1: 10^6 combinations with one bad value took 18.6 s and 1.1 GB to refuse.
    @Test func aMillionCombinationGridWithOneBadValueIsRefusedFast() throws {
        var options = (0..<100).map {
            #"{ "label": "o\#($0)", "edits": [ { "edit": "setMaxConcurrent", "value": 2 } ] }"#
        }
        options[57] = #"{ "label": "bad", "edits": [ { "edit": "addBays", "type": "NOPE", "count": 1 } ] }"#
        let hundred = (1...100).map(String.init).joined(separator: ", ")
        let error = try refused(
            """
            { "format": "shopsched.whatif/1", "base": "b",
              "grids": [ { "name": "g", "axes": [ { "name": "a", "options": [\(options.joined(separator: ", "))] },
                                                  { "set": "maxConcurrent", "values": [\(hundred)] },
                                                  { "set": "demand", "values": [\(hundred)] } ] } ] }
            """)
        #expect(error.paths == ["grids[0].axes"])
        #expect(error.description.contains("100 × 100 × 100 = 1000000 combinations"))
    }

    /// The batch as a whole: grids each within the limit, together over it; and edits per variant.
    @Test func batchTotalsAndEditsPerVariantAreBounded() throws {
        let values = (1...100).map(String.init).joined(separator: ", ")
        let grid =
            #"{ "name": "G", "axes": [ { "set": "maxConcurrent", "values": [\#(values)] }, { "set": "slotMinutes", "values": [\#(values)] } ] }"#
        let two = try refused(
            """
            { "format": "shopsched.whatif/1", "base": "b", "grids": [ \(grid.replacingOccurrences(of: "G", with: "g1")), \(grid.replacingOccurrences(of: "G", with: "g2")) ] }
            """)
        #expect(two.paths == ["grids"] && two.description.contains("20001 variants"), "\(two)")
        let edits = Array(
            repeating: #"{ "edit": "setMaxConcurrent", "value": 2 }"#, count: WhatIfLimits.maxEditsPerVariant + 1)
        let long = try refused(
            """
            { "format": "shopsched.whatif/1", "base": "b", "variants": [ { "name": "v", "edits": [\(edits.joined(separator: ", "))] } ] }
            """)
        #expect(
            long.issues == [
                ValidationIssue(
                    path: "variants[0].edits",
                    message:
                        "\(WhatIfLimits.maxEditsPerVariant + 1) edits; a variant has at most \(WhatIfLimits.maxEditsPerVariant)"
                )
            ])
        let dates = (0..<(WhatIfLimits.maxListPerEdit + 1)).map { _ in #""2026-12-25""# }.joined(separator: ", ")
        let list = try refused(
            """
            { "format": "shopsched.whatif/1", "base": "b", "variants": [ { "name": "v", "edits": [ { "edit": "closeDates", "dates": [\(dates)] } ] } ] }
            """)
        #expect(list.paths == ["variants[0].edits[0].dates"])
        // At the limit, a batch loads.
        let fine = try WhatIfBatch(
            file: try VariantFile.parse(
                Data(
                    """
                    { "format": "shopsched.whatif/1", "base": "b", "grids": [ \(grid.replacingOccurrences(of: "G", with: "g").replacingOccurrences(of: ", 100]", with: "]")) ] }
                    """.utf8), yaml: false), base: try base())
        #expect(fine.variants.count == 1 + 99 * 99)
    }
}
