import Foundation
import Testing

/// `shopsched whatif`, `whatif-merge` and `diff` as a planner runs them.
@Suite("what-if")
struct WhatIfCLITests {
    /// A small batch over the small shop day: the base, one lift more, and a
    /// variant whose slot length does not divide the day (invalid, solved alone).
    func batch(_ box: Sandbox) throws -> String {
        try FileManager.default.copyItem(atPath: CLI.dataset("small-shop-day.json"), toPath: box.path("base.json"))
        return try box.write(
            "batch.json",
            """
            { "format": "shopsched.whatif/1", "base": "base.json",
              "variants": [ { "name": "extra-lift", "edits": [ { "edit": "addBays", "type": "LIFT_BAY", "count": 1 } ] },
                            { "name": "odd-slots", "edits": [ { "edit": "setSlotMinutes", "minutes": 7 } ] } ],
              "grids": [ { "name": "cap", "axes": [ { "set": "maxConcurrent", "values": [2, 4] } ] } ] }
            """)
    }

    @Test func runsResumesMergesAndDiffs() async throws {
        let box = try Sandbox()
        let file = try batch(box)
        let first = try await box.run("whatif", file, "--jobs", "2", "--time-limit", "10", "--out", "out")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("extra-lift") && first.stdout.contains("invalid"))
        #expect(first.stderr.contains("odd-slots: invalid: facility.slotMinutes"))
        #expect(first.stderr.contains("5 variant(s): 5 solved, 0 already in out"))
        for name in [
            "summary.csv", "report.txt", "report.html", "solutions/base.json", "solutions/extra-lift.json",
            "scenarios/cap_maxConcurrent=2.json",
            "results/odd-slots.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: box.path("out/" + name)), "\(name)")
        }
        // Each stored plan passes the verifier.
        for name in ["base", "extra-lift", "cap_maxConcurrent=2", "cap_maxConcurrent=4"] {
            let verify = try await box.run("verify", "out/scenarios/\(name).json", "out/solutions/\(name).json")
            #expect(verify.status == 0, "\(name): \(verify.stdout)")
        }

        let again = try await box.run("whatif", file, "--time-limit", "10", "--out", "out", "--format", "csv")
        #expect(again.status == 0)
        #expect(again.stderr.contains("5 variant(s): 0 solved, 5 already in out"))
        #expect(again.stdout.split(separator: "\n").count == 6)

        for shard in 1...2 {
            let run = try await box.run(
                "whatif", file, "--shard", "\(shard)/2", "--jobs", "1", "--time-limit", "10",
                "--out", "shard-\(shard)", "--format", "none")
            #expect(run.status == 0, "\(run.stderr)")
        }
        let merged = try await box.run("whatif-merge", "shard-1", "shard-2", "--out", "merged", "--format", "none")
        #expect(merged.status == 0, "\(merged.stderr)")
        // The merged report equals the single run's in every column a re-solve cannot change
        // (the MILP proves these optima; which optimal plan it returns, and the time, may differ).
        let columns = ["index", "name", "status", "verified", "jobs", "objective", "bound"]
        let csv = { (path: String) throws -> [[String]] in
            let lines = try String(contentsOfFile: box.path(path), encoding: .utf8).split(separator: "\n")
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let keep = columns.map { lines[0].firstIndex(of: $0)! }
            return lines.map { cells in keep.map { cells[$0] } }
        }
        #expect(try csv("merged/summary.csv").count == 6)
        // A variant stopped by the time limit (cap/maxConcurrent=2 takes about 10 s on one core)
        // has the status, objective and bound it reached by then, which depend on the machine's
        // load: those columns are compared where both runs proved the optimum.
        let mergedRows = try csv("merged/summary.csv"), single = try csv("out/summary.csv")
        #expect(mergedRows.count == single.count)
        for (a, b) in zip(mergedRows, single) {
            let proven = (a[2] == "optimal" && b[2] == "optimal") || a[2] == "status"
            let compared = proven ? Array(a.indices) : [0, 1, 3, 4]
            #expect(compared.map { a[$0] } == compared.map { b[$0] }, "\(a) vs \(b)")
        }
        let partial = try await box.run("whatif-merge", "shard-1", "--out", "partial", "--format", "none")
        #expect(partial.status == 1 && partial.stderr.contains("2 of 5 variant(s) missing"))

        let diff = try await box.run("diff", "out/solutions/base.json", "out/solutions/extra-lift.json")
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("job(s) changed:"))
    }

    @Test func badVariantFilesExitTwoNamingTheField() async throws {
        let box = try Sandbox()
        try FileManager.default.copyItem(atPath: CLI.dataset("small-shop-day.json"), toPath: box.path("base.json"))
        let file = try box.write(
            "bad.yaml",
            """
            format: shopsched.whatif/1
            base: base.json
            variants:
              - name: a
                edits:
                  - { edit: addBays, type: LIFT_BAY }
              - name: b
                edits:
                  - { edit: setSkills, mechanic: M-42, skills: [] }
            """)
        let result = try await box.run("whatif", file, "--out", "out")
        #expect(result.status == 2)
        #expect(result.stderrLines.contains { $0.contains("variants[0].edits[0].count:") }, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.path("out")))
        let shard = try await box.run("whatif", file, "--shard", "3/2")
        #expect(shard.status == 2 && shard.stderr.contains("--shard"))
    }

    /// C3 and H1 through the binary: a YAML file nested 10,000 deep crashed it
    /// (SIGSEGV in the YAML parser); a billion bays or a million-cell grid never
    /// answered. Each now exits 2 at once, naming the line or field and the limit.
    @Test func hostileVariantFilesExitTwoWithoutCrashing() async throws {
        let box = try Sandbox()
        try FileManager.default.copyItem(atPath: CLI.dataset("small-shop-day.json"), toPath: box.path("base.json"))
        let deep = try box.write(
            "deep.yaml",
            "format: shopsched.whatif/1\nbase: base.json\nvariants: "
                + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        let nested = try await box.run("whatif", deep, "--out", "out")
        #expect(!nested.crashed && nested.status == 2, "\(nested.stderr.prefix(500))")
        #expect(
            nested.stderrLines == [
                "\(deep): line 3: nested deeper than 64 levels (indentation, '- ' entries and [ ] { } brackets together); a what-if file nests at most 64 deep"
            ])
        let bays = try box.write(
            "bays.json",
            """
            { "format": "shopsched.whatif/1", "base": "base.json",
              "variants": [ { "name": "huge", "edits": [ { "edit": "addBays", "type": "LIFT_BAY", "count": 1000000000 } ] } ] }
            """)
        let huge = try await box.run("whatif", bays, "--out", "out")
        #expect(
            huge.status == 2
                && huge.stderrLines == [
                    "\(bays): variants[0].edits[0].count: 1000000000 bays in one edit; at most 1000"
                ])
        let values = (0..<1000).map(String.init).joined(separator: ",")
        let grid = try box.write(
            "grid.json",
            """
            { "format": "shopsched.whatif/1", "base": "base.json",
              "grids": [ { "name": "g", "axes": [ { "set": "maxConcurrent", "values": [\(values)] }, { "set": "slotMinutes", "values": [\(values)] } ] } ] }
            """)
        let cells = try await box.run("whatif", grid, "--out", "out")
        #expect(
            cells.status == 2
                && cells.stderrLines == [
                    "\(grid): grids[0].axes: 1000 × 1000 = 1000000 combinations; a batch has at most 10000 variants"
                ])
        #expect(!FileManager.default.fileExists(atPath: box.path("out")))
    }
}
