import Foundation
import ShopDomain
import ShopWhatIf
import Testing

/// Variant files: grid expansion, and clear errors with the path of the bad field.
@Suite struct VariantFileTests {
    /// Writes `text` as a variant file next to a copy of the small shop day and loads it.
    func load(_ text: String, yaml: Bool = false) throws -> WhatIfBatch {
        let folder = try temporaryFolder()
        let base = Datasets.folder.appendingPathComponent("small-shop-day.json").path
        try FileManager.default.copyItem(atPath: base, toPath: folder + "/base.json")
        let path = folder + (yaml ? "/batch.yaml" : "/batch.json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try WhatIfBatch.load(path: path)
    }

    func paths(_ text: String, yaml: Bool = false) throws -> [String] {
        let error = try #require(throws: InputError.self) { try load(text, yaml: yaml) }
        #expect(error.issues.allSatisfy { !$0.message.isEmpty })
        return error.paths
    }

    @Test func gridExpandsIntoEveryCombinationInOrder() throws {
        let batch = try load(
            """
            { "format": "shopsched.whatif/1", "base": "base.json",
              "variants": [ { "name": "one-lift-more", "edits": [ { "edit": "addBays", "type": "LIFT_BAY", "count": 1 } ] } ],
              "grids": [ { "name": "g", "axes": [
                { "set": "bays.LIFT_BAY", "values": [1, 2, 3] },
                { "set": "hours.mon", "values": ["closed", "09:00-12:00,13:00-17:00"] },
                { "name": "staff", "options": [ { "label": "as-is", "edits": [] },
                                                 { "label": "hire", "edits": [ { "edit": "addMechanic", "id": "M-9", "like": "M-1" } ] } ] } ] } ] }
            """)
        #expect(batch.variants.count == 1 + 1 + 3 * 2 * 2)
        #expect(batch.variants.map(\.index) == Array(0..<14))
        #expect(batch.variants[0].name == "base" && batch.variants[0].edits.isEmpty)
        #expect(batch.variants[2].name == "g/LIFT_BAY=1,mon=closed,as-is")
        #expect(batch.variants[3].name == "g/LIFT_BAY=1,mon=closed,hire")
        #expect(batch.variants[13].name == "g/LIFT_BAY=3,mon=09:00-12:00,13:00-17:00,hire")
        #expect(Set(batch.variants.map(\.name)).count == 14)
        #expect(Set(batch.variants.map(\.fileName)).count == 14)
        for spec in batch.variants.dropFirst(2) {
            let file = try batch.scenarioFile(of: spec)
            let lifts = Int(spec.name.split(separator: "=")[1].prefix(1))!
            #expect(file.bays.filter { $0.type == "LIFT_BAY" }.count == lifts)
            let monday = file.facility.operatingHours["mon"]!
            #expect(monday == (spec.name.contains("closed") ? [] : [["09:00", "12:00"], ["13:00", "17:00"]]))
            #expect(file.mechanics.contains { $0.id == "M-9" } == spec.name.hasSuffix("hire"))
            _ = try Scenario(file: file)
        }
    }

    @Test func yamlGivesTheSameBatchAsJSON() throws {
        let json = try load(
            """
            { "format": "shopsched.whatif/1", "base": "base.json",
              "grids": [ { "name": "g", "axes": [ { "set": "maxConcurrent", "values": [2, "unlimited"] },
                                                  { "set": "demand", "values": [0.5, 1.5] } ] } ] }
            """)
        let yaml = try load(
            """
            format: shopsched.whatif/1
            base: base.json
            grids:
              - name: g
                axes:
                  - { set: maxConcurrent, values: [2, unlimited] }
                  - { set: demand, values: [0.5, 1.5] }
            """, yaml: true)
        #expect(json.variants.map(\.name) == yaml.variants.map(\.name))
        #expect(json.id == yaml.id)
        #expect(
            try json.variants.map { try json.scenarioFile(of: $0) }
                == yaml.variants.map { try yaml.scenarioFile(of: $0) })
        #expect(try json.scenarioFile(of: json.variants[3]).facility.maxConcurrent == nil)
    }

