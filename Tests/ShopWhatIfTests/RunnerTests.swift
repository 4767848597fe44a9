import Foundation
import ShopDomain
import ShopPlanner
import ShopVerifier
import ShopWhatIf
import Testing

/// The runner: failures stay with their variant, resume, shards and merge.
@Suite struct RunnerTests {
    /// The small shop with a pin, and variants that succeed, fail validation
    /// (pin off a 9-minute grid) and clash (the pinned mechanic leaves).
    func batch(extra: [VariantFile.Variant] = []) throws -> WhatIfBatch {
        func variant(_ name: String, _ edits: [Edit]) -> VariantFile.Variant { .init(name: name, edits: edits) }
        let file = VariantFile(
            format: VariantFile.formatName, base: "unused",
            variants: [
                variant(
                    "extra-lift",
                    [
                        edit(.addBays) {
                            $0.type = "LIFT_BAY"; $0.count = 1
                        }
                    ]),
                variant("off-grid", [edit(.setSlotMinutes) { $0.minutes = 9 }]),
                variant("pin-clash", [edit(.removeMechanic) { $0.id = "M-1" }]),
                variant(
                    "short-day",
                    [
                        edit(.setHours) {
                            $0.day = "mon"; $0.hours = ["08:00-12:00"]
                        }
                    ]),
                variant("cap-3", [edit(.setMaxConcurrent) { $0.value = 3 }]),
            ] + extra, grids: nil)
        return try WhatIfBatch(file: file, base: Datasets.smallShopWithPin())
    }

    func options(_ planner: any PlanningStrategy = MILPStrategy(), jobs: Int = 2) -> WhatIfRunner.Options {
        var options = WhatIfRunner.Options()
        options.jobs = jobs
        options.timeLimitSeconds = 10
        options.planner = planner
        return options
    }

    /// Every stored plan, checked again from the files with the verifier.
    func verifyFolder(_ path: String, _ batch: WhatIfBatch, shard: (Int, Int)? = nil) throws {
        let folder = ResultFolder(path: path)
        for spec in shard.map({ batch.variants(inShard: $0.0, of: $0.1) }) ?? batch.variants {
            let result = try #require(folder.result(spec.fileName))
            guard result.row.hasPlan else { continue }
            let (file, solution) = try #require(folder.plan(spec.fileName))
            #expect(file == (try batch.scenarioFile(of: spec)))
            let report = PlanVerifier(scenario: try Scenario(file: file)).verify(solution)
            #expect(report.isFeasible, "\(spec.name): \(report)")
            #expect(report.objective == result.row.objective)
        }
    }

