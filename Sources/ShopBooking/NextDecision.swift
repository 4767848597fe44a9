import Foundation
import ShopDomain
import ShopOperations
import ShopPlanner
import ShopVerifier

/// The answer (`shopsched.next/1`): ranked proposals, or why there are none.
public struct NextDecision: Codable, Hashable, Sendable {
    public static let formatName = "shopsched.next/1"

    public enum Outcome: String, Codable, Hashable, Sendable {
        /// At least one proposal.
        case proposed = "PROPOSED"
        /// The mechanic can work, but no waiting work fits them on the day.
        case nothingWaiting = "NOTHING_WAITING"
        /// The mechanic cannot take work (inactive, or no shift left that day).
        case denied = "DENIED"
    }

    public var format = NextDecision.formatName
    public var mechanic: String
    /// The time the proposals start from (the request's, never before now).
    public var at: String
    public var outcome: Outcome
    public var denials: [Denial]
    public var proposals: [NextProposal]
}
