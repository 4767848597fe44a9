import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner
import ShopVerifier

/// The refill's answer (`shopsched.refill/1`): proposals, best first.
public struct RefillResult: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.refill/1"
    public var format: String = RefillResult.formatName
    public var requestId: String
    public var start: String
    public var end: String
    public var bay: String?
    public var mechanic: String?
    public var proposals: [RefillProposal]
    public var warnings: [Warning]
}