    @Test func badFieldsAreNamedByPath() throws {
        let head = "\"format\": \"shopsched.whatif/1\", \"base\": \"base.json\""
        #expect(
            try paths(
                "{ \(head), \"variants\": [ { \"name\": \"a\", \"edits\": [] }, { \"name\": \"b\", \"edits\": [ { \"edit\": \"addBays\", \"type\": \"LIFT_BAY\", \"cout\": 1 } ] } ] }"
            )
                == ["variants[1].edits[0].cout"])
        #expect(
            try paths("{ \(head), \"variants\": [ { \"name\": \"a\", \"edits\": [ { \"edit\": \"addBay\" } ] } ] }")
                == ["variants[0].edits[0].edit"])
        #expect(
            try paths(
                "{ \(head), \"variants\": [ { \"name\": \"a\", \"edits\": [ { \"edit\": \"addBays\", \"type\": \"LIFT_BAY\" } ] } ] }"
            )
                == ["variants[0].edits[0].count"])
        #expect(
            try paths(
                "{ \(head), \"variants\": [ { \"name\": \"a\", \"edits\": [ { \"edit\": \"addBays\", \"type\": \"LIFT_BAY\", \"count\": \"two\" } ] } ] }"
            )
                == ["variants[0].edits[0].count"])
        #expect(
            try paths(
                "{ \(head), \"variants\": [ { \"name\": \"a\", \"edits\": [ { \"edit\": \"setSkills\", \"mechanic\": \"M-42\", \"skills\": [] } ] } ] }"
            )
                == ["variants[0].edits[0].mechanic"])
        #expect(
            try paths(
                "{ \(head), \"variants\": [ { \"name\": \"a\", \"edits\": [] }, { \"name\": \"a\", \"edits\": [] } ] }")
                == ["variants[1].name"])
        #expect(
            try paths("{ \(head), \"variants\": [ { \"name\": \"base\", \"edits\": [] } ] }") == ["variants[0].name"])
        #expect(
            try paths(
                "{ \(head), \"grids\": [ { \"name\": \"g\", \"axes\": [ { \"set\": \"bays.LIFT\", \"values\": [1] } ] } ] }"
            )
                == ["grids[0].axes[0].values[0].type"])
        #expect(
            try paths(
                "{ \(head), \"grids\": [ { \"name\": \"g\", \"axes\": [ { \"set\": \"lifts\", \"values\": [1] } ] } ] }"
            )
                == ["grids[0].axes[0].set"])
        #expect(
            try paths(
                "{ \(head), \"grids\": [ { \"name\": \"g\", \"axes\": [ { \"set\": \"hours.sat\", \"values\": [\"closed\", 9] } ] } ] }"
            )
                == ["grids[0].axes[0].values[1]"])
        #expect(try paths("{ \"format\": \"shopsched.whatif/2\", \"base\": \"base.json\" }") == ["format"])
        #expect(try paths("{ \"format\": \"shopsched.whatif/1\", \"base\": \"nowhere.json\" }") == ["base"])
        #expect(
            try paths(
                """
                format: shopsched.whatif/1
                base: base.json
                variants:
                  - name: a
                    edits:
                      - { edit: setHours, day: mon, hours: [9-17] }
                """, yaml: true) == ["variants[0].edits[0].hours[0]"])
    }

    @Test func shardsPartitionTheVariantsExactly() throws {
        let batch = try load(
            """
            { "format": "shopsched.whatif/1", "base": "base.json",
              "grids": [ { "name": "g", "axes": [ { "set": "demand", "values": [0.5, 0.75, 1, 1.25, 1.5, 2] },
                                                  { "set": "maxConcurrent", "values": [1, 2, 3] } ] } ] }
            """)
        #expect(batch.variants.count == 19)
        for count in 1...7 {
            let shards = (1...count).map { batch.variants(inShard: $0, of: count) }
            let all = shards.flatMap { $0.map(\.index) }
            #expect(all.sorted() == Array(0..<19))  // none lost, none doubled
            #expect(shards.map(\.count).max()! - shards.map(\.count).min()! <= 1)
        }
    }
}
