/// Hands out the ids of one decision in order, one counter per kind, so the
/// n-th event of a retried request gets the same id as before.
public final class DecisionIDs {
    private let generator: any BookingIDGenerator
    private let requestKey: String
    private let facility: String
    private var counters: [String: Int] = [:]

    public init(_ generator: any BookingIDGenerator, requestKey: String, facility: String) {
        self.generator = generator
        self.requestKey = requestKey
        self.facility = facility
    }

    /// The next id of `kind` (`APT`, `EVT`, `AUD`, `NTF`, `UPD`).
    public func next(_ kind: String) -> String {
        let index = counters[kind, default: 0]
        counters[kind] = index + 1
        return generator.id(kind: kind, requestKey: requestKey, facility: facility, index: index)
    }
}
