import ShopDomain

/// One line of an estimate or work order: one service.
public struct ServiceLine: Codable, Hashable, Sendable {
    public var serviceType: String
    /// The estimate's minutes for this line; absent: the policy's standard
    /// duration for ``serviceType``.
    public var estimatedMinutes: Int?
    public var requiredSkills: [String]?
    public var preferredSkills: [String]?
    /// Bay types the line can be done in (scenario bay type names); absent: any
    /// bay that is not a mobile unit.
    public var bayTypes: [String]?
    /// The line can be done at the customer's place by a mobile unit.
    public var mobileEligible: Bool?

    public init(
        serviceType: String, estimatedMinutes: Int? = nil, requiredSkills: [String]? = nil,
        preferredSkills: [String]? = nil, bayTypes: [String]? = nil, mobileEligible: Bool? = nil
    ) {
        self.serviceType = serviceType
        self.estimatedMinutes = estimatedMinutes
        self.requiredSkills = requiredSkills
        self.preferredSkills = preferredSkills
        self.bayTypes = bayTypes
        self.mobileEligible = mobileEligible
    }

    /// The bay types each line allows, intersected: one bay must suit every line.
    /// A line without `bayTypes` allows every shop bay; mobile units only when every line is mobile-eligible.
    public static func bayTypes(of lines: [ServiceLine]) -> [BayType] {
        let shop = BayType.allCases.filter { $0 != .mobileUnit }
        var allowed = Set(BayType.allCases)
        for line in lines {
            var types = Set(line.bayTypes.map { $0.compactMap(BayType.init(rawValue:)) } ?? shop)
            if line.mobileEligible == true { types.insert(.mobileUnit) }
            allowed.formIntersection(types)
        }
        if !lines.allSatisfy({ $0.mobileEligible == true }) { allowed.remove(.mobileUnit) }
        return BayType.allCases.filter(allowed.contains)
    }
}
