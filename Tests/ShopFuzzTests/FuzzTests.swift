import Foundation
import ShopDomain
import ShopFuzz
import Testing

/// The repository, found from this file (Tests/ShopFuzzTests/FuzzTests.swift).
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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

    @Test func knownBadInputIsAnInputErrorWithItsPath() throws {
        let drivers = try makeDrivers()
        var tree = try JSONParser.parse(drivers.seeds.seeds[.scenario]![0])
        // facility.slotMinutes = "fifteen": a type error at a known path.
        guard case .object(var members) = tree, let f = members.firstIndex(where: { $0.key == "facility" }),
              case .object(var facility) = members[f].value, let s = facility.firstIndex(where: { $0.key == "slotMinutes" })
        else { Issue.record("seed without facility.slotMinutes"); return }
        facility[s].value = .string("fifteen")
        members[f].value = .object(facility)
        tree = .object(members)
        #expect(drivers.run(.scenario, Array(tree.text.utf8)) == .inputError(pathless: false))
        #expect(drivers.run(.scenario, Array("{".utf8)) == .inputError(pathless: true))
        #expect(drivers.run(.ptask, Array("Type = x".utf8)) == .inputError(pathless: false))
    }
}

/// Every saved regression input, replayed through its drivers. A trap ends
/// the test process, which is the failure. Off until the known crashes are
/// fixed: set SHOPSCHED_FUZZ_REGRESSIONS=1 to run it.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SHOPSCHED_FUZZ_REGRESSIONS"] == "1"))
struct RegressionReplayTests {
    @Test func regressionsAreResultsOrInputErrors() throws {
        let drivers = try makeDrivers()
        // A hang ends the test process too (exit status 124), naming the input on standard error.
        let watchdog = Watchdog(hangSeconds: 30, maxResidentBytes: 2 << 30,
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
