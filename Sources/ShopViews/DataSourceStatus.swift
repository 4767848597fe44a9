import Foundation
import ShopDomain

/// How fresh one location's source of data is at the board's now: when it
/// was read (older than ``staleAfterSeconds`` is flagged), and whether it is
/// served from a cache (an outage) and how old that copy is.
public struct DataSourceStatus: Codable, Hashable, Sendable {
    /// The stories' limit: data read more than 60 seconds ago is stale.
    public static let staleAfterSeconds = 60

    public var locationId: String
    /// `people`, `assignments` or `workExecution`.
    public var source: String
    public var readAt: String?
    public var ageSeconds: Int?
    /// Read more than ``staleAfterSeconds`` ago (exactly 60 s is still fresh).
    public var stale: Bool
    public var cached: Bool
    public var cachedAsOf: String?
    /// Real minutes since the cached copy was taken.
    public var cachedAgeMinutes: Int?

    /// Every source the location's `dataSources` names, in the order people,
    /// assignments, Work Execution.
    static func of(_ location: ShopFloor.Location, clock: FloorClock) -> [DataSourceStatus] {
        let cachedBy: [String: ShopFloor.Freshness?] = [
            "people": location.peopleCachedAt, "assignments": location.assignmentsCachedAt,
            "workExecution": location.workExecutionCachedAt,
        ]
        return ["people", "assignments", "workExecution"].compactMap { source in
            let reading = location.readings.first { $0.source == source }
            let cache = cachedBy[source] ?? nil
            guard reading != nil || cache != nil else { return nil }
            let age = reading.map { clock.seconds(since: $0.readAt) }
            return DataSourceStatus(
                locationId: location.id, source: source, readAt: reading?.text, ageSeconds: age,
                stale: (age ?? 0) > staleAfterSeconds, cached: cache != nil, cachedAsOf: cache?.asOf?.description,
                cachedAgeMinutes: cache?.asOf.map { clock.minutes(since: $0, in: location) })
        }
    }

    /// The source's name on the board.
    var displayName: String {
        switch source {
        case "people": return "People"
        case "assignments": return "assignment"
        default: return "Work Execution"
        }
    }
}
