import Foundation
import ShopDomain
import Testing

@testable import ShopFuzz

/// The repository, found from this file (Tests/ShopFuzzTests/FuzzTests.swift).
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func makeDrivers() throws -> FuzzDrivers {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("shopfuzz-tests-\(getpid())")
    return try FuzzDrivers(seeds: FuzzSeeds(root: repository), workFolder: work)
}

@Suite struct MutatorTests {
    @Test func sameSeedSameInputs() throws {
        let seeds = try FuzzSeeds(root: repository)
        let a = FuzzInputs(seeds: seeds, campaignSeed: 42)
        let b = FuzzInputs(seeds: seeds, campaignSeed: 42)
        let c = FuzzInputs(seeds: seeds, campaignSeed: 43)
        for format in FuzzFormat.allCases {
            let first = (0..<40).map { a.input(format, $0) }
            #expect(first == (0..<40).map { b.input(format, $0) }, "\(format)")
            // Another campaign seed draws other inputs (past the unchanged seeds).
            #expect(first.suffix(30) != (0..<40).map { c.input(format, $0) }.suffix(30), "\(format)")
            // Mutations change the seeds.
            let raw = seeds.seeds[format]!
            #expect(first.dropFirst(raw.count).contains { !raw.contains($0) }, "\(format)")
        }
    }

    @Test func inputIndexIsIndependentOfOrder() throws {
        // A restarted run picks up at index k and must see what a run from 0 saw.
        let inputs = FuzzInputs(seeds: try FuzzSeeds(root: repository), campaignSeed: 7)
        let forward = (10..<20).map { inputs.input(.scenario, $0) }
        let backward = (10..<20).reversed().map { inputs.input(.scenario, $0) }
        #expect(forward == Array(backward.reversed()))
    }

    @Test func randomPathPicksOnlyMatchingNodes() throws {
        let tree = try JSONParser.parse(Array(#"{"a":[1,"x",{"id":"J-1","b":2}],"c":"y"}"#.utf8))
        var random = FuzzRandom(seed: 5)
        var strings = Set<[Int]>()
        for _ in 0..<200 {
            let path = try #require(
                tree.randomPath(random: &random) { node, _, _ in if case .string = node { true } else { false } })
            guard case .string = tree[path] else { Issue.record("\(path) is no string"); continue }
            strings.insert(path)
        }
        #expect(strings == [[0, 1], [0, 2, 0], [1]])  // every string, and only strings
        #expect(tree.randomPath(random: &random) { _, _, key in key == "id" } == [0, 2, 0])
        #expect(tree.randomPath(random: &random) { node, _, _ in node == .bool(true) } == nil)
        #expect(tree.nodeCount == 8)
    }

    @Test func mutatingADeepSubtreeCopiedManyTimesStaysSmall() {
        // 300 copies of a 2,000-deep nesting: what "duplicate an element" makes of
        // "nest deeply". Listing every node's path took the sum of all depths
        // (600,000 paths of about 1,000 positions: gigabytes, the 1.5 GiB
        // reschedule-request child); one walk keeping one path does not.
        var deep = JSONValue.string("x")
        for _ in 0..<2_000 { deep = .array([deep]) }
        var tree = JSONValue.object([.init("items", .array(Array(repeating: deep, count: 300)))])
        #expect(tree.nodeCount == 300 * 2_001 + 2)
        let before = residentBytes()
        var random = FuzzRandom(seed: 11)
        for _ in 0..<8 { Mutator.mutateTree(&tree, random: &random) }
        #expect(residentBytes() - before < 400 << 20)
    }

    @Test func treeRoundTripsThroughText() throws {
        let text = #"{"b":[1,-0,1e400,"x\"y"],"a":{"a":null,"a":true}}"#
        let tree = try JSONParser.parse(Array(text.utf8))
        #expect(tree.text == text)  // member order, duplicate keys and number text are kept
    }
}

@Suite struct DriverTests {
    @Test func seedsAreResults() throws {
        let drivers = try makeDrivers()
        let seeds = drivers.seeds
        for format in [FuzzFormat.scenario, .solution, .bookingRequest, .caller, .ptask, .whatifJSON] {
            #expect(drivers.run(format, seeds.seeds[format]![0]) == .result, "\(format)")
        }
    }

