import ShopDomain

/// What a created or moved appointment takes, over its time range `[start, end)`:
/// its bay, its mechanic and one unit of the facility's capacity
/// (`maxConcurrent`). The backend can store claims under an exclusion
/// constraint (two claims of one bay or one mechanic must not overlap), or
/// hand a decision back to ``ClaimCheck`` to ask whether they still hold.
public struct Claim: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case bay = "BAY"
        case mechanic = "MECHANIC"
        case capacity = "CAPACITY"
    }

    public var kind: Kind
    /// The bay (or mobile unit) or mechanic id. Absent for capacity, and for a
    /// mechanic still to be assigned (deferred: some qualified mechanic must stay free).
    public var resource: String?
    public var appointmentId: String
    /// Facility local time, `YYYY-MM-DDTHH:MM`; the range is `[start, end)`.
    public var start: String
    public var end: String

    public init(kind: Kind, resource: String?, appointmentId: String, start: String, end: String) {
        self.kind = kind
        self.resource = resource
        self.appointmentId = appointmentId
        self.start = start
        self.end = end
    }

    /// The claims of one placed appointment: its bay, its mechanic (when it
    /// needs one: named, or still to be assigned) and one unit of capacity.
    /// Work that may pause (contract §7) gives its `work` ranges: it claims its bay
    /// from the first range's start to the last one's end, pauses included, and its
    /// mechanic and capacity once per work range.
    public static func of(
        appointment: String, start: LocalDateTime, durationMinutes: Int, bay: String, mechanic: String?,
        needsMechanic: Bool, work: [LocalRange]? = nil
    ) -> [Claim] {
        let runs = work ?? [LocalRange(start: start, end: start.adding(minutes: durationMinutes))]
        let from = runs.first?.start ?? start, to = runs.last?.end ?? start
        var claims = [
            Claim(
                kind: .bay, resource: bay, appointmentId: appointment, start: from.description, end: to.description)
        ]
        if mechanic != nil || needsMechanic {
            claims += runs.map {
                Claim(
                    kind: .mechanic, resource: mechanic, appointmentId: appointment, start: $0.start.description,
                    end: $0.end.description)
            }
        }
        claims += runs.map {
            Claim(
                kind: .capacity, resource: nil, appointmentId: appointment, start: $0.start.description,
                end: $0.end.description)
        }
        return claims
    }
}
