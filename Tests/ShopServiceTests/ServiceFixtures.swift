import Foundation
import ShopScheduler
import ShopTestSupport

@testable import ShopService

/// Request bodies made of the repository's files, embedded as they are (as a backend sends them).
enum Bodies {
    static func file(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: Repository.dataset(name)) ?? Data(), as: UTF8.self)
    }

    /// A JSON object whose members are `raw` JSON texts (files, or literals such as `"\"x\""`).
    static func object(_ members: KeyValuePairs<String, String>) -> Data {
        Data(("{" + members.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}").utf8)
    }

    static let bookingNow = "\"2026-11-23T07:30\""

    static func booking(_ request: String = "booking/request-created.json") -> Data {
        object(["snapshot": file("booking/snapshot.json"), "request": file(request), "now": bookingNow])
    }

    static let smallScenario = "contract/example.scenario.json"
}

/// A service and requests to it, with one key for every facility and one for another facility only.
struct TestService {
    static let allKey = "key-for-every-facility"
    static let otherKey = "key-for-elsewhere"

    let api: ServiceAPI

    init(options: ServiceOptions = ServiceOptions(), auth: Bool = true) throws {
        let keys =
            auth
            ? try APIKeys([
                .init(id: "backend", sha256: SHA256.hex(Self.allKey)),
                .init(id: "elsewhere", sha256: SHA256.hex(Self.otherKey), facilities: ["ELSEWHERE"]),
            ]) : nil
        api = ServiceAPI(keys: keys, options: options)
    }

    func post(_ path: String, _ body: Data, key: String? = allKey, accept: String? = nil) async -> ServiceReply {
        await api.respond(
            ServiceRequest(
                method: "POST", path: path, authorization: key.map { "Bearer \($0)" }, accept: accept,
                contentType: "application/json", body: body))
    }

    func get(_ path: String) async -> ServiceReply { await api.respond(ServiceRequest(method: "GET", path: path)) }
}

extension ServiceReply {
    var problem: ProblemDetails? { try? JSONDecoder().decode(ProblemDetails.self, from: body) }
    var paths: [String] { problem?.errors?.map(\.path) ?? [] }
    var text: String { String(decoding: body, as: UTF8.self) }
}