    @Test func snapshotsAreResultsOfTheirOwnEntryPoints() throws {
        let drivers = try makeDrivers()
        var entries: [String: FuzzStats.EntryCounts] = [:]
        // The booking snapshot feeds the four booking requests written for it.
        #expect(
            drivers.run(.bookingSnapshot, drivers.seeds.seeds[.bookingSnapshot]![0], entryPoints: &entries) == .result)
        #expect(entries["read"] == FuzzStats.EntryCounts(results: 1, inputErrors: 0))
        #expect(entries["book"] == FuzzStats.EntryCounts(results: 4, inputErrors: 0))
        #expect(entries["reschedule"] == nil)
        // The reschedule snapshot feeds its two reschedule requests and the disruption.
        #expect(
            drivers.run(.rescheduleSnapshot, drivers.seeds.seeds[.rescheduleSnapshot]![0], entryPoints: &entries)
                == .result)
        #expect(entries["reschedule"] == FuzzStats.EntryCounts(results: 2, inputErrors: 0))
        #expect(entries["replan"] == FuzzStats.EntryCounts(results: 1, inputErrors: 0))
    }

    @Test func anInputIsAResultWhenAnyEntryPointAfterTheReaderGivesOne() {
        let refused = InputError([ValidationIssue(path: "appointmentId", message: "no such appointment")])
        var some = FuzzDrivers.Tally()
        _ = some.step { () throws(InputError) in 1 }
        _ = some.step("book") { () throws(InputError) -> Int in throw refused }
        _ = some.step("book") { () throws(InputError) in 2 }
        #expect(some.outcome == .result)
        #expect(some.entries["book"] == FuzzStats.EntryCounts(results: 1, inputErrors: 1))
        var none = FuzzDrivers.Tally()
        _ = none.step { () throws(InputError) in 1 }
        _ = none.step("book") { () throws(InputError) -> Int in throw refused }
        #expect(none.outcome == .inputError(pathless: false))
        var unread = FuzzDrivers.Tally()
        _ = unread.step { () throws(InputError) -> Int in
            throw InputError([ValidationIssue(path: "", message: "not JSON")])
        }
        #expect(unread.outcome == .inputError(pathless: true))
    }

    @Test func aSnapshotEveryRequestRefusesIsAnInputError() throws {
        let drivers = try makeDrivers()
        // The booking requests name facility DOWNTOWN; a snapshot of another facility reads
        // fine, and the booking engine refuses all four.
        let text = String(decoding: drivers.seeds.seeds[.bookingSnapshot]![0], as: UTF8.self)
            .replacingOccurrences(of: "\"id\": \"DOWNTOWN\"", with: "\"id\": \"ELSEWHERE\"")
        var entries: [String: FuzzStats.EntryCounts] = [:]
        #expect(drivers.run(.bookingSnapshot, Array(text.utf8), entryPoints: &entries) == .inputError(pathless: false))
        #expect(entries["read"] == FuzzStats.EntryCounts(results: 1, inputErrors: 0))
        #expect(entries["book"] == FuzzStats.EntryCounts(results: 0, inputErrors: 4))
    }

    @Test func knownBadInputIsAnInputErrorWithItsPath() throws {
        let drivers = try makeDrivers()
        var tree = try JSONParser.parse(drivers.seeds.seeds[.scenario]![0])
        // facility.slotMinutes = "fifteen": a type error at a known path.
        guard case .object(var members) = tree, let f = members.firstIndex(where: { $0.key == "facility" }),
            case .object(var facility) = members[f].value,
            let s = facility.firstIndex(where: { $0.key == "slotMinutes" })
        else { Issue.record("seed without facility.slotMinutes"); return }
        facility[s].value = .string("fifteen")
        members[f].value = .object(facility)
        tree = .object(members)
        #expect(drivers.run(.scenario, Array(tree.text.utf8)) == .inputError(pathless: false))
        #expect(drivers.run(.scenario, Array("{".utf8)) == .inputError(pathless: true))
        #expect(drivers.run(.ptask, Array("Type = x".utf8)) == .inputError(pathless: false))
    }
}

/// Every saved regression input (fuzz/regressions/FORMAT/), replayed through
/// its drivers: each must end in a result or an input error naming its
/// problem. A trap ends the test process, which is the failure.
@Suite struct RegressionReplayTests {
    @Test func regressionsAreResultsOrInputErrors() throws {
        let drivers = try makeDrivers()
        // A hang ends the test process too (exit status 124), naming the input on standard error.
        let watchdog = Watchdog(
            hangSeconds: 30, maxResidentBytes: 2 << 30,
            report: FileManager.default.temporaryDirectory.appendingPathComponent("shopfuzz-regressions-watchdog.txt"))
        let folder = repository.appendingPathComponent("fuzz/regressions")
        var replayed = 0
        for format in FuzzFormat.allCases {
            let dir = folder.appendingPathComponent(format.rawValue)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
                .filter { $0.hasSuffix("." + format.fileExtension) }.sorted()
            for name in names {
                let data = try Data(contentsOf: dir.appendingPathComponent(name))
                watchdog.begin("\(format.rawValue)/\(name)")
                let outcome = drivers.run(format, [UInt8](data))
                watchdog.end()
                if case .finding(let text) = outcome { Issue.record("\(format.rawValue)/\(name): \(text)") }
                replayed += 1
            }
        }
        #expect(replayed > 0)
    }
}
