import Foundation
import ShopTestSupport
import Testing
import Yams

@testable import ShopService

/// openapi.yaml and the server agree: the same paths and methods, and every refusal the server
/// can give a `/v1` route is declared for it.
@Suite struct SpecificationTests {
    static func specification() throws -> [String: Any] {
        let url = Repository.root.appendingPathComponent("openapi.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test func theSpecificationListsExactlyTheServersRoutes() throws {
        let paths = try #require(try Self.specification()["paths"] as? [String: Any])
        var declared: [String] = []
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys { declared.append("\(method.uppercased()) \(path)") }
        }
        let served = ServiceAPI.paths.map { "\($0.method) \($0.path)" }
        #expect(declared.sorted() == served.sorted())
    }

    @Test func everyV1RouteDeclaresTheRefusals() throws {
        let spec = try Self.specification()
        let paths = try #require(spec["paths"] as? [String: Any])
        #expect(spec["openapi"] as? String == "3.1.0")
        for route in ServiceAPI.documentRoutes {
            let operation = try #require((paths[route.path] as? [String: Any])?["post"] as? [String: Any])
            let responses = try #require(operation["responses"] as? [String: Any])
            for status in ["200", "400", "401", "403", "413", "415", "429", "503"] {
                #expect(responses[status] != nil, "\(route.path) does not declare \(status)")
            }
        }
    }
}
