import ArgumentParser
import Foundation
import Logging
import ShopScheduler
import ShopService

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Serves the engine over HTTP (openapi.yaml): bookings, reschedules, replans, boards, checks, small solves.",
        discussion: """
            Every /v1 route needs an API key (Authorization: Bearer KEY) from the --api-keys file \
            (shopsched.api-keys/1: each key's SHA-256, optionally its facilities); --allow-no-auth runs \
            without keys. /healthz, /readyz and /metrics are open. SIGTERM or SIGINT stops gracefully. \
            Logs go to standard error, one line per request with its request id. Exit status: 2 on bad \
            options or a bad keys file.
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port, written to --port-file).")
    var port = 8080

    @Option(name: .customLong("port-file"), help: "Write the port to this file once listening.")
    var portFile: String?

    @Option(name: .customLong("api-keys"), help: "The API keys file (shopsched.api-keys/1).")
    var apiKeys: String?

    @Flag(name: .customLong("allow-no-auth"), help: "Serve without API keys (anyone who can connect may call).")
    var allowNoAuth = false

    @Option(name: .customLong("max-body"), help: "The largest request body in bytes (larger: 413).")
    var maxBody = ServiceOptions().maxBodyBytes

    @Option(name: .customLong("max-time-limit"), help: "The longest time limit a /v1/solve may ask for, in seconds.")
    var maxTimeLimit = ServiceOptions().maxTimeLimitSeconds

    @Option(help: "Seconds a request may take before the answer is 503.")
    var deadline = ServiceOptions().deadlineSeconds

    @Option(help: "Engine calls at once (default: one per core).")
    var workers = ServiceOptions().workers

    @Option(help: "Requests that may wait for a worker (more: 429).")
    var queue = ServiceOptions().queue

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        if apiKeys == nil && !allowNoAuth {
            throw ValidationError("--api-keys FILE is required; --allow-no-auth serves without keys")
        }
        if apiKeys != nil && allowNoAuth { throw ValidationError("give --api-keys or --allow-no-auth, not both") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
        guard maxBody > 0 else {
            throw ValidationError("--max-body must be a positive number of bytes, not \(maxBody)")
        }
        try OptionRules.timeLimit(maxTimeLimit, option: "--max-time-limit")
        guard deadline.isFinite, deadline > 0 else {
            throw ValidationError("--deadline must be a positive number of seconds, not \(deadline)")
        }
        guard maxTimeLimit < deadline else {
            throw ValidationError("--max-time-limit (\(maxTimeLimit)) must be shorter than --deadline (\(deadline))")
        }
        try OptionRules.threads(workers, option: "--workers")
        guard queue >= 0 else { throw ValidationError("--queue must be 0 or more, not \(queue)") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        var logger = Logger(label: "shopsched.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        var keys: APIKeys?
        if let apiKeys {
            do { keys = try APIKeys.load(from: readInput(apiKeys)) } catch { failBadInput(error, file: apiKeys) }
        } else {
            logger.warning("serving WITHOUT API keys (--allow-no-auth): anyone who can connect may call every route")
        }
        var options = ServiceOptions()
        options.maxBodyBytes = maxBody
        options.maxTimeLimitSeconds = maxTimeLimit
        options.deadlineSeconds = deadline
        options.workers = workers
        options.queue = queue
        let server = ShopServer(
            host: host, port: port, portFile: portFile, api: ServiceAPI(keys: keys, options: options))
        try await server.run(logger: logger)
    }
}