    @Test func aFailingVariantDoesNotStopTheBatch() throws {
        let batch = try batch()
        let out = try temporaryFolder()
        let summary = try WhatIfRunner(batch: batch, folder: ResultFolder(path: out), options: options()).run()
        #expect(summary == .init(variants: 6, solved: 6, reused: 0, failed: 2))
        let rows = Dictionary(uniqueKeysWithValues: ResultFolder(path: out).results().map { ($0.row.name, $0.row) })
        #expect(rows.count == 6)
        #expect(rows["off-grid"]?.status == "invalid")
        #expect(rows["off-grid"]?.problems.contains { $0.hasPrefix("jobs[0].pinned.start") } == true)
        #expect(rows["pin-clash"]?.status == "infeasible")
        #expect(rows["pin-clash"]?.problems.contains { $0.contains("J-1") } == true)
        for name in ["base", "extra-lift", "short-day", "cap-3"] {
            #expect(
                rows[name]?.hasPlan == true && rows[name]?.verified == true,
                "\(name): \(String(describing: rows[name]))")
        }
        #expect(rows["extra-lift"]!.objective! <= rows["base"]!.objective!)
        #expect(rows["short-day"]!.scheduled < rows["base"]!.scheduled)
        try verifyFolder(out, batch)
    }

    @Test func resumeSolvesNothingTwice() throws {
        let out = try temporaryFolder()
        let first = CountingStrategy(GreedyStrategy())
        let batch = try batch()
        let summary = try WhatIfRunner(batch: batch, folder: ResultFolder(path: out), options: options(first)).run()
        // The off-grid variant never reaches the planner: its scenario is invalid.
        #expect(first.count == 5 && summary.solved == 6)
        let before = ResultFolder(path: out).results()

        let second = CountingStrategy(GreedyStrategy())
        let again = try WhatIfRunner(batch: batch, folder: ResultFolder(path: out), options: options(second)).run()
        #expect(second.count == 0)
        #expect(again == .init(variants: 6, solved: 0, reused: 6, failed: 2))
        #expect(ResultFolder(path: out).results() == before)

        // One changed variant, one new, one result lost: exactly those three are solved.
        var changed = try self.batch(extra: [.init(name: "new", edits: [edit(.setMaxConcurrent) { $0.value = 4 }])])
        changed = try WhatIfBatch(
            file: .init(
                format: VariantFile.formatName, base: "",
                variants: [
                    .init(
                        name: "extra-lift",
                        edits: [
                            edit(.addBays) {
                                $0.type = "LIFT_BAY"; $0.count = 2
                            }
                        ])
                ] + changed.variants.dropFirst(2).map { .init(name: $0.name, edits: $0.edits) }, grids: nil),
            base: changed.base)
        try FileManager.default.removeItem(atPath: ResultFolder(path: out).resultPath("cap-3"))
        let third = CountingStrategy(GreedyStrategy())
        let resumed = try WhatIfRunner(batch: changed, folder: ResultFolder(path: out), options: options(third)).run()
        #expect(third.count == 3)  // extra-lift (changed), cap-3 (lost), new
        #expect(resumed.solved == 3 && resumed.reused == 4)
        #expect(ResultFolder(path: out).results().filter { $0.batch == changed.id }.count == 7)
        try verifyFolder(out, changed)
    }

    /// W7: a resume trusted whatever was in --out. A truncated solution, an
    /// objective edited in a result and one edited in a solution file are each
    /// solved again (and said so); the rest are reused; every plan verifies.
    @Test func resumeSolvesAgainWhatFailsTheRecheck() throws {
        let out = try temporaryFolder()
        let batch = try batch()
        _ = try WhatIfRunner(batch: batch, folder: ResultFolder(path: out), options: options(GreedyStrategy())).run()
        let folder = ResultFolder(path: out)
        let truncated = try #require(FileManager.default.contents(atPath: folder.solutionPath("extra-lift")))
        try truncated.prefix(truncated.count / 2).write(to: URL(fileURLWithPath: folder.solutionPath("extra-lift")))
        // An objective edited in the stored result, and one in the stored solution file.
        var result = try #require(folder.result("cap-3"))
        result.row.objective = (result.row.objective ?? 0) - 7
        try ResultFolder.write(JSONFiles.encode(result), to: folder.resultPath("cap-3"))
        let (_, plan) = try #require(folder.plan("short-day"))
        var edited = plan
        edited.objective = (plan.objective ?? 0) - 7
        try ResultFolder.write(JSONFiles.encode(edited), to: folder.solutionPath("short-day"))

        let again = CountingStrategy(GreedyStrategy())
        let rejected = Rejections()
        let summary = try WhatIfRunner(batch: batch, folder: folder, options: options(again)).run { progress in
            if let why = progress.rejected { rejected.add(progress.row.name, why) }
        }
        #expect(again.count == 3)
        #expect(summary == .init(variants: 6, solved: 3, reused: 3, failed: 2, rejected: 3))
        let why = rejected.all
        #expect(why.keys.sorted() == ["cap-3", "extra-lift", "short-day"])
        #expect(why["extra-lift"]?.contains("solution file cannot be read") == true, "\(why)")
        #expect(why["cap-3"]?.contains("objective") == true, "\(why)")
        #expect(why["short-day"]?.contains("fails the verifier") == true, "\(why)")
        for name in ["base", "extra-lift", "short-day", "cap-3"] {
            let row = try #require(folder.result(name)?.row)
            #expect(row.hasPlan && row.verified, "\(name)")
        }
        try verifyFolder(out, batch)
    }

    // Why (review): a stored result without a plan was reused unchecked, so a
    // solver error was never tried again and a forged "infeasible" stood. Both
    // are written consistently here (solution and result row agree), so only
    // the new checks can catch them.
    @Test func resumeDoesNotTrustStoredErrorsOrUnprovedInfeasibility() throws {
        let out = try temporaryFolder()
        let batch = try batch()
        _ = try WhatIfRunner(batch: batch, folder: ResultFolder(path: out), options: options(GreedyStrategy())).run()
        let folder = ResultFolder(path: out)
        for (name, status) in [("extra-lift", "error"), ("cap-3", "infeasible")] {
            let (file, plan) = try #require(folder.plan(name))
            var forged = plan
            forged.status = status
            forged.objective = nil
            forged.bound = nil
            forged.unscheduled = file.jobs.map { SolutionFile.Unscheduled(job: $0.id, reasons: []) }
            forged.assignments = []
            try ResultFolder.write(JSONFiles.encode(forged), to: folder.solutionPath(name))
            var result = try #require(folder.result(name))
            result.row = ComparisonRow(
                index: result.row.index, name: result.row.name, edits: result.row.edits,
                scenario: try Scenario(file: file), solution: forged)
            try ResultFolder.write(JSONFiles.encode(result), to: folder.resultPath(name))
        }
        let again = CountingStrategy(GreedyStrategy())
        let rejected = Rejections()
        _ = try WhatIfRunner(batch: batch, folder: folder, options: options(again)).run { progress in
            if let why = progress.rejected { rejected.add(progress.row.name, why) }
        }
        #expect(again.count == 2)
        #expect(rejected.all["extra-lift"]?.contains("solver error") == true, "\(rejected.all)")
        #expect(rejected.all["cap-3"]?.contains("pins do not clash") == true, "\(rejected.all)")
        for name in ["extra-lift", "cap-3"] { #expect(folder.result(name)?.row.verified == true, "\(name)") }
        try verifyFolder(out, batch)
    }

    @Test func shardsMergeIntoTheSingleMachineReport() throws {
        let batch = try batch(
            extra: (1...6).map { k in
                .init(
                    name: "demand-\(k)",
                    edits: [
                        edit(.scaleDemand) {
                            $0.factor = 1 + Double(k) / 10; $0.seed = UInt64(k)
                        }
                    ])
            })
        #expect(batch.variants.count == 12)
        // Greedy is deterministic, so the plans (and every measure but time) must agree.
        let single = try temporaryFolder()
        _ = try WhatIfRunner(batch: batch, folder: ResultFolder(path: single), options: options(GreedyStrategy())).run()
        var shards: [String] = []
        for shard in 1...3 {
            let out = try temporaryFolder("shard\(shard)")
            var options = options(GreedyStrategy(), jobs: 1)
            options.shard = (shard, 3)
            let summary = try WhatIfRunner(batch: batch, folder: ResultFolder(path: out), options: options).run()
            #expect(summary.variants == 4)
            shards.append(out)
        }
        let merged = try WhatIfResults.gather(shards)
        let alone = try WhatIfResults.gather([single])
        #expect(merged.missing.isEmpty && merged.batchSize == 12)
        func timeless(_ report: ComparisonReport) -> ComparisonReport {
            ComparisonReport(
                rows: report.rows.map {
                    var row = $0; row.seconds = 0; return row
                })
        }
        #expect(timeless(merged.report) == timeless(alone.report))
        #expect(timeless(merged.report).csv() == timeless(alone.report).csv())
        #expect(merged.report.rows.map(\.name) == batch.variants.map(\.name))
        for (k, shard) in shards.enumerated() { try verifyFolder(shard, batch, shard: (k + 1, 3)) }

        // A shard missing is reported; folders of another batch are refused.
        #expect(try WhatIfResults.gather(Array(shards.prefix(2))).missing == [2, 5, 8, 11])
        let other = try temporaryFolder("other")
        _ = try WhatIfRunner(
            batch: try self.batch(), folder: ResultFolder(path: other), options: options(GreedyStrategy())
        ).run()
        #expect(throws: InputError.self) { try WhatIfResults.gather([single, other]) }
    }

    @Test func parallelSolvesAgreeWithOneByOne() throws {
        // GLPK in several threads of one process: the same optimal objectives, all verified.
        let batch = try batch(
            extra: (1...4).map { k in
                .init(
                    name: "demand-\(k)",
                    edits: [
                        edit(.scaleDemand) {
                            $0.factor = 1 + Double(k) / 8; $0.seed = UInt64(k)
                        }
                    ])
            })
        let one = try temporaryFolder("one"), two = try temporaryFolder("two")
        _ = try WhatIfRunner(batch: batch, folder: ResultFolder(path: one), options: options(jobs: 1)).run()
        _ = try WhatIfRunner(batch: batch, folder: ResultFolder(path: two), options: options(jobs: 4)).run()
        let a = ResultFolder(path: one).results().map(\.row), b = ResultFolder(path: two).results().map(\.row)
        #expect(a.map(\.name) == b.map(\.name))
        // Whether a variant is proven within its 10 s depends on the machine's load, so the
        // runs are compared by what a proof implies: two proofs agree, and a proof in one run
        // bounds the other run's plan from below and its bound from above.
        for (x, y) in zip(a, b) {
            switch (x.status == "optimal", y.status == "optimal") {
            case (true, true): #expect(x.objective == y.objective, "\(x.name)")
            case (true, false):
                #expect(
                    y.objective.map { $0 >= x.objective! } ?? true && (y.bound ?? Int.min) <= x.objective!, "\(x.name)")
            case (false, true):
                #expect(
                    x.objective.map { $0 >= y.objective! } ?? true && (x.bound ?? Int.min) <= y.objective!, "\(x.name)")
            case (false, false): break
            }
        }
        #expect(a.contains { $0.status == "optimal" } && b.contains { $0.status == "optimal" })
        try verifyFolder(one, batch)
        try verifyFolder(two, batch)
    }
}

/// Why stored results were not trusted, by variant name (collected from worker threads).
final class Rejections: @unchecked Sendable {
    private let lock = NSLock()
    private var reasons: [String: String] = [:]
    func add(_ name: String, _ why: String) { lock.lock(); reasons[name] = why; lock.unlock() }
    var all: [String: String] { lock.lock(); defer { lock.unlock() }; return reasons }
}
