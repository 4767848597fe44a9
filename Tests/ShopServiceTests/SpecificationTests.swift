import Foundation
import ShopTestSupport
import Testing

@testable import ShopService

/// openapi.yaml and the server agree: the same paths and methods, and every refusal the server
/// can give a `/v1` route is declared for it. The document is read by its layout (a path at two
/// spaces under `paths:`, a method at four, a status at eight), not by a YAML library: Yams'
/// first use from two tests at once has crashed in its resolver's set-up.
@Suite struct SpecificationTests {
    /// Each operation of openapi.yaml (`POST /v1/solve`) and the statuses its responses list.
    static func operations() throws -> [String: Set<String>] {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        var operations: [String: Set<String>] = [:]
        var inPaths = false
        var path = ""
        var operation: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if !line.hasPrefix(" ") && !line.isEmpty { inPaths = line == "paths:" }
            guard inPaths else { continue }
            let indent = line.prefix { $0 == " " }.count
            let key = line.trimmingCharacters(in: .whitespaces).split(separator: ":").first.map(String.init) ?? ""
            if indent == 2, line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
                operation = nil
            } else if indent == 4, ["get", "post", "put", "delete", "patch"].contains(key) {
                operation = "\(key.uppercased()) \(path)"
                operations[operation!] = []
            } else if indent == 8, let operation, key.hasPrefix("'"), key.count == 5 {
                operations[operation]!.insert(String(key.dropFirst().dropLast()))
            }
        }
        return operations
    }

    @Test func theSpecificationListsExactlyTheServersRoutes() throws {
        let declared = try Self.operations().keys.sorted()
        let served = ServiceAPI.paths.map { "\($0.method) \($0.path)" }.sorted()
        #expect(declared == served)
    }

    @Test func everyV1RouteDeclaresTheRefusals() throws {
        let operations = try Self.operations()
        for route in ServiceAPI.documentRoutes {
            let statuses = try #require(operations["POST \(route.path)"])
            for status in ["200", "400", "401", "403", "413", "415", "429", "503"] {
                #expect(statuses.contains(status), "\(route.path) does not declare \(status)")
            }
        }
    }
}
